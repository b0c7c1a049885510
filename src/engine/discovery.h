#pragma once
// Which files a check looks at. Folders are walked (skipping VCS, build and
// dependency folders); files named on the command line are always read.
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace lambdalint {

struct DiscoveredFile {
  std::string path;
  bool explicitlyNamed = false;
  // Found above a handler file named on the command line: report only the
  // findings in those handler files (pre-commit passes changed handlers).
  bool onlyForHandlers = false;
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<std::string> handlerFiles;  // canonical paths of handler sources named on the command line
  std::vector<Diagnostic> problems;       // unreadable or missing paths
  bool anyInput = false;
};

Discovery discover(const std::vector<std::string>& paths, const std::vector<std::string>& exclude,
                   const std::string& excludeBase);

bool hasTemplateExtension(std::string_view path);
bool hasHandlerExtension(std::string_view path);
// Cheap content sniff before parsing a walked file.
bool mentionsCloudFormation(std::string_view text);

}  // namespace lambdalint
