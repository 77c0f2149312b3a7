/* l_handle.c - what all handles share: creation, the corpus they keep
 * alive, equality, and method lookup. */
#include "luax.h"

#include <string.h>

static const char *mt_names[] = {PX_MT_DOCUMENT, PX_MT_PARTICIPANT, PX_MT_UTTERANCE, PX_MT_SEGMENT};

const char *px_l_typename(px_htype t)
{
    static const char *n[] = {"document", "participant", "utterance", "segment"};
    return n[t];
}

const char *px_l_typeplural(px_htype t)
{
    static const char *n[] = {"documents", "participants", "utterances", "segments"};
    return n[t];
}

/* The corpus userdata behind idx: a corpus itself, or the user value of a
 * handle or selection. Pushes it. */
void px_l_pushowner(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (luaL_testudata(L, idx, PX_MT_CORPUS)) {
        lua_pushvalue(L, idx);
        return;
    }
    if (lua_type(L, idx) != LUA_TUSERDATA || lua_getiuservalue(L, idx, 1) == LUA_TNONE ||
        !luaL_testudata(L, -1, PX_MT_CORPUS)) {
        luaL_error(L, "expected a praxis corpus, handle or selection, got %s", luaL_typename(L, idx));
    }
}

px_corpus *px_l_corpus_of(lua_State *L, int idx)
{
    px_l_pushowner(L, idx);
    px_lcorpus *b = lua_touserdata(L, -1);
    lua_pop(L, 1);   /* idx keeps it alive */
    if (!b->c) luaL_error(L, "attempt to use a closed corpus");
    return b->c;
}

/* One handle per entity and corpus box: handles are kept in the box's
 * caches (weak values; see l_corpus.c), so fetching the same speaker twice
 * gives the same userdata, and handles work as table keys. */
void px_l_pushhandle(lua_State *L, int corpus_idx, px_htype t, uint32_t i)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    px_l_pushowner(L, corpus_idx);
    int box = lua_gettop(L);
    lua_getiuservalue(L, box, 2);
    lua_rawgeti(L, -1, (lua_Integer)t + 1);
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TUSERDATA) {
        lua_pop(L, 1);
        px_handle *h = lua_newuserdatauv(L, sizeof *h, 1);
        h->index = i;
        luaL_setmetatable(L, mt_names[t]);
        lua_pushvalue(L, box);
        lua_setiuservalue(L, -2, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, (lua_Integer)i + 1);
    }
    lua_replace(L, box);
    lua_settop(L, box);
}

int px_l_ishandle(lua_State *L, int idx, px_htype t)
{
    return luaL_testudata(L, idx, mt_names[t]) != NULL;
}

void *px_l_checkself(lua_State *L, int idx, const char *tname, const char *kind)
{
    if (idx == 1 && !luaL_testudata(L, 1, tname)) {
        lua_Debug ar;
        const char *name = "?";
        if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar) && ar.name) name = ar.name;
        luaL_error(L, "%s: call it with a colon, as in x:%s(...); called with a dot it gets "
                   "no %s (got %s)", name, name, kind, luaL_typename(L, 1));
    }
    return luaL_checkudata(L, idx, tname);
}

uint32_t px_l_checkhandle(lua_State *L, int idx, px_htype t)
{
    px_handle *h = px_l_checkself(L, idx, mt_names[t], px_l_typename(t));
    px_l_corpus_of(L, idx);   /* errors when the corpus was closed */
    return h->index;
}

uint32_t px_l_find(px_corpus *c, px_htype t, const char *id)
{
    switch (t) {
    case PX_H_DOCUMENT: return px_document_find(c, id);
    case PX_H_PARTICIPANT: return px_participant_find(c, id, PX_NONE);
    case PX_H_UTTERANCE: return px_utterance_find(c, id);
    case PX_H_SEGMENT:
        for (size_t i = 0; i < c->segments.n; i++)
            if (!strcmp(px_str_get(c, c->segments.v[i].id), id)) return (uint32_t)i;
        return PX_NONE;
    }
    return PX_NONE;
}

static int handle_eq(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TUSERDATA || lua_type(L, 2) != LUA_TUSERDATA ||
        !lua_getmetatable(L, 1) || !lua_getmetatable(L, 2) || !lua_rawequal(L, -1, -2)) {
        lua_pushboolean(L, 0);
        return 1;
    }
    px_handle *a = lua_touserdata(L, 1), *b = lua_touserdata(L, 2);
    px_corpus *ca = px_l_corpus_of(L, 1), *cb = px_l_corpus_of(L, 2);
    lua_pushboolean(L, ca == cb && a->index == b->index);
    return 1;
}

const px_l_field *px_l_field_find(const px_l_field *fields, const char *k)
{
    for (const px_l_field *f = fields; f->name; f++)
        if (!strcmp(f->name, k)) return f;
    return NULL;
}

void px_l_setfields(lua_State *L, const px_l_field *fields)
{
    lua_newtable(L);
    lua_newtable(L);
    int n = 0;
    for (const px_l_field *f = fields; f->name; f++) {
        lua_pushstring(L, f->name);
        lua_rawseti(L, -3, ++n);
        lua_pushstring(L, f->type);
        lua_setfield(L, -2, f->name);
    }
    lua_setfield(L, -3, "__fieldtypes");
    lua_setfield(L, -2, "__fields");
}

/* The generic __index of a handle: upvalue 1 the field table, 2 the type. */
static int handle_index(lua_State *L)
{
    const px_l_field *fields = lua_touserdata(L, lua_upvalueindex(1));
    px_htype t = (px_htype)lua_tointeger(L, lua_upvalueindex(2));
    uint32_t i = px_l_checkhandle(L, 1, t);
    px_corpus *c = px_l_corpus_of(L, 1);
    const char *k = luaL_checkstring(L, 2);
    const px_l_field *f = px_l_field_find(fields, k);
    if (f) {
        f->get(L, c, i);
        return 1;
    }
    const char *kind = px_l_typename(t);
    lua_pushfstring(L, "%s %s", strchr("aeiou", kind[0]) ? "an" : "a", kind);
    return px_l_method_or_error(L, mt_names[t], lua_tostring(L, -1), k, fields);
}

/* Registers a handle type: metatable with __index (fields first, then
 * methods), __eq, __tostring, __fields. */
void px_l_register_handle(lua_State *L, px_htype t, const px_l_field *fields,
                          lua_CFunction tostring, const luaL_Reg *methods)
{
    luaL_newmetatable(L, mt_names[t]);
    lua_pushlightuserdata(L, (void *)fields);
    lua_pushinteger(L, t);
    lua_pushcclosure(L, handle_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, handle_eq);
    lua_setfield(L, -2, "__eq");
    lua_newtable(L);
    if (methods) luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__methods");
    lua_pushstring(L, px_l_typename(t));
    lua_setfield(L, -2, "__kind");
    px_l_setfields(L, fields);
    lua_pop(L, 1);
}

/* Edit distance (insertions, deletions, substitutions) between two short
 * names; anything over 3 counts as far. */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40) return 99;
    size_t row[41];
    for (size_t j = 0; j <= m; j++) row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

/* The closest of the fields and of the methods in the table at idx to k,
 * when it is close enough to be a slip (one edit in a short name, two in
 * a longer one); NULL otherwise. */
static const char *closest(lua_State *L, int methods, const char *k, const px_l_field *fields)
{
    size_t limit = strlen(k) <= 4 ? 1 : 2, best = limit + 1;
    const char *hit = NULL;
    for (const px_l_field *f = fields; f->name; f++) {
        size_t d = distance(k, f->name);
        if (d < best) { best = d; hit = f->name; }
    }
    lua_pushnil(L);
    while (lua_next(L, methods)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) continue;
        size_t d = distance(k, lua_tostring(L, -1));
        if (d < best) { best = d; hit = lua_tostring(L, -1); }   /* the table keeps it */
    }
    return hit;
}

int px_l_method_or_error(lua_State *L, const char *tname, const char *what, const char *k,
                         const px_l_field *fields)
{
    luaL_getmetatable(L, tname);
    lua_getfield(L, -1, "__methods");
    int methods = lua_gettop(L);
    if (lua_getfield(L, methods, k) != LUA_TNIL) return 1;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "%s has no field or method '%s' (fields: ", what, k);
    luaL_addvalue(&b);
    for (const px_l_field *f = fields; f->name; f++) {
        if (f != fields) luaL_addstring(&b, ", ");
        luaL_addstring(&b, f->name);
    }
    luaL_addchar(&b, ')');
    luaL_pushresult(&b);
    const char *near = closest(L, methods, k, fields);
    if (near) lua_pushfstring(L, "; did you mean '%s'?", near);
    else lua_pushliteral(L, "");
    lua_concat(L, 2);
    return lua_error(L);
}

int px_l_fields(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING) luaL_getmetatable(L, lua_tostring(L, 1));
    else if (!lua_getmetatable(L, 1)) lua_pushnil(L);
    if (!lua_istable(L, -1) || lua_getfield(L, -1, "__fields") != LUA_TTABLE) {
        lua_pushnil(L);
        return 1;
    }
    int names = lua_gettop(L);
    lua_getfield(L, names - 1, "__fieldtypes");
    int types = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, names);
    lua_createtable(L, (int)n, 0);
    lua_createtable(L, 0, (int)n);
    for (lua_Integer i = 1; i <= n; i++) {   /* copies: the caller may change them */
        lua_rawgeti(L, names, i);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -4, i);
        lua_pushvalue(L, -1);
        lua_rawget(L, types);
        lua_rawset(L, -3);
    }
    return 2;
}

void px_l_pushstr(lua_State *L, px_corpus *c, px_str s)
{
    if (s) lua_pushstring(L, px_str_get(c, s));
    else lua_pushnil(L);
}

void px_l_pushnum(lua_State *L, double v)
{
    if (v != v) lua_pushnil(L);
    else lua_pushnumber(L, v);
}

void px_l_pushpos(lua_State *L, px_corpus *c, px_pos pos)
{
    char buf[700];
    px_pos_format(c, pos, buf, sizeof buf);
    lua_pushstring(L, buf);
}

void px_l_pushkvs(lua_State *L, px_corpus *c, uint32_t first, uint32_t n)
{
    lua_createtable(L, 0, (int)n);
    for (uint32_t i = 0; i < n; i++) {
        px_kv *kv = &c->kvs.v[first + i];
        lua_pushstring(L, px_str_get(c, kv->value));
        lua_setfield(L, -2, px_str_get(c, kv->key));
    }
}

/* ---- the host's hooks ---- */

static const char hooks_key = 0;   /* its address keys the registry */

static void no_progress(px_options *opt) { (void)opt; }
static void no_progress_done(void) {}
static uint64_t default_seed(void) { return 1; }

void px_l_sethooks(lua_State *L, const px_l_hooks *h)
{
    lua_pushlightuserdata(L, (void *)h);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &hooks_key);
}

const px_l_hooks *px_l_gethooks(lua_State *L)
{
    static const px_l_hooks none = {no_progress, no_progress_done, default_seed};
    lua_rawgetp(L, LUA_REGISTRYINDEX, &hooks_key);
    const px_l_hooks *h = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return h ? h : &none;
}

void px_open_document(lua_State *L);
void px_open_participant(lua_State *L);
void px_open_utterance(lua_State *L);
void px_open_segment(lua_State *L);

void px_open_handles(lua_State *L)
{
    px_open_document(L);
    px_open_participant(L);
    px_open_utterance(L);
    px_open_segment(L);
}
