/*
 * Lets valgrind 3.19 (Debian 12's) run Swift programs: an async `main` parks the main thread in
 * libdispatch, which calls sigsuspend() with a mask in read-only memory, and valgrind rewrites
 * that mask in place and dies (SIGSEGV inside valgrind). This copy of sigsuspend hands the
 * kernel a writable copy of the mask instead. Preloaded for profiling only:
 *
 *   cc -O2 -shared -fPIC -o /tmp/sigsuspend_shim.so Benchmarks/valgrind_sigsuspend_shim.c
 *   objcopy --strip-debug .build/release/preflight /tmp/preflight   # valgrind 3.19 cannot read
 *                                                                   # Swift 6.3's DWARF 5
 *   LD_PRELOAD=/tmp/sigsuspend_shim.so valgrind --tool=callgrind /tmp/preflight scenario ...
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
  sigset_t copy = *mask;
  return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
