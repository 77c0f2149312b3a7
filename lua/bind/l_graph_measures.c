/* l_graph_measures.c - what is measured per node of a praxis.Graph:
 * degree and the centralities, components, communities, core/periphery,
 * brokerage, and the node and edge lists. */
#include "luax.h"
#include "l_graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A per-node table: participant and one or more columns of values. */
static void push_node_table(lua_State *L, int gidx, px_graph *g, int ncols,
                            const char *const *names, double *const *cols, const int *integer)
{
    gidx = lua_absindex(L, gidx);
    size_t n = px_graph_node_count(g);
    px_lg_from_columns(L);
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
    return modes[px_lg_opt_choice(L, opts, NULL, "mode", def, names)];
}

static int node_measure(lua_State *L, const char *name, int integer,
                        px_status (*fn)(lua_State *, px_graph *, int, double *, px_error *))
{
    px_graph *g = px_lg_check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    if (!lua_isnoneornil(L, 2) && !opts) luaL_typeerror(L, 2, "table of options");
    double *v = scratch(L, px_graph_node_count(g));
    px_error err;
    px_error_clear(&err);
    if (fn(L, g, opts, v, &err)) return px_l_error(L, &err);
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
{ return px_graph_betweenness(g, px_lg_opt_bool(L, o, "normalized", 1), px_lg_opt_bool(L, o, "weighted", 0), v, e); }
static px_status m_closeness(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_closeness(g, opt_mode(L, o, "in"), v, e); }
static px_status m_eigenvector(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{ return px_graph_eigenvector(g, px_lg_opt_bool(L, o, "weighted", 0), v, e); }
static px_status m_pagerank(lua_State *L, px_graph *g, int o, double *v, px_error *e)
{
    double d = 0.85;
    if (o) {
        lua_getfield(L, o, "damping");
        if (!lua_isnil(L, -1)) d = luaL_checknumber(L, -1);
        lua_pop(L, 1);
    }
    return px_graph_pagerank(g, d, px_lg_opt_bool(L, o, "weighted", 1), v, e);
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
    px_graph *g = px_lg_check_graph(L, 1);
    size_t n = px_graph_node_count(g), k = 0;
    uint32_t *mem = lua_newuserdatauv(L, (n + 1) * sizeof *mem, 0);
    double *v = scratch(L, n);
    px_error err;
    px_error_clear(&err);
    if (px_graph_components(g, mem, &k, &err)) return px_l_error(L, &err);
    push_membership(L, g, mem, v, "component");
    return 1;
}

/* g:communities{method = "louvain" | "leiden", seed = n} -> table, modularity */
static int g_communities(lua_State *L)
{
    px_graph *g = px_lg_check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const methods[] = {"louvain", "leiden", NULL};
    int method = px_lg_opt_choice(L, opts, "communities", "method", "louvain", methods);
    uint64_t seed = px_lg_opt_seed(L, opts);
    size_t n = px_graph_node_count(g);
    uint32_t *mem = lua_newuserdatauv(L, (n + 1) * sizeof *mem, 0);
    double *v = scratch(L, n);
    double q = NAN;
    px_error err;
    px_error_clear(&err);
    if (px_graph_communities(g, method, seed, mem, &q, &err)) return px_l_error(L, &err);
    push_membership(L, g, mem, v, "community");
    px_l_pushnum(L, q);
    return 2;
}

/* g:core_periphery{pairs = "missing" | "ones"} -> table (core), fit */
static int g_core_periphery(lua_State *L)
{
    px_graph *g = px_lg_check_graph(L, 1);
    int opts = lua_istable(L, 2) ? 2 : 0;
    static const char *const pairs[] = {"missing", "ones", NULL};
    int variant = px_lg_opt_choice(L, opts, "core_periphery", "pairs", "missing", pairs);
    size_t n = px_graph_node_count(g);
    uint8_t *core = lua_newuserdatauv(L, n + 1, 0);
    double *v = scratch(L, n);
    double *deg = scratch(L, n);
    double fit = NAN;
    px_error err;
    px_error_clear(&err);
    if (px_graph_core_periphery(g, variant, core, &fit, &err)) return px_l_error(L, &err);
    if (px_graph_degree(g, PX_MODE_ALL, deg, &err)) return px_l_error(L, &err);
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
    px_graph *g = px_lg_check_graph(L, 1);
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
        seed = px_lg_opt_seed(L, 3);
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
    if (px_graph_brokerage(g, ids, res, &err)) return px_l_error(L, &err);
    double *mean = NULL, *sd = NULL;
    if (rounds) {
        mean = lua_newuserdatauv(L, (2 * n * PX_BROKER_ROLES + 1) * sizeof *mean, 0);
        sd = mean + n * PX_BROKER_ROLES;
        if (px_graph_brokerage_null(g, ids, (unsigned)rounds, seed, mean, sd, &err))
            return px_l_error(L, &err);
    }
    int ncols = rounds ? 13 : 8;
    px_lg_from_columns(L);
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
    px_graph *g = px_lg_check_graph(L, 1);
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
    px_graph *g = px_lg_check_graph(L, 1);
    size_t m = px_graph_edge_count(g);
    px_lg_from_columns(L);
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

const luaL_Reg px_lg_measure_methods[] = {
    {"components", g_components}, {"degree", g_degree}, {"strength", g_strength},
    {"betweenness", g_betweenness}, {"closeness", g_closeness},
    {"eigenvector", g_eigenvector}, {"pagerank", g_pagerank}, {"clustering", g_clustering},
    {"coreness", g_coreness}, {"communities", g_communities},
    {"core_periphery", g_core_periphery}, {"brokerage", g_brokerage},
    {"effective_size", g_effective_size}, {"constraint", g_constraint},
    {"nodes", g_nodes}, {"edges", g_edges}, {NULL, NULL}};
