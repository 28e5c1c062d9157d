#ifndef LECTOR_SYSTEM_H
#define LECTOR_SYSTEM_H

#include <sys/types.h>

/// Renames `source` to `target` only if `target` does not exist (renameat2 with
/// RENAME_NOREPLACE), atomically. Returns 0, or -1 with errno set (EEXIST when the target
/// exists). Glibc's Swift module does not export renameat2, and syscall(2) is variadic.
int lector_rename_noreplace(const char *source, const char *target);

/// Starts `argv[0]` (searched in PATH when it has no slash) with `argv` as its arguments,
/// its standard input and output on `stdin_fd` and `stdout_fd` (standard error is
/// inherited), in `directory` when not NULL, in a process group of its own, with every
/// signal at its default disposition and unblocked (whatever the calling thread blocks
/// or ignores), and — when `memory_limit` > 0 — an address-space limit (RLIMIT_AS) of
/// that many bytes.
///
/// The child gets SIGKILL when Lector dies, however it dies (PR_SET_PDEATHSIG): the fork
/// happens on one long-lived thread started at the first call, because the signal follows
/// the forking *thread*, and Dispatch retires idle worker threads. Callers block until the
/// child has exec'd or failed to; calls from several threads are served one at a time.
///
/// Returns 0 and sets `*pid`, or returns an errno value: the child's exec failure
/// (ENOENT, EACCES, …) is reported here, not as a child that exits 127.
int lector_spawn(char *const argv[], const char *directory, int stdin_fd, int stdout_fd,
                 long long memory_limit, pid_t *pid);

/// How many bytes sit unread in the pipe `fd` belongs to (FIONREAD; either end works),
/// or -1.
int lector_pipe_pending(int fd);

/// pipe2(fds, O_CLOEXEC), which Glibc's Swift module does not export.
int lector_pipe_cloexec(int fds[2]);

#endif
