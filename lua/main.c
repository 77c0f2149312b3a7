/* main.c - the praxis executable. */
#include "host.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static void on_sigint(int sig)
{
    (void)sig;
    px_runtime_interrupt();
}

int main(int argc, char **argv)
{
    signal(SIGINT, on_sigint);
    px_runtime_init();
    if (argc >= 2 && !strcmp(argv[1], "info")) {
        int rc = px_cmd_info(argc - 2, argv + 2);
        return px_runtime_interrupted() ? PX_EXIT_INTERRUPTED : rc;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("praxis %s\n", PX_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: praxis info PATH...\n");
    return PX_EXIT_USAGE;
}
