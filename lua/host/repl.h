/* repl.h - the interactive loop and Ctrl-C. */
#ifndef PX_REPL_H
#define PX_REPL_H

#include <lua.h>

typedef struct px_repl_opts {
    int interactive;   /* force prompts */
    int batch;         /* force no prompts */
    int quiet;         /* no banner */
    int bundled;       /* the bundled corpus is loaded */
} px_repl_opts;

/* Runs the REPL (or stdin as a script when not interactive); returns the
 * exit status. */
int px_repl(lua_State *L, const px_repl_opts *o);

/* Ctrl-C while a chunk runs: the first sets the interrupt flag and a Lua
 * hook that raises "interrupted"; a second while still running exits. */
void px_host_sigint_arm(lua_State *L);
void px_host_sigint_disarm(void);
/* Ctrl-C for plain C commands (info): sets the flag only. */
void px_host_sigint_simple(void);

/* Adds the REPL's helpers to the praxis table on top of the stack:
 * praxis._term (isatty, width), praxis.progress. */
void px_repl_openlib(lua_State *L);

int px_host_docall(lua_State *L, int narg, int nres);
int px_host_report(lua_State *L, int status);
void px_host_print_results(lua_State *L, int base);
int px_host_home(char *out, size_t n);

#endif
