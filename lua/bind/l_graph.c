/* l_graph.c - interactions and graphs in Lua: s:interactions(rule, opts),
 * the praxis.Interactions and praxis.Graph userdata, s:windows{by=},
 * s:graphs_by(by, rule, opts) and praxis.graph.persistence(graphs). */
#include "luax.h"
#include "px_graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX_MT_INTERACTIONS "praxis.Interactions"
#define PX_MT_GRAPH "praxis.Graph"

typedef struct l_interactions { px_interactions ia; int live; } l_interactions;
typedef struct l_graph { px_graph *g; } l_graph;

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

static int raise_status(lua_State *L, px_error *e)
{
    return px_l_error(L, e);
}

static uint64_t opt_seed(lua_State *L, int opts)
{
    if (opts && lua_istable(L, opts)) {
        lua_getfield(L, opts, "seed");
        if (!lua_isnil(L, -1)) {
            lua_Integer s = luaL_checkinteger(L, -1);
            lua_pop(L, 1);
            return (uint64_t)s;
        }
        lua_pop(L, 1);
    }
    return px_l_gethooks(L)->seed();   /* the run's --seed, 1 by default */
}

static const char *opt_string(lua_State *L, int opts, const char *key, const char *def)
{
    if (!opts || !lua_istable(L, opts)) return def;
    lua_getfield(L, opts, key);
    const char *v = lua_isnil(L, -1) ? def : luaL_checkstring(L, -1);
    lua_pop(L, 1);   /* the options table keeps the string alive */
    return v;
}

/* The index in choices (NULL-ended) of the option key, def when it is
 * absent; else an error naming the method (if any) and what may be given:
 * communities{method = "x"}: use "louvain" or "leiden". */
static int opt_choice(lua_State *L, int opts, const char *method, const char *key,
                      const char *def, const char *const *choices)
{
    const char *v = opt_string(L, opts, key, def);
    int n = 0;
    for (; choices[n]; n++) if (!strcmp(v, choices[n])) return n;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (method) lua_pushfstring(L, "%s{%s = \"%s\"}: use ", method, key, v);
    else lua_pushfstring(L, "%s = \"%s\": use ", key, v);
    luaL_addvalue(&b);
    for (int i = 0; i < n; i++) {
        if (i) luaL_addstring(&b, i == n - 1 ? " or " : ", ");
        lua_pushfstring(L, "\"%s\"", choices[i]);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return lua_error(L);
}

static int opt_bool(lua_State *L, int opts, const char *key, int def)
{
    if (!opts || !lua_istable(L, opts)) return def;
    lua_getfield(L, opts, key);
    int v = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Pushes praxis.table.from_columns. */
static void push_from_columns(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, "praxis");
    lua_getfield(L, -1, "table");
    if (!lua_istable(L, -1)) luaL_error(L, "praxis.table is not loaded");
    lua_getfield(L, -1, "from_columns");
    lua_replace(L, -4);
    lua_pop(L, 2);
}

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

static l_interactions *check_interactions(lua_State *L, int idx)
{
    l_interactions *x = luaL_checkudata(L, idx, PX_MT_INTERACTIONS);
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
    lua_pushinteger(L, (lua_Integer)check_interactions(L, 1)->ia.items.n);
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

static int ia_index(lua_State *L)
{
    l_interactions *x = check_interactions(L, 1);
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
    if (!strcmp(k, "directed")) {
        lua_pushboolean(L, x->ia.directed);
        return 1;
    }
    return luaL_error(L, "interactions have no field or method '%s' (methods: each, where, "
                      "graph, table; fields: directed; [i] for one interaction)", k);
}

static int ia_tostring(lua_State *L)
{
    l_interactions *x = check_interactions(L, 1);
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
    check_interactions(L, 1);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ia_iter, 2);
    return 1;
}

static int ia_where(lua_State *L)
{
    l_interactions *x = check_interactions(L, 1);
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
    l_interactions *x = check_interactions(L, 1);
    push_from_columns(L);
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
static int sel_interactions(lua_State *L)
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
    if (st != PX_OK) return raise_status(L, &err);
    lua_pushvalue(L, xi);
    return 1;
}

/* ------------------------------------------------------------------ */
/* graphs                                                              */
/* ------------------------------------------------------------------ */

static void push_graph(lua_State *L, int owner_idx, px_graph *g)
{
    owner_idx = lua_absindex(L, owner_idx);
    l_graph *b = lua_newuserdatauv(L, sizeof *b, 1);
    b->g = g;
    luaL_setmetatable(L, PX_MT_GRAPH);
    px_l_pushowner(L, owner_idx);
    lua_setiuservalue(L, -2, 1);
}

static px_graph *check_graph(lua_State *L, int idx)
{
    l_graph *b = luaL_checkudata(L, idx, PX_MT_GRAPH);
    px_l_corpus_of(L, idx);
    if (!b->g) luaL_error(L, "attempt to use a freed graph");
    return b->g;
}

static int graph_gc(lua_State *L)
{
    l_graph *b = luaL_checkudata(L, 1, PX_MT_GRAPH);
    px_graph_free(b->g);
    b->g = NULL;
    return 0;
}

/* interactions:graph{weight = "count" | "none", directed = bool} */
static int ia_graph(lua_State *L)
{
    l_interactions *x = check_interactions(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const weights[] = {"count", "none", NULL};
    px_weight weight = opt_choice(L, opts, "graph", "weight", "count", weights) ? PX_WEIGHT_NONE
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
    if (!g) return raise_status(L, &err);
    push_graph(L, 1, g);
    return 1;
}

static int g_tostring(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    lua_pushfstring(L, "%s graph: %d nodes, %d edges", px_graph_directed(g) ? "directed" :
                    "undirected", (int)px_graph_node_count(g), (int)px_graph_edge_count(g));
    return 1;
}

static int g_node_count(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)px_graph_node_count(check_graph(L, 1)));
    return 1;
}

static int g_edge_count(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)px_graph_edge_count(check_graph(L, 1)));
    return 1;
}

static int g_directed(lua_State *L)
{
    lua_pushboolean(L, px_graph_directed(check_graph(L, 1)));
    return 1;
}

static int push_scalar(lua_State *L, px_status st, px_error *err, double v)
{
    if (st != PX_OK) return raise_status(L, err);
    px_l_pushnum(L, v);
    return 1;
}

static int g_density(lua_State *L)
{
    px_l_pushnum(L, px_graph_density(check_graph(L, 1)));
    return 1;
}

#define SCALAR(name, fn) \
    static int name(lua_State *L) { \
        px_graph *g = check_graph(L, 1); \
        px_error err; px_error_clear(&err); double v = NAN; \
        px_status st = fn(g, &v, &err); \
        return push_scalar(L, st, &err, v); }

SCALAR(g_reciprocity, px_graph_reciprocity)
SCALAR(g_diameter, px_graph_diameter)
SCALAR(g_average_path_length, px_graph_average_path_length)
SCALAR(g_average_clustering, px_graph_average_clustering)

static int g_component_count(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    px_error err;
    px_error_clear(&err);
    size_t n = 0;
    if (px_graph_components(g, NULL, &n, &err)) return raise_status(L, &err);
    lua_pushinteger(L, (lua_Integer)n);
    return 1;
}

/* A per-node table: participant and one or more columns of values. */
static void push_node_table(lua_State *L, int gidx, px_graph *g, int ncols,
                            const char *const *names, double *const *cols, const int *integer)
{
    gidx = lua_absindex(L, gidx);
    size_t n = px_graph_node_count(g);
    push_from_columns(L);
    lua_createtable(L, ncols + 1, 0);
    lua_pushliteral(L, "participant");
    lua_rawseti(L, -2, 1);
    for (int k = 0; k < ncols; k++) {
        lua_pushstring(L, names[k]);
        lua_rawseti(L, -2, k + 2);
    }
    lua_createtable(L, ncols + 1, 0);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        px_l_pushhandle(L, gidx, PX_H_PARTICIPANT, px_graph_participant(g, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_rawseti(L, -2, 1);
    for (int k = 0; k < ncols; k++) {
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            double v = cols[k][i];
            if (integer && integer[k] == 1) lua_pushinteger(L, (lua_Integer)v);
            else if (integer && integer[k] == 2) lua_pushboolean(L, v != 0);
            else if (isnan(v)) lua_pushnumber(L, v);   /* keep the column's length */
            else lua_pushnumber(L, v);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_rawseti(L, -2, k + 2);
    }
    lua_call(L, 2, 1);
}

static double *scratch(lua_State *L, size_t n)
{
    return lua_newuserdatauv(L, (n + 1) * sizeof(double), 0);
}

static px_mode opt_mode(lua_State *L, int opts, const char *def)
{
    static const char *const names[] = {"all", "out", "in", NULL};
    static const px_mode modes[] = {PX_MODE_ALL, PX_MODE_OUT, PX_MODE_IN};
    return modes[opt_choice(L, opts, NULL, "mode", def, names)];
}

static int node_measure(lua_State *L, const char *name, int integer,
                        px_status (*fn)(lua_State *, px_graph *, int, double *, px_error *))
{
    px_graph *g = check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    if (!lua_isnoneornil(L, 2) && !opts) luaL_typeerror(L, 2, "table of options");
    double *v = scratch(L, px_graph_node_count(g));
    px_error err;
    px_error_clear(&err);
    if (fn(L, g, opts, v, &err)) return raise_status(L, &err);
    const char *names[] = {name};
    double *cols[] = {v};
    int ints[] = {integer};
    push_node_table(L, 1, g, 1, names, cols, ints);
    return 1;
}

static px_status m_degree(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_degree(g, opt_mode(L, o, "all"), v, e); }
static px_status m_strength(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_strength(g, opt_mode(L, o, "all"), v, e); }
static px_status m_betweenness(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_betweenness(g, opt_bool(L, o, "normalized", 1), opt_bool(L, o, "weighted", 0), v, e); }
static px_status m_closeness(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_closeness(g, opt_mode(L, o, "in"), v, e); }
static px_status m_eigenvector(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_eigenvector(g, opt_bool(L, o, "weighted", 0), v, e); }
static px_status m_pagerank(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{
    double d = 0.85;
    if (o) {
        lua_getfield(L, o, "damping");
        if (!lua_isnil(L, -1)) d = luaL_checknumber(L, -1);
        lua_pop(L, 1);
    }
    return px_graph_pagerank(g, d, opt_bool(L, o, "weighted", 1), v, e);
}
static px_status m_clustering(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ (void)L; (void)o; return px_graph_clustering(g, v, e); }
static px_status m_coreness(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_coreness(g, opt_mode(L, o, "all"), v, e); }
static px_status m_constraint(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ (void)L; (void)o; return px_graph_constraint(g, v, e); }
static px_status m_effective_size(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ (void)L; (void)o; return px_graph_effective_size(g, v, e); }

static int g_degree(lua_State *L) { return node_measure(L, "degree", 1, m_degree); }
static int g_strength(lua_State *L) { return node_measure(L, "strength", 0, m_strength); }
static int g_betweenness(lua_State *L) { return node_measure(L, "betweenness", 0, m_betweenness); }
static int g_closeness(lua_State *L) { return node_measure(L, "closeness", 0, m_closeness); }
static int g_eigenvector(lua_State *L) { return node_measure(L, "eigenvector", 0, m_eigenvector); }
static int g_pagerank(lua_State *L) { return node_measure(L, "pagerank", 0, m_pagerank); }
static int g_clustering(lua_State *L) { return node_measure(L, "clustering", 0, m_clustering); }
static int g_coreness(lua_State *L) { return node_measure(L, "coreness", 1, m_coreness); }
static int g_constraint(lua_State *L) { return node_measure(L, "constraint", 0, m_constraint); }
static int g_effective_size(lua_State *L)
{ return node_measure(L, "effective_size", 0, m_effective_size); }

/* A membership (0-based group per node) as a node table with one
 * integer column counting groups from 1; v is scratch of n doubles. */
static void push_membership(lua_State *L, px_graph *g, const uint32_t *mem, double *v,
                            const char *name)
{
    size_t n = px_graph_node_count(g);
    for (size_t i = 0; i < n; i++) v[i] = mem[i] + 1;
    const char *names[] = {name};
    double *cols[] = {v};
    int ints[] = {1};
    push_node_table(L, 1, g, 1, names, cols, ints);
}

static int g_components(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    size_t n = px_graph_node_count(g), k = 0;
    uint32_t *mem = lua_newuserdatauv(L, (n + 1) * sizeof *mem, 0);
    double *v = scratch(L, n);
    px_error err;
    px_error_clear(&err);
    if (px_graph_components(g, mem, &k, &err)) return raise_status(L, &err);
    push_membership(L, g, mem, v, "component");
    return 1;
}

/* g:communities{method = "louvain" | "leiden", seed = n} -> table, modularity */
static int g_communities(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const methods[] = {"louvain", "leiden", NULL};
    int method = opt_choice(L, opts, "communities", "method", "louvain", methods);
    uint64_t seed = opt_seed(L, opts);
    size_t n = px_graph_node_count(g);
    uint32_t *mem = lua_newuserdatauv(L, (n + 1) * sizeof *mem, 0);
    double *v = scratch(L, n);
    double q = NAN;
    px_error err;
    px_error_clear(&err);
    if (px_graph_communities(g, method, seed, mem, &q, &err)) return raise_status(L, &err);
    push_membership(L, g, mem, v, "community");
    px_l_pushnum(L, q);
    return 2;
}

/* g:core_periphery{pairs = "missing" | "ones"} -> table (core), fit */
static int g_core_periphery(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const pairs[] = {"missing", "ones", NULL};
    int variant = opt_choice(L, opts, "core_periphery", "pairs", "missing", pairs);
    size_t n = px_graph_node_count(g);
    uint8_t *core = lua_newuserdatauv(L, n + 1, 0);
    double *v = scratch(L, n);
    double *deg = scratch(L, n);
    double fit = NAN;
    px_error err;
    px_error_clear(&err);
    if (px_graph_core_periphery(g, variant, core, &fit, &err)) return raise_status(L, &err);
    if (px_graph_degree(g, PX_MODE_ALL, deg, &err)) return raise_status(L, &err);
    for (size_t i = 0; i < n; i++) v[i] = core[i];
    const char *names[] = {"core", "degree"};
    double *cols[] = {v, deg};
    int ints[] = {2, 1};
    push_node_table(L, 1, g, 2, names, cols, ints);
    px_l_pushnum(L, fit);
    return 2;
}

/* The group of each node: groups is an attribute name or a function. The
 * group values are pushed into a table (node -> value as a string); ids
 * are assigned by first appearance. Leaves the names table on the stack. */
static void node_groups(lua_State *L, int gidx, px_graph *g, int spec, int *ids)
{
    size_t n = px_graph_node_count(g);
    lua_newtable(L);                  /* value -> id */
    int seen = lua_gettop(L);
    lua_createtable(L, (int)n, 0);    /* node -> value */
    int names = lua_gettop(L);
    int next = 0;
    const char *attr = lua_type(L, spec) == LUA_TSTRING ? lua_tostring(L, spec) : NULL;
    if (!attr && !lua_isfunction(L, spec))
        luaL_typeerror(L, spec, "attribute name or function from participant to group");
    for (size_t i = 0; i < n; i++) {
        int top = lua_gettop(L);
        px_l_pushhandle(L, gidx, PX_H_PARTICIPANT, px_graph_participant(g, i));
        int h = lua_gettop(L);
        if (attr) {
            /* a property of the participant (role, sex, ...), else an attribute */
            static const char *props[] = {"role", "sex", "name", "id", "age", NULL};
            int isprop = 0;
            for (int k = 0; props[k]; k++) if (!strcmp(props[k], attr)) isprop = 1;
            if (isprop) {
                lua_getfield(L, h, attr);
            } else {
                lua_getfield(L, h, "attributes");
                lua_getfield(L, -1, attr);
                lua_remove(L, -2);
                if (!strcmp(attr, "affiliation") && lua_type(L, -1) == LUA_TSTRING) {
                    /* several units: the latest (the last listed) */
                    const char *s = lua_tostring(L, -1);
                    const char *sp = strrchr(s, ' ');
                    if (sp) {
                        lua_pushstring(L, sp + 1);
                        lua_remove(L, -2);
                    }
                }
            }
        } else {
            lua_pushvalue(L, spec);
            lua_pushvalue(L, h);
            lua_call(L, 1, 1);
        }
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushliteral(L, "");
        } else if (lua_type(L, -1) == LUA_TUSERDATA) {
            lua_getfield(L, -1, "id");
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -1);
        lua_rawseti(L, names, (lua_Integer)i + 1);
        lua_pushvalue(L, -1);
        if (lua_rawget(L, seen) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_pushinteger(L, next);
            lua_rawset(L, seen);
            ids[i] = next++;
        } else {
            ids[i] = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_settop(L, top);
    }
    lua_remove(L, seen);
}

/* g:brokerage(groups [, {null = rounds, seed = s}]) -> table: participant,
 * group, the five roles, brokerage; with a null, z_ and the five roles */
static int g_brokerage(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    size_t n = px_graph_node_count(g);
    if (lua_isnoneornil(L, 2))
        return luaL_error(L, "brokerage(groups): name a participant attribute (\"affiliation\", "
                          "\"role\") or give a function from participant to group");
    lua_Integer rounds = 0;
    uint64_t seed = 0;
    if (lua_istable(L, 3)) {
        lua_getfield(L, 3, "null");
        if (!lua_isnil(L, -1)) {
            rounds = luaL_checkinteger(L, -1);
            if (rounds < 2 || rounds > 1000000)
                return luaL_error(L, "brokerage: null = %I rounds; give 2 to 1000000 "
                                  "(1000 is usual)", rounds);
        }
        lua_pop(L, 1);
        seed = opt_seed(L, 3);
    } else if (!lua_isnoneornil(L, 3)) {
        return luaL_error(L, "brokerage(groups, options): options is a table such as "
                          "{null = 1000, seed = 1}");
    }
    int *ids = lua_newuserdatauv(L, (n + 1) * sizeof *ids, 0);
    node_groups(L, 1, g, 2, ids);
    int names = lua_gettop(L);
    double *res = lua_newuserdatauv(L, (n * PX_BROKER_ROLES + 1) * sizeof *res, 0);
    px_error err;
    px_error_clear(&err);
    if (px_graph_brokerage(g, ids, res, &err)) return raise_status(L, &err);
    double *mean = NULL, *sd = NULL;
    if (rounds) {
        mean = lua_newuserdatauv(L, (2 * n * PX_BROKER_ROLES + 1) * sizeof *mean, 0);
        sd = mean + n * PX_BROKER_ROLES;
        if (px_graph_brokerage_null(g, ids, (unsigned)rounds, seed, mean, sd, &err))
            return raise_status(L, &err);
    }
    int ncols = rounds ? 13 : 8;
    push_from_columns(L);
    lua_createtable(L, ncols, 0);
    const char *cols[] = {"participant", "group", "coordinator", "itinerant", "representative",
                          "gatekeeper", "liaison", "brokerage", "z_coordinator", "z_itinerant",
                          "z_representative", "z_gatekeeper", "z_liaison"};
    for (int k = 0; k < ncols; k++) {
        lua_pushstring(L, cols[k]);
        lua_rawseti(L, -2, k + 1);
    }
    lua_createtable(L, ncols, 0);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        px_l_pushhandle(L, 1, PX_H_PARTICIPANT, px_graph_participant(g, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, names);
    lua_rawseti(L, -2, 2);
    for (int r = 0; r <= PX_BROKER_ROLES; r++) {
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            double v = 0;
            if (r < PX_BROKER_ROLES) v = res[i * PX_BROKER_ROLES + r];
            else for (int k = 0; k < PX_BROKER_ROLES; k++) v += res[i * PX_BROKER_ROLES + k];
            lua_pushinteger(L, (lua_Integer)v);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_rawseti(L, -2, r + 3);
    }
    for (int r = 0; rounds && r < PX_BROKER_ROLES; r++) {
        /* NAN where the null never varies (no open two-path can change role) */
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            size_t k = i * PX_BROKER_ROLES + (size_t)r;
            lua_pushnumber(L, sd[k] > 0 ? (res[k] - mean[k]) / sd[k] : NAN);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_rawseti(L, -2, r + 9);
    }
    lua_call(L, 2, 1);
    return 1;
}

/* g:nodes() -> list of participants */
static int g_nodes(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    size_t n = px_graph_node_count(g);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        px_l_pushhandle(L, 1, PX_H_PARTICIPANT, px_graph_participant(g, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* g:edges() -> table: source, target, weight */
static int g_edges(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    size_t m = px_graph_edge_count(g);
    push_from_columns(L);
    lua_createtable(L, 3, 0);
    lua_pushliteral(L, "source"); lua_rawseti(L, -2, 1);
    lua_pushliteral(L, "target"); lua_rawseti(L, -2, 2);
    lua_pushliteral(L, "weight"); lua_rawseti(L, -2, 3);
    lua_createtable(L, 3, 0);
    for (int k = 0; k < 3; k++) {
        lua_createtable(L, (int)m, 0);
        for (size_t e = 0; e < m; e++) {
            size_t a, b;
            double w;
            px_graph_edge(g, e, &a, &b, &w);
            if (k == 0) px_l_pushhandle(L, 1, PX_H_PARTICIPANT, px_graph_participant(g, a));
            else if (k == 1) px_l_pushhandle(L, 1, PX_H_PARTICIPANT, px_graph_participant(g, b));
            else if (w == floor(w) && fabs(w) < 1e15) lua_pushinteger(L, (lua_Integer)w);
            else lua_pushnumber(L, w);
            lua_rawseti(L, -2, (lua_Integer)e + 1);
        }
        lua_rawseti(L, -2, k + 1);
    }
    lua_call(L, 2, 1);
    return 1;
}

/* Writes the string on top of the stack to path through praxis.output_open
 * when the host has one (a sandboxed run: files go only into its output
 * folder), else io.open. Pops the string. */
static void write_file(lua_State *L, const char *path)
{
    int data = lua_gettop(L);
    lua_getglobal(L, "praxis");
    lua_getfield(L, -1, "output_open");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
        lua_getfield(L, -1, "io");
        if (!lua_istable(L, -1)) luaL_error(L, "cannot write %s: no file access here", path);
        lua_getfield(L, -1, "open");
    }
    lua_pushstring(L, path);
    lua_pushliteral(L, "wb");
    lua_call(L, 2, 2);
    if (lua_isnil(L, -2)) luaL_error(L, "cannot write %s: %s", path, luaL_optstring(L, -1, "?"));
    lua_pop(L, 1);
    int file = lua_gettop(L);
    lua_getfield(L, file, "write");
    lua_pushvalue(L, file);
    lua_pushvalue(L, data);
    lua_call(L, 2, 0);
    lua_getfield(L, file, "close");
    lua_pushvalue(L, file);
    lua_call(L, 1, 0);
    lua_settop(L, data - 1);
}

/* Renders one format into a Lua string on the stack; errors raise. */
static void render(lua_State *L, px_graph *g, px_graph_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) luaL_error(L, "write: out of memory");
    px_error err;
    px_error_clear(&err);
    px_status st = px_graph_write_stream(g, px_l_corpus_of(L, 1), fmt, f, &err);
    int bad = fclose(f) != 0;
    if (st == PX_OK && !bad) lua_pushlstring(L, buf, len);
    free(buf);
    if (st != PX_OK) raise_status(L, &err);
    if (bad) luaL_error(L, "write: out of memory");
}

static int ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* g:write(path): GraphML, DOT, JSON, or CSV (edges; nodes beside it in
 * NAME_nodes.csv), by the name's ending. */
static int g_write(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    const char *path = luaL_checkstring(L, 2);
    if (ends(path, ".graphml")) render(L, g, PX_GRAPH_GRAPHML);
    else if (ends(path, ".dot") || ends(path, ".gv")) render(L, g, PX_GRAPH_DOT);
    else if (ends(path, ".json")) render(L, g, PX_GRAPH_JSON);
    else if (ends(path, ".csv")) {
        render(L, g, PX_GRAPH_EDGES_CSV);
        write_file(L, path);
        lua_pushfstring(L, "%s_nodes.csv", lua_pushlstring(L, path, strlen(path) - 4));
        lua_remove(L, -2);
        const char *np = lua_tostring(L, -1);
        render(L, g, PX_GRAPH_NODES_CSV);
        write_file(L, np);
        lua_settop(L, 1);
        return 1;
    } else
        return luaL_error(L, "cannot tell the format of %s: name it .graphml, .dot, .gv, "
                          ".json or .csv", path);
    write_file(L, path);
    lua_settop(L, 1);
    return 1;
}

/* g:draw(path, {layout = "fr" | "kk" | "drl", seed =, width =, height =, title =});
 * without a path (nil), returns the SVG as a string. */
static int g_draw(lua_State *L)
{
    px_graph *g = check_graph(L, 1);
    const char *path = luaL_optstring(L, 2, NULL);
    int opts = lua_istable(L, 3) ? 3 : 0;
    px_draw_options o;
    memset(&o, 0, sizeof o);
    static const char *const layouts[] = {"fr", "kk", "drl", NULL};
    o.layout = opt_choice(L, opts, "draw", "layout", "fr", layouts);
    o.seed = opt_seed(L, opts);
    if (opts) {
        lua_getfield(L, opts, "width");
        o.width = luaL_optnumber(L, -1, 0);
        lua_getfield(L, opts, "height");
        o.height = luaL_optnumber(L, -1, 0);
        lua_pop(L, 2);
    }
    o.title = opt_string(L, opts, "title", NULL);
    px_error err;
    px_error_clear(&err);
    if (!path) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f) return luaL_error(L, "draw: out of memory");
        px_status st = px_graph_draw_file(g, px_l_corpus_of(L, 1), f, &o, &err);
        int bad = fclose(f) != 0;
        if (st == PX_OK && !bad) lua_pushlstring(L, buf, len);
        free(buf);
        if (st != PX_OK) return raise_status(L, &err);
        if (bad) return luaL_error(L, "draw: out of memory");
        return 1;
    }
    {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f) return luaL_error(L, "draw: out of memory");
        px_status st = px_graph_draw_file(g, px_l_corpus_of(L, 1), f, &o, &err);
        int bad = fclose(f) != 0;
        if (st == PX_OK && !bad) lua_pushlstring(L, buf, len);
        free(buf);
        if (st != PX_OK) return raise_status(L, &err);
        if (bad) return luaL_error(L, "draw: out of memory");
    }
    write_file(L, path);
    lua_settop(L, 1);
    return 1;
}

static int g_index(lua_State *L)
{
    check_graph(L, 1);
    const char *k = luaL_checkstring(L, 2);
    luaL_getmetatable(L, PX_MT_GRAPH);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) return 1;
    return luaL_error(L, "a graph has no method '%s' (help(praxis.Graph) lists them)", k);
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
        lua_pushcfunction(L, sel_interactions);
        lua_getfield(L, w, "utterances");
        if (lua_isnoneornil(L, 3)) lua_pushliteral(L, "next");
        else lua_pushvalue(L, 3);
        if (opts) lua_pushvalue(L, opts); else lua_pushnil(L);
        lua_call(L, 3, 1);
        lua_pushcfunction(L, ia_graph);
        lua_insert(L, -2);
        if (opts) lua_pushvalue(L, opts); else lua_pushnil(L);
        lua_call(L, 2, 1);
        lua_setfield(L, w, "graph");
        lua_pop(L, 1);
    }
    return 1;
}

/* praxis.graph.persistence(graphs) -> dyads table, jaccard table. graphs:
 * a list of graphs, or of {label=, graph=} (what graphs_by returns). */
static int l_persistence(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer k = luaL_len(L, 1);
    const px_graph **gs = lua_newuserdatauv(L, ((size_t)k + 1) * sizeof *gs, 0);
    lua_createtable(L, (int)k, 0);        /* labels */
    int labels = lua_gettop(L);
    int first = 0;
    for (lua_Integer i = 1; i <= k; i++) {
        lua_geti(L, 1, i);
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "label");
            if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_pushinteger(L, i); }
            lua_rawseti(L, labels, i);
            lua_getfield(L, -1, "graph");
            lua_remove(L, -2);
        } else {
            lua_pushinteger(L, i);
            lua_rawseti(L, labels, i);
        }
        if (!luaL_testudata(L, -1, PX_MT_GRAPH))
            return luaL_error(L, "persistence: item %d is not a graph (nor {graph = g})", (int)i);
        gs[i - 1] = check_graph(L, -1);
        if (!first) first = lua_gettop(L);   /* keeps a graph (and its corpus) for handles */
        else {
            if (px_l_corpus_of(L, -1) != px_l_corpus_of(L, first))
                return luaL_error(L, "persistence: the graphs come from different corpora");
            lua_pop(L, 1);
        }
    }
    if (!first) return luaL_error(L, "persistence: no graphs");
    px_persistence p;
    px_error err;
    px_error_clear(&err);
    if (px_graph_persistence(gs, (size_t)k, &p, &err)) return raise_status(L, &err);
    /* dyads */
    push_from_columns(L);
    lua_createtable(L, 5, 0);
    const char *cols[] = {"source", "target", "present", "both", "persistence"};
    for (int c = 0; c < 5; c++) { lua_pushstring(L, cols[c]); lua_rawseti(L, -2, c + 1); }
    lua_createtable(L, 5, 0);
    for (int c = 0; c < 5; c++) {
        lua_createtable(L, (int)p.n, 0);
        for (size_t i = 0; i < p.n; i++) {
            if (c == 0) px_l_pushhandle(L, first, PX_H_PARTICIPANT, p.source[i]);
            else if (c == 1) px_l_pushhandle(L, first, PX_H_PARTICIPANT, p.target[i]);
            else if (c == 2) lua_pushinteger(L, p.present[i]);
            else if (c == 3) lua_pushinteger(L, p.both[i]);
            else lua_pushnumber(L, p.both[i] ? (double)p.present[i] / p.both[i] : 0);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_rawseti(L, -2, c + 1);
    }
    /* no Lua error may happen before p is freed: from_columns is ours */
    int ok = lua_pcall(L, 2, 1, 0);
    if (ok != LUA_OK) { px_persistence_destroy(&p); return lua_error(L); }
    /* jaccard between consecutive graphs */
    push_from_columns(L);
    lua_createtable(L, 3, 0);
    lua_pushliteral(L, "from"); lua_rawseti(L, -2, 1);
    lua_pushliteral(L, "to"); lua_rawseti(L, -2, 2);
    lua_pushliteral(L, "jaccard"); lua_rawseti(L, -2, 3);
    lua_createtable(L, 3, 0);
    for (int c = 0; c < 3; c++) {
        lua_createtable(L, (int)k, 0);
        for (lua_Integer t = 1; t < k; t++) {
            if (c == 0) lua_rawgeti(L, labels, t);
            else if (c == 1) lua_rawgeti(L, labels, t + 1);
            else lua_pushnumber(L, p.jaccard[t - 1]);
            lua_rawseti(L, -2, t);
        }
        lua_rawseti(L, -2, c + 1);
    }
    px_persistence_destroy(&p);
    lua_call(L, 2, 1);
    return 2;
}

/* ------------------------------------------------------------------ */
/* registration                                                        */
/* ------------------------------------------------------------------ */

/* Registers the types and the selection methods, and sets praxis.graph in
 * the module table at the top of the stack. */
void px_open_graph(lua_State *L)
{
    static const luaL_Reg ia_meta[] = {
        {"__len", ia_len}, {"__index", ia_index}, {"__tostring", ia_tostring},
        {"__gc", ia_gc}, {NULL, NULL}};
    static const luaL_Reg ia_methods[] = {
        {"each", ia_each}, {"where", ia_where}, {"graph", ia_graph}, {"table", ia_table},
        {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_INTERACTIONS);
    luaL_setfuncs(L, ia_meta, 0);
    luaL_newlib(L, ia_methods);
    lua_setfield(L, -2, "__methods");
    lua_pop(L, 1);

    static const luaL_Reg g_meta[] = {
        {"__index", g_index}, {"__tostring", g_tostring}, {"__gc", graph_gc}, {NULL, NULL}};
    static const luaL_Reg g_methods[] = {
        {"node_count", g_node_count}, {"edge_count", g_edge_count}, {"directed", g_directed},
        {"density", g_density}, {"reciprocity", g_reciprocity}, {"diameter", g_diameter},
        {"average_path_length", g_average_path_length},
        {"average_clustering", g_average_clustering}, {"component_count", g_component_count},
        {"components", g_components}, {"degree", g_degree}, {"strength", g_strength},
        {"betweenness", g_betweenness}, {"closeness", g_closeness},
        {"eigenvector", g_eigenvector}, {"pagerank", g_pagerank}, {"clustering", g_clustering},
        {"coreness", g_coreness}, {"communities", g_communities},
        {"core_periphery", g_core_periphery}, {"brokerage", g_brokerage},
        {"effective_size", g_effective_size}, {"constraint", g_constraint},
        {"nodes", g_nodes}, {"edges", g_edges}, {"write", g_write}, {"draw", g_draw},
        {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_GRAPH);
    luaL_setfuncs(L, g_meta, 0);
    luaL_newlib(L, g_methods);
    lua_setfield(L, -2, "__methods");
    lua_pop(L, 1);

    /* selection methods */
    luaL_getmetatable(L, PX_MT_SELECTION);
    lua_getfield(L, -1, "__methods");
    lua_pushcfunction(L, sel_interactions);
    lua_setfield(L, -2, "interactions");
    lua_pushcfunction(L, sel_windows);
    lua_setfield(L, -2, "windows");
    lua_pushcfunction(L, sel_graphs_by);
    lua_setfield(L, -2, "graphs_by");
    lua_pop(L, 2);

    static const luaL_Reg funcs[] = {{"persistence", l_persistence}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    lua_setfield(L, -2, "graph");
}
