#include "code/cpp/big_stack.h"

#include <pthread.h>

namespace lambdalint::code {
namespace {

thread_local const char* stackTop = nullptr;  // an address near the start of the thread's stack

struct Job {
  const std::function<void()>* fn;
};

// The frame address, not the address of a local: under AddressSanitizer locals may live on a fake stack
// in the heap, which would make the measured depth meaningless.
const char* frameAddress() { return static_cast<const char*>(__builtin_frame_address(0)); }

void* trampoline(void* arg) {
  stackTop = frameAddress();
  (*static_cast<Job*>(arg)->fn)();
  stackTop = nullptr;
  return nullptr;
}

}  // namespace

bool runWithStack(std::size_t stackBytes, const std::function<void()>& fn) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  bool ok = pthread_attr_setstacksize(&attr, stackBytes) == 0;
  Job job{&fn};
  pthread_t thread;
  ok = ok && pthread_create(&thread, &attr, trampoline, &job) == 0;
  pthread_attr_destroy(&attr);
  if (ok) pthread_join(thread, nullptr);
  return ok;
}

std::size_t bigStackUsed() {
  if (!stackTop) return 0;
  const char* here = frameAddress();
  // The stack grows down on every target lambdalint builds for.
  return stackTop > here ? static_cast<std::size_t>(stackTop - here) : 0;
}

}  // namespace lambdalint::code
