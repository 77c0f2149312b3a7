/* repl.c - the REPL: readline, history, multi-line chunks, bare
 * expressions printed, Ctrl-C back to the prompt. */
#include "repl.h"
#include "host.h"

#include <lauxlib.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
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

/* Ctrl-C at the prompt: the handler only sets a flag; our getc turns it
 * into the key 0x03, bound to cancel_line, which ends readline with the
 * line marked cancelled. */
static volatile sig_atomic_t prompt_sigint;
static int line_cancelled;

static void on_prompt_sigint(int sig)
{
    (void)sig;
    prompt_sigint = 1;
}

static void prompt_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_prompt_sigint;   /* no SA_RESTART: read() returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static int getc_interruptible(FILE *f)
{
    for (;;) {
        if (prompt_sigint) {
            prompt_sigint = 0;
            return 3;
        }
        unsigned char ch;
        ssize_t r = read(fileno(f), &ch, 1);
        if (r == 1) return ch;
        if (r == 0) return EOF;
        if (errno != EINTR) return EOF;
    }
}

static int cancel_line(int count, int key)
{
    (void)count, (void)key;
    line_cancelled = 1;
    rl_point = rl_end;
    rl_redisplay();
    fputs("^C", rl_outstream);
    rl_done = 1;
    return 0;
}

static char *read_line(reader *r, const char *prompt)
{
    if (r->tty) {
        line_cancelled = 0;
        prompt_sigint = 0;
        prompt_signals();
        char *line = readline(prompt);
        signal(SIGINT, SIG_DFL);
        if (line_cancelled) {
            fputc('\n', stdout);
            fflush(stdout);
        }
        return line;
    }
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

/* ---- completion: candidates come from praxis.repl.complete (Lua), which
 * reads the same metadata as help ---- */

/* praxis.repl, taken when the REPL starts, so that the REPL goes on
 * working when a chunk replaces the global praxis. */
static int repl_ref = LUA_NOREF;

/* Pushes praxis.repl.<name>; returns its type. */
static int push_repl(lua_State *L, const char *name)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, repl_ref);
    int t = lua_getfield(L, -1, name);
    lua_remove(L, -2);
    return t;
}

static lua_State *complete_L;
static char **candidates;
static size_t ncandidates;

static void free_candidates(void)
{
    for (size_t i = 0; i < ncandidates; i++) free(candidates[i]);
    free(candidates);
    candidates = NULL;
    ncandidates = 0;
}

static char *next_candidate(const char *text, int state)
{
    static size_t i;
    (void)text;
    if (state == 0) i = 0;
    return i < ncandidates ? strdup(candidates[i++]) : NULL;
}

static char **complete(const char *text, int start, int end)
{
    lua_State *L = complete_L;
    rl_attempted_completion_over = 1;
    int top = lua_gettop(L);
    if (push_repl(L, "complete") != LUA_TFUNCTION) {
        lua_settop(L, top);
        return NULL;
    }
    lua_pushstring(L, rl_line_buffer);
    lua_pushinteger(L, start);
    lua_pushinteger(L, end);
    lua_pushstring(L, text);
    if (lua_pcall(L, 4, 2, 0) != LUA_OK) {
        lua_settop(L, top);
        return NULL;
    }
    char **matches = NULL;
    if (lua_type(L, -2) == LUA_TSTRING && !strcmp(lua_tostring(L, -2), "files")) {
        /* a path inside a string: readline's own file name completion */
        rl_attempted_completion_over = 0;
        rl_completion_append_character = '\0';
    } else if (lua_type(L, -2) == LUA_TTABLE) {
        free_candidates();
        size_t n = (size_t)lua_rawlen(L, -2);
        candidates = calloc(n + 1, sizeof *candidates);
        if (candidates) {
            for (size_t i = 0; i < n; i++) {
                lua_rawgeti(L, -2, (lua_Integer)i + 1);
                const char *c = lua_tostring(L, -1);
                if (c) candidates[ncandidates++] = strdup(c);
                lua_pop(L, 1);
            }
        }
        rl_completion_append_character = lua_toboolean(L, -1) ? ' ' : '\0';
        if (ncandidates) matches = rl_completion_matches(text, next_candidate);
        free_candidates();
    }
    lua_settop(L, top);
    return matches;
}

/* The characters that end readline's word. In a path (inside a string,
 * or the argument of .open, .read, .output, .once: praxis.repl.path_at)
 * only blanks, so "/" and "." stay in the word and /abs/path completes as
 * one; elsewhere (NULL) rl_completer_word_break_characters. */
static char *word_breaks(void)
{
    static char path_breaks[] = " \t\n";
    lua_State *L = complete_L;
    int top = lua_gettop(L), path = 0;
    if (push_repl(L, "path_at") == LUA_TFUNCTION) {
        lua_pushlstring(L, rl_line_buffer, (size_t)rl_point);
        if (lua_pcall(L, 1, 1, 0) == LUA_OK) path = lua_toboolean(L, -1);
    }
    lua_settop(L, top);
    return path ? path_breaks : NULL;
}

static void setup_readline(lua_State *L)
{
    rl_readline_name = "praxis";
    complete_L = L;
    rl_attempted_completion_function = complete;
    /* '.' and ':' stay inside a word, so corpus.par<TAB> completes the chain */
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(,+-*/%^~#[]";
    rl_completer_word_break_characters = rl_basic_word_break_characters;
    rl_completer_quote_characters = "\"'";
    rl_completion_word_break_hook = word_breaks;
    rl_catch_signals = 0;
    rl_getc_function = getc_interruptible;
    rl_bind_key(3, cancel_line);
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

/* Calls praxis.repl.<fn>(arg) under the protected path (Ctrl-C armed);
 * returns its first result as a boolean, or -1 when it failed. */
static int call_repl(lua_State *L, const char *fn, const char *arg)
{
    int base = lua_gettop(L);
    push_repl(L, fn);
    lua_pushstring(L, arg);
    int st = px_host_docall(L, 1, 1);
    int r;
    if (st != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        fflush(stdout);
        if (msg) {
            const char *tb = strstr(msg, "\nstack traceback:");
            fprintf(stderr, "%.*s\n", tb ? (int)(tb - msg) : (int)strlen(msg), msg);
        }
        r = -1;
    } else {
        r = lua_toboolean(L, -1);
    }
    lua_settop(L, base);
    fflush(stdout);
    fflush(stderr);
    return r;
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
    lua_getglobal(L, "praxis");
    lua_getfield(L, -1, "repl");
    repl_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    char hist[4200] = "";
    if (r.tty) {
        setup_readline(L);
        using_history();
        history_write_timestamps = 1;    /* entries of several lines stay one */
        history_multiline_entries = 1;
        stifle_history(HISTORY_MAX);
        if (history_path(hist, sizeof hist) == 0) read_history(hist);
    }
    if (!o->quiet) banner(L, o);
    for (;;) {
        char *line = read_line(&r, PROMPT1);
        if (!line) break;
        if (line_cancelled) { free(line); continue; }
        /* a dot-command: praxis.repl.dot returns true to leave */
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (p[0] == '.' && (p[1] >= 'a' && p[1] <= 'z')) {
            if (r.tty) add_history(p);
            int quit = call_repl(L, "dot", p);
            free(line);
            if (quit == 1) break;
            continue;
        }
        /* accumulate a chunk until it compiles or fails for another reason */
        size_t cap = strlen(line) + 1;
        char *chunk = malloc(cap);
        if (!chunk) { free(line); break; }
        memcpy(chunk, line, cap);
        free(line);
        int base = lua_gettop(L);
        int st, cancelled = 0;
        for (;;) {
            st = compile(L, chunk);
            if (!incomplete(L, st)) break;
            char *more = read_line(&r, PROMPT2);
            if (!more || line_cancelled) { free(more); cancelled = 1; break; }
            size_t n1 = strlen(chunk), n2 = strlen(more);
            char *nc = realloc(chunk, n1 + n2 + 2);
            if (!nc) { free(more); break; }
            chunk = nc;
            chunk[n1] = '\n';
            memcpy(chunk + n1 + 1, more, n2 + 1);
            free(more);
        }
        lua_settop(L, base);
        if (cancelled && line_cancelled) { free(chunk); continue; }
        if (r.tty && chunk[strspn(chunk, " \t\n")]) add_history(chunk);
        /* praxis.repl.eval compiles again, runs, prints and reports */
        call_repl(L, "eval", chunk);
        free(chunk);
        lua_settop(L, base);
        if (cancelled) break;   /* end of input inside a chunk */
    }
    if (r.prompts) putchar('\n');
    if (r.tty) {
        if (hist[0]) {
            write_history(hist);
            history_truncate_file(hist, HISTORY_MAX);
        }
        putchar('\n');
    }
    fflush(stdout);
    return 0;
}

/* ---- helpers for the Lua side: terminal, progress ---- */

static int term_isatty(lua_State *L)
{
    lua_pushboolean(L, isatty((int)luaL_optinteger(L, 1, 1)));
    return 1;
}

/* The width to fit output to: the terminal's (TIOCGWINSZ) when stdout is
 * one, else COLUMNS, else 100. */
static int term_width(lua_State *L)
{
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        lua_pushinteger(L, ws.ws_col);
        return 1;
    }
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    lua_pushinteger(L, n > 10 ? n : 100);
    return 1;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int term_now(lua_State *L)
{
    lua_pushnumber(L, now_seconds());
    return 1;
}

/* praxis.progress(done, total, label): a bar on stderr when it is a
 * terminal, redrawn at most ten times a second; done >= total clears it. */
static struct { double t0, last; int drawn; } lbar;

static int l_progress(lua_State *L)
{
    lua_Number done = luaL_checknumber(L, 1);
    lua_Number total = luaL_checknumber(L, 2);
    const char *label = luaL_optstring(L, 3, "working");
    if (!isatty(2) || getenv("PRAXIS_NO_PROGRESS")) return 0;
    double t = now_seconds();
    if (done <= 0 || lbar.t0 == 0) {
        lbar.t0 = t;
        lbar.last = 0;
    }
    if (done >= total) {
        if (lbar.drawn) fputs("\r\033[K", stderr);
        lbar.drawn = 0;
        lbar.t0 = 0;
        return 0;
    }
    if (t - lbar.last < 0.1) return 0;
    lbar.last = t;
    double frac = total > 0 ? done / total : 0;
    if (frac < 0) frac = 0;
    char bars[31];
    int filled = (int)(frac * 30);
    for (int i = 0; i < 30; i++) bars[i] = i < filled ? '#' : '.';
    bars[30] = '\0';
    double el = t - lbar.t0, eta = frac > 0 ? el / frac - el : 0;
    fprintf(stderr, "\r%.30s [%s] %3.0f%%  %.0f/%.0f  ETA %.0fs ", label, bars, frac * 100,
            (double)done, (double)total, eta);
    fflush(stderr);
    lbar.drawn = 1;
    return 0;
}

void px_repl_openlib(lua_State *L)
{
    static const luaL_Reg term[] = {
        {"isatty", term_isatty}, {"width", term_width}, {"now", term_now}, {NULL, NULL}};
    luaL_newlib(L, term);
    lua_setfield(L, -2, "_term");
    lua_pushcfunction(L, l_progress);
    lua_setfield(L, -2, "progress");
}
