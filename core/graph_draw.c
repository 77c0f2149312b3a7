/* graph_draw.c - a graph as an SVG drawing, onto a stream the caller
 * opened: nodes placed by an igraph layout, sized by strength, coloured
 * by Louvain community; edges as lines with arrowheads when directed;
 * labels; a legend. */
#include "graph_impl.h"

#include <math.h>
#include <stdlib.h>

static const char *const palette[] = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
#define NPALETTE (sizeof palette / sizeof *palette)

px_status px_graph_draw_file(const px_graph *g, const px_corpus *c, FILE *f,
                             const px_draw_options *opt, px_error *err)
{
    size_t n = g->n;
    double W = opt && opt->width > 0 ? opt->width : 800;
    double H = opt && opt->height > 0 ? opt->height : 600;
    double *xy = malloc((2 * n + 2) * sizeof *xy);
    double *str = malloc((n + 1) * sizeof *str);
    uint32_t *com = malloc((n + 1) * sizeof *com);
    px_status st = PX_OK;
    if (!xy || !str || !com) { st = nomem(err, "draw"); goto done; }
    if ((st = px_graph_layout(g, opt ? opt->layout : 0, opt ? opt->seed : 1, xy, err))) goto done;
    if ((st = px_graph_strength(g, PX_MODE_ALL, str, err))) goto done;
    if ((st = px_graph_communities(g, 0, opt ? opt->seed : 1, com, NULL, err))) goto done;
    /* fit the layout into the drawing area, leaving room for the legend */
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY, maxs = 0,
           maxw = 0;
    for (size_t i = 0; i < n; i++) {
        if (xy[2 * i] < minx) minx = xy[2 * i];
        if (xy[2 * i] > maxx) maxx = xy[2 * i];
        if (xy[2 * i + 1] < miny) miny = xy[2 * i + 1];
        if (xy[2 * i + 1] > maxy) maxy = xy[2 * i + 1];
        if (str[i] > maxs) maxs = str[i];
    }
    for (size_t e = 0; e < g->m; e++) if (VECTOR(g->w)[e] > maxw) maxw = VECTOR(g->w)[e];
    double left = 60, right = W - 200, top = 60, bottom = H - 40;
    double sx = maxx > minx ? (right - left) / (maxx - minx) : 0;
    double sy = maxy > miny ? (bottom - top) / (maxy - miny) : 0;
    for (size_t i = 0; i < n; i++) {
        xy[2 * i] = sx ? left + (xy[2 * i] - minx) * sx : (left + right) / 2;
        xy[2 * i + 1] = sy ? top + (xy[2 * i + 1] - miny) * sy : (top + bottom) / 2;
    }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%g\" height=\"%g\" "
            "viewBox=\"0 0 %g %g\" font-family=\"sans-serif\">\n", W, H, W, H);
    if (g->directed)
        fputs("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
              "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">"
              "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#888\"/></marker></defs>\n", f);
    fprintf(f, "  <rect x=\"0\" y=\"0\" width=\"%g\" height=\"%g\" fill=\"white\"/>\n", W, H);
    if (opt && opt->title) {
        fputs("  <text x=\"20\" y=\"30\" font-size=\"18\">", f);
        px_graph_put_xml(f, opt->title);
        fputs("</text>\n", f);
    }
    double *rad = malloc((n + 1) * sizeof *rad);
    if (!rad) { st = nomem(err, "draw"); goto done; }
    for (size_t i = 0; i < n; i++)
        rad[i] = 4 + 16 * (maxs > 0 ? sqrt(str[i] / maxs) : 0);   /* area ~ strength */
    fputs("  <g class=\"edges\" stroke=\"#888\" stroke-opacity=\"0.6\">\n", f);
    for (size_t e = 0; e < g->m; e++) {
        size_t a = g->from[e], b = g->to[e];
        double x1 = xy[2 * a], y1 = xy[2 * a + 1], x2 = xy[2 * b], y2 = xy[2 * b + 1];
        double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
        if (len > 0 && g->directed) {   /* stop at the target's rim */
            x2 -= dx / len * rad[b];
            y2 -= dy / len * rad[b];
        }
        double w = 0.5 + 5.5 * (maxw > 0 ? VECTOR(g->w)[e] / maxw : 0);
        fprintf(f, "    <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                "stroke-width=\"%.2f\"%s><title>", x1, y1, x2, y2, w,
                g->directed ? " marker-end=\"url(#arrow)\"" : "");
        px_graph_put_xml(f, px_graph_pid(g, c, a));
        fputs(g->directed ? " -> " : " -- ", f);
        px_graph_put_xml(f, px_graph_pid(g, c, b));
        fprintf(f, ": %g</title></line>\n", VECTOR(g->w)[e]);
    }
    fputs("  </g>\n  <g class=\"nodes\" stroke=\"white\" stroke-width=\"1.5\">\n", f);
    uint32_t ncom = 0;
    for (size_t i = 0; i < n; i++) {
        if (com[i] + 1 > ncom) ncom = com[i] + 1;
        fprintf(f, "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>", xy[2 * i],
                xy[2 * i + 1], rad[i], com[i] < NPALETTE ? palette[com[i]] : "#cccccc");
        px_graph_put_xml(f, px_graph_pname(g, c, i));
        fprintf(f, " (strength %g, community %u)</title></circle>\n", str[i], com[i] + 1);
    }
    fputs("  </g>\n  <g class=\"labels\" font-size=\"11\" fill=\"#222\">\n", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "    <text x=\"%.1f\" y=\"%.1f\">", xy[2 * i] + rad[i] + 2, xy[2 * i + 1] + 4);
        px_graph_put_xml(f, px_graph_pname(g, c, i));
        fputs("</text>\n", f);
    }
    fputs("  </g>\n", f);
    /* legend: swatches are squares, so that circles count nodes only */
    double lx = W - 180, ly = 60;
    fprintf(f, "  <g class=\"legend\" font-size=\"12\">\n"
            "    <text x=\"%g\" y=\"%g\" font-weight=\"bold\">Communities (Louvain)</text>\n",
            lx, ly);
    for (uint32_t k = 0; k < ncom && k < NPALETTE; k++) {
        ly += 18;
        fprintf(f, "    <rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                "<text x=\"%g\" y=\"%g\">community %u</text>\n", lx, ly - 10, palette[k], lx + 18,
                ly, k + 1);
    }
    if (ncom > NPALETTE) {
        ly += 18;
        fprintf(f, "    <rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" fill=\"#cccccc\"/>"
                "<text x=\"%g\" y=\"%g\">communities %u-%u</text>\n", lx, ly - 10, lx + 18, ly,
                (unsigned)NPALETTE + 1, ncom);
    }
    fprintf(f, "    <text x=\"%g\" y=\"%g\">node area: strength (max %g)</text>\n"
            "    <text x=\"%g\" y=\"%g\">edge width: weight (max %g)</text>\n"
            "    <text x=\"%g\" y=\"%g\">%zu nodes, %zu edges</text>\n  </g>\n</svg>\n",
            lx, ly + 26, maxs, lx, ly + 44, maxw, lx, ly + 62, n, g->m);
    free(rad);
done:
    free(xy); free(str); free(com);
    return st;
}
