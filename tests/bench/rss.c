/* rss: run a command, report its wall time and peak resident set size.
 *
 * Usage: rss CMD [ARGS...]
 *
 * Runs CMD (looked up in PATH) with stdout sent to /dev/null and stderr
 * left alone, waits for it with wait4(), then writes one line to stderr:
 *
 *     WALL_SECONDS PEAK_RSS_KIB EXIT_STATUS
 *
 * e.g. "1.234567 52340 0".  It is the last line rss writes and comes after
 * everything the child wrote to stderr, so `2>err; tail -n 1 err` gets it.
 * PEAK_RSS_KIB is ru_maxrss of the child (Linux: KiB).  EXIT_STATUS is the
 * child's exit status, or 128+N when killed by signal N, or 127 when CMD
 * could not be executed.  rss exits with that same status.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: rss CMD [ARGS...]\n"
                        "prints 'wall_seconds peak_rss_kib exit_status' "
                        "as the last line on stderr\n");
        return 2;
    }
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull < 0) {
        perror("rss: /dev/null");
        return 2;
    }
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("rss: fork");
        return 2;
    }
    if (pid == 0) {
        if (dup2(devnull, STDOUT_FILENO) < 0)
            _exit(127);
        close(devnull);
        execvp(argv[1], argv + 1);
        fprintf(stderr, "rss: %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    close(devnull);

    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    pid_t w;
    do {
        w = wait4(pid, &status, 0, &ru);
    } while (w < 0 && errno == EINTR);
    double wall = now() - t0;
    if (w < 0) {
        perror("rss: wait4");
        return 2;
    }
    int code;
    if (WIFEXITED(status))
        code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        code = 128 + WTERMSIG(status);
    else
        code = 2;
    fprintf(stderr, "%.6f %ld %d\n", wall, (long)ru.ru_maxrss, code);
    return code;
}
