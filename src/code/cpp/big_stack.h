#pragma once
// Runs a function on a thread of its own with a large stack. Clang's parser is
// recursive descent: nesting in the input becomes native recursion, which the
// 8 MB of an ordinary thread does not hold for hostile inputs. The callee can
// ask how much of that stack is in use (the C++ frontend stops parsing well
// before the end of it).
#include <cstddef>
#include <functional>

namespace lambdalint::code {

// False when the thread could not be created (`fn` did not run). `fn` must not throw.
bool runWithStack(std::size_t stackBytes, const std::function<void()>& fn);

// Bytes of the current runWithStack() thread's stack in use (0 outside such a thread).
std::size_t bigStackUsed();

}  // namespace lambdalint::code
