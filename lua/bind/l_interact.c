/* l_interact.c - interactions in Lua: s:interactions(rule, opts), the
 * praxis.Interactions userdata and interactions:graph(), s:windows{by=}
 * and s:graphs_by(by, rule, opts). */
#include "luax.h"
#include "l_graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* interactions                                                        */
/* ------------------------------------------------------------------ */

static l_interactions *new_interactions(lua_State *L, int owner_idx, int directed)
{
    owner_idx = lua_absindex(L, owner_idx);
    l_interactions *x = lua_newuserdatauv(L, sizeof *x, 1);
    px_interactions_init(&x->ia, directed);
    x->live = 1;
    luaL_setmetatable(L, PX_MT_INTERACTIONS);
    px_l_pushowner(L, owner_idx);
    lua_setiuservalue(L, -2, 1);
    return x;
}

l_interactions *px_lg_check_interactions(lua_State *L, int idx)
{
    l_interactions *x = px_l_checkself(L, idx, PX_MT_INTERACTIONS, "interactions");
    px_l_corpus_of(L, idx);
    return x;
}

static int ia_gc(lua_State *L)
{
    l_interactions *x = luaL_checkudata(L, 1, PX_MT_INTERACTIONS);
    if (x->live) px_interactions_destroy(&x->ia);
    x->live = 0;
    return 0;
}

static int ia_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)px_lg_check_interactions(L, 1)->ia.items.n);
    return 1;
}

static void push_time(lua_State *L, double t)
{
    if (isnan(t)) { lua_pushnil(L); return; }
    char buf[48];
    px_format_datetime(t, buf, sizeof buf);
    lua_pushstring(L, buf);
}

static void push_interaction(lua_State *L, int idx, const px_interaction *it)
{
    lua_createtable(L, 0, 5);
    px_l_pushhandle(L, idx, PX_H_PARTICIPANT, it->source);
    lua_setfield(L, -2, "source");
    px_l_pushhandle(L, idx, PX_H_PARTICIPANT, it->target);
    lua_setfield(L, -2, "target");
    if (it->from != PX_NONE) {
        px_l_pushhandle(L, idx, PX_H_UTTERANCE, it->from);
        lua_setfield(L, -2, "from");
    }
    if (it->to != PX_NONE) {
        px_l_pushhandle(L, idx, PX_H_UTTERANCE, it->to);
        lua_setfield(L, -2, "to");
    }
    push_time(L, it->time);
    lua_setfield(L, -2, "time");
}

static void ia_directed(lua_State *L, px_corpus *c, uint32_t i)
{
    (void)c;
    (void)i;
    lua_pushboolean(L, ((l_interactions *)lua_touserdata(L, 1))->ia.directed);
}

static const px_l_field ia_fields[] = {{"directed", "boolean", ia_directed}, {NULL, NULL, NULL}};

static int ia_index(lua_State *L)
{
    l_interactions *x = px_lg_check_interactions(L, 1);
    if (lua_type(L, 2) == LUA_TNUMBER) {
        lua_Integer i = luaL_checkinteger(L, 2);
        if (i < 0) i = (lua_Integer)x->ia.items.n + i + 1;
        if (i < 1 || i > (lua_Integer)x->ia.items.n) return 0;
        push_interaction(L, 1, &x->ia.items.v[i - 1]);
        return 1;
    }
    const char *k = luaL_checkstring(L, 2);
    luaL_getmetatable(L, PX_MT_INTERACTIONS);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) return 1;
    const px_l_field *f = px_l_field_find(ia_fields, k);
    if (f) {
        f->get(L, px_l_corpus_of(L, 1), 0);
        return 1;
    }
    return luaL_error(L, "interactions have no field or method '%s' (methods: each, where, "
                      "graph, table; fields: directed; [i] for one interaction)", k);
}

static int ia_tostring(lua_State *L)
{
    l_interactions *x = px_lg_check_interactions(L, 1);
    lua_pushfstring(L, "%d %s interaction%s", (int)x->ia.items.n,
                    x->ia.directed ? "directed" : "undirected", x->ia.items.n == 1 ? "" : "s");
    return 1;
}

static int ia_iter(lua_State *L)
{
    l_interactions *x = lua_touserdata(L, lua_upvalueindex(1));
    px_l_corpus_of(L, lua_upvalueindex(1));
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    if (i >= (lua_Integer)x->ia.items.n) return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    push_interaction(L, lua_upvalueindex(1), &x->ia.items.v[i]);
    return 1;
}

static int ia_each(lua_State *L)
{
    px_lg_check_interactions(L, 1);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ia_iter, 2);
    return 1;
}

static int ia_where(lua_State *L)
{
    l_interactions *x = px_lg_check_interactions(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    l_interactions *r = new_interactions(L, 1, x->ia.directed);
    int ri = lua_gettop(L);
    for (size_t i = 0; i < x->ia.items.n; i++) {
        lua_pushvalue(L, 2);
        push_interaction(L, 1, &x->ia.items.v[i]);
        lua_call(L, 1, 1);
        px_l_corpus_of(L, 1);
        if (lua_toboolean(L, -1) && PX_VEC_PUSH(r->ia.items, x->ia.items.v[i]))
            return luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    /* copresence keeps its lone speakers only when they are still alone */
    lua_settop(L, ri);
    return 1;
}

static int ia_table(lua_State *L)
{
    l_interactions *x = px_lg_check_interactions(L, 1);
    px_lg_from_columns(L);
    lua_createtable(L, 5, 0);
    const char *names[] = {"source", "target", "from", "to", "time"};
    for (int k = 0; k < 5; k++) {
        lua_pushstring(L, names[k]);
        lua_rawseti(L, -2, k + 1);
    }
    lua_createtable(L, 5, 0);
    for (int k = 0; k < 5; k++) {
        lua_createtable(L, (int)x->ia.items.n, 0);
        for (size_t i = 0; i < x->ia.items.n; i++) {
            const px_interaction *it = &x->ia.items.v[i];
            switch (k) {
            case 0: px_l_pushhandle(L, 1, PX_H_PARTICIPANT, it->source); break;
            case 1: px_l_pushhandle(L, 1, PX_H_PARTICIPANT, it->target); break;
            case 2:
                if (it->from == PX_NONE) lua_pushboolean(L, 0);
                else px_l_pushhandle(L, 1, PX_H_UTTERANCE, it->from);
                break;
            case 3:
                if (it->to == PX_NONE) lua_pushboolean(L, 0);
                else px_l_pushhandle(L, 1, PX_H_UTTERANCE, it->to);
                break;
            default: push_time(L, it->time);
                     if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_pushboolean(L, 0); }
            }
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_rawseti(L, -2, k + 1);
    }
    lua_call(L, 2, 1);
    return 1;
}

/* Adds what a custom rule returned for utterance u: participants (handle,
 * id, list, selection) or utterances (handle, id, list, selection). */
static void add_custom(lua_State *L, int vidx, int sel_idx, px_corpus *c, uint32_t u,
                       px_interactions *ia, int depth)
{
    vidx = lua_absindex(L, vidx);
    const px_utterance *ut = &c->utterances.v[u];
    if (lua_isnil(L, vidx) || lua_isboolean(L, vidx)) return;
    if (depth > 2) luaL_error(L, "interactions: the rule returned nested lists too deep");
    uint32_t target_p = PX_NONE, target_u = PX_NONE;
    if (px_l_ishandle(L, vidx, PX_H_PARTICIPANT)) {
        target_p = px_l_checkhandle(L, vidx, PX_H_PARTICIPANT);
    } else if (px_l_ishandle(L, vidx, PX_H_UTTERANCE)) {
        target_u = px_l_checkhandle(L, vidx, PX_H_UTTERANCE);
    } else if (lua_type(L, vidx) == LUA_TSTRING) {
        const char *id = lua_tostring(L, vidx);
        target_p = px_participant_find(c, id, ut->document);
        if (target_p == PX_NONE) target_p = px_participant_find(c, id, PX_NONE);
        if (target_p == PX_NONE) target_u = px_utterance_find(c, id);
        if (target_p == PX_NONE && target_u == PX_NONE)
            luaL_error(L, "interactions: the rule returned \"%s\", which is neither a "
                       "participant nor an utterance id", id);
    } else if (luaL_testudata(L, vidx, PX_MT_SELECTION)) {
        px_selection *s = lua_touserdata(L, vidx);
        if (s->type != PX_H_PARTICIPANT && s->type != PX_H_UTTERANCE)
            luaL_error(L, "interactions: the rule returned a selection of %s; return "
                       "participants or utterances", px_l_typeplural((px_htype)s->type));
        for (uint32_t i = 0; i < s->n; i++) {
            px_l_pushhandle(L, vidx, (px_htype)s->type, px_sel_at(s, i));
            add_custom(L, -1, sel_idx, c, u, ia, depth + 1);
            lua_pop(L, 1);
        }
        return;
    } else if (lua_type(L, vidx) == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, vidx);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_geti(L, vidx, i);
            /* __len and __index may have closed the corpus */
            px_l_corpus_of(L, sel_idx);
            add_custom(L, -1, sel_idx, c, u, ia, depth + 1);
            lua_pop(L, 1);
        }
        return;
    } else {
        luaL_error(L, "interactions: the rule returned a %s; return participants, utterances, "
                   "their ids, a list of them, or nil", luaL_typename(L, vidx));
    }
    for (uint32_t k = 0; k < ut->spk_count; k++) {
        uint32_t s = c->refs.v[ut->spk_first + k];
        if (target_u != PX_NONE) {
            const px_utterance *tu = &c->utterances.v[target_u];
            for (uint32_t j = 0; j < tu->spk_count; j++)
                if (px_interactions_add(ia, c, s, c->refs.v[tu->spk_first + j], u, target_u))
                    luaL_error(L, "out of memory");
        } else if (px_interactions_add(ia, c, s, target_p, u, PX_NONE)) {
            luaL_error(L, "out of memory");
        }
    }
}

/* s:interactions(rule, opts) */
int px_lg_sel_interactions(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    px_corpus *c = px_l_corpus_of(L, 1);
    if (s->type != PX_H_UTTERANCE)
        return luaL_error(L, "interactions: expected a selection of utterances, got %s",
                          px_l_typeplural((px_htype)s->type));
    int opts = lua_istable(L, 3) ? 3 : 0;
    if (!lua_isnoneornil(L, 3) && !opts) luaL_typeerror(L, 3, "table of options");
    /* the utterance indices, owned by Lua so that errors cannot leak them */
    uint32_t *utts = lua_newuserdatauv(L, ((size_t)s->n + 1) * sizeof *utts, 0);
    for (uint32_t i = 0; i < s->n; i++) utts[i] = px_sel_at(s, i);
    px_error err;
    px_error_clear(&err);
    px_status st = PX_OK;
    if (lua_isfunction(L, 2)) {
        l_interactions *x = new_interactions(L, 1, 1);
        for (uint32_t i = 0; i < s->n; i++) {
            lua_pushvalue(L, 2);
            px_l_pushhandle(L, 1, PX_H_UTTERANCE, utts[i]);
            lua_call(L, 1, 1);
            px_l_corpus_of(L, 1);
            add_custom(L, -1, 1, c, utts[i], &x->ia, 0);
            lua_pop(L, 1);
        }
        return 1;
    }
    const char *rule = luaL_checkstring(L, 2);
    l_interactions *x = new_interactions(L, 1, strcmp(rule, "copresence") != 0);
    int xi = lua_gettop(L);
    if (!strcmp(rule, "next")) {
        px_next_options o = {0, NULL};
        if (opts) {
            lua_getfield(L, opts, "max_gap");
            if (!lua_isnil(L, -1)) o.max_gap = luaL_checknumber(L, -1);
            lua_pop(L, 1);
            lua_getfield(L, opts, "skip");
            if (!lua_isnil(L, -1)) {
                int fn = lua_gettop(L);
                luaL_argexpected(L, lua_isfunction(L, fn), 3, "skip = function(u) ... end");
                uint8_t *skip = lua_newuserdatauv(L, c->utterances.n + 1, 0);
                memset(skip, 0, c->utterances.n + 1);
                for (uint32_t i = 0; i < s->n; i++) {
                    lua_pushvalue(L, fn);
                    px_l_pushhandle(L, 1, PX_H_UTTERANCE, utts[i]);
                    lua_call(L, 1, 1);
                    px_l_corpus_of(L, 1);
                    skip[utts[i]] = (uint8_t)lua_toboolean(L, -1);
                    lua_pop(L, 1);
                }
                o.skip = skip;   /* stays on the stack until we return */
            }
        }
        st = px_interact_next(c, utts, s->n, &o, &x->ia, &err);
    } else if (!strcmp(rule, "reply")) {
        st = px_interact_reply(c, utts, s->n, &x->ia, &err);
    } else if (!strcmp(rule, "address")) {
        st = px_interact_address(c, utts, s->n, &x->ia, &err);
    } else if (!strcmp(rule, "mention")) {
        st = px_interact_mention(c, utts, s->n, &x->ia, &err);
    } else if (!strcmp(rule, "copresence")) {
        st = px_interact_copresence(c, utts, s->n, &x->ia, &err);
    } else {
        return luaL_error(L, "interactions: unknown rule \"%s\" (rules: next, reply, address, "
                          "mention, copresence, or a function from an utterance to the "
                          "participants or utterances it engages)", rule);
    }
    if (st != PX_OK) return px_l_error(L, &err);
    lua_pushvalue(L, xi);
    return 1;
}

/* interactions:graph{weight = "count" | "none", directed = bool} */
int px_lg_ia_graph(lua_State *L)
{
    l_interactions *x = px_lg_check_interactions(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const weights[] = {"count", "none", NULL};
    px_weight weight = px_lg_opt_choice(L, opts, "graph", "weight", "count", weights) ? PX_WEIGHT_NONE
                                                                        : PX_WEIGHT_COUNT;
    int directed = -1;
    if (opts) {
        lua_getfield(L, opts, "directed");
        if (!lua_isnil(L, -1)) directed = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    px_error err;
    px_error_clear(&err);
    px_graph *g = px_graph_open(&x->ia, weight, directed, &err);
    if (!g) return px_l_error(L, &err);
    px_lg_push_graph(L, 1, g);
    return 1;
}

/* ------------------------------------------------------------------ */
/* windows and graphs over time                                        */
/* ------------------------------------------------------------------ */

/* s:windows{by = "document" | "segment" | "month" | n} */
static int sel_windows(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    px_corpus *c = px_l_corpus_of(L, 1);
    if (s->type != PX_H_UTTERANCE)
        return luaL_error(L, "windows: expected a selection of utterances");
    int by_n = 0;
    const char *by = "document";
    lua_Integer n = 0;
    if (lua_istable(L, 2)) lua_getfield(L, 2, "by");
    else lua_pushvalue(L, 2);
    if (lua_type(L, -1) == LUA_TNUMBER) {
        n = luaL_checkinteger(L, -1);
        if (n < 1) return luaL_error(L, "windows{by = %d}: a window holds at least one "
                                     "utterance", (int)n);
        by_n = 1;
    } else if (!lua_isnil(L, -1)) {
        by = luaL_checkstring(L, -1);
    }
    int kind = by_n ? 3 : !strcmp(by, "document") ? 0 : !strcmp(by, "segment") ? 1
             : !strcmp(by, "month") ? 2 : -1;
    if (kind < 0)
        return luaL_error(L, "windows{by = \"%s\"}: use \"document\", \"segment\", \"month\" or "
                          "a number of utterances", by);
    /* keys per utterance, groups in order of first appearance */
    uint32_t *key = lua_newuserdatauv(L, ((size_t)s->n + 1) * sizeof *key, 0);
    lua_newtable(L);                     /* label -> group number */
    int lab = lua_gettop(L);
    lua_newtable(L);                     /* result */
    int res = lua_gettop(L);
    uint32_t ngroups = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t u = px_sel_at(s, i);
        const px_utterance *ut = &c->utterances.v[u];
        char buf[64];
        if (kind == 0) {
            lua_pushstring(L, px_str_get(c, c->documents.v[ut->document].id));
        } else if (kind == 1) {
            if (ut->segment == PX_NONE)
                lua_pushstring(L, px_str_get(c, c->documents.v[ut->document].id));
            else lua_pushstring(L, px_str_get(c, c->segments.v[ut->segment].id));
        } else if (kind == 2) {
            double t = !isnan(ut->time) ? ut->time : c->documents.v[ut->document].date_epoch;
            if (isnan(t)) lua_pushliteral(L, "undated");
            else {
                px_format_datetime(t, buf, sizeof buf);
                lua_pushlstring(L, buf, 7);
            }
        } else {
            uint32_t w = (uint32_t)(i / (uint32_t)n);
            uint32_t last = (w + 1) * (uint32_t)n;
            if (last > s->n) last = s->n;
            snprintf(buf, sizeof buf, "%u-%u", w * (uint32_t)n + 1, last);
            lua_pushstring(L, buf);
        }
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lab) == LUA_TNIL) {
            lua_pop(L, 1);
            ngroups++;
            lua_pushvalue(L, -1);
            lua_pushinteger(L, ngroups);
            lua_rawset(L, lab);
            lua_createtable(L, 0, 2);
            lua_pushvalue(L, -2);
            lua_setfield(L, -2, "label");
            lua_pushinteger(L, 0);
            lua_setfield(L, -2, "n");
            lua_rawseti(L, res, ngroups);
            key[i] = ngroups;
        } else {
            key[i] = (uint32_t)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        lua_rawgeti(L, res, key[i]);
        lua_getfield(L, -1, "n");
        lua_Integer k = lua_tointeger(L, -1) + 1;
        lua_pop(L, 1);
        lua_pushinteger(L, k);
        lua_setfield(L, -2, "n");
        lua_pop(L, 1);
    }
    /* months sort by time; the others stay in order of first appearance */
    for (uint32_t gix = 1; gix <= ngroups; gix++) {
        lua_rawgeti(L, res, gix);
        lua_getfield(L, -1, "n");
        uint32_t cnt = (uint32_t)lua_tointeger(L, -1);
        lua_pop(L, 1);
        px_selection *r = px_l_newselection(L, 1, PX_H_UTTERANCE, cnt);
        uint32_t k = 0;
        for (uint32_t i = 0; i < s->n; i++) if (key[i] == gix) r->own[k++] = px_sel_at(s, i);
        lua_setfield(L, -2, "utterances");
        lua_pushnil(L);
        lua_setfield(L, -2, "n");
        lua_pop(L, 1);
    }
    if (kind == 2) {
        lua_getglobal(L, "table");
        lua_getfield(L, -1, "sort");
        lua_pushvalue(L, res);
        luaL_loadstring(L, "local a, b = ... return a.label < b.label");
        lua_call(L, 2, 0);
        lua_pop(L, 1);
    }
    lua_pushvalue(L, res);
    return 1;
}

/* s:graphs_by(by, rule, opts) -> list of {label=, utterances=, graph=} */
static int sel_graphs_by(lua_State *L)
{
    px_l_checkselection(L, 1);
    int opts = lua_istable(L, 4) ? 4 : 0;
    lua_settop(L, 4);
    /* windows */
    lua_pushcfunction(L, sel_windows);
    lua_pushvalue(L, 1);
    if (lua_istable(L, 2)) lua_pushvalue(L, 2);
    else {
        lua_createtable(L, 0, 1);
        lua_pushvalue(L, 2);
        lua_setfield(L, -2, "by");
    }
    lua_call(L, 2, 1);
    int wins = lua_gettop(L);
    lua_Integer n = luaL_len(L, wins);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, wins, i);
        int w = lua_gettop(L);
        lua_pushcfunction(L, px_lg_sel_interactions);
        lua_getfield(L, w, "utterances");
        if (lua_isnoneornil(L, 3)) lua_pushliteral(L, "next");
        else lua_pushvalue(L, 3);
        if (opts) lua_pushvalue(L, opts); else lua_pushnil(L);
        lua_call(L, 3, 1);
        lua_pushcfunction(L, px_lg_ia_graph);
        lua_insert(L, -2);
        if (opts) lua_pushvalue(L, opts); else lua_pushnil(L);
        lua_call(L, 2, 1);
        lua_setfield(L, w, "graph");
        lua_pop(L, 1);
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* registration                                                        */
/* ------------------------------------------------------------------ */

/* Registers praxis.Interactions and the selection methods. */
void px_lg_open_interactions(lua_State *L)
{
    static const luaL_Reg ia_meta[] = {
        {"__len", ia_len}, {"__index", ia_index}, {"__tostring", ia_tostring},
        {"__gc", ia_gc}, {NULL, NULL}};
    static const luaL_Reg ia_methods[] = {
        {"each", ia_each}, {"where", ia_where}, {"graph", px_lg_ia_graph}, {"table", ia_table},
        {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_INTERACTIONS);
    luaL_setfuncs(L, ia_meta, 0);
    luaL_newlib(L, ia_methods);
    lua_setfield(L, -2, "__methods");
    px_l_setfields(L, ia_fields);
    lua_pop(L, 1);

    luaL_getmetatable(L, PX_MT_SELECTION);
    lua_getfield(L, -1, "__methods");
    lua_pushcfunction(L, px_lg_sel_interactions);
    lua_setfield(L, -2, "interactions");
    lua_pushcfunction(L, sel_windows);
    lua_setfield(L, -2, "windows");
    lua_pushcfunction(L, sel_graphs_by);
    lua_setfield(L, -2, "graphs_by");
    lua_pop(L, 2);
}
