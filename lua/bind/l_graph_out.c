/* l_graph_out.c - a praxis.Graph out of Praxis: g:write(path) as GraphML,
 * DOT, JSON or CSV, and g:draw(path) as SVG. */
#include "luax.h"
#include "l_graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A memory stream whose buffer Lua frees: a userdata made before the
 * stream opens, whose __gc closes the stream and frees what it holds, so
 * that no Lua error (out of memory while the result is copied, a graph
 * that cannot be written) leaks it. */
typedef struct membuf { FILE *f; char *buf; size_t len; } membuf;

static int membuf_gc(lua_State *L)
{
    membuf *m = lua_touserdata(L, 1);
    if (m->f) fclose(m->f);
    free(m->buf);
    m->f = NULL;
    m->buf = NULL;
    return 0;
}

/* Writes the graph (a drawing when o is not NULL, else the format fmt)
 * into a Lua string on the stack; errors raise, naming what. */
static void push_output(lua_State *L, px_graph *g, px_graph_format fmt,
                        const px_draw_options *o, const char *what)
{
    px_corpus *c = px_l_corpus_of(L, 1);
    membuf *m = lua_newuserdatauv(L, sizeof *m, 0);
    m->f = NULL;
    m->buf = NULL;
    m->len = 0;
    if (luaL_newmetatable(L, "px.membuf")) {
        lua_pushcfunction(L, membuf_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    m->f = open_memstream(&m->buf, &m->len);
    if (!m->f) luaL_error(L, "%s: out of memory", what);
    px_error err;
    px_error_clear(&err);
    px_status st = o ? px_graph_draw_file(g, c, m->f, o, &err)
                     : px_graph_write_stream(g, c, fmt, m->f, &err);
    int bad = fclose(m->f) != 0;
    m->f = NULL;
    if (st != PX_OK) px_l_error(L, &err);
    if (bad) luaL_error(L, "%s: out of memory", what);
    lua_pushlstring(L, m->buf, m->len);
    free(m->buf);
    m->buf = NULL;
    lua_remove(L, -2);
}

/* Renders one format into a Lua string on the stack; errors raise. */
static void render(lua_State *L, px_graph *g, px_graph_format fmt)
{
    push_output(L, g, fmt, NULL, "write");
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
    px_graph *g = px_lg_check_graph(L, 1);
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
    px_graph *g = px_lg_check_graph(L, 1);
    const char *path = luaL_optstring(L, 2, NULL);
    int opts = lua_istable(L, 3) ? 3 : 0;
    px_draw_options o;
    memset(&o, 0, sizeof o);
    static const char *const layouts[] = {"fr", "kk", "drl", NULL};
    o.layout = px_lg_opt_choice(L, opts, "draw", "layout", "fr", layouts);
    o.seed = px_lg_opt_seed(L, opts);
    if (opts) {
        lua_getfield(L, opts, "width");
        o.width = luaL_optnumber(L, -1, 0);
        lua_getfield(L, opts, "height");
        o.height = luaL_optnumber(L, -1, 0);
        lua_pop(L, 2);
    }
    o.title = px_lg_opt_string(L, opts, "title", NULL);
    push_output(L, g, PX_GRAPH_GRAPHML, &o, "draw");
    if (!path) return 1;
    write_file(L, path);
    lua_settop(L, 1);
    return 1;
}

const luaL_Reg px_lg_output_methods[] = {{"write", g_write}, {"draw", g_draw}, {NULL, NULL}};
