/* run.c - the script runner's C side: the options of `praxis run`, the
 * entry points of `praxis run`, `praxis scripts` and `praxis help
 * SCRIPT`, Praxis's random generator and the run's seed, and SHA-256 for
 * the manifest. The runner's logic (finding scripts, reading their spec,
 * checking parameters, building the sandbox, printing and writing the
 * results) is lua/lib/scripts.lua. */
#include "run.h"
#include "host.h"
#include "luax.h"
#include "repl.h"

#include <lauxlib.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PX_SHARE_DIR
#define PX_SHARE_DIR "/usr/local/share/praxis"
#endif

/* ---- SHA-256 (FIPS 180-4, section 6.2) ---- */

typedef struct px_sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t fill;
} px_sha256;

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(px_sha256 *s, const unsigned char *p)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = ROTR(w[t - 15], 7) ^ ROTR(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ROTR(w[t - 2], 17) ^ ROTR(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
    uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t S1 = ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + S1 + ch + K256[t] + w[t];
        uint32_t S0 = ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + maj;
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d;
    s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

static void sha256_init(px_sha256 *s)
{
    static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, H0, sizeof H0);
    s->bytes = 0;
    s->fill = 0;
}

static void sha256_add(px_sha256 *s, const void *data, size_t n)
{
    const unsigned char *p = data;
    s->bytes += n;
    if (s->fill) {
        size_t take = 64 - s->fill < n ? 64 - s->fill : n;
        memcpy(s->block + s->fill, p, take);
        s->fill += take;
        p += take;
        n -= take;
        if (s->fill < 64) return;
        sha256_block(s, s->block);
        s->fill = 0;
    }
    for (; n >= 64; p += 64, n -= 64) sha256_block(s, p);
    memcpy(s->block, p, n);
    s->fill = n;
}

static void sha256_hex_final(px_sha256 *s, char out[65])
{
    uint64_t bits = s->bytes * 8;
    unsigned char pad[72] = {0x80};
    size_t padlen = (s->fill < 56 ? 56 : 120) - s->fill;
    unsigned char len[8];
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_add(s, pad, padlen);
    sha256_add(s, len, 8);
    static const char hexd[] = "0123456789abcdef";
    for (int i = 0; i < 8; i++)
        for (int k = 0; k < 4; k++) {
            unsigned v = (s->h[i] >> (24 - 8 * k)) & 0xff;
            out[8 * i + 2 * k] = hexd[v >> 4];
            out[8 * i + 2 * k + 1] = hexd[v & 15];
        }
    out[64] = '\0';
}

void px_sha256_hex(const void *data, size_t n, char out[65])
{
    px_sha256 s;
    sha256_init(&s);
    sha256_add(&s, data, n);
    sha256_hex_final(&s, out);
}

/* praxis.sha256(s) -> hex digest of the bytes of s */
static int l_sha256(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    char hex[65];
    px_sha256_hex(s, n, hex);
    lua_pushstring(L, hex);
    return 1;
}

/* _run.sha256_file(path) -> hex, bytes | nil, message (host only: never
 * reachable from a sandboxed script) */
static int l_sha256_file(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    FILE *f = fopen(path, "rb");
    if (!f) return luaL_fileresult(L, 0, path);
    px_sha256 s;
    sha256_init(&s);
    char buf[65536];
    size_t r;
    while ((r = fread(buf, 1, sizeof buf, f)) > 0) sha256_add(&s, buf, r);
    int bad = ferror(f);
    fclose(f);
    if (bad) return luaL_fileresult(L, 0, path);
    char hex[65];
    uint64_t bytes = s.bytes;
    sha256_hex_final(&s, hex);
    lua_pushstring(L, hex);
    lua_pushinteger(L, (lua_Integer)bytes);
    return 2;
}

/* ---- the run's seed and Praxis's random generator ----
 *
 * xoshiro256** (Blackman and Vigna), seeded through splitmix64 so that
 * every seed, 0 included, gives a good state. The generator's state is a
 * userdata shared by praxis.random and praxis.randomseed; the seed of the
 * current run is process-wide (px_host_seed), like igraph's generator
 * that it seeds. */

static uint64_t run_seed = 1;

uint64_t px_host_seed(void) { return run_seed; }

typedef struct px_rng { uint64_t s[4]; } px_rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(px_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(px_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl64(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return result;
}

/* an integer in [0, n] without bias (rejection of the top of the range) */
static uint64_t rng_upto(px_rng *r, uint64_t n)
{
    if (n == UINT64_MAX) return rng_next(r);
    uint64_t span = n + 1, lim = UINT64_MAX - UINT64_MAX % span;
    uint64_t v;
    do v = rng_next(r); while (v >= lim);
    return v % span;
}

/* praxis.random() -> float in [0, 1); (m) -> integer in [1, m];
 * (m, n) -> integer in [m, n]: as math.random, from Praxis's generator */
static int l_random(lua_State *L)
{
    px_rng *r = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)(rng_next(r) >> 11) * 0x1.0p-53);
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "praxis.random: wrong number of arguments (0, 1 or 2)");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    lua_pushinteger(L, (lua_Integer)((uint64_t)lo + rng_upto(r, span)));
    return 1;
}

/* praxis.randomseed(n): restarts Praxis's generator from seed n */
static int l_randomseed(lua_State *L)
{
    px_rng *r = lua_touserdata(L, lua_upvalueindex(1));
    rng_seed(r, (uint64_t)luaL_checkinteger(L, 1));
    return 0;
}

/* _run.set_seed(n): the seed of the run now starting (px_host_seed) and
 * Praxis's generator; scripts.lua seeds math.random itself. */
static int l_set_seed(lua_State *L)
{
    px_rng *r = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer n = luaL_checkinteger(L, 1);
    run_seed = (uint64_t)n;
    rng_seed(r, (uint64_t)n);
    return 0;
}

/* ---- other primitives for scripts.lua ---- */

/* _run.home() -> the folder of Praxis's own files, or nil */
static int l_home(lua_State *L)
{
    char home[4096];
    if (px_host_home(home, sizeof home) != 0) lua_pushnil(L);
    else lua_pushstring(L, home);
    return 1;
}

/* _run.corpus_box(corpus) -> a second userdata for the same corpus, so a
 * script that closes its corpus does not close the caller's */
static int l_corpus_box(lua_State *L)
{
    px_lcorpus *b = px_l_checkcorpus(L, 1);
    px_l_pushcorpus(L, px_corpus_ref(b->c));   /* the new box's own reference */
    return 1;
}

void px_run_openlib(lua_State *L)
{
    int praxis = lua_gettop(L);
    px_rng *r = lua_newuserdatauv(L, sizeof *r, 0);
    rng_seed(r, 1);
    int rng = lua_gettop(L);
    lua_pushvalue(L, rng);
    lua_pushcclosure(L, l_random, 1);
    lua_setfield(L, praxis, "random");
    lua_pushvalue(L, rng);
    lua_pushcclosure(L, l_randomseed, 1);
    lua_setfield(L, praxis, "randomseed");
    lua_pushcfunction(L, l_sha256);
    lua_setfield(L, praxis, "sha256");

    lua_newtable(L);   /* praxis._run */
    px_sandbox_openlib(L);
    lua_pushvalue(L, rng);
    lua_pushcclosure(L, l_set_seed, 1);
    lua_setfield(L, -2, "set_seed");
    static const luaL_Reg funcs[] = {
        {"sha256_file", l_sha256_file}, {"home", l_home}, {"corpus_box", l_corpus_box},
        {NULL, NULL}};
    luaL_setfuncs(L, funcs, 0);
    lua_pushliteral(L, PX_SHARE_DIR);
    lua_setfield(L, -2, "share_dir");
    lua_setfield(L, praxis, "_run");
    lua_settop(L, praxis);
}

/* ---- the command line ---- */

void px_run_opts_init(px_run_opts *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->timeout = -1;
    o->max_memory = -1;
}

/* "2s,200MB": a number of seconds (s optional), a comma, a number of
 * megabytes (MB optional) */
int px_run_default_limits(double *timeout, double *max_memory_mb)
{
    *timeout = PX_RUN_DEFAULT_TIMEOUT;
    *max_memory_mb = PX_RUN_DEFAULT_MEMORY_MB;
    const char *v = getenv("PRAXIS_TEST_DEFAULT_LIMITS");
    if (!v || !*v) return 0;
    char *end;
    errno = 0;
    double t = strtod(v, &end);
    if (*end == 's') end++;
    double m = 0;
    int ok = !errno && end != v && *end == ',' && t > 0 && isfinite(t);
    if (ok) {
        const char *mv = end + 1;
        m = strtod(mv, &end);
        if (!strcmp(end, "MB")) end += 2;
        ok = !errno && end != mv && *end == '\0' && m > 0 && isfinite(m);
    }
    if (!ok) {
        fprintf(stderr, "praxis: PRAXIS_TEST_DEFAULT_LIMITS is SECONDS,MEGABYTES such as "
                "\"2s,200MB\", not '%s'\n", v);
        return -1;
    }
    *timeout = t;
    *max_memory_mb = m;
    return 0;
}

static int run_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "praxis: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'praxis --help'.\n");
    return -1;
}

/* the value of an option: "--opt VALUE" or "--opt=VALUE" */
static const char *opt_value(const char *name, int argc, char **argv, int *i)
{
    const char *s = argv[*i];
    size_t n = strlen(name);
    if (!strncmp(s, name, n) && s[n] == '=') return s + n + 1;
    if (*i + 1 >= argc) return NULL;
    return argv[++*i];
}

static int is_opt(const char *s, const char *name)
{
    size_t n = strlen(name);
    return !strncmp(s, name, n) && (s[n] == '\0' || s[n] == '=');
}

/* a limit: a number above 0, or 0 for none */
static int limit_number(const char *v, double *out)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || *end || !(d >= 0) || !isfinite(d)) return 0;
    *out = d;
    return 1;
}

int px_run_option(px_run_opts *o, int argc, char **argv, int *i)
{
    const char *s = argv[*i], *v;
    if (!strcmp(s, "-p") || is_opt(s, "--param")) {
        v = opt_value(!strcmp(s, "-p") ? "-p" : "--param", argc, argv, i);
        if (!v) return run_usage("%s needs a parameter: --param NAME=VALUE", s);
        if (!strchr(v, '=') || v[0] == '=')
            return run_usage("a parameter is NAME=VALUE, not '%s'", v);
        if (o->nparams >= PX_RUN_MAX_PARAMS) return run_usage("%s", "too many parameters");
        o->params[o->nparams++] = v;
        return 1;
    }
    if (is_opt(s, "--out")) {
        v = opt_value("--out", argc, argv, i);
        if (!v || !*v) return run_usage("%s", "--out needs a folder");
        o->out = v;
        return 1;
    }
    if (is_opt(s, "--mode")) {
        v = opt_value("--mode", argc, argv, i);
        static const char *modes[] = {"table", "csv", "tsv", "json", "markdown", NULL};
        for (int k = 0; v && modes[k]; k++)
            if (!strcmp(v, modes[k])) {
                o->mode = v;
                return 1;
            }
        return run_usage("--mode is table, csv, tsv, json or markdown, not '%s'", v ? v : "");
    }
    if (is_opt(s, "--timeout")) {
        v = opt_value("--timeout", argc, argv, i);
        if (!v || !limit_number(v, &o->timeout))
            return run_usage("--timeout needs a number of seconds (0: no limit), not '%s'", v ? v : "");
        return 1;
    }
    if (is_opt(s, "--max-memory")) {
        v = opt_value("--max-memory", argc, argv, i);
        if (!v || !limit_number(v, &o->max_memory))
            return run_usage("--max-memory needs a number of megabytes (0: no limit), not '%s'",
                             v ? v : "");
        return 1;
    }
    if (is_opt(s, "--seed")) {
        v = opt_value("--seed", argc, argv, i);
        char *end;
        errno = 0;
        long long n = v ? strtoll(v, &end, 10) : 0;
        if (!v || errno || end == v || *end) return run_usage("--seed needs an integer, not '%s'", v ? v : "");
        o->seed = n;
        return 1;
    }
    if (!strcmp(s, "--trust")) {
        o->trust = 1;
        return 1;
    }
    return 0;
}

typedef struct corpus_cb {
    px_run_open_corpus fn;
    void *ud;
} corpus_cb;

/* the open_corpus function given to scripts.lua: true, or false and the
 * exit status */
static int l_open_corpus(lua_State *L)
{
    corpus_cb *cb = lua_touserdata(L, lua_upvalueindex(1));
    int code = 1;
    if (cb->fn(L, cb->ud, &code) != 0) {
        lua_pushboolean(L, 0);
        lua_pushinteger(L, code);
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* pushes praxis._run[name] (a function of scripts.lua) */
static void push_runner(lua_State *L, const char *name)
{
    lua_getglobal(L, "praxis");
    lua_getfield(L, -1, "_run");
    lua_getfield(L, -1, name);
    lua_replace(L, -3);
    lua_pop(L, 1);
    if (!lua_isfunction(L, -1)) luaL_error(L, "the script runner is missing (%s)", name);
}

static int exit_status(lua_State *L)
{
    int code = (int)luaL_optinteger(L, -1, PX_EXIT_SCRIPT);
    lua_pop(L, 1);
    return code;
}

int px_run_cli(lua_State *L, const px_run_opts *o, const char *target, const char **paths,
               int npaths, px_run_open_corpus open_corpus, void *ud)
{
    push_runner(L, "cli_run");
    lua_createtable(L, 0, 12);
    lua_pushstring(L, target);
    lua_setfield(L, -2, "target");
    lua_createtable(L, o->nparams, 0);
    for (int i = 0; i < o->nparams; i++) {
        lua_pushstring(L, o->params[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "params");
    lua_createtable(L, npaths, 0);
    for (int i = 0; i < npaths; i++) {
        lua_pushstring(L, paths[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "paths");
    if (o->out) {
        lua_pushstring(L, o->out);
        lua_setfield(L, -2, "out");
    }
    if (o->mode) {
        lua_pushstring(L, o->mode);
        lua_setfield(L, -2, "mode");
    }
    if (o->timeout >= 0) {
        lua_pushnumber(L, o->timeout);
        lua_setfield(L, -2, "timeout");
    }
    if (o->max_memory >= 0) {
        lua_pushnumber(L, o->max_memory);
        lua_setfield(L, -2, "max_memory");
    }
    double dt, dm;
    if (px_run_default_limits(&dt, &dm) != 0) {
        lua_pop(L, 2);
        return PX_EXIT_USAGE;
    }
    lua_pushnumber(L, dt);
    lua_setfield(L, -2, "default_timeout");
    lua_pushnumber(L, dm);
    lua_setfield(L, -2, "default_max_memory");
    lua_pushinteger(L, (lua_Integer)o->seed);
    lua_setfield(L, -2, "seed");
    lua_pushboolean(L, o->trust);
    lua_setfield(L, -2, "trust");
    corpus_cb *cb = lua_newuserdatauv(L, sizeof *cb, 0);
    cb->fn = open_corpus;
    cb->ud = ud;
    lua_pushcclosure(L, l_open_corpus, 1);
    lua_setfield(L, -2, "open_corpus");
    lua_call(L, 1, 1);
    return exit_status(L);
}

int px_run_command(lua_State *L, int argc, char **argv)
{
    push_runner(L, "cli_command");
    lua_createtable(L, argc, 0);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_call(L, 1, 1);
    return exit_status(L);
}
