constexpr int kExitCode = 0;
