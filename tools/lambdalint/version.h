#pragma once
#include <string>

// `lambdalint --version`: the tool and the versions of the data it carries.
std::string versionText();
