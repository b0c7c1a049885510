#pragma once
// The join of a function with its handler's code: where the code is (from the
// Handler, CodeUri or inline code of the model) and what the frontend of its
// language says about it (CodeFacts). code/handler_sources.h resolves it for
// every function of a template; rules read it through RuleContext::source.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/source_file.h"
#include "code/code_facts.h"
#include "model/app_model.h"

namespace lambdalint {

// Where a function's handler code is, and what it says (when we could read it).
struct HandlerSource {
  enum class Status {
    Resolved,      // file found and parsed; `facts` is set
    FileMissing,   // no file matches the Handler under CodeUri
    NotLocal,      // code in S3, an image, or a runtime lambdalint does not read
    OutsideRoots,  // CodeUri, Handler or a build entry point leads outside the checked folders: not read
  };
  Status status = Status::NotLocal;
  code::Language language = code::Language::JavaScript;
  std::string module;                   // "src/app" of "src/app.handler"
  std::string symbol;                   // "handler"
  std::string path;                     // the file read (or the template, for inline code)
  std::vector<std::string> candidates;  // paths tried, for messages
  bool inlineCode = false;
  SourceFilePtr file;  // the source text (the template, for inline code)
  std::shared_ptr<const code::CodeFacts> facts;
  // With OutsideRoots: the path that leaves the checked folders, and the template value that names it.
  std::string outsidePath;
  const Node* outsideNode = nullptr;
};

// The handler source of each function of one template.
class HandlerSources {
 public:
  HandlerSources() = default;
  // `sources[i]` is the handler of `model.functions[i]`; the model must outlive this.
  HandlerSources(const TemplateModel& model, std::vector<HandlerSource> sources)
      : functions_(&model.functions), sources_(std::move(sources)) {
    sources_.resize(model.functions.size());
  }

  // The handler of `fn`, one of the model's functions; NotLocal (nothing read) for any other function.
  const HandlerSource& of(const Function& fn) const {
    static const HandlerSource kNotRead;
    if (!functions_ || functions_->empty()) return kNotRead;
    const Function* first = functions_->data();
    const std::less<const Function*> before;
    if (before(&fn, first) || !before(&fn, first + functions_->size())) return kNotRead;
    return sources_[static_cast<size_t>(&fn - first)];
  }

 private:
  const std::vector<Function>* functions_ = nullptr;
  std::vector<HandlerSource> sources_;
};

}  // namespace lambdalint
