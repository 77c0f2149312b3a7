/* l_graph.h - what the graph binding files share (l_graph.c: the Graph
 * userdata, scalar measures, persistence and registration; l_interact.c:
 * interactions, windows and graphs over time; l_graph_measures.c: node
 * measures, groups and brokerage; l_graph_out.c: writing and drawing). */
#ifndef PX_L_GRAPH_H
#define PX_L_GRAPH_H

#include "luax.h"
#include "px_graph.h"

#define PX_MT_INTERACTIONS "praxis.Interactions"
#define PX_MT_GRAPH "praxis.Graph"

typedef struct l_interactions { px_interactions ia; int live; } l_interactions;
typedef struct l_graph { px_graph *g; } l_graph;

/* options tables (opts: a stack index, 0 for none) */
uint64_t px_lg_opt_seed(lua_State *L, int opts);   /* seed=, else the run's */
const char *px_lg_opt_string(lua_State *L, int opts, const char *key, const char *def);
int px_lg_opt_bool(lua_State *L, int opts, const char *key, int def);
/* The index in choices (NULL-ended) of the option key, def when absent;
 * else an error naming the method (if any) and what may be given. */
int px_lg_opt_choice(lua_State *L, int opts, const char *method, const char *key,
                     const char *def, const char *const *choices);
/* Pushes praxis.table.from_columns. */
void px_lg_from_columns(lua_State *L);

/* the userdata; owner_idx carries the corpus */
void px_lg_push_graph(lua_State *L, int owner_idx, px_graph *g);   /* takes g */
px_graph *px_lg_check_graph(lua_State *L, int idx);
l_interactions *px_lg_check_interactions(lua_State *L, int idx);

/* s:interactions(rule, opts) and interactions:graph(opts) */
int px_lg_sel_interactions(lua_State *L);
int px_lg_ia_graph(lua_State *L);

/* the Graph methods of each file (NULL-ended) */
extern const luaL_Reg px_lg_measure_methods[];
extern const luaL_Reg px_lg_output_methods[];

/* registers praxis.Interactions and the selection methods s:interactions,
 * s:windows and s:graphs_by (l_interact.c) */
void px_lg_open_interactions(lua_State *L);

#endif
