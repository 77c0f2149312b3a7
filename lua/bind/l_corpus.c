/* l_corpus.c - the corpus userdata and praxis.open. */
#include "luax.h"

#include <math.h>
#include <string.h>

px_lcorpus *px_l_checkcorpus(lua_State *L, int idx)
{
    px_lcorpus *b = px_l_checkself(L, idx, PX_MT_CORPUS, "corpus");
    if (!b->c) luaL_error(L, "attempt to use a closed corpus");
    return b;
}

/* The box of a corpus: the userdata, its cache table (user value 1) and
 * its handle caches (user value 2: one table per handle type, weak
 * values, index -> handle, so that the same entity is always the same
 * handle and works as a table key). b->c is set last: a memory error
 * before it leaves a box that owns nothing. */
static int box_corpus(lua_State *L)
{
    px_corpus *c = lua_touserdata(L, 1);
    px_lcorpus *b = lua_newuserdatauv(L, sizeof *b, 2);
    b->c = NULL;
    luaL_setmetatable(L, PX_MT_CORPUS);
    lua_newtable(L);
    lua_setiuservalue(L, -2, 1);
    lua_createtable(L, 4, 0);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    for (int t = 1; t <= 4; t++) {
        lua_newtable(L);
        lua_pushvalue(L, -2);
        lua_setmetatable(L, -2);
        lua_rawseti(L, -3, t);
    }
    lua_pop(L, 1);
    lua_setiuservalue(L, -2, 2);
    b->c = c;
    return 1;
}

void px_l_pushcorpus(lua_State *L, px_corpus *c)
{
    /* a protected call: when Lua runs out of memory making the box, the
     * reference is dropped here rather than leaked */
    lua_pushcfunction(L, box_corpus);
    lua_pushlightuserdata(L, c);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        px_corpus_unref(c);
        lua_error(L);
    }
}

static int corpus_release(lua_State *L)
{
    px_lcorpus *b = luaL_checkudata(L, 1, PX_MT_CORPUS);
    if (b->c) {
        px_corpus_unref(b->c);
        b->c = NULL;
    }
    return 0;
}

static int corpus_tostring(lua_State *L)
{
    px_lcorpus *b = luaL_checkudata(L, 1, PX_MT_CORPUS);
    if (!b->c) {
        lua_pushliteral(L, "corpus (closed)");
        return 1;
    }
    px_corpus *c = b->c;
    luaL_Buffer buf;
    luaL_buffinit(L, &buf);
    char num[64];
    lua_pushfstring(L, "corpus %s: ", px_str_get(c, c->name));
    luaL_addvalue(&buf);
    struct { size_t n; const char *one, *many; } parts[] = {
        {c->documents.n, "document", "documents"},
        {c->participants.n, "participant", "participants"},
        {c->utterances.n, "utterance", "utterances"},
    };
    for (int i = 0; i < 3; i++) {
        /* thousands separators for people */
        char tmp[32];
        int len = snprintf(tmp, sizeof tmp, "%zu", parts[i].n);
        size_t o = 0;
        for (int k = 0; k < len; k++) {
            if (k && (len - k) % 3 == 0) num[o++] = ',';
            num[o++] = tmp[k];
        }
        num[o] = '\0';
        lua_pushfstring(L, "%s%s %s", i ? ", " : "", num, parts[i].n == 1 ? parts[i].one : parts[i].many);
        luaL_addvalue(&buf);
    }
    luaL_pushresult(&buf);
    return 1;
}

static int corpus_eq(lua_State *L)
{
    px_lcorpus *a = luaL_testudata(L, 1, PX_MT_CORPUS), *b = luaL_testudata(L, 2, PX_MT_CORPUS);
    lua_pushboolean(L, a && b && a->c && a->c == b->c);
    return 1;
}

static void push_str_or_nil(lua_State *L, px_corpus *c, px_str s)
{
    if (s) lua_pushstring(L, px_str_get(c, s));
    else lua_pushnil(L);
}

static void push_problems(lua_State *L, px_corpus *c)
{
    lua_createtable(L, (int)c->problems.n, 0);
    for (size_t i = 0; i < c->problems.n; i++) {
        px_problem *p = &c->problems.v[i];
        lua_createtable(L, 0, 4);
        lua_pushstring(L, p->severity == PX_ERROR ? "error" : "warning");
        lua_setfield(L, -2, "severity");
        lua_pushstring(L, px_str_get(c, p->code));
        lua_setfield(L, -2, "code");
        lua_pushstring(L, px_str_get(c, p->message));
        lua_setfield(L, -2, "message");
        char pos[700];
        px_pos_format(c, p->pos, pos, sizeof pos);
        lua_pushstring(L, pos);
        lua_setfield(L, -2, "source");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static void push_orgs(lua_State *L, px_corpus *c)
{
    lua_createtable(L, (int)c->orgs.n, 0);
    for (size_t i = 0; i < c->orgs.n; i++) {
        px_org *o = &c->orgs.v[i];
        lua_createtable(L, 0, 4);
        push_str_or_nil(L, c, o->id); lua_setfield(L, -2, "id");
        push_str_or_nil(L, c, o->role); lua_setfield(L, -2, "role");
        push_str_or_nil(L, c, o->name ? o->name : o->id); lua_setfield(L, -2, "name");
        push_str_or_nil(L, c, o->abbr); lua_setfield(L, -2, "abbreviation");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        /* also by id */
        if (o->id) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            lua_setfield(L, -2, px_str_get(c, o->id));
        }
    }
}

static void c_range(lua_State *L, px_htype t, size_t n) { px_l_pushrange(L, 1, t, 0, (uint32_t)n); }
static void c_documents(lua_State *L, px_corpus *c, uint32_t i)
{ (void)i; c_range(L, PX_H_DOCUMENT, c->documents.n); }
static void c_participants(lua_State *L, px_corpus *c, uint32_t i)
{ (void)i; c_range(L, PX_H_PARTICIPANT, c->participants.n); }
static void c_utterances(lua_State *L, px_corpus *c, uint32_t i)
{ (void)i; c_range(L, PX_H_UTTERANCE, c->utterances.n); }
static void c_segments(lua_State *L, px_corpus *c, uint32_t i)
{ (void)i; c_range(L, PX_H_SEGMENT, c->segments.n); }
static void c_organisations(lua_State *L, px_corpus *c, uint32_t i) { (void)i; push_orgs(L, c); }
static void c_name(lua_State *L, px_corpus *c, uint32_t i) { (void)i; lua_pushstring(L, px_str_get(c, c->name)); }
static void c_title(lua_State *L, px_corpus *c, uint32_t i) { (void)i; push_str_or_nil(L, c, c->title); }
static void c_meta(lua_State *L, px_corpus *c, uint32_t i)
{
    (void)i;
    lua_createtable(L, 0, 3);
    lua_pushstring(L, px_str_get(c, c->name)); lua_setfield(L, -2, "name");
    push_str_or_nil(L, c, c->title); lua_setfield(L, -2, "title");
    lua_pushinteger(L, (lua_Integer)c->files.n); lua_setfield(L, -2, "files");
}
static void c_warnings(lua_State *L, px_corpus *c, uint32_t i) { (void)i; push_problems(L, c); }
static void c_files(lua_State *L, px_corpus *c, uint32_t i)
{
    (void)i;
    lua_createtable(L, (int)c->files.n, 0);
    for (size_t k = 0; k < c->files.n; k++) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, px_str_get(c, c->files.v[k].path)); lua_setfield(L, -2, "path");
        lua_pushinteger(L, (lua_Integer)c->files.v[k].bytes); lua_setfield(L, -2, "bytes");
        lua_pushboolean(L, c->files.v[k].refused); lua_setfield(L, -2, "refused");
        lua_pushboolean(L, c->files.v[k].component); lua_setfield(L, -2, "component");
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
}
static void c_refusals(lua_State *L, px_corpus *c, uint32_t i)
{
    (void)i;
    lua_createtable(L, (int)c->refusals.n, 0);
    for (size_t k = 0; k < c->refusals.n; k++) {
        char msg[1400];
        px_error_format(&c->refusals.v[k].error, msg, sizeof msg);
        lua_pushstring(L, msg);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
}

static const px_l_field corpus_fields[] = {
    {"documents", "praxis.Selection", c_documents},
    {"participants", "praxis.Selection", c_participants},
    {"utterances", "praxis.Selection", c_utterances},
    {"segments", "praxis.Selection", c_segments}, {"organisations", "table", c_organisations},
    {"name", "string", c_name}, {"title", "string", c_title}, {"meta", "table", c_meta},
    {"warnings", "table", c_warnings}, {"files", "table", c_files},
    {"refusals", "table", c_refusals}, {NULL, NULL, NULL}};

static int corpus_index(lua_State *L)
{
    px_corpus *c = px_l_checkcorpus(L, 1)->c;
    const char *k = luaL_checkstring(L, 2);
    const px_l_field *f = px_l_field_find(corpus_fields, k);
    if (!f) return px_l_method_or_error(L, PX_MT_CORPUS, "a corpus", k, corpus_fields);
    f->get(L, c, 0);
    return 1;
}

static int corpus_close(lua_State *L)
{
    px_l_checkself(L, 1, PX_MT_CORPUS, "corpus");
    return corpus_release(L);
}

static int corpus_summary(lua_State *L)
{
    px_corpus *c = px_l_checkcorpus(L, 1)->c;
    px_summary s;
    px_corpus_summary(c, &s);
    lua_createtable(L, 0, 16);
    lua_pushinteger(L, s.files); lua_setfield(L, -2, "files");
    lua_pushinteger(L, s.refused); lua_setfield(L, -2, "refused");
    lua_pushinteger(L, s.documents); lua_setfield(L, -2, "documents");
    lua_pushinteger(L, s.participants); lua_setfield(L, -2, "participants");
    lua_pushinteger(L, s.speaking); lua_setfield(L, -2, "speaking_participants");
    lua_pushinteger(L, s.utterances); lua_setfield(L, -2, "utterances");
    lua_pushinteger(L, (lua_Integer)s.tokens); lua_setfield(L, -2, "tokens");
    lua_pushinteger(L, (lua_Integer)s.types); lua_setfield(L, -2, "types");
    lua_pushinteger(L, s.segments); lua_setfield(L, -2, "segments");
    lua_pushinteger(L, s.events); lua_setfield(L, -2, "events");
    lua_pushinteger(L, s.warnings); lua_setfield(L, -2, "warnings");
    lua_pushinteger(L, s.errors); lua_setfield(L, -2, "errors");
    return 1;
}

void px_l_options(lua_State *L, int idx, px_options *opt)
{
    px_options_init(opt);
    if (lua_isnoneornil(L, idx)) return;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "participants");
    if (!lua_isnil(L, -1)) {
        const char *v = luaL_checkstring(L, -1);
        if (!strcmp(v, "per_document")) opt->identity = PX_IDENTITY_DOCUMENT;
        else if (!strcmp(v, "corpus")) opt->identity = PX_IDENTITY_CORPUS;
        else luaL_error(L, "option participants must be \"corpus\" or \"per_document\", not \"%s\"", v);
    }
    lua_pop(L, 1);
}

/* praxis.open(path | {paths}, opts) */
static int l_open(lua_State *L)
{
    const char *paths_small[64];
    const char **paths = paths_small;
    size_t n = 0;
    if (lua_type(L, 1) == LUA_TSTRING) {
        paths[0] = lua_tostring(L, 1);
        n = 1;
    } else if (lua_type(L, 1) == LUA_TTABLE) {
        n = (size_t)luaL_len(L, 1);
        if (n == 0) return luaL_error(L, "praxis.open: the list of paths is empty");
        if (n > 64) paths = lua_newuserdatauv(L, n * sizeof *paths, 0);
        for (size_t i = 0; i < n; i++) {
            lua_geti(L, 1, (lua_Integer)i + 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, "praxis.open: path %d is a %s, not a string", (int)i + 1,
                                  luaL_typename(L, -1));
            paths[i] = lua_tostring(L, -1);
            lua_pop(L, 1);   /* the table keeps the string alive */
        }
    } else {
        return luaL_typeerror(L, 1, "path or list of paths");
    }
    px_options opt;
    px_l_options(L, 2, &opt);
    const px_l_hooks *hooks = px_l_gethooks(L);
    hooks->progress_setup(&opt);
    px_error err;
    px_error_clear(&err);
    px_corpus *c = px_corpus_open(paths, n, &opt, &err);
    hooks->progress_done();
    if (!c) return px_l_error(L, &err);
    if (c->refusals.n) {
        int loaded = 0;
        for (size_t i = 0; i < c->files.n; i++) if (!c->files.v[i].refused) loaded = 1;
        for (size_t i = 0; i < c->refusals.n; i++) {
            char msg[1400];
            px_error_format(&c->refusals.v[i].error, msg, sizeof msg);
            lua_writestringerror("praxis: refused %s\n", msg);
        }
        if (!loaded) {
            int nref = (int)c->refusals.n;
            px_corpus_unref(c);
            return luaL_error(L, "praxis.open: nothing could be loaded (%d file%s refused); "
                              "the refusal lines above say why",
                              nref, nref == 1 ? "" : "s");
        }
    }
    px_l_pushcorpus(L, c);   /* the box takes our reference */
    return 1;
}

int px_l_error(lua_State *L, const px_error *e)
{
    char msg[1400];
    px_error_format(e, msg, sizeof msg);
    return luaL_error(L, "%s", msg);
}

void px_open_corpus(lua_State *L)
{
    static const luaL_Reg meta[] = {
        {"__index", corpus_index}, {"__gc", corpus_release}, {"__close", corpus_release},
        {"__tostring", corpus_tostring}, {"__eq", corpus_eq}, {NULL, NULL}};
    static const luaL_Reg methods[] = {
        {"close", corpus_close}, {"summary", corpus_summary}, {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_CORPUS);
    luaL_setfuncs(L, meta, 0);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__methods");
    px_l_setfields(L, corpus_fields);
    lua_pop(L, 1);
}

int luaopen_praxis(lua_State *L)
{
    px_open_corpus(L);
    px_open_handles(L);
    px_open_selection(L);
    static const luaL_Reg funcs[] = {{"open", l_open}, {"_fields", px_l_fields}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    lua_pushliteral(L, PX_VERSION);
    lua_setfield(L, -2, "version");
    px_open_graph(L);   /* interactions, graphs, praxis.graph (l_graph.c) */
    return 1;
}
