/* host.h - the praxis executable's shared pieces (not the core). */
#ifndef PX_HOST_H
#define PX_HOST_H

#include "px.h"
#include <stdlib.h>

/* Exit codes (docs/semantics.md, "Exit codes"): */
enum {
    PX_EXIT_OK = 0,
    PX_EXIT_SCRIPT = 1,      /* script error, sandbox violation */
    PX_EXIT_USAGE = 2,       /* unknown option, bad parameter */
    PX_EXIT_DATA = 3,        /* nothing could be loaded; refusal under --strict */
    PX_EXIT_LIMIT = 1,       /* a script reached its time or memory limit: a
                              * script error with its own message (docs/semantics.md) */
    PX_EXIT_INTERRUPTED = 130
};

/* Prints one line per refused file on stderr:
 * "praxis: refused FILE:LINE:COL: message". Returns the exit code the
 * load deserves: 3 when nothing could be loaded, when no document was
 * loaded and there were errors (those are printed too), or when anything
 * was refused under strict; else 0 (components alone are a success). */
int px_host_report_refusals(const px_corpus *c, int strict);

/* A flag of a plain C command (info, check): sets *set to 1. A standalone
 * flag (check --codes) needs no corpus. */
typedef struct px_flag { const char *name; int *set; int standalone; } px_flag;

/* Reads `praxis CMD [flags] CORPUS...`: the flags in `flags` (a NULL name
 * ends them), --per-document, --help and --. Returns -1 to go on, with
 * *paths (free it) and *n set; else the exit status to leave with, after
 * printing what is wrong and the usage. */
int px_host_args(const char *cmd, int argc, char **argv, const px_flag *flags,
                 void (*usage)(FILE *), px_options *opt, const char ***paths, size_t *n);

/* Loads paths (files or folders) with the progress bar; on failure prints
 * "praxis: message" and sets *rc to the exit status it deserves (3, or 130
 * when interrupted), returning NULL. */
px_corpus *px_host_open(const char *const *paths, size_t n, px_options *opt, int *rc);

/* A progress bar on stderr for long loads, when stderr is a terminal. */
void px_host_progress_setup(px_options *opt);
void px_host_progress_done(void);

int px_cmd_info(int argc, char **argv);
int px_cmd_check(int argc, char **argv);

#endif
