/* repl.c - the REPL: readline, history, multi-line chunks, bare
 * expressions printed, Ctrl-C back to the prompt. */
#include "repl.h"
#include "host.h"

#include <lauxlib.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#define PROMPT1 "praxis> "
#define PROMPT2 "   ...> "
#define HISTORY_MAX 2000

/* The running state for the signal handler (as lua.c keeps globalL). */
static lua_State *running_L;
static volatile sig_atomic_t sigint_count;

static void stop_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted");
}

static void on_sigint(int sig)
{
    (void)sig;
    if (sigint_count++ > 0) {
        /* a second Ctrl-C while still running: leave */
        static const char msg[] = "\npraxis: interrupted twice, exiting\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(130);
    }
    px_runtime_interrupt();
    if (running_L)
        lua_sethook(running_L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

void px_host_sigint_arm(lua_State *L)
{
    running_L = L;
    sigint_count = 0;
    px_runtime_clear_interrupt();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void px_host_sigint_disarm(void)
{
    running_L = NULL;
    signal(SIGINT, SIG_DFL);
}

static void on_sigint_simple(int sig)
{
    (void)sig;
    if (sigint_count++ > 0) _exit(130);
    px_runtime_interrupt();
}

void px_host_sigint_simple(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint_simple;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

/* ---- history ---- */

static int history_path(char *out, size_t n)
{
    const char *p = getenv("PRAXIS_HISTORY");
    if (p && *p) {
        snprintf(out, n, "%s", p);
        return 0;
    }
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char dir[2048];
    if (state && *state) snprintf(dir, sizeof dir, "%s/praxis", state);
    else if (home && *home) snprintf(dir, sizeof dir, "%s/.local/state/praxis", home);
    else return -1;
    /* make the folder (and its parents) */
    for (char *s = dir + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            mkdir(dir, 0700);
            *s = '/';
        }
    }
    mkdir(dir, 0700);
    snprintf(out, n, "%s/history", dir);
    return 0;
}

/* ---- reading ---- */

typedef struct reader {
    int tty;            /* readline */
    int prompts;        /* print prompts (interactive on a pipe) */
} reader;

static char *read_line(reader *r, const char *prompt)
{
    if (r->tty) return readline(prompt);
    if (r->prompts) {
        fputs(prompt, stdout);
        fflush(stdout);
    }
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    int ch;
    while ((ch = getchar()) != EOF && ch != '\n') {
        if (n + 2 > cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
        buf[n++] = (char)ch;
    }
    if (ch == EOF && n == 0) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (r->prompts) {
        /* echo, so a transcript through a pipe reads like a session */
        fputs(buf, stdout);
        fputc('\n', stdout);
    }
    return buf;
}

static int incomplete(lua_State *L, int status)
{
    if (status == LUA_ERRSYNTAX) {
        size_t lmsg;
        const char *msg = lua_tolstring(L, -1, &lmsg);
        if (lmsg >= 5 && strcmp(msg + lmsg - 5, "<eof>") == 0) {
            lua_pop(L, 1);
            return 1;
        }
    }
    return 0;
}

/* Compiles a chunk: "return EXPR" first (bare expressions print), then the
 * chunk itself. "=expr" is "return expr". */
static int compile(lua_State *L, const char *chunk)
{
    const char *body = chunk[0] == '=' ? chunk + 1 : chunk;
    const char *ret = lua_pushfstring(L, "return %s;", body);
    int st = luaL_loadbufferx(L, ret, strlen(ret), "=stdin", "t");
    lua_remove(L, -2);
    if (st == LUA_OK) return st;
    lua_pop(L, 1);
    return luaL_loadbufferx(L, chunk, strlen(chunk), "=stdin", "t");
}

/* Shortens a traceback to the message and the first frame of the user's
 * code, unless the full traceback was asked for. */
static void show_error(lua_State *L, int full)
{
    const char *msg = lua_tostring(L, -1);
    if (!msg) msg = "(error object is not a string)";
    fflush(stdout);
    if (full) {
        fprintf(stderr, "%s\n", msg);
        return;
    }
    const char *tb = strstr(msg, "\nstack traceback:");
    if (tb) fprintf(stderr, "%.*s\n", (int)(tb - msg), msg);
    else fprintf(stderr, "%s\n", msg);
}

static void banner(lua_State *L, const px_repl_opts *o)
{
    printf("Praxis %s (Lua %s.%s). Type help() for help, Ctrl-D to leave.\n", PX_VERSION,
           LUA_VERSION_MAJOR, LUA_VERSION_MINOR);
    lua_getglobal(L, "corpus");
    const char *s = luaL_tolstring(L, -1, NULL);
    printf("%s corpus loaded as `corpus`: %s\n", o->bundled ? "The sample" : "The", s);
    lua_pop(L, 2);
}

/* Not interactive: stdin is one script, as `lua -` reads it. */
static int run_stdin(lua_State *L)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) luaL_addlstring(&b, buf, n);
    luaL_pushresult(&b);
    size_t len;
    const char *src = lua_tolstring(L, -1, &len);
    int base = lua_gettop(L) - 1;
    int st = luaL_loadbufferx(L, src, len, "=stdin", "t");
    if (st == LUA_OK) st = px_host_docall(L, 0, LUA_MULTRET);
    if (st != LUA_OK) {
        fflush(stdout);
        px_host_report(L, st);
        lua_settop(L, base);
        return px_runtime_interrupted() ? PX_EXIT_INTERRUPTED : PX_EXIT_SCRIPT;
    }
    px_host_print_results(L, base + 1);
    lua_settop(L, base);
    return 0;
}

int px_repl(lua_State *L, const px_repl_opts *o)
{
    reader r;
    int stdin_tty = isatty(0);
    r.tty = stdin_tty && !o->batch;
    r.prompts = !r.tty && o->interactive && !o->batch;
    int interactive = r.tty || r.prompts;
    if (!interactive) return run_stdin(L);
    int full_tb = 0, errors = 0;
    char hist[4200] = "";
    if (r.tty) {
        rl_readline_name = "praxis";
        using_history();
        stifle_history(HISTORY_MAX);
        if (history_path(hist, sizeof hist) == 0) read_history(hist);
    }
    if (interactive && !o->quiet) banner(L, o);
    for (;;) {
        char *line = read_line(&r, PROMPT1);
        if (!line) break;
        /* accumulate a chunk until it compiles or fails for another reason */
        size_t cap = strlen(line) + 1;
        char *chunk = malloc(cap);
        if (!chunk) { free(line); break; }
        memcpy(chunk, line, cap);
        free(line);
        if (!strcmp(chunk, ".quit") || !strcmp(chunk, ".exit")) { free(chunk); break; }
        if (!strncmp(chunk, ".traceback", 10)) {
            full_tb = strstr(chunk, "on") != NULL;
            printf("traceback %s\n", full_tb ? "on" : "off");
            free(chunk);
            continue;
        }
        int base = lua_gettop(L);
        int st;
        for (;;) {
            st = compile(L, chunk);
            if (!incomplete(L, st)) break;
            char *more = read_line(&r, PROMPT2);
            if (!more) break;
            size_t n1 = strlen(chunk), n2 = strlen(more);
            char *nc = realloc(chunk, n1 + n2 + 2);
            if (!nc) { free(more); break; }
            chunk = nc;
            chunk[n1] = '\n';
            memcpy(chunk + n1 + 1, more, n2 + 1);
            free(more);
        }
        if (r.tty && chunk[0]) add_history(chunk);
        free(chunk);
        if (st == LUA_OK) st = px_host_docall(L, 0, LUA_MULTRET);
        if (st == LUA_OK) {
            px_host_print_results(L, base);
        } else {
            show_error(L, full_tb);
            lua_pop(L, 1);
            errors++;
        }
        lua_settop(L, base);
        fflush(stdout);
    }
    if (r.prompts) putchar('\n');
    if (r.tty) {
        if (hist[0]) {
            write_history(hist);
            history_truncate_file(hist, HISTORY_MAX);
        }
        putchar('\n');
    }
    (void)errors;
    return 0;
}
