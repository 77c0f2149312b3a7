/* main.c - the praxis executable: options, one protected main, one path
 * for running chunks, exit statuses (docs/semantics.md, "Exit codes"). */
#include "host.h"
#include "luax.h"
#include "repl.h"
#include "run.h"

#include <lualib.h>
#include <libxml/xmlversion.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PX_SHARE_DIR
#define PX_SHARE_DIR "/usr/local/share/praxis"
#endif

extern const struct px_embedded { const char *name; const char *src; size_t len; } px_embedded[];

static const char usage_text[] =
    "usage: praxis [options] [CORPUS...]          REPL with CORPUS loaded as `corpus`\n"
    "       praxis -e CODE [CORPUS...]            run Lua code\n"
    "       praxis run FILE [CORPUS...]           run a Lua script (sandboxed)\n"
    "       praxis run NAME [CORPUS...] [-p K=V]  run a shared script (praxis scripts)\n"
    "       praxis scripts [CATEGORY|PATTERN]     list the shared scripts\n"
    "       praxis help SCRIPT                    a shared script's documentation\n"
    "       praxis info [--json] CORPUS...        what is in a corpus\n"
    "       praxis check [--codes] CORPUS...      check TEI files, with line and column\n"
    "\n"
    "CORPUS is a TEI file or a folder of them (loaded recursively). With none,\n"
    "the bundled sample corpus `alinsu` is loaded.\n"
    "\n"
    "options:\n"
    "  -e CODE           run CODE, print what it returns, exit (with --timeout\n"
    "                    and --max-memory as for run; no limit by default)\n"
    "  -i, --interactive REPL with prompts even when stdin is not a terminal\n"
    "  --batch           no banner, no prompts: read Lua from stdin\n"
    "  -q, --quiet       no banner\n"
    "  --per-document    keep participant ids apart per document\n"
    "  --strict          exit 3 when any file is refused\n"
    "  -h, --help        this help\n"
    "  -v, --version     the version\n"
    "\n"
    "options of run: praxis run --help\n"
    "\n"
    "examples:\n"
    "  praxis                                     explore the sample corpus\n"
    "  praxis -e 'print(corpus)'\n"
    "  praxis -e 'for p in corpus.participants:each() do print(p.id, #p.utterances) end'\n"
    "  praxis -e 'print(#corpus.utterances)' corpora/samples/drama.xml\n"
    "  praxis run my-analysis.lua corpora/alinsu\n"
    "  praxis info --json corpora/samples\n"
    "\n"
    "exit status: 0 ok, 1 script error, 2 usage error, 3 data error (nothing\n"
    "could be loaded, or a refusal under --strict), 130 interrupted; a time or\n"
    "memory limit is a script error with its own message.\n";

static const char run_usage_text[] =
    "usage: praxis run FILE [CORPUS...] [options]     run a Lua script (sandboxed)\n"
    "       praxis run NAME [CORPUS...] [options]     run a shared script (praxis scripts)\n"
    "\n"
    "CORPUS is a TEI file or a folder of them; with none, the bundled sample\n"
    "corpus `alinsu`. The script sees it as `corpus` (docs/scripts.md).\n"
    "\n"
    "options:\n"
    "  -p, --param K=V   a parameter of the script (repeat for more)\n"
    "  --out DIR         write the results (CSV, JSON) and manifest.json into DIR\n"
    "  --mode M          print results as table, csv, tsv, json or markdown\n"
    "  --timeout S       stop the script after S seconds of wall-clock time\n"
    "                    (0: no limit)\n"
    "  --max-memory MB   stop the script when Praxis as a whole (the script, the\n"
    "                    corpus, networks) uses more than MB megabytes (0: no limit)\n"
    "  --seed N          seed of math.random and praxis.random (default 1)\n"
    "  --trust           run without the sandbox (only scripts you trust)\n"
    "\n"
    "default limits: a script file that is not installed with Praxis runs, unless\n"
    "--trust is given, under a limit of 60 s and 2048 MB (2 GiB); --timeout and\n"
    "--max-memory raise them, or lift them with 0. A script's spec may lower them\n"
    "(limits = {timeout =, max_memory =}), never raise them. The shared scripts\n"
    "installed with Praxis run without limits unless the options set them.\n"
    "\n"
    "exit status: 0 ok, 1 script error, sandbox violation or a time or memory\n"
    "limit reached (each with its own message), 2 usage error (an unknown\n"
    "option, script or parameter, a bad value), 3 the corpus could not be\n"
    "loaded, 130 interrupted.\n";

typedef struct args {
    const char *code;        /* -e */
    const char *script;      /* run FILE */
    const char **paths;
    int npaths;
    int interactive, batch, quiet, strict;
    px_options opt;
    px_run_opts run;         /* options of run */
    const char *command;     /* scripts, help */
    int cmd_argc;
    char **cmd_argv;
} args;

/* ---- finding the bundled corpus ---- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder Praxis's own files live in: PRAXIS_HOME, beside the
 * executable (the build tree), or the installed share folder. */
int px_host_home(char *out, size_t n)
{
    const char *env = getenv("PRAXIS_HOME");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return 0;
    }
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char probe[4200];
            /* build tree: praxis sits at the root; asan builds two levels down */
            const char *ups[] = {"", "/..", "/../.."};
            for (int i = 0; i < 3; i++) {
                snprintf(probe, sizeof probe, "%s%s/corpora/alinsu", exe, ups[i]);
                if (is_dir(probe)) {
                    snprintf(out, n, "%s%s", exe, ups[i]);
                    return 0;
                }
            }
            /* installed: PREFIX/bin/praxis -> PREFIX/share/praxis */
            snprintf(probe, sizeof probe, "%s/../share/praxis/corpora", exe);
            if (is_dir(probe)) {
                snprintf(out, n, "%s/../share/praxis", exe);
                return 0;
            }
        }
    }
    if (is_dir(PX_SHARE_DIR "/corpora")) {
        snprintf(out, n, "%s", PX_SHARE_DIR);
        return 0;
    }
    return -1;
}

/* ---- running chunks ---- */

static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int px_host_docall(lua_State *L, int narg, int nres)
{
    int base = lua_gettop(L) - narg;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    px_host_sigint_arm(L);
    int status = lua_pcall(L, narg, nres, base);
    px_host_sigint_disarm();
    lua_remove(L, base);
    return status;
}

int px_host_report(lua_State *L, int status)
{
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        fprintf(stderr, "praxis: %s\n", msg ? msg : "(error object is not a string)");
        fflush(stderr);
        lua_pop(L, 1);
    }
    return status;
}

/* Prints the values on the stack above base through praxis.show. */
void px_host_print_results(lua_State *L, int base)
{
    int n = lua_gettop(L) - base;
    if (n <= 0) return;
    lua_getglobal(L, "praxis");
    lua_getfield(L, -1, "show");
    lua_remove(L, -2);
    lua_insert(L, base + 1);
    if (lua_pcall(L, n, 0, 0) != LUA_OK) {
        fprintf(stderr, "praxis: cannot print the result: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
    }
}

/* ---- the Lua state ---- */

static int load_embedded(lua_State *L)
{
    /* the files of lua/meta are documentation: kept as text in praxis._meta for
     * help (lua/lib/help.lua), never run */
    lua_getglobal(L, "praxis");
    lua_newtable(L);
    for (int i = 0; px_embedded[i].name; i++) {
        if (strncmp(px_embedded[i].name, "meta/", 5) != 0) continue;
        lua_pushlstring(L, px_embedded[i].src, px_embedded[i].len);
        lua_setfield(L, -2, px_embedded[i].name + 5);
    }
    lua_setfield(L, -2, "_meta");
    lua_pop(L, 1);
    for (int i = 0; px_embedded[i].name; i++) {
        if (strncmp(px_embedded[i].name, "meta/", 5) == 0) continue;
        char chunkname[96];
        snprintf(chunkname, sizeof chunkname, "=[praxis %s]", px_embedded[i].name);
        if (luaL_loadbufferx(L, px_embedded[i].src, px_embedded[i].len, chunkname, "t") != LUA_OK)
            return lua_error(L);
        lua_getglobal(L, "praxis");
        lua_call(L, 1, 0);
    }
    return 0;
}

static int open_corpus(lua_State *L, args *a, int *exit_code)
{
    const char *bundled[1];
    char home[4096], path[4200];
    const char **paths = a->paths;
    int n = a->npaths;
    if (n == 0) {
        if (px_host_home(home, sizeof home) != 0) {
            fprintf(stderr, "praxis: the bundled corpus was not found (looked beside the "
                    "executable and in %s); set PRAXIS_HOME or name a corpus\n", PX_SHARE_DIR);
            *exit_code = PX_EXIT_DATA;
            return -1;
        }
        snprintf(path, sizeof path, "%s/corpora/alinsu", home);
        bundled[0] = path;
        paths = bundled;
        n = 1;
    }
    px_corpus *c = px_host_open(paths, (size_t)n, &a->opt, exit_code);
    if (!c) return -1;
    int rc = px_host_report_refusals(c, a->strict);
    if (rc != 0) {
        px_corpus_unref(c);
        *exit_code = rc;
        return -1;
    }
    px_l_pushcorpus(L, c);   /* the box takes our reference */
    lua_setglobal(L, "corpus");
    return 0;
}

static int run_open_corpus(lua_State *L, void *a, int *exit_code)
{
    return open_corpus(L, a, exit_code);
}

/* -e CODE under --timeout or --max-memory: through praxis._run.call, as a
 * script run; returns the exit status */
static int run_code_limited(lua_State *L, const args *a)
{
    int base = lua_gettop(L);
    lua_getglobal(L, "praxis");
    lua_getfield(L, -1, "_run");
    lua_getfield(L, -1, "call");
    lua_replace(L, base + 1);
    lua_settop(L, base + 1);
    if (luaL_loadbufferx(L, a->code, strlen(a->code), "=(command line)", "t") != LUA_OK) {
        px_host_report(L, LUA_ERRSYNTAX);
        return PX_EXIT_SCRIPT;
    }
    lua_pushnumber(L, a->run.timeout > 0 ? a->run.timeout : 0);
    lua_pushinteger(L, a->run.max_memory > 0 ? (lua_Integer)(a->run.max_memory * 1048576.0) : 0);
    lua_call(L, 3, LUA_MULTRET);
    const char *status = lua_tostring(L, base + 1);
    if (!strcmp(status, "ok")) {
        lua_remove(L, base + 1);
        px_host_print_results(L, base);
        return PX_EXIT_OK;
    }
    if (!strcmp(status, "time"))
        fprintf(stderr, "praxis: time limit reached: the code ran for more than %g s "
                "(--timeout SECONDS raises it)\n", a->run.timeout);
    else if (!strcmp(status, "memory") && a->run.max_memory > 0)
        fprintf(stderr, "praxis: memory limit reached: Praxis used more than %g MB "
                "(--max-memory MB raises it)\n", a->run.max_memory);
    else
        fprintf(stderr, "praxis: %s\n", lua_tostring(L, base + 2));
    if (!strcmp(status, "time") || (!strcmp(status, "memory") && a->run.max_memory > 0))
        return PX_EXIT_LIMIT;
    return !strcmp(status, "interrupted") ? PX_EXIT_INTERRUPTED : PX_EXIT_SCRIPT;
}

static int pmain(lua_State *L)
{
    args *a = lua_touserdata(L, 1);
    int *exit_code = lua_touserdata(L, 2);
    static const px_l_hooks hooks = {px_host_progress_setup, px_host_progress_done, px_host_seed};
    luaL_openlibs(L);
    px_l_sethooks(L, &hooks);   /* the progress bar and the run's seed, for the bindings */
    luaL_requiref(L, "praxis", luaopen_praxis, 1);
    px_repl_openlib(L);   /* terminal helpers for show, plots, progress */
    px_run_openlib(L);    /* praxis.random, sha256, the script runner's primitives */
    lua_pop(L, 1);
    load_embedded(L);
    if (a->command) {
        *exit_code = px_run_command(L, a->cmd_argc, a->cmd_argv);
        return 0;
    }
    if (!a->script && open_corpus(L, a, exit_code) != 0) return 0;
    /* arg, as lua.c makes it: the words after the script (or after -e),
     * which are the corpus paths, and the script at 0 */
    lua_createtable(L, a->npaths, 1);
    for (int i = 0; i < a->npaths; i++) {
        lua_pushstring(L, a->paths[i]);
        lua_rawseti(L, -2, i + 1);
    }
    if (a->script) {
        lua_pushstring(L, a->script);
        lua_rawseti(L, -2, 0);
    }
    lua_setglobal(L, "arg");

    if (a->code && (a->run.timeout > 0 || a->run.max_memory > 0)) {
        *exit_code = run_code_limited(L, a);
        return 0;
    }
    if (a->code) {
        int base = lua_gettop(L);
        int st = luaL_loadbufferx(L, a->code, strlen(a->code), "=(command line)", "t");
        if (st == LUA_OK) st = px_host_docall(L, 0, LUA_MULTRET);
        if (px_host_report(L, st) != LUA_OK) {
            *exit_code = px_runtime_interrupted() ? PX_EXIT_INTERRUPTED : PX_EXIT_SCRIPT;
            return 0;
        }
        px_host_print_results(L, base);
        *exit_code = 0;
        return 0;
    }
    if (a->script) {
        /* lua/host/run.c: finds the script, checks its parameters, opens the
         * corpus (run_open_corpus) and runs it, sandboxed unless --trust */
        *exit_code = px_run_cli(L, &a->run, a->script, a->paths, a->npaths, run_open_corpus, a);
        return 0;
    }
    px_repl_opts ro = {a->interactive, a->batch, a->quiet, a->npaths == 0};
    *exit_code = px_repl(L, &ro);
    return 0;
}

/* --timeout and --max-memory, which -e takes too */
static int is_limit_option(const char *s)
{
    size_t t = strlen("--timeout"), m = strlen("--max-memory");
    return (!strncmp(s, "--timeout", t) && (s[t] == '\0' || s[t] == '=')) ||
           (!strncmp(s, "--max-memory", m) && (s[m] == '\0' || s[m] == '='));
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "praxis: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'praxis --help'.\n");
    return PX_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    px_runtime_init();
    if (argc >= 2 && !strcmp(argv[1], "info")) {
        px_host_sigint_simple();
        int rc = px_cmd_info(argc - 2, argv + 2);
        return px_runtime_interrupted() ? PX_EXIT_INTERRUPTED : rc;
    }
    if (argc >= 2 && !strcmp(argv[1], "check")) {
        px_host_sigint_simple();
        int rc = px_cmd_check(argc - 2, argv + 2);
        return px_runtime_interrupted() ? PX_EXIT_INTERRUPTED : rc;
    }
    args a;
    memset(&a, 0, sizeof a);
    px_options_init(&a.opt);
    a.paths = calloc((size_t)argc + 1, sizeof *a.paths);
    if (!a.paths) return PX_EXIT_SCRIPT;
    int i = 1;
    px_run_opts_init(&a.run);
    if (argc >= 2 && (!strcmp(argv[1], "scripts") || !strcmp(argv[1], "help"))) {
        a.command = argv[1];
        a.cmd_argc = argc - 1;
        a.cmd_argv = argv + 1;
        i = argc;
    }
    int run_mode = 0;
    if (argc >= 2 && !strcmp(argv[1], "run")) {
        if (argc < 3) {
            free(a.paths);
            return usage_error("%s", "run needs a script file: praxis run FILE [CORPUS...]");
        }
        run_mode = 1;   /* the script is the first word that is not an option */
        i = 2;
    }
    int only_paths = 0, run_opt = 0;
    for (; i < argc; i++) {
        const char *s = argv[i];
        if (only_paths || s[0] != '-' || !s[1]) {
            if (run_mode && !a.script) a.script = s;
            else a.paths[a.npaths++] = s;
            continue;
        }
        if (!strcmp(s, "--")) only_paths = 1;
        else if (!strcmp(s, "-e")) {
            if (i + 1 >= argc) { free(a.paths); return usage_error("%s", "-e needs Lua code"); }
            a.code = argv[++i];
        } else if (!strcmp(s, "-i") || !strcmp(s, "--interactive")) a.interactive = 1;
        else if (!strcmp(s, "--batch")) a.batch = 1;
        else if (!strcmp(s, "-q") || !strcmp(s, "--quiet")) a.quiet = 1;
        else if (!strcmp(s, "--strict")) a.strict = 1;
        else if (!strcmp(s, "--per-document")) a.opt.identity = PX_IDENTITY_DOCUMENT;
        else if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(run_mode ? run_usage_text : usage_text, stdout);
            free(a.paths);
            return 0;
        } else if (!strcmp(s, "-v") || !strcmp(s, "--version")) {
            printf("praxis %s (Lua %s.%s, libxml2 %s)\n", PX_VERSION, LUA_VERSION_MAJOR,
                   LUA_VERSION_MINOR, LIBXML_DOTTED_VERSION);
            free(a.paths);
            return 0;
        } else if ((run_mode || is_limit_option(s)) && (run_opt = px_run_option(&a.run, argc, argv, &i)) != 0) {
            if (run_opt < 0) {
                free(a.paths);
                return PX_EXIT_USAGE;
            }
        } else {
            free(a.paths);
            return usage_error("unknown option '%s'", s);
        }
    }
    if (run_mode && !a.script) {
        free(a.paths);
        return usage_error("%s", "run needs a script file: praxis run FILE [CORPUS...]");
    }
    if (a.code && run_mode) {
        free(a.paths);
        return usage_error("%s", "give either -e CODE or run FILE, not both");
    }
    if (!run_mode && !a.code && (a.run.timeout >= 0 || a.run.max_memory >= 0)) {
        free(a.paths);
        return usage_error("%s", "--timeout and --max-memory go with run or -e, not the REPL");
    }
    lua_State *L = px_sandbox_newstate();
    if (!L) {
        fprintf(stderr, "praxis: cannot create the Lua state (out of memory)\n");
        free(a.paths);
        return PX_EXIT_SCRIPT;
    }
    int exit_code = PX_EXIT_SCRIPT;
    lua_pushcfunction(L, pmain);
    lua_pushlightuserdata(L, &a);
    lua_pushlightuserdata(L, &exit_code);
    int st = lua_pcall(L, 2, 0, 0);
    if (st != LUA_OK) {
        fprintf(stderr, "praxis: %s\n", lua_tostring(L, -1));
        exit_code = PX_EXIT_SCRIPT;
    }
    px_sandbox_close(L);
    free(a.paths);
    return exit_code;
}
