#include "code/analysis/value.h"

namespace lambdalint::code::analysis {

bool Value::sameAs(const Value& o) const {
  if (kind != o.kind || text != o.text) return false;
  switch (kind) {
    case Kind::Function:
    case Kind::Class:
    case Kind::Instance:
    case Kind::Object:
      return ref == o.ref;
    case Kind::Module:
      return members == o.members;
    case Kind::Library:
      return object.shape == o.object.shape && object.service == o.object.service;
    default:
      return true;
  }
}

}  // namespace lambdalint::code::analysis
