/*
 * graph_impl.h - what the files of the graph module share, and nothing
 * outside them includes: the graph itself (an igraph graph plus the
 * aggregated edges it was built from), the out-of-memory report, and the
 * escaping and names that the writers and the drawing both use.
 *
 *   graph.c        building, accessors, the measures igraph has, layouts
 *   graph_extra.c  the measures igraph lacks (reads the edges, no igraph)
 *   graph_write.c  GraphML, DOT, JSON, CSV onto a caller's stream
 *   graph_draw.c   the SVG drawing (uses graph.c and graph_write.c)
 *
 * Dependencies run one way: graph_extra.c and graph_draw.c call graph.c,
 * graph_draw.c calls graph_write.c; graph.c and graph_write.c call none
 * of the others.
 *
 * Praxis is free software: GPL-3.0-or-later (see LICENSE).
 */
#ifndef PX_GRAPH_IMPL_H
#define PX_GRAPH_IMPL_H

#include "px_graph.h"

#include <igraph.h>

struct px_graph {
    igraph_t g;
    igraph_vector_t w;          /* edge weights */
    uint32_t *part;             /* node -> participant */
    size_t n, m;
    int directed;
    uint32_t *from, *to;        /* edge endpoints (nodes), sorted by (from, to) =
                                   igraph's edge order */
};

static inline px_status nomem(px_error *err, const char *what)
{
    return px_error_set(err, PX_ENOMEM, "%s: out of memory", what);
}

/* graph_write.c: s as XML character data or attribute value (the five
 * markup characters escaped, other control characters as spaces). */
void px_graph_put_xml(FILE *f, const char *s);
/* The participant id of node i; its name, else its id. */
const char *px_graph_pid(const px_graph *g, const px_corpus *c, size_t i);
const char *px_graph_pname(const px_graph *g, const px_corpus *c, size_t i);

#endif
