; Modules a Python file imports. One match per imported module:
;   import a, b.c as d      -> a, b.c
;   from x.y import z       -> x.y
;   from . import z         -> .
;   from __future__ import annotations  -> @future (module "__future__")
(import_statement name: (dotted_name) @module) @statement
(import_statement name: (aliased_import name: (dotted_name) @module)) @statement
(import_from_statement module_name: (_) @module) @statement
(future_import_statement) @future
