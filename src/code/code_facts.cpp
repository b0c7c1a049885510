#include "code/code_facts.h"

namespace lambdalint::code {

std::string_view to_string(Language language) {
  switch (language) {
    case Language::JavaScript:
      return "JavaScript";
    case Language::TypeScript:
      return "TypeScript";
    case Language::Tsx:
      return "TSX";
    case Language::Python:
      return "Python";
    case Language::Cpp:
      return "C++";
  }
  return "";
}

}  // namespace lambdalint::code
