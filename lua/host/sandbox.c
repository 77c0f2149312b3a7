/* sandbox.c - what confines a script that Praxis did not write: the
 * counting allocator behind the memory limit, the hook behind the time
 * limit, and the output folder that praxis.output writes into.
 *
 * The environment itself (the allow list, strict globals, the wrapped
 * load, require, getmetatable and setmetatable) is built in
 * lua/lib/scripts.lua from these primitives; docs/scripts.md gives the
 * rules and their limits. */
#include "run.h"
#include "host.h"
#include "px.h"
#include "px_graph.h"

#include <lauxlib.h>
#include <lualib.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* an AddressSanitizer build (gcc says so with a macro, clang with a feature) */
#if defined(__SANITIZE_ADDRESS__)
#define PX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PX_ASAN 1
#endif
#endif

/* How often the hook looks at the clock: every HOOK_COUNT VM instructions. */
#define HOOK_COUNT 1000
/* Lua memory allowed past the limit once it is reached (see sbx_alloc) */
#define MEM_SLACK ((size_t)4 << 20)

/* The state of one Lua state's allocator and limits: the allocator's
 * userdata, so each state has its own and nothing here is global. */
typedef struct px_sbx {
    size_t used;          /* bytes held by the Lua heap */
    size_t limit;         /* bytes for the whole process, 0 = none */
    size_t other;         /* what the rest of the process held when the call began */
    double deadline;      /* CLOCK_MONOTONIC seconds, 0 = none */
    int active;           /* a limited call is running */
    lua_State *L;         /* the thread that made the call */
    int mem_hit, time_hit;
    unsigned long fail_at;   /* PRAXIS_FAIL_ALLOC: the allocation that fails, 0 = none */
    unsigned long allocs;    /* allocations that grew the heap so far */
} px_sbx;

static double now_monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void limit_hook(lua_State *L, lua_Debug *ar);

/* ---- the counting allocator ---- */

static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    px_sbx *s = ud;
    size_t old = ptr ? osize : 0;   /* osize codes the object's type when ptr is NULL */
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    /* once the limit is reached, MEM_SLACK more lets the errors that stop
     * the script be made without a full collection at each of them */
    size_t cap = s->limit + (s->mem_hit ? MEM_SLACK : 0);
    if (nsize > old && s->limit && s->used - old + nsize + s->other > cap) {
        /* the script stops at its next instruction: Lua tries a full
         * collection at every failed allocation, so a script that catches
         * the error and goes on would otherwise crawl until its next
         * count hook (lua_sethook is safe at any time) */
        if (!s->mem_hit && s->active && s->L)
            lua_sethook(s->L, limit_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
        s->mem_hit = 1;
        return NULL;
    }
    if (nsize > old && s->fail_at && ++s->allocs - s->fail_at < 2)
        return NULL;   /* the Nth and Lua's retry after its emergency collection */
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->used = s->used - old + nsize;
    return p;
}

static int sbx_panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "praxis: unprotected error in Lua: %s\n", msg ? msg : "(not a string)");
    fflush(stderr);
    return 0;
}

/* Lua's warnings ("@on", "@off" and messages), as lauxlib does them. */
static void sbx_warn(void *ud, const char *msg, int tocont)
{
    int *on = ud;
    static int cont;   /* continuation of a message: only in one state at a time */
    if (!cont && msg[0] == '@') {
        if (!strcmp(msg, "@on")) *on = 1;
        else if (!strcmp(msg, "@off")) *on = 0;
        return;
    }
    if (*on) {
        if (!cont) fputs("Lua warning: ", stderr);
        fputs(msg, stderr);
        if (!tocont) fputc('\n', stderr);
    }
    cont = tocont;
}

typedef struct px_sbx_box {
    px_sbx s;
    int warn_on;
} px_sbx_box;

lua_State *px_sandbox_newstate(void)
{
    px_sbx_box *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    /* PRAXIS_FAIL_ALLOC=N makes the Nth allocation that grows the Lua heap
     * fail (and the retry Lua makes after a full collection), as if memory
     * ran out there: the allocation-failure tests sweep N to find what
     * leaks or crashes on a memory error (docs/DESIGN.md, Testing) */
    const char *fail = getenv("PRAXIS_FAIL_ALLOC");
    if (fail && *fail) b->s.fail_at = strtoul(fail, NULL, 10);
    lua_State *L = lua_newstate(sbx_alloc, &b->s);
    if (!L) {
        free(b);
        return NULL;
    }
    lua_atpanic(L, sbx_panic);
    lua_setwarnf(L, sbx_warn, &b->warn_on);
    return L;
}

void px_sandbox_close(lua_State *L)
{
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    lua_close(L);
    if (f == sbx_alloc) free(ud);   /* the box: s is its first member */
}

static px_sbx *sbx_of(lua_State *L)
{
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    return f == sbx_alloc ? ud : NULL;
}

/* ---- the hook behind the time limit ---- */

static volatile sig_atomic_t watch_reason;   /* the watchdog's (below) */
enum { WATCH_NONE, WATCH_TIME, WATCH_MEMORY };

static void limit_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    px_sbx *s = sbx_of(L);
    if (!s || !s->active) {
        /* a coroutine kept after its run: no limit any more */
        lua_sethook(L, NULL, 0, 0);
        return;
    }
    if (!s->time_hit && s->deadline > 0 && now_monotonic() >= s->deadline) s->time_hit = 1;
    if (watch_reason == WATCH_TIME) s->time_hit = 1;
    if (watch_reason == WATCH_MEMORY) s->mem_hit = 1;
    if (s->time_hit || s->mem_hit || px_runtime_interrupted()) {
        /* from now on, every instruction of every thread raises the
         * error, so that pcall, xpcall or a coroutine cannot swallow it */
        lua_sethook(L, limit_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
        luaL_error(L, "%s", s->time_hit ? "time limit reached"
                            : s->mem_hit ? "memory limit reached" : "interrupted");
    }
}

/* ---- the watchdog: time and memory of the whole process ----
 *
 * The hook sees only Lua code, and the counting allocator only the Lua
 * heap. A script stuck in one long C call (igraph, a network measure, a
 * corpus loading), or whose memory grows in the core, is stopped by a
 * timer instead: every WATCH_MS milliseconds SIGALRM reads the clock
 * and the process's resident anonymous memory (/proc/self/statm), and past
 * a limit sets the core's interrupt flag (which the importer, the graph
 * code and igraph's interruption handler poll) with the reason kept here.
 * A C loop that never polls is ended by the hard stop: WATCH_GRACE seconds
 * past the deadline, or past twice the memory limit, Praxis says so and
 * exits with PX_EXIT_LIMIT. An address-space limit (RLIMIT_AS) makes a
 * runaway allocation fail rather than take the machine's memory, except
 * under AddressSanitizer, which reserves terabytes of address space for
 * its shadow memory (_run.backstop says which). */

#define WATCH_MS 20
#define WATCH_GRACE 5.0
/* memory past twice the limit before the hard stop: freed memory that the
 * allocator keeps resident (AddressSanitizer's quarantine holds 256 MB)
 * must not end a script that the limit itself stops */
#define HARD_SLACK ((size_t)512 << 20)

typedef struct px_watch {
    double deadline;        /* CLOCK_MONOTONIC seconds, 0 = none */
    long limit_pages;       /* resident anonymous pages, 0 = none */
    long hard_pages;        /* the hard stop: twice the limit and HARD_SLACK */
    int armed;
} px_watch;

static px_watch watch;   /* changed only while watch_on is 0 */
static volatile sig_atomic_t watch_on;

/* resident anonymous pages (statm: resident - shared), -1 when unknown;
 * async-signal-safe */
static long anon_pages(void)
{
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[128];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    long field[3] = {0, 0, 0};
    int k = 0;
    for (const char *p = buf; *p && k < 3; p++) {
        if (*p >= '0' && *p <= '9') field[k] = field[k] * 10 + (*p - '0');
        else if (*p == ' ') k++;
    }
    return field[1] > field[2] ? field[1] - field[2] : 0;
}

static size_t page_bytes(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

#ifndef PX_ASAN
/* virtual size in bytes (statm's first field), 0 when unknown */
static size_t address_space(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (!f) return 0;
    if (fscanf(f, "%lu", &pages) != 1) pages = 0;
    fclose(f);
    return (size_t)pages * page_bytes();
}
#endif

/* writes s on stderr (async-signal-safe) */
static void say(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void hard_stop(const char *what)
{
    static volatile sig_atomic_t stopping;
    if (stopping++) return;
    say("\npraxis: ");
    say(what);
    say(" limit reached, and the script did not stop at it (inside a long C call): "
        "Praxis exits (--timeout and --max-memory set the limits)\n");
    _exit(PX_EXIT_LIMIT);
}

static void on_alarm(int sig)
{
    (void)sig;
    if (!watch_on) return;   /* a signal still pending when a call ended */
    int saved = errno;
    if (watch.deadline > 0) {
        double t = now_monotonic();
        if (t >= watch.deadline) {
            if (!watch_reason) watch_reason = WATCH_TIME;
            px_runtime_interrupt();
        }
        if (t >= watch.deadline + WATCH_GRACE) hard_stop("time");
    }
    if (watch.limit_pages > 0) {
        long p = anon_pages();
        if (p > watch.limit_pages) {
            if (!watch_reason) watch_reason = WATCH_MEMORY;
            px_runtime_interrupt();
        }
        if (p > watch.hard_pages) hard_stop("memory");
    }
    errno = saved;
}

/* What backs the memory limit up when a C allocation outruns the timer. */
static const char *backstop_name(void)
{
#ifdef PX_ASAN
    return "none: an AddressSanitizer build, where RLIMIT_AS cannot be set";
#else
    return "RLIMIT_AS";
#endif
}

/* What a call changed, restored when it ends. */
typedef struct watch_saved {
    int started;            /* this call armed the timer */
    px_watch outer;
    struct itimerval it;
    struct rlimit as;
    int as_set;
} watch_saved;

/* the address-space backstop: the soft RLIMIT_AS lowered to what the
 * process maps now plus the limit */
static void backstop_set(watch_saved *sv, size_t limit_bytes)
{
#ifdef PX_ASAN
    (void)sv; (void)limit_bytes;
#else
    if (limit_bytes == 0 || getrlimit(RLIMIT_AS, &sv->as) != 0) return;
    struct rlimit r = sv->as;
    rlim_t want = (rlim_t)(address_space() + limit_bytes);
    if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur <= want) return;
    r.rlim_cur = want;
    sv->as_set = setrlimit(RLIMIT_AS, &r) == 0;
#endif
}

/* Starts the watchdog for a call: a deadline and/or a limit for the whole
 * process (0 = none); a call inside a call keeps the tighter of both. */
static void watch_start(watch_saved *sv, double deadline, size_t limit_bytes)
{
    memset(sv, 0, sizeof *sv);
    sv->outer = watch;
    if (deadline <= 0 && limit_bytes == 0) return;
    struct itimerval off = {{0, 0}, {0, 0}};
    watch_on = 0;
    setitimer(ITIMER_REAL, &off, &sv->it);
    px_watch w = {deadline, limit_bytes ? (long)(limit_bytes / page_bytes()) : 0, 0, 1};
    if (watch.armed) {
        if (watch.deadline > 0 && (w.deadline == 0 || watch.deadline < w.deadline)) w.deadline = watch.deadline;
        if (watch.limit_pages > 0 && (w.limit_pages == 0 || watch.limit_pages < w.limit_pages))
            w.limit_pages = watch.limit_pages;
    }
    w.hard_pages = 2 * w.limit_pages + (long)(HARD_SLACK / page_bytes());
    backstop_set(sv, limit_bytes);
    watch = w;
    watch_reason = WATCH_NONE;
    /* the handler stays once installed: a SIGALRM still pending when a
     * call ends must not meet the default action, which ends the process */
    static int installed;
    if (!installed) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        installed = sigaction(SIGALRM, &sa, NULL) == 0;
    }
    watch_on = 1;
    struct itimerval it = {{0, WATCH_MS * 1000}, {0, WATCH_MS * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
    sv->started = 1;
}

/* Stops the watchdog of a call; returns why it stopped the call. */
static int watch_stop(watch_saved *sv)
{
    if (!sv->started) return WATCH_NONE;
    struct itimerval off = {{0, 0}, {0, 0}};
    watch_on = 0;
    setitimer(ITIMER_REAL, &off, NULL);
    int reason = watch_reason;
    watch_reason = WATCH_NONE;
    if (sv->as_set) setrlimit(RLIMIT_AS, &sv->as);
    watch = sv->outer;
    if (watch.armed) {
        watch_on = 1;
        setitimer(ITIMER_REAL, &sv->it, NULL);
    }
    return reason;
}

/* ---- a limited call ---- */

static int traceback_handler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static volatile sig_atomic_t sigint_seen;

static void on_sigint(int sig)
{
    (void)sig;
    if (sigint_seen++ > 0) _exit(130);
    px_runtime_interrupt();
}

/* does the error on top of the stack say that memory ran out (a malloc of
 * the core or igraph refused by the backstop)? */
static int says_out_of_memory(lua_State *L)
{
    const char *m = lua_tostring(L, -1);
    return m && (strstr(m, "not enough memory") || strstr(m, "out of memory"));
}

/* Sets the limits of a call into s (outer: the limits of a call around
 * it, kept when tighter). */
static void sbx_enter(px_sbx *s, const px_sbx *outer, lua_State *L, double deadline, size_t mem)
{
    s->deadline = deadline;
    s->time_hit = s->mem_hit = 0;
    s->limit = mem;
    if (outer->active && outer->limit && (s->limit == 0 || outer->limit < s->limit))
        s->limit = outer->limit;
    if (s->limit) {
        long p = anon_pages();
        size_t anon = p > 0 ? (size_t)p * page_bytes() : 0;
        s->other = anon > s->used ? anon - s->used : 0;
    }
    s->active = 1;
    s->L = L;
}

/* _run.call(fn, timeout_seconds, memory_bytes, ...) -> status, ...
 * Calls fn(...) under the limits (0 = none): the time in seconds, the
 * memory in bytes for the whole process. status is "ok" (then fn's results
 * follow), or "error", "time", "memory" or "interrupted" (then the
 * message, with a traceback for "error"). */
static int l_call(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    double timeout = luaL_optnumber(L, 2, 0);
    lua_Integer mem = luaL_optinteger(L, 3, 0);
    px_sbx *s = sbx_of(L);
    int nargs = lua_gettop(L) - 3;
    if (nargs < 0) nargs = 0;
    /* a run inside a (trusted) run: the outer limits come back after */
    px_sbx outer = {0};
    if (s) outer = *s;
    lua_gc(L, LUA_GCCOLLECT);

    lua_Hook old_hook = lua_gethook(L);
    int old_mask = lua_gethookmask(L), old_count = lua_gethookcount(L);
    struct sigaction sa, old_sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigint_seen = 0;
    sigaction(SIGINT, &sa, &old_sa);

    double deadline = timeout > 0 ? now_monotonic() + timeout : 0;
    if (s && outer.active && outer.deadline > 0 && (deadline == 0 || outer.deadline < deadline))
        deadline = outer.deadline;
    if (s) sbx_enter(s, &outer, L, deadline, mem > 0 ? (size_t)mem : 0);
    watch_saved sv;
    watch_start(&sv, deadline, mem > 0 ? (size_t)mem : 0);
    px_runtime_set_deadline(deadline);
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_COUNT);

    /* stack: fn timeout mem args... -> handler fn args... */
    int base = 4;
    lua_pushcfunction(L, traceback_handler);
    lua_pushvalue(L, 1);
    for (int i = 0; i < nargs; i++) lua_pushvalue(L, base + i);
    int hbase = lua_gettop(L) - nargs - 1;
    int st = lua_pcall(L, nargs, LUA_MULTRET, hbase);

    lua_sethook(L, old_hook, old_mask, old_count);
    int reason = watch_stop(&sv);
    int time_hit = reason == WATCH_TIME, mem_hit = reason == WATCH_MEMORY;
    if (reason != WATCH_NONE && sigint_seen == 0) px_runtime_clear_interrupt();
    if (s) {
        time_hit |= s->time_hit;
        mem_hit |= s->mem_hit;
        size_t used = s->used;
        *s = outer;
        s->used = used;
    }
    if (st != LUA_OK && mem > 0 && !time_hit && (st == LUA_ERRMEM || says_out_of_memory(L)))
        mem_hit = 1;
    px_runtime_set_deadline(s ? s->deadline : 0);
    sigaction(SIGINT, &old_sa, NULL);

    /* a limit that was reached fails the run even when the script
     * caught the error and went on to return */
    const char *status = "ok";
    if (px_runtime_interrupted()) status = "interrupted";
    else if (time_hit) status = "time";
    else if (mem_hit || st == LUA_ERRMEM) status = "memory";
    else if (st != LUA_OK) status = "error";
    lua_remove(L, hbase);                     /* the handler */
    if (strcmp(status, "ok") != 0 && strcmp(status, "error") != 0) {
        /* the message of a limit names the limit, whatever pcall saw */
        lua_settop(L, hbase - 1);
        lua_pushstring(L, time_hit ? "time limit reached"
                          : !strcmp(status, "memory") && mem <= 0 ? "not enough memory"
                          : !strcmp(status, "memory") ? "memory limit reached" : "interrupted");
    }
    int nres = lua_gettop(L) - hbase + 1;     /* results, or the message */
    lua_pushstring(L, status);
    lua_insert(L, hbase);
    return nres + 1;
}

/* _run.hook_thread(co): gives a new coroutine the running limits. */
static int l_hook_thread(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "coroutine");
    lua_Hook h = lua_gethook(L);
    if (h) lua_sethook(co, h, lua_gethookmask(L), lua_gethookcount(L));
    return 0;
}

/* ---- files and folders ---- */

static int l_realpath(lua_State *L)
{
    const char *p = luaL_checkstring(L, 1);
    char r[PATH_MAX];   /* not realpath's malloc: pushing it may raise */
    if (!realpath(p, r)) lua_pushnil(L);
    else lua_pushstring(L, r);
    return 1;
}

static int l_isdir(lua_State *L)
{
    struct stat st;
    lua_pushboolean(L, stat(luaL_checkstring(L, 1), &st) == 0 && S_ISDIR(st.st_mode));
    return 1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* _run.listdir(path) -> sorted list of {name =, dir = bool}, or nil, message */
static int l_listdir(lua_State *L)
{
    const char *p = luaL_checkstring(L, 1);
    DIR *d = opendir(p);
    if (!d) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", p, strerror(errno));
        return 2;
    }
    /* names first into a Lua table (the GC owns them if anything fails) */
    lua_newtable(L);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        lua_pushstring(L, e->d_name);
        lua_rawseti(L, -2, ++n);
    }
    closedir(d);
    const char **names = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *names, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, -2, i + 1);
        names[i] = lua_tostring(L, -1);
        lua_pop(L, 1);   /* the table keeps it */
    }
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, names[i]);
        lua_setfield(L, -2, "name");
        const char *full = lua_pushfstring(L, "%s/%s", p, names[i]);
        struct stat st;
        lua_pushboolean(L, stat(full, &st) == 0 && S_ISDIR(st.st_mode));
        lua_setfield(L, -3, "dir");
        lua_pop(L, 1);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* ---- the output folder ----
 *
 * An OutputFolder is opened once (created when it does not exist) and
 * every file inside is opened relative to its descriptor with openat, one
 * component at a time, never following a symbolic link (O_NOFOLLOW), so a
 * link planted in the folder cannot send a write elsewhere. Names are
 * relative, without "..". What a run creates is remembered so that a run
 * that fails can leave nothing behind. */

#define PX_MT_OUTDIR "praxis.OutputFolder"

typedef struct px_outdir {
    int fd;                 /* -1 until opened */
    int fresh;              /* a new folder: create it, never reuse one */
    int created;            /* we made the folder */
    char path[PATH_MAX];
} px_outdir;

static px_outdir *check_outdir(lua_State *L)
{
    return luaL_checkudata(L, 1, PX_MT_OUTDIR);
}

static int violation(lua_State *L, const char *fmt, const char *name, const char *why)
{
    return luaL_error(L, fmt, name, why);
}

/* Opens the folder on first use. */
static void outdir_ensure(lua_State *L, px_outdir *o)
{
    if (o->fd >= 0) return;
    if (o->fresh) {
        /* a new folder named after the script and the time: -2, -3, ...
         * when that name is taken */
        char base[PATH_MAX];
        snprintf(base, sizeof base, "%s", o->path);
        for (int k = 1; ; k++) {
            if (k > 1 && snprintf(o->path, sizeof o->path, "%s-%d", base, k) >= (int)sizeof o->path)
                luaL_error(L, "the output folder's name is too long");
            if (mkdir(o->path, 0777) == 0) break;
            if (errno != EEXIST || k >= 1000)
                luaL_error(L, "cannot create the output folder %s: %s", o->path, strerror(errno));
        }
        o->created = 1;
        o->fd = open(o->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    } else {
        if (mkdir(o->path, 0777) == 0) o->created = 1;
        else if (errno != EEXIST)
            luaL_error(L, "cannot create the output folder %s: %s", o->path, strerror(errno));
        /* a folder the user named (--out) may itself be a link they made */
        o->fd = open(o->path, O_RDONLY | O_DIRECTORY | (o->created ? O_NOFOLLOW : 0) | O_CLOEXEC);
    }
    if (o->fd < 0) luaL_error(L, "cannot open the output folder %s: %s", o->path, strerror(errno));
}

/* Records name (a file, or a folder with dir = true) in the user value's
 * list of what this run made. */
static void outdir_record(lua_State *L, const char *name, int dir)
{
    lua_getiuservalue(L, 1, 1);
    int n = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "name");
        int same = !strcmp(lua_tostring(L, -1), name);
        lua_pop(L, 2);
        if (same) {
            lua_pop(L, 1);
            return;
        }
    }
    lua_createtable(L, 0, 2);
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    lua_pushboolean(L, dir);
    lua_setfield(L, -2, "dir");
    lua_rawseti(L, -2, n + 1);
    lua_pop(L, 1);
}

static int stream_close(lua_State *L)
{
    luaL_Stream *p = luaL_checkudata(L, 1, LUA_FILEHANDLE);
    int ok = fclose(p->f) == 0;
    return luaL_fileresult(L, ok, NULL);
}

/* Checks a name given to praxis.output: relative, no "..", no empty or
 * "." component. Raises the error. */
static void check_name(lua_State *L, const char *name)
{
    size_t n = strlen(name);
    if (n == 0) luaL_error(L, "praxis.output: the name is empty");
    if (n > 1024) luaL_error(L, "praxis.output: the name is longer than 1024 bytes");
    if (name[0] == '/')
        violation(L, "sandbox violation: praxis.output(\"%s\"): %s", name,
                  "absolute names are not allowed; give a name inside the output folder");
    const char *p = name;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            violation(L, "sandbox violation: praxis.output(\"%s\"): %s", name,
                      "'..' is not allowed; scripts write only inside the output folder");
        if (len == 0 || (len == 1 && p[0] == '.'))
            luaL_error(L, "praxis.output(\"%s\"): not a file name (empty or '.' part)", name);
        if (len > 255) luaL_error(L, "praxis.output(\"%s\"): a part of the name is too long", name);
        p += len;
        if (*p == '/') p++;
    }
    if (name[n - 1] == '/') luaL_error(L, "praxis.output(\"%s\"): the name ends in '/'", name);
}

/* outdir:open(name [, mode]) -> a Lua file handle opened for writing */
static int outdir_open(lua_State *L)
{
    px_outdir *o = check_outdir(L);
    const char *name = luaL_checkstring(L, 2);
    const char *mode = luaL_optstring(L, 3, "w");
    if (strcmp(mode, "w") != 0 && strcmp(mode, "wb") != 0)
        return luaL_error(L, "praxis.output(\"%s\"): files are opened for writing (mode \"w\"), "
                          "not \"%s\"", name, mode);
    check_name(L, name);
    /* the handle first, closed, so that a memory error leaks nothing */
    luaL_Stream *stream = lua_newuserdatauv(L, sizeof *stream, 0);
    stream->closef = NULL;
    stream->f = NULL;
    luaL_setmetatable(L, LUA_FILEHANDLE);
    outdir_ensure(L, o);

    char part[1025];
    int dfd = o->fd;
    const char *p = name;
    for (;;) {
        const char *slash = strchr(p, '/');
        if (!slash) break;
        size_t len = (size_t)(slash - p);
        memcpy(part, p, len);
        part[len] = '\0';
        if (mkdirat(dfd, part, 0777) == 0) {
            char sofar[1025];
            size_t upto = (size_t)(slash - name);
            memcpy(sofar, name, upto);
            sofar[upto] = '\0';
            outdir_record(L, sofar, 1);
        }
        int nfd = openat(dfd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int e = errno;
        if (dfd != o->fd) close(dfd);
        if (nfd < 0) {
            if (e == ELOOP || e == ENOTDIR)
                return violation(L, "sandbox violation: praxis.output(\"%s\"): %s", name,
                                 "a part of the name is a symbolic link or not a folder");
            return luaL_error(L, "praxis.output(\"%s\"): %s", name, strerror(e));
        }
        dfd = nfd;
        p = slash + 1;
    }
    int existed = 0;
    int fd = openat(dfd, p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST) {
        existed = 1;
        fd = openat(dfd, p, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    }
    int e = errno;
    if (dfd != o->fd) close(dfd);
    if (fd < 0) {
        if (e == ELOOP)
            return violation(L, "sandbox violation: praxis.output(\"%s\"): %s", name,
                             "it is a symbolic link in the output folder; refused");
        return luaL_error(L, "praxis.output(\"%s\"): %s", name, strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink > 1) {
        close(fd);
        return violation(L, "sandbox violation: praxis.output(\"%s\"): %s", name,
                         "it is not a plain file of its own (a device, a pipe or a hard link); "
                         "refused");
    }
    if (existed) {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        if (ftruncate(fd, 0) != 0) {
            e = errno;
            close(fd);
            return luaL_error(L, "praxis.output(\"%s\"): %s", name, strerror(e));
        }
    }
    stream->f = fdopen(fd, "w");
    if (!stream->f) {
        e = errno;
        close(fd);
        return luaL_error(L, "praxis.output(\"%s\"): %s", name, strerror(e));
    }
    stream->closef = stream_close;
    outdir_record(L, name, 0);
    return 1;
}

/* outdir:path() -> the folder's path, or nil when nothing was written */
static int outdir_path(lua_State *L)
{
    px_outdir *o = check_outdir(L);
    if (o->fd < 0) lua_pushnil(L);
    else lua_pushstring(L, o->path);
    return 1;
}

/* outdir:files() -> the names this run wrote, in order */
static int outdir_files(lua_State *L)
{
    check_outdir(L);
    lua_getiuservalue(L, 1, 1);
    int n = (int)lua_rawlen(L, -1);
    lua_newtable(L);
    int k = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);
        lua_getfield(L, -1, "dir");
        int dir = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (!dir) {
            lua_getfield(L, -1, "name");
            lua_rawseti(L, -3, ++k);
        }
        lua_pop(L, 1);
    }
    return 1;
}

/* outdir:sha256(name) -> hex digest, bytes (of a file inside) */
static int outdir_sha256(lua_State *L)
{
    px_outdir *o = check_outdir(L);
    const char *name = luaL_checkstring(L, 2);
    check_name(L, name);
    if (o->fd < 0) return luaL_error(L, "the output folder is not open");
    int fd = openat(o->fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return luaL_error(L, "%s: %s", name, strerror(errno));
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char buf[65536];
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) > 0) luaL_addlstring(&b, buf, (size_t)r);
    close(fd);
    luaL_pushresult(&b);
    size_t n;
    const char *data = lua_tolstring(L, -1, &n);
    char hex[65];
    px_sha256_hex(data, n, hex);
    lua_pushstring(L, hex);
    lua_pushinteger(L, (lua_Integer)n);
    return 2;
}

/* outdir:cleanup(): removes what this run wrote, and the folder when the
 * run made it. */
static int outdir_cleanup(lua_State *L)
{
    px_outdir *o = check_outdir(L);
    if (o->fd < 0) return 0;
    lua_getiuservalue(L, 1, 1);
    int n = (int)lua_rawlen(L, -1);
    for (int i = n; i >= 1; i--) {   /* files before the folders that hold them */
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "dir");
        unlinkat(o->fd, lua_tostring(L, -2), lua_toboolean(L, -1) ? AT_REMOVEDIR : 0);
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    lua_newtable(L);
    lua_setiuservalue(L, 1, 1);
    close(o->fd);
    o->fd = -1;
    if (o->created) rmdir(o->path);
    o->created = 0;
    return 0;
}

static int outdir_gc(lua_State *L)
{
    px_outdir *o = check_outdir(L);
    if (o->fd >= 0) close(o->fd);
    o->fd = -1;
    return 0;
}

/* _run.outdir(path, fresh) -> an OutputFolder (opened on first write) */
static int l_outdir(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    int fresh = lua_toboolean(L, 2);
    if (strlen(path) >= PATH_MAX - 16) return luaL_error(L, "the output folder's name is too long");
    px_outdir *o = lua_newuserdatauv(L, sizeof *o, 1);
    o->fd = -1;
    o->fresh = fresh;
    o->created = 0;
    snprintf(o->path, sizeof o->path, "%s", path);
    luaL_setmetatable(L, PX_MT_OUTDIR);
    lua_newtable(L);
    lua_setiuservalue(L, -2, 1);
    return 1;
}

void px_sandbox_openlib(lua_State *L)
{
    static const luaL_Reg outdir_methods[] = {
        {"open", outdir_open}, {"path", outdir_path}, {"files", outdir_files},
        {"sha256", outdir_sha256}, {"cleanup", outdir_cleanup}, {NULL, NULL}};
    if (luaL_newmetatable(L, PX_MT_OUTDIR)) {
        luaL_newlib(L, outdir_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, outdir_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    static const luaL_Reg funcs[] = {
        {"call", l_call}, {"hook_thread", l_hook_thread}, {"outdir", l_outdir},
        {"realpath", l_realpath}, {"isdir", l_isdir}, {"listdir", l_listdir}, {NULL, NULL}};
    luaL_setfuncs(L, funcs, 0);
    lua_pushstring(L, backstop_name());
    lua_setfield(L, -2, "backstop");
}
