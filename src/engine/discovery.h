#pragma once
// Which files a check looks at. Folders are walked (skipping VCS, build and
// dependency folders); files named on the command line are always read.
#include <string>
#include <vector>

#include "engine/diagnostic.h"

namespace lambdalint {

struct DiscoveredFile {
  std::string path;
  bool explicitlyNamed = false;
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<Diagnostic> problems;  // unreadable or missing paths
  bool anyInput = false;
};

Discovery discover(const std::vector<std::string>& paths, const std::vector<std::string>& exclude,
                   const std::string& excludeBase);

bool hasTemplateExtension(std::string_view path);
// Cheap content sniff before parsing a walked file.
bool mentionsCloudFormation(std::string_view text);

}  // namespace lambdalint
