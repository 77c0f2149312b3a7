/* run.h - the script runner (lua/host/run.c) and its sandbox (lua/host/sandbox.c):
 * `praxis run`, `praxis scripts`, `praxis help SCRIPT`, praxis.run() and
 * praxis.scripts(), and the limits a sandboxed script runs under. */
#ifndef PX_RUN_H
#define PX_RUN_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/* ---- sandbox.c ---- */

/* A Lua state on Praxis's counting allocator (lua_newstate with our
 * lua_Alloc), with luaL_newstate's panic and warning functions. No limit
 * until a run sets one. NULL when out of memory. */
lua_State *px_sandbox_newstate(void);
/* Closes a state made by px_sandbox_newstate (or any other). */
void px_sandbox_close(lua_State *L);

/* Adds the sandbox's primitives to the table on top of the stack (the
 * private praxis._run): call (a function under the time and memory
 * limits), hook_thread, outdir, realpath, isdir, listdir. */
void px_sandbox_openlib(lua_State *L);

/* ---- run.c ---- */

#define PX_RUN_MAX_PARAMS 256

/* The options of `praxis run` (parsed by px_run_option). */
typedef struct px_run_opts {
    const char *params[PX_RUN_MAX_PARAMS];   /* "k=v", as given */
    int nparams;
    const char *out;          /* --out DIR, or NULL */
    const char *mode;         /* --mode, or NULL (table) */
    double timeout;           /* --timeout seconds, 0 = none, -1 = not given */
    double max_memory;        /* --max-memory MB, 0 = none, -1 = not given */
    long long seed;           /* --seed, 1 by default */
    int trust;                /* --trust */
} px_run_opts;

/* The limits of a script file not installed with Praxis, when no flag
 * sets them: seconds of wall-clock time, and megabytes for the whole
 * process. PRAXIS_TEST_DEFAULT_LIMITS="2s,200MB" shortens them for the
 * tests (docs/DESIGN.md, Testing). */
#define PX_RUN_DEFAULT_TIMEOUT 60.0
#define PX_RUN_DEFAULT_MEMORY_MB 2048.0

/* Sets the defaults. */
void px_run_opts_init(px_run_opts *o);

/* The default limits (PX_RUN_DEFAULT_*, or PRAXIS_TEST_DEFAULT_LIMITS):
 * 0, or -1 after printing why the setting cannot be read. */
int px_run_default_limits(double *timeout, double *max_memory_mb);

/* Reads one option of `praxis run` at argv[*i] (advancing *i past its
 * value). Returns 1 when it was one, 0 when it is not a run option, -1
 * after printing a usage error on stderr. */
int px_run_option(px_run_opts *o, int argc, char **argv, int *i);

/* Opens the corpus given on the command line and sets the global
 * `corpus`; returns 0, or -1 with *exit_code set (main.c's open_corpus). */
typedef int (*px_run_open_corpus)(lua_State *L, void *ud, int *exit_code);

/* `praxis run NAME|FILE CORPUS...`: returns the exit status. The state has
 * the praxis module and the embedded library loaded. */
int px_run_cli(lua_State *L, const px_run_opts *o, const char *target, const char **paths,
               int npaths, px_run_open_corpus open_corpus, void *ud);

/* `praxis scripts [PATTERN]` and `praxis help SCRIPT` (argv[0] is the
 * command's name): returns the exit status. */
int px_run_command(lua_State *L, int argc, char **argv);

/* Adds praxis.random, praxis.randomseed, praxis.sha256 and the private
 * praxis._run to the praxis table on top of the stack. praxis.scripts and
 * praxis.run come from lua/lib/scripts.lua, which builds on _run. */
void px_run_openlib(lua_State *L);

/* The seed of the current (or last) run: --seed, praxis.run's seed
 * option, 1 by default. The network bindings seed igraph from it. */
uint64_t px_host_seed(void);

/* SHA-256 (FIPS 180-4) of n bytes; out receives 65 characters (hex + NUL). */
void px_sha256_hex(const void *data, size_t n, char out[65]);

#endif
