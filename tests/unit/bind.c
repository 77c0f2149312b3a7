/* bind.c - the Lua bindings (lua/bind) without the host: a plain Lua
 * state opens the praxis module, loads a corpus and reads it; the hooks
 * the host would register are absent (seed 1, no progress), then a test's
 * own. Built from the binding objects and the core only, with no
 * -Ilua/host (Makefile), so it also proves the bindings need no host. */
#include "unit.h"
#include "luax.h"

#include <lualib.h>

static int setups, dones;
static void count_setup(px_options *opt) { (void)opt; setups++; }
static void count_done(void) { dones++; }
static uint64_t seed_42(void) { return 42; }

/* Runs a chunk that returns one value: its text, or NULL on an error. */
static const char *run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK) {
        lua_pop(L, 1);
        return NULL;
    }
    return lua_tostring(L, -1);
}

static void test_without_hooks(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "praxis", luaopen_praxis, 1);
    lua_pop(L, 1);
    const px_l_hooks *h = px_l_gethooks(L);
    CHECK(h != NULL);
    CHECK_EQ_INT(h->seed(), 1);   /* no host: the default seed */
    px_options opt;
    px_options_init(&opt);
    h->progress_setup(&opt);      /* no host: no progress bar */
    CHECK(opt.progress == NULL);
    h->progress_done();
    /* corpora/samples/spoken.xml: 12 utterances, the first by mar */
    const char *s = run(L, "local c = praxis.open('corpora/samples/spoken.xml') "
                           "return #c.utterances .. ' ' .. c.utterances[1].speaker.id");
    CHECK(s && !strcmp(s, "12 mar"));
    lua_settop(L, 0);
    /* one handle per entity */
    s = run(L, "local c = praxis.open('corpora/samples/spoken.xml') "
               "return tostring(rawequal(c.utterances.u1.speaker, c.participants.mar))");
    CHECK(s && !strcmp(s, "true"));
    lua_close(L);
}

static void test_with_hooks(void)
{
    static const px_l_hooks hooks = {count_setup, count_done, seed_42};
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    px_l_sethooks(L, &hooks);
    luaL_requiref(L, "praxis", luaopen_praxis, 1);
    lua_pop(L, 1);
    CHECK(px_l_gethooks(L) == &hooks);
    CHECK_EQ_INT(px_l_gethooks(L)->seed(), 42);
    setups = dones = 0;
    const char *s = run(L, "return #praxis.open('corpora/samples/spoken.xml').documents");
    CHECK(s && !strcmp(s, "1"));
    CHECK_EQ_INT(setups, 1);      /* praxis.open asked the host for a progress bar */
    CHECK_EQ_INT(dones, 1);
    /* a load that fails still closes the progress bar */
    s = run(L, "return praxis.open('no/such/file.xml')");
    CHECK(s == NULL);
    CHECK_EQ_INT(setups, 2);
    CHECK_EQ_INT(dones, 2);
    lua_close(L);
}

int main(void)
{
    test_without_hooks();
    test_with_hooks();
    return unit_summary();
}
