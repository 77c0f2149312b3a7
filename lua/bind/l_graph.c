/* l_graph.c - the praxis.Graph userdata: its options, whole-graph
 * measures, praxis.graph.persistence(graphs), and the registration of the
 * graph binding files (l_graph.h). */
#include "luax.h"
#include "l_graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

uint64_t px_lg_opt_seed(lua_State *L, int opts)
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

const char *px_lg_opt_string(lua_State *L, int opts, const char *key, const char *def)
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
int px_lg_opt_choice(lua_State *L, int opts, const char *method, const char *key,
                      const char *def, const char *const *choices)
{
    const char *v = px_lg_opt_string(L, opts, key, def);
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

int px_lg_opt_bool(lua_State *L, int opts, const char *key, int def)
{
    if (!opts || !lua_istable(L, opts)) return def;
    lua_getfield(L, opts, key);
    int v = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Pushes praxis.table.from_columns. */
void px_lg_from_columns(lua_State *L)
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
/* graphs                                                              */
/* ------------------------------------------------------------------ */

void px_lg_push_graph(lua_State *L, int owner_idx, px_graph *g)
{
    owner_idx = lua_absindex(L, owner_idx);
    l_graph *b = lua_newuserdatauv(L, sizeof *b, 1);
    b->g = g;
    luaL_setmetatable(L, PX_MT_GRAPH);
    px_l_pushowner(L, owner_idx);
    lua_setiuservalue(L, -2, 1);
}

px_graph *px_lg_check_graph(lua_State *L, int idx)
{
    l_graph *b = px_l_checkself(L, idx, PX_MT_GRAPH, "graph");
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

static int g_tostring(lua_State *L)
{
    px_graph *g = px_lg_check_graph(L, 1);
    lua_pushfstring(L, "%s graph: %d nodes, %d edges", px_graph_directed(g) ? "directed" :
                    "undirected", (int)px_graph_node_count(g), (int)px_graph_edge_count(g));
    return 1;
}

static int g_node_count(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)px_graph_node_count(px_lg_check_graph(L, 1)));
    return 1;
}

static int g_edge_count(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)px_graph_edge_count(px_lg_check_graph(L, 1)));
    return 1;
}

static int g_directed(lua_State *L)
{
    lua_pushboolean(L, px_graph_directed(px_lg_check_graph(L, 1)));
    return 1;
}

static int push_scalar(lua_State *L, px_status st, px_error *err, double v)
{
    if (st != PX_OK) return px_l_error(L, err);
    px_l_pushnum(L, v);
    return 1;
}

static int g_density(lua_State *L)
{
    px_l_pushnum(L, px_graph_density(px_lg_check_graph(L, 1)));
    return 1;
}

#define SCALAR(name, fn) \
    static int name(lua_State *L) { \
        px_graph *g = px_lg_check_graph(L, 1); \
        px_error err; px_error_clear(&err); double v = NAN; \
        px_status st = fn(g, &v, &err); \
        return push_scalar(L, st, &err, v); }

SCALAR(g_reciprocity, px_graph_reciprocity)
SCALAR(g_diameter, px_graph_diameter)
SCALAR(g_average_path_length, px_graph_average_path_length)
SCALAR(g_average_clustering, px_graph_average_clustering)

static int g_component_count(lua_State *L)
{
    px_graph *g = px_lg_check_graph(L, 1);
    px_error err;
    px_error_clear(&err);
    size_t n = 0;
    if (px_graph_components(g, NULL, &n, &err)) return px_l_error(L, &err);
    lua_pushinteger(L, (lua_Integer)n);
    return 1;
}

static int g_index(lua_State *L)
{
    px_lg_check_graph(L, 1);
    const char *k = luaL_checkstring(L, 2);
    luaL_getmetatable(L, PX_MT_GRAPH);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) return 1;
    return luaL_error(L, "a graph has no method '%s' (help(praxis.Graph) lists them)", k);
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
        gs[i - 1] = px_lg_check_graph(L, -1);
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
    if (px_graph_persistence(gs, (size_t)k, &p, &err)) return px_l_error(L, &err);
    /* dyads */
    px_lg_from_columns(L);
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
    px_lg_from_columns(L);
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
    px_lg_open_interactions(L);
    static const luaL_Reg g_meta[] = {
        {"__index", g_index}, {"__tostring", g_tostring}, {"__gc", graph_gc}, {NULL, NULL}};
    static const luaL_Reg g_methods[] = {
        {"node_count", g_node_count}, {"edge_count", g_edge_count}, {"directed", g_directed},
        {"density", g_density}, {"reciprocity", g_reciprocity}, {"diameter", g_diameter},
        {"average_path_length", g_average_path_length},
        {"average_clustering", g_average_clustering}, {"component_count", g_component_count},
        {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_GRAPH);
    luaL_setfuncs(L, g_meta, 0);
    luaL_newlib(L, g_methods);
    luaL_setfuncs(L, px_lg_measure_methods, 0);
    luaL_setfuncs(L, px_lg_output_methods, 0);
    lua_setfield(L, -2, "__methods");
    lua_pop(L, 1);

    static const luaL_Reg funcs[] = {{"persistence", l_persistence}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    lua_setfield(L, -2, "graph");
}
