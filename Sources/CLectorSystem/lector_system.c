#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lector_system.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

int lector_rename_noreplace(const char *source, const char *target) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE);
}

/// One request to the spawner thread; the caller waits until `done`.
struct spawn_request {
    char *const *argv;
    const char *directory;
    int stdin_fd;
    int stdout_fd;
    long long memory_limit;
    pid_t pid;
    int error;
    int done;
    struct spawn_request *next;
};

static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spawn_wanted = PTHREAD_COND_INITIALIZER;
static pthread_cond_t spawn_done = PTHREAD_COND_INITIALIZER;
static struct spawn_request *spawn_queue = NULL;
static pthread_once_t spawner_once = PTHREAD_ONCE_INIT;
static int spawner_error = 0;

/// Forks and execs one request, on the spawner thread.
static int spawn_now(char *const argv[], const char *directory, int stdin_fd, int stdout_fd,
                     long long memory_limit, pid_t *pid) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
        // Only async-signal-safe calls until exec: the parent is multi-threaded.
        int error = 0;
        // Dispositions first, then the mask: a signal let through by an emptied mask must
        // not run a handler of the parent's in the child. Pending signals are not
        // inherited across fork; blocked ones and ignored dispositions would be, and
        // survive exec.
        for (int number = 1; number < NSIG; number++) {
            if (number != SIGKILL && number != SIGSTOP) signal(number, SIG_DFL);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        setpgid(0, 0);
        // Die with Lector: SIGKILL when the forking thread ends, and this thread lives as
        // long as the process. If Lector died before prctl, we were already reparented.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) error = errno;
        if (error == 0 && getppid() != parent) _exit(127);
        if (error == 0 && (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0)) error = errno;
        if (error == 0 && directory != NULL && chdir(directory) != 0) error = errno;
        if (error == 0 && memory_limit > 0) {
            struct rlimit limit = {(rlim_t)memory_limit, (rlim_t)memory_limit};
            if (setrlimit(RLIMIT_AS, &limit) != 0) error = errno;
        }
        if (error == 0) {
            execvp(argv[0], argv);
            error = errno;
        }
        ssize_t ignored = write(report[1], &error, sizeof error);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    int error = 0;
    ssize_t count;
    do {
        count = read(report[0], &error, sizeof error);
    } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof error && error != 0) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        return error;
    }
    *pid = child;
    return 0;
}

/// The spawner thread: forks every plugin, and never exits.
///
/// PR_SET_PDEATHSIG fires when the *thread* that forked the child ends, not the process.
/// Lector's workers are Dispatch threads, which Dispatch retires when idle, so a plugin
/// forked on one would be killed minutes later for no reason. Forking here ties every
/// plugin's life to the process's instead.
static void *spawner_main(void *unused) {
    (void)unused;
    // This thread never handles a signal; the daemon's signal threads do.
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, NULL);
    pthread_mutex_lock(&spawn_lock);
    for (;;) {
        while (spawn_queue == NULL) pthread_cond_wait(&spawn_wanted, &spawn_lock);
        struct spawn_request *request = spawn_queue;
        spawn_queue = request->next;
        pthread_mutex_unlock(&spawn_lock);
        request->error = spawn_now(request->argv, request->directory, request->stdin_fd,
                                   request->stdout_fd, request->memory_limit, &request->pid);
        pthread_mutex_lock(&spawn_lock);
        request->done = 1;
        pthread_cond_broadcast(&spawn_done);
    }
    return NULL;
}

static void start_spawner(void) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    spawner_error = pthread_create(&thread, &attributes, spawner_main, NULL);
    pthread_attr_destroy(&attributes);
}

int lector_spawn(char *const argv[], const char *directory, int stdin_fd, int stdout_fd,
                 long long memory_limit, pid_t *pid) {
    pthread_once(&spawner_once, start_spawner);
    if (spawner_error != 0) return spawner_error;
    struct spawn_request request = {argv, directory, stdin_fd, stdout_fd, memory_limit, 0, 0, 0, NULL};
    pthread_mutex_lock(&spawn_lock);
    struct spawn_request **last = &spawn_queue;
    while (*last != NULL) last = &(*last)->next;
    *last = &request;
    pthread_cond_signal(&spawn_wanted);
    while (!request.done) pthread_cond_wait(&spawn_done, &spawn_lock);
    pthread_mutex_unlock(&spawn_lock);
    if (request.error != 0) return request.error;
    *pid = request.pid;
    return 0;
}

int lector_pipe_pending(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) return -1;
    return count;
}

int lector_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}
