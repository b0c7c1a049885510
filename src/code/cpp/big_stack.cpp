#include "code/cpp/big_stack.h"

#include <pthread.h>

namespace lambdalint::code {
namespace {

thread_local const char* stackTop = nullptr;  // an address near the start of the thread's stack

struct Job {
  const std::function<void()>* fn;
};

void* trampoline(void* arg) {
  char top = 0;
  stackTop = &top;
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
  char here = 0;
  // The stack grows down on every target lambdalint builds for.
  return stackTop > &here ? static_cast<std::size_t>(stackTop - &here) : 0;
}

}  // namespace lambdalint::code
