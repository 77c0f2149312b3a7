/* graph_write.c - a graph as GraphML, DOT, node-link JSON or CSV, onto a
 * stream the caller opened (the Lua host hands it one that writes where
 * the sandbox allows; the core opens no file). Also the escaping and the
 * names that graph_draw.c shares. */
#include "graph_impl.h"

#include <stdlib.h>
#include <string.h>

void px_graph_put_xml(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') fputc(' ', f);
            else fputc(*s, f);
        }
    }
}

/* A JSON or DOT string body (quotes and backslashes escaped). */
static void put_quoted(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') { fputc('\\', f); fputc(ch, f); }
        else if (ch == '\n') fputs("\\n", f);
        else if (ch < 0x20) fprintf(f, "\\u%04x", ch);
        else fputc(ch, f);
    }
}

static void put_csv(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) { if (*s == '"') fputc('"', f); fputc(*s, f); }
    fputc('"', f);
}

const char *px_graph_pid(const px_graph *g, const px_corpus *c, size_t i)
{
    return px_str_get(c, c->participants.v[g->part[i]].id);
}

const char *px_graph_pname(const px_graph *g, const px_corpus *c, size_t i)
{
    const px_participant *p = &c->participants.v[g->part[i]];
    return p->name ? px_str_get(c, p->name) : px_str_get(c, p->id);
}

/* Shortest "%.17g"-exact form of a double. */
static void put_num(FILE *f, double v)
{
    char buf[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, v);
        if (strtod(buf, NULL) == v) break;
    }
    fputs(buf, f);
}

static px_status write_graphml(const px_graph *g, const px_corpus *c, FILE *f)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
          "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
          "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
          "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n", f);
    fprintf(f, "  <graph id=\"G\" edgedefault=\"%s\">\n", g->directed ? "directed" : "undirected");
    for (size_t i = 0; i < g->n; i++) {
        fputs("    <node id=\"", f); px_graph_put_xml(f, px_graph_pid(g, c, i));
        fputs("\"><data key=\"name\">", f); px_graph_put_xml(f, px_graph_pid(g, c, i));
        fputs("</data><data key=\"label\">", f); px_graph_put_xml(f, px_graph_pname(g, c, i));
        fputs("</data></node>\n", f);
    }
    for (size_t e = 0; e < g->m; e++) {
        fputs("    <edge source=\"", f); px_graph_put_xml(f, px_graph_pid(g, c, g->from[e]));
        fputs("\" target=\"", f); px_graph_put_xml(f, px_graph_pid(g, c, g->to[e]));
        fputs("\"><data key=\"weight\">", f); put_num(f, VECTOR(g->w)[e]);
        fputs("</data></edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
    return PX_OK;
}

static px_status write_dot(const px_graph *g, const px_corpus *c, FILE *f)
{
    fprintf(f, "%s G {\n", g->directed ? "digraph" : "graph");
    for (size_t i = 0; i < g->n; i++) {
        fputs("  \"", f); put_quoted(f, px_graph_pid(g, c, i));
        fputs("\" [label=\"", f); put_quoted(f, px_graph_pname(g, c, i)); fputs("\"];\n", f);
    }
    for (size_t e = 0; e < g->m; e++) {
        fputs("  \"", f); put_quoted(f, px_graph_pid(g, c, g->from[e]));
        fputs(g->directed ? "\" -> \"" : "\" -- \"", f);
        put_quoted(f, px_graph_pid(g, c, g->to[e]));
        fputs("\" [weight=", f); put_num(f, VECTOR(g->w)[e]); fputs("];\n", f);
    }
    fputs("}\n", f);
    return PX_OK;
}

static px_status write_json(const px_graph *g, const px_corpus *c, FILE *f)
{
    fprintf(f, "{\"directed\": %s, \"multigraph\": false, \"graph\": {},\n \"nodes\": [",
            g->directed ? "true" : "false");
    for (size_t i = 0; i < g->n; i++) {
        fputs(i ? ",\n  {\"id\": \"" : "\n  {\"id\": \"", f); put_quoted(f, px_graph_pid(g, c, i));
        fputs("\", \"name\": \"", f); put_quoted(f, px_graph_pname(g, c, i)); fputs("\"}", f);
    }
    fputs("],\n \"links\": [", f);
    for (size_t e = 0; e < g->m; e++) {
        fputs(e ? ",\n  {\"source\": \"" : "\n  {\"source\": \"", f);
        put_quoted(f, px_graph_pid(g, c, g->from[e]));
        fputs("\", \"target\": \"", f); put_quoted(f, px_graph_pid(g, c, g->to[e]));
        fputs("\", \"weight\": ", f); put_num(f, VECTOR(g->w)[e]); fputs("}", f);
    }
    fputs("]}\n", f);
    return PX_OK;
}

px_status px_graph_write_stream(const px_graph *g, const px_corpus *c, px_graph_format fmt,
                                FILE *f, px_error *err)
{
    switch (fmt) {
    case PX_GRAPH_GRAPHML: return write_graphml(g, c, f);
    case PX_GRAPH_DOT: return write_dot(g, c, f);
    case PX_GRAPH_JSON: return write_json(g, c, f);
    case PX_GRAPH_EDGES_CSV:
        fputs("source,target,weight\n", f);
        for (size_t e = 0; e < g->m; e++) {
            put_csv(f, px_graph_pid(g, c, g->from[e])); fputc(',', f);
            put_csv(f, px_graph_pid(g, c, g->to[e])); fputc(',', f);
            put_num(f, VECTOR(g->w)[e]); fputc('\n', f);
        }
        return PX_OK;
    case PX_GRAPH_NODES_CSV:
        fputs("id,name\n", f);
        for (size_t i = 0; i < g->n; i++) {
            put_csv(f, px_graph_pid(g, c, i)); fputc(',', f);
            put_csv(f, px_graph_pname(g, c, i)); fputc('\n', f);
        }
        return PX_OK;
    }
    return px_error_set(err, PX_EINVAL, "unknown graph format");
}
