/* graph_draw.c - a graph as an SVG drawing, onto a stream the caller
 * opened: nodes placed by an igraph layout, sized by strength, coloured
 * by Louvain community; edges as lines with arrowheads when directed;
 * labels; a legend.
 *
 * The drawing makes room rather than cut: the legend's width comes from
 * its longest line, the node area leaves room for the node labels, and
 * the drawing grows past the requested size when the title, the labels or
 * the legend need it. Text widths are estimated (no font is at hand):
 * 0.62 em per character, 0.68 em in bold, a little wider than the
 * average sans-serif glyph, so that what is estimated to fit does. */
#include "graph_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const palette[] = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
#define NPALETTE (sizeof palette / sizeof *palette)
#define OTHER_COLOUR "#cccccc"

#define MARGIN 20.0         /* around everything */
#define NODE_LEFT 60.0      /* left edge of the node area */
#define NODE_TOP 60.0       /* below the title */
#define NODE_BOTTOM 40.0    /* under the node area */
#define MIN_NODE_W 240.0    /* the node area is never narrower ... */
#define MIN_NODE_H 160.0    /* ... nor lower */
#define LEGEND_ROW 18.0
#define ARROW 10.0          /* arrowhead length and width, pixels */
#define LABEL_SIZE 11.0
#define LEGEND_SIZE 12.0
#define TITLE_SIZE 18.0

/* Characters (UTF-8 code points) of s times the estimated glyph width. */
static double text_width(const char *s, double size, int bold)
{
    size_t chars = 0;
    for (; *s; s++) if (((unsigned char)*s & 0xC0) != 0x80) chars++;
    return (double)chars * size * (bold ? 0.68 : 0.62);
}

/* The legend, as lines of text: a bold heading, one swatch per community
 * colour, the catch-all for communities past the palette, three notes. */
typedef struct legend {
    char rows[NPALETTE + 1][48];
    const char *colour[NPALETTE + 1];
    size_t nrows;
    char notes[3][96];
    double width, height;
} legend;

static const char LEGEND_HEAD[] = "Communities (Louvain)";

static void legend_make(legend *L, uint32_t ncom, double maxs, double maxw, size_t n, size_t m)
{
    L->nrows = 0;
    for (uint32_t k = 0; k < ncom && k < NPALETTE; k++) {
        snprintf(L->rows[L->nrows], sizeof L->rows[0], "community %u", k + 1);
        L->colour[L->nrows++] = palette[k];
    }
    if (ncom > NPALETTE) {
        snprintf(L->rows[L->nrows], sizeof L->rows[0], "communities %u-%u",
                 (unsigned)NPALETTE + 1, ncom);
        L->colour[L->nrows++] = OTHER_COLOUR;
    }
    snprintf(L->notes[0], sizeof L->notes[0], "node area: strength (max %g)", maxs);
    snprintf(L->notes[1], sizeof L->notes[1], "edge width: weight (max %g)", maxw);
    snprintf(L->notes[2], sizeof L->notes[2], "%zu nodes, %zu edges", n, m);
    double w = text_width(LEGEND_HEAD, LEGEND_SIZE, 1);
    for (size_t r = 0; r < L->nrows; r++) {
        double x = 18 + text_width(L->rows[r], LEGEND_SIZE, 0);
        if (x > w) w = x;
    }
    for (int r = 0; r < 3; r++) {
        double x = text_width(L->notes[r], LEGEND_SIZE, 0);
        if (x > w) w = x;
    }
    L->width = w;
    /* heading baseline at 0; rows; a gap; three notes; descent */
    L->height = (double)L->nrows * LEGEND_ROW + 26 + 2 * LEGEND_ROW + 6;
}

typedef struct drawing {
    const px_graph *g;
    const px_corpus *c;
    FILE *f;
    double W, H;
    double *xy, *str, *rad;
    uint32_t *com;
    uint32_t ncom;
    double maxs, maxw;
    double lx, ly;              /* legend: left edge, heading baseline */
    legend L;
} drawing;

/* Sizes the drawing from what it must hold, then fits the layout into the
 * node area: between NODE_LEFT and the legend, less the widest label. */
static void place(drawing *d, const px_draw_options *opt)
{
    const px_graph *g = d->g;
    double W = opt && opt->width > 0 ? opt->width : 800;
    double H = opt && opt->height > 0 ? opt->height : 600;
    double overhang = 0;        /* right of a node's centre: radius, gap, label */
    for (size_t i = 0; i < g->n; i++) {
        double x = d->rad[i] + 2 + text_width(px_graph_pname(g, d->c, i), LABEL_SIZE, 0);
        if (x > overhang) overhang = x;
    }
    double need_w = NODE_LEFT + MIN_NODE_W + overhang + MARGIN + d->L.width + MARGIN;
    if (W < need_w) W = need_w;
    if (opt && opt->title) {
        double t = MARGIN + text_width(opt->title, TITLE_SIZE, 0) + MARGIN;
        if (W < t) W = t;
    }
    double need_h = NODE_TOP + d->L.height + MARGIN;
    if (need_h < NODE_TOP + MIN_NODE_H + NODE_BOTTOM) need_h = NODE_TOP + MIN_NODE_H + NODE_BOTTOM;
    if (H < need_h) H = need_h;
    d->W = W;
    d->H = H;
    d->lx = W - MARGIN - d->L.width;
    d->ly = NODE_TOP;
    double left = NODE_LEFT, right = d->lx - MARGIN - overhang;
    double top = NODE_TOP, bottom = H - NODE_BOTTOM;
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < g->n; i++) {
        if (d->xy[2 * i] < minx) minx = d->xy[2 * i];
        if (d->xy[2 * i] > maxx) maxx = d->xy[2 * i];
        if (d->xy[2 * i + 1] < miny) miny = d->xy[2 * i + 1];
        if (d->xy[2 * i + 1] > maxy) maxy = d->xy[2 * i + 1];
    }
    double sx = maxx > minx ? (right - left) / (maxx - minx) : 0;
    double sy = maxy > miny ? (bottom - top) / (maxy - miny) : 0;
    for (size_t i = 0; i < g->n; i++) {
        d->xy[2 * i] = sx ? left + (d->xy[2 * i] - minx) * sx : (left + right) / 2;
        d->xy[2 * i + 1] = sy ? top + (d->xy[2 * i + 1] - miny) * sy : (top + bottom) / 2;
    }
}

/* The edge from -> to, or SIZE_MAX: edges are sorted by (from, to). */
static size_t edge_index(const px_graph *g, uint32_t from, uint32_t to)
{
    size_t lo = 0, hi = g->m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->from[mid] < from || (g->from[mid] == from && g->to[mid] < to)) lo = mid + 1;
        else hi = mid;
    }
    return lo < g->m && g->from[lo] == from && g->to[lo] == to ? lo : SIZE_MAX;
}

static double edge_width(const drawing *d, size_t e)
{
    return 0.5 + 5.5 * (d->maxw > 0 ? VECTOR(d->g->w)[e] / d->maxw : 0);
}

/* One edge. Directed: from the source's centre to the arrowhead's base,
 * the arrowhead's tip on the target's rim; when the reverse edge exists
 * too, both run offset to their own right (half their widths and a gap
 * apart), so the pair reads as two lines with an arrowhead each. */
static void draw_edge(const drawing *d, size_t e)
{
    const px_graph *g = d->g;
    size_t a = g->from[e], b = g->to[e];
    double x1 = d->xy[2 * a], y1 = d->xy[2 * a + 1], x2 = d->xy[2 * b], y2 = d->xy[2 * b + 1];
    double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
    double w = edge_width(d, e);
    if (g->directed && len > 0) {
        double ux = dx / len, uy = dy / len;
        double off = 0;
        size_t back = edge_index(g, (uint32_t)b, (uint32_t)a);
        if (back != SIZE_MAX) {
            double wb = edge_width(d, back);
            off = (w > wb ? w : wb) / 2 + 2.5;
        }
        /* right of the direction of travel, with y pointing down */
        x1 -= uy * off; y1 += ux * off;
        x2 -= uy * off; y2 += ux * off;
        double r = d->rad[b];
        double cut = (off < r ? sqrt(r * r - off * off) : 0) + ARROW;
        if (cut > 0.9 * len) cut = 0.9 * len;
        x2 -= ux * cut;
        y2 -= uy * cut;
    }
    fprintf(d->f, "    <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
            "stroke-width=\"%.2f\"%s><title>", x1, y1, x2, y2, w,
            g->directed ? " marker-end=\"url(#arrow)\"" : "");
    px_graph_put_xml(d->f, px_graph_pid(g, d->c, a));
    fputs(g->directed ? " -> " : " -- ", d->f);
    px_graph_put_xml(d->f, px_graph_pid(g, d->c, b));
    fprintf(d->f, ": %g</title></line>\n", VECTOR(g->w)[e]);
}

static void draw_head(const drawing *d, const px_draw_options *opt)
{
    FILE *f = d->f;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%g\" height=\"%g\" "
            "viewBox=\"0 0 %g %g\" font-family=\"sans-serif\">\n", d->W, d->H, d->W, d->H);
    /* the arrowhead in pixels (not in stroke widths): as visible on a
     * hairline as on the heaviest edge; its base at the line's end */
    if (d->g->directed)
        fprintf(f, "  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" "
                "markerUnits=\"userSpaceOnUse\" markerWidth=\"%g\" markerHeight=\"%g\" "
                "orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#666\"/></marker>"
                "</defs>\n", ARROW, ARROW);
    fprintf(f, "  <rect x=\"0\" y=\"0\" width=\"%g\" height=\"%g\" fill=\"white\"/>\n", d->W,
            d->H);
    if (opt && opt->title) {
        fprintf(f, "  <text x=\"%g\" y=\"30\" font-size=\"%g\">", MARGIN, TITLE_SIZE);
        px_graph_put_xml(f, opt->title);
        fputs("</text>\n", f);
    }
}

static void draw_nodes(const drawing *d)
{
    const px_graph *g = d->g;
    FILE *f = d->f;
    fputs("  <g class=\"nodes\" stroke=\"white\" stroke-width=\"1.5\">\n", f);
    for (size_t i = 0; i < g->n; i++) {
        uint32_t k = d->com[i];
        fprintf(f, "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>",
                d->xy[2 * i], d->xy[2 * i + 1], d->rad[i], k < NPALETTE ? palette[k] : OTHER_COLOUR);
        px_graph_put_xml(f, px_graph_pname(g, d->c, i));
        fprintf(f, " (strength %g, community %u)</title></circle>\n", d->str[i], k + 1);
    }
    fprintf(f, "  </g>\n  <g class=\"labels\" font-size=\"%g\" fill=\"#222\">\n", LABEL_SIZE);
    for (size_t i = 0; i < g->n; i++) {
        fprintf(f, "    <text x=\"%.1f\" y=\"%.1f\">", d->xy[2 * i] + d->rad[i] + 2,
                d->xy[2 * i + 1] + 4);
        px_graph_put_xml(f, px_graph_pname(g, d->c, i));
        fputs("</text>\n", f);
    }
    fputs("  </g>\n", f);
}

/* Swatches are squares, so that circles count nodes only. */
static void draw_legend(const drawing *d)
{
    FILE *f = d->f;
    const legend *L = &d->L;
    double lx = d->lx, ly = d->ly;
    fprintf(f, "  <g class=\"legend\" font-size=\"%g\">\n"
            "    <text x=\"%g\" y=\"%g\" font-weight=\"bold\">%s</text>\n", LEGEND_SIZE, lx, ly,
            LEGEND_HEAD);
    for (size_t r = 0; r < L->nrows; r++) {
        ly += LEGEND_ROW;
        fprintf(f, "    <rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                "<text x=\"%g\" y=\"%g\">%s</text>\n", lx, ly - 10, L->colour[r], lx + 18, ly,
                L->rows[r]);
    }
    ly += 26;
    for (int r = 0; r < 3; r++, ly += LEGEND_ROW)
        fprintf(f, "    <text x=\"%g\" y=\"%g\">%s</text>\n", lx, ly, L->notes[r]);
    fputs("  </g>\n", f);
}

/* Layout, strengths and communities; radii, maxima, the legend. */
static px_status measure(drawing *d, const px_draw_options *opt, px_error *err)
{
    const px_graph *g = d->g;
    px_status st;
    if ((st = px_graph_layout(g, opt ? opt->layout : 0, opt ? opt->seed : 1, d->xy, err)))
        return st;
    if ((st = px_graph_strength(g, PX_MODE_ALL, d->str, err))) return st;
    if ((st = px_graph_communities(g, 0, opt ? opt->seed : 1, d->com, NULL, err))) return st;
    d->maxs = d->maxw = 0;
    d->ncom = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (d->str[i] > d->maxs) d->maxs = d->str[i];
        if (d->com[i] + 1 > d->ncom) d->ncom = d->com[i] + 1;
    }
    for (size_t e = 0; e < g->m; e++)
        if (VECTOR(g->w)[e] > d->maxw) d->maxw = VECTOR(g->w)[e];
    for (size_t i = 0; i < g->n; i++)   /* area ~ strength */
        d->rad[i] = 4 + 16 * (d->maxs > 0 ? sqrt(d->str[i] / d->maxs) : 0);
    legend_make(&d->L, d->ncom, d->maxs, d->maxw, g->n, g->m);
    return PX_OK;
}

px_status px_graph_draw_file(const px_graph *g, const px_corpus *c, FILE *f,
                             const px_draw_options *opt, px_error *err)
{
    size_t n = g->n;
    drawing d;
    memset(&d, 0, sizeof d);
    d.g = g;
    d.c = c;
    d.f = f;
    d.xy = malloc((2 * n + 2) * sizeof *d.xy);
    d.str = malloc((n + 1) * sizeof *d.str);
    d.rad = malloc((n + 1) * sizeof *d.rad);
    d.com = malloc((n + 1) * sizeof *d.com);
    px_status st = PX_OK;
    if (!d.xy || !d.str || !d.rad || !d.com) st = nomem(err, "draw");
    if (st == PX_OK) st = measure(&d, opt, err);
    if (st == PX_OK) {
        place(&d, opt);
        draw_head(&d, opt);
        fputs("  <g class=\"edges\" stroke=\"#888\" stroke-opacity=\"0.6\">\n", f);
        for (size_t e = 0; e < g->m; e++) draw_edge(&d, e);
        fputs("  </g>\n", f);
        draw_nodes(&d);
        draw_legend(&d);
        fputs("</svg>\n", f);
    }
    free(d.xy); free(d.str); free(d.rad); free(d.com);
    return st;
}
