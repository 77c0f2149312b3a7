/* graph.c - graphs of participants on igraph: building them, and every
 * measure igraph has, and layouts.
 *
 * The only file that calls igraph. Edges are aggregated before igraph sees
 * them (no multi-edges, no loops); weights are one double per edge. The
 * "undirected view" of a directed graph joins i->j and j->i into one edge
 * whose weight is their sum. igraph errors reach us as return codes (the
 * runtime's handler keeps the message and returns); each call site turns
 * them into px_status. The measures igraph lacks are in graph_extra.c, the
 * writers in graph_write.c, the SVG drawing in graph_draw.c. */
#include "graph_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------- */

static px_status ig_fail(px_error *err, igraph_error_t code, const char *what)
{
    const char *msg = px_runtime_graph_error();
    if (code == IGRAPH_INTERRUPTED)
        return px_error_set(err, PX_EINTR, "%s: interrupted", what);
    if (code == IGRAPH_ENOMEM)
        return px_error_set(err, PX_ENOMEM, "%s: out of memory", what);
    return px_error_set(err, PX_EINVAL, "%s failed in igraph: %s", what,
                        *msg ? msg : igraph_strerror(code));
}

#define IG(call, what) do { igraph_error_t rc_ = (call); \
    if (rc_ != IGRAPH_SUCCESS) { st = ig_fail(err, rc_, (what)); goto done; } } while (0)


/* ---- building ---------------------------------------------------------- */

typedef struct keyw { uint64_t key; double w; } keyw;

static int cmp_keyw(const void *a, const void *b)
{
    uint64_t x = ((const keyw *)a)->key, y = ((const keyw *)b)->key;
    return x < y ? -1 : x > y;
}

/* Sums the weights of equal keys in kw[0..m), in place, through an
 * open-addressing table (interactions repeat the same pairs many times),
 * then sorts the distinct keys. Returns how many, or (size_t)-1 when out
 * of memory. */
static size_t merge_keys(keyw *kw, size_t m)
{
    if (m < 2) return m;
    size_t size = 16;
    while (size < 2 * m) size *= 2;
    uint32_t *slot = calloc(size, sizeof *slot);   /* distinct key index + 1 */
    if (!slot) return (size_t)-1;
    size_t mask = size - 1, k = 0;
    for (size_t i = 0; i < m; i++) {
        keyw x = kw[i];
        size_t h = (size_t)((x.key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
        for (;; h = (h + 1) & mask) {
            if (!slot[h]) { kw[k] = x; slot[h] = (uint32_t)++k; break; }   /* k <= i */
            if (kw[slot[h] - 1].key == x.key) { kw[slot[h] - 1].w += x.w; break; }
        }
    }
    free(slot);
    qsort(kw, k, sizeof *kw, cmp_keyw);
    return k;
}

/* Builds from node-position pairs; kw is merged and sorted here. Takes
 * ownership of part. */
static px_graph *build(uint32_t *part, size_t n, keyw *kw, size_t m, int directed,
                       px_error *err)
{
    px_runtime_graph_init();
    px_graph *g = calloc(1, sizeof *g);
    igraph_vector_int_t ev;
    int have_ev = 0, have_g = 0;
    px_status st = PX_OK;
    if (!g) { free(part); nomem(err, "graph"); return NULL; }
    g->part = part;
    g->n = n;
    g->directed = directed;
    size_t k = merge_keys(kw, m);
    if (k == (size_t)-1) { free(part); free(g); nomem(err, "graph"); return NULL; }
    g->m = k;
    g->from = malloc((k + 1) * sizeof *g->from);
    g->to = malloc((k + 1) * sizeof *g->to);
    if (!g->from || !g->to) { st = nomem(err, "graph"); goto done; }
    IG(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * k)), "graph");
    have_ev = 1;
    IG(igraph_vector_init(&g->w, (igraph_integer_t)k), "graph");
    for (size_t i = 0; i < k; i++) {
        g->from[i] = (uint32_t)(kw[i].key >> 32);
        g->to[i] = (uint32_t)(kw[i].key & 0xffffffffu);
        VECTOR(ev)[2 * i] = g->from[i];
        VECTOR(ev)[2 * i + 1] = g->to[i];
        VECTOR(g->w)[i] = kw[i].w;
    }
    {
        igraph_error_t rc = igraph_create(&g->g, &ev, (igraph_integer_t)n, directed);
        if (rc != IGRAPH_SUCCESS) {
            igraph_vector_destroy(&g->w);
            st = ig_fail(err, rc, "graph");
            goto done;
        }
    }
    have_g = 1;
done:
    if (have_ev) igraph_vector_int_destroy(&ev);
    if (st != PX_OK) {
        if (have_g) igraph_destroy(&g->g);
        free(g->from); free(g->to); free(g->part); free(g);
        return NULL;
    }
    return g;
}

static uint32_t find_sorted(const uint32_t *v, size_t n, uint32_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo < n && v[lo] == x ? (uint32_t)lo : PX_NONE;
}

px_graph *px_graph_open(const px_interactions *ia, px_weight weight, int directed,
                        px_error *err)
{
    if (directed < 0) directed = ia->directed;
    if (directed && !ia->directed) {
        px_error_set(err, PX_EINVAL, "these interactions are undirected (copresence): "
                     "build the graph with directed = false");
        return NULL;
    }
    size_t ni = ia->items.n;
    /* the nodes: every participant named, in participant order (a mark
     * per participant index, then its position) */
    uint32_t top = 0;
    for (size_t i = 0; i < ni; i++) {
        if (ia->items.v[i].source >= top) top = ia->items.v[i].source + 1;
        if (ia->items.v[i].target >= top) top = ia->items.v[i].target + 1;
    }
    for (size_t i = 0; i < ia->nodes.n; i++) if (ia->nodes.v[i] >= top) top = ia->nodes.v[i] + 1;
    uint32_t *pos = calloc((size_t)top + 1, sizeof *pos);   /* participant -> position + 1 */
    keyw *kw = malloc((ni + 1) * sizeof *kw);
    if (!pos || !kw) { free(pos); free(kw); nomem(err, "graph"); return NULL; }
    for (size_t i = 0; i < ni; i++) pos[ia->items.v[i].source] = pos[ia->items.v[i].target] = 1;
    for (size_t i = 0; i < ia->nodes.n; i++) pos[ia->nodes.v[i]] = 1;
    size_t n = 0;
    for (uint32_t p = 0; p < top; p++) if (pos[p]) n++;
    uint32_t *part = malloc((n + 1) * sizeof *part);
    if (!part) { free(pos); free(kw); nomem(err, "graph"); return NULL; }
    n = 0;
    for (uint32_t p = 0; p < top; p++)
        if (pos[p]) { part[n] = p; pos[p] = (uint32_t)++n; }
    size_t m = 0;
    for (size_t i = 0; i < ni; i++) {
        uint32_t s = pos[ia->items.v[i].source] - 1;
        uint32_t t = pos[ia->items.v[i].target] - 1;
        if (s == t) continue;
        if (!directed && s > t) { uint32_t x = s; s = t; t = x; }
        kw[m].key = (uint64_t)s << 32 | t;
        kw[m].w = 1;
        m++;
    }
    free(pos);
    px_graph *g = build(part, n, kw, m, directed, err);
    free(kw);
    if (g && weight == PX_WEIGHT_NONE)
        for (size_t e = 0; e < g->m; e++) VECTOR(g->w)[e] = 1;
    return g;
}

px_graph *px_graph_open_edges(const uint32_t *nodes, size_t n, const uint32_t *edges,
                              const double *weights, size_t m, int directed, px_error *err)
{
    uint32_t *part = malloc((n + 1) * sizeof *part);
    keyw *kw = malloc((m + 1) * sizeof *kw);
    if (!part || !kw) { free(part); free(kw); nomem(err, "graph"); return NULL; }
    memcpy(part, nodes, n * sizeof *part);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        uint32_t s = edges[2 * i], t = edges[2 * i + 1];
        if (s >= n || t >= n) {
            free(part); free(kw);
            px_error_set(err, PX_EINVAL, "edge %zu names node %u of %zu", i + 1,
                         s >= n ? s : t, n);
            return NULL;
        }
        if (s == t) continue;
        if (!directed && s > t) { uint32_t x = s; s = t; t = x; }
        kw[k].key = (uint64_t)s << 32 | t;
        kw[k].w = weights ? weights[i] : 1;
        k++;
    }
    px_graph *g = build(part, n, kw, k, directed, err);
    free(kw);
    return g;
}

void px_graph_free(px_graph *g)
{
    if (!g) return;
    igraph_destroy(&g->g);
    igraph_vector_destroy(&g->w);
    free(g->part); free(g->from); free(g->to);
    free(g);
}

size_t px_graph_node_count(const px_graph *g) { return g->n; }
size_t px_graph_edge_count(const px_graph *g) { return g->m; }
int px_graph_directed(const px_graph *g) { return g->directed; }
uint32_t px_graph_participant(const px_graph *g, size_t i) { return g->part[i]; }

void px_graph_edge(const px_graph *g, size_t e, size_t *from, size_t *to, double *weight)
{
    if (from) *from = g->from[e];
    if (to) *to = g->to[e];
    if (weight) *weight = VECTOR(g->w)[e];
}

uint32_t px_graph_find(const px_graph *g, uint32_t participant)
{
    return find_sorted(g->part, g->n, participant);
}

/* The undirected view as a (simple) igraph graph and weights. */
static igraph_error_t undirected_view(const px_graph *g, igraph_t *out, igraph_vector_t *w)
{
    keyw *kw = malloc((g->m + 1) * sizeof *kw);
    if (!kw) return IGRAPH_ENOMEM;
    for (size_t e = 0; e < g->m; e++) {
        uint32_t s = g->from[e], t = g->to[e];
        if (s > t) { uint32_t x = s; s = t; t = x; }
        kw[e].key = (uint64_t)s << 32 | t;
        kw[e].w = VECTOR(g->w)[e];
    }
    qsort(kw, g->m, sizeof *kw, cmp_keyw);
    size_t k = 0;
    for (size_t i = 0; i < g->m; i++) {
        if (k && kw[k - 1].key == kw[i].key) kw[k - 1].w += kw[i].w;
        else kw[k++] = kw[i];
    }
    igraph_vector_int_t ev;
    igraph_error_t rc = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * k));
    if (rc) { free(kw); return rc; }
    rc = igraph_vector_init(w, (igraph_integer_t)k);
    if (rc) { free(kw); igraph_vector_int_destroy(&ev); return rc; }
    for (size_t i = 0; i < k; i++) {
        VECTOR(ev)[2 * i] = (igraph_integer_t)(kw[i].key >> 32);
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)(kw[i].key & 0xffffffffu);
        VECTOR(*w)[i] = kw[i].w;
    }
    free(kw);
    rc = igraph_create(out, &ev, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (rc) igraph_vector_destroy(w);
    return rc;
}

/* ---- whole-graph measures ---------------------------------------------- */

double px_graph_density(const px_graph *g)
{
    if (g->n < 2) return NAN;
    double pairs = (double)g->n * (double)(g->n - 1);
    return (g->directed ? 1.0 : 2.0) * (double)g->m / pairs;
}

px_status px_graph_reciprocity(const px_graph *g, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_real_t r = NAN;
    if (g->m == 0) { *res = NAN; return PX_OK; }
    IG(igraph_reciprocity(&g->g, &r, 1, IGRAPH_RECIPROCITY_DEFAULT), "reciprocity");
    *res = r;
done:
    return st;
}

px_status px_graph_diameter(const px_graph *g, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_real_t d = 0;
    if (g->n == 0) { *res = NAN; return PX_OK; }
    IG(igraph_diameter(&g->g, &d, NULL, NULL, NULL, NULL, 1, 1), "diameter");
    *res = g->m == 0 ? 0 : d;
done:
    return st;
}

px_status px_graph_average_path_length(const px_graph *g, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_real_t d = 0;
    if (g->m == 0) { *res = g->n ? 0 : NAN; return PX_OK; }
    IG(igraph_average_path_length(&g->g, &d, NULL, 1, 1), "average path length");
    *res = d;
done:
    return st;
}

px_status px_graph_clustering(const px_graph *g, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_t u;
    igraph_vector_t w, r;
    int have_u = 0, have_r = 0;
    IG(undirected_view(g, &u, &w), "clustering");
    have_u = 1;
    IG(igraph_vector_init(&r, 0), "clustering");
    have_r = 1;
    IG(igraph_transitivity_local_undirected(&u, &r, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO),
       "clustering");
    for (size_t i = 0; i < g->n; i++) res[i] = VECTOR(r)[i];
done:
    if (have_r) igraph_vector_destroy(&r);
    if (have_u) { igraph_destroy(&u); igraph_vector_destroy(&w); }
    return st;
}

px_status px_graph_average_clustering(const px_graph *g, double *res, px_error *err)
{
    if (g->n == 0) { *res = NAN; return PX_OK; }
    double *v = malloc(g->n * sizeof *v);
    if (!v) return nomem(err, "average clustering");
    px_status st = px_graph_clustering(g, v, err);
    if (st == PX_OK) {
        double s = 0;
        for (size_t i = 0; i < g->n; i++) s += v[i];
        *res = s / (double)g->n;
    }
    free(v);
    return st;
}

px_status px_graph_components(const px_graph *g, uint32_t *membership, size_t *count,
                              px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_int_t mem;
    igraph_integer_t no = 0;
    int have = 0;
    IG(igraph_vector_int_init(&mem, 0), "components");
    have = 1;
    IG(igraph_connected_components(&g->g, &mem, NULL, &no, IGRAPH_WEAK), "components");
    *count = (size_t)no;
    if (membership) {
        /* renumber in order of first node */
        uint32_t *map = malloc(((size_t)no + 1) * sizeof *map);
        if (!map) { st = nomem(err, "components"); goto done; }
        for (igraph_integer_t k = 0; k < no; k++) map[k] = PX_NONE;
        uint32_t next = 0;
        for (size_t i = 0; i < g->n; i++) {
            igraph_integer_t c = VECTOR(mem)[i];
            if (map[c] == PX_NONE) map[c] = next++;
            membership[i] = map[c];
        }
        free(map);
    }
done:
    if (have) igraph_vector_int_destroy(&mem);
    return st;
}

/* ---- per-node measures ----------------------------------------------------- */

static igraph_neimode_t ig_mode(const px_graph *g, px_mode mode)
{
    if (!g->directed) return IGRAPH_ALL;
    return mode == PX_MODE_OUT ? IGRAPH_OUT : mode == PX_MODE_IN ? IGRAPH_IN : IGRAPH_ALL;
}

px_status px_graph_degree(const px_graph *g, px_mode mode, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_int_t r;
    int have = 0;
    IG(igraph_vector_int_init(&r, 0), "degree");
    have = 1;
    IG(igraph_degree(&g->g, &r, igraph_vss_all(), ig_mode(g, mode), 0), "degree");
    for (size_t i = 0; i < g->n; i++) res[i] = (double)VECTOR(r)[i];
done:
    if (have) igraph_vector_int_destroy(&r);
    return st;
}

px_status px_graph_strength(const px_graph *g, px_mode mode, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_t r;
    int have = 0;
    IG(igraph_vector_init(&r, 0), "strength");
    have = 1;
    IG(igraph_strength(&g->g, &r, igraph_vss_all(), ig_mode(g, mode), 0, &g->w), "strength");
    for (size_t i = 0; i < g->n; i++) res[i] = VECTOR(r)[i];
done:
    if (have) igraph_vector_destroy(&r);
    return st;
}

px_status px_graph_betweenness(const px_graph *g, int normalized, int weighted, double *res,
                               px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_t r;
    int have = 0;
    IG(igraph_vector_init(&r, 0), "betweenness");
    have = 1;
    IG(igraph_betweenness(&g->g, &r, igraph_vss_all(), 1, weighted ? &g->w : NULL),
       "betweenness");
    double n = (double)g->n;
    double scale = 1;
    if (normalized) scale = n > 2 ? (g->directed ? 1 : 2) / ((n - 1) * (n - 2)) : 0;
    for (size_t i = 0; i < g->n; i++) res[i] = VECTOR(r)[i] * scale;
done:
    if (have) igraph_vector_destroy(&r);
    return st;
}

px_status px_graph_closeness(const px_graph *g, px_mode mode, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_t r;
    igraph_vector_int_t reach;
    int have = 0, have2 = 0;
    IG(igraph_vector_init(&r, 0), "closeness");
    have = 1;
    IG(igraph_vector_int_init(&reach, 0), "closeness");
    have2 = 1;
    IG(igraph_closeness(&g->g, &r, &reach, NULL, igraph_vss_all(), ig_mode(g, mode), NULL, 1),
       "closeness");
    for (size_t i = 0; i < g->n; i++) {
        double rc = (double)VECTOR(reach)[i];   /* others reached */
        double v = VECTOR(r)[i];
        res[i] = (rc <= 0 || isnan(v) || g->n < 2) ? 0 : v * rc / (double)(g->n - 1);
    }
done:
    if (have) igraph_vector_destroy(&r);
    if (have2) igraph_vector_int_destroy(&reach);
    return st;
}

px_status px_graph_eigenvector(const px_graph *g, int weighted, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_t u;
    igraph_vector_t w, r;
    int have_u = 0, have_r = 0;
    if (g->m == 0) {
        for (size_t i = 0; i < g->n; i++) res[i] = g->n ? 1 / sqrt((double)g->n) : 0;
        return PX_OK;
    }
    IG(undirected_view(g, &u, &w), "eigenvector");
    have_u = 1;
    IG(igraph_vector_init(&r, 0), "eigenvector");
    have_r = 1;
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    IG(igraph_eigenvector_centrality(&u, &r, NULL, 0, 1, weighted ? &w : NULL, &ao),
       "eigenvector");
    double norm = 0;
    for (size_t i = 0; i < g->n; i++) norm += VECTOR(r)[i] * VECTOR(r)[i];
    norm = sqrt(norm);
    for (size_t i = 0; i < g->n; i++) res[i] = norm > 0 ? fabs(VECTOR(r)[i]) / norm : 0;
done:
    if (have_r) igraph_vector_destroy(&r);
    if (have_u) { igraph_destroy(&u); igraph_vector_destroy(&w); }
    return st;
}

px_status px_graph_pagerank(const px_graph *g, double damping, int weighted, double *res,
                            px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_t r;
    int have = 0;
    IG(igraph_vector_init(&r, 0), "pagerank");
    have = 1;
    IG(igraph_pagerank(&g->g, IGRAPH_PAGERANK_ALGO_PRPACK, &r, NULL, igraph_vss_all(), 1,
                       damping, weighted ? &g->w : NULL, NULL), "pagerank");
    for (size_t i = 0; i < g->n; i++) res[i] = VECTOR(r)[i];
done:
    if (have) igraph_vector_destroy(&r);
    return st;
}

px_status px_graph_coreness(const px_graph *g, px_mode mode, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_int_t r;
    int have = 0;
    IG(igraph_vector_int_init(&r, 0), "coreness");
    have = 1;
    IG(igraph_coreness(&g->g, &r, ig_mode(g, mode)), "coreness");
    for (size_t i = 0; i < g->n; i++) res[i] = (double)VECTOR(r)[i];
done:
    if (have) igraph_vector_int_destroy(&r);
    return st;
}

px_status px_graph_communities(const px_graph *g, int method, uint64_t seed,
                               uint32_t *membership, double *modularity, px_error *err)
{
    px_status st = PX_OK;
    igraph_t u;
    igraph_vector_t w, strength;
    igraph_vector_int_t mem;
    int have_u = 0, have_m = 0, have_s = 0;
    IG(undirected_view(g, &u, &w), "communities");
    have_u = 1;
    IG(igraph_vector_int_init(&mem, 0), "communities");
    have_m = 1;
    px_runtime_graph_seed(seed);
    if (g->m == 0) {
        IG(igraph_vector_int_resize(&mem, (igraph_integer_t)g->n), "communities");
        for (size_t i = 0; i < g->n; i++) VECTOR(mem)[i] = (igraph_integer_t)i;
    } else if (method == 1) {
        /* Leiden on modularity: node weights = strengths, resolution 1/2m */
        IG(igraph_vector_init(&strength, 0), "communities");
        have_s = 1;
        IG(igraph_strength(&u, &strength, igraph_vss_all(), IGRAPH_ALL, 0, &w), "communities");
        double total = 0;
        for (igraph_integer_t e = 0; e < igraph_vector_size(&w); e++) total += VECTOR(w)[e];
        igraph_integer_t nb = 0;
        IG(igraph_community_leiden(&u, &w, &strength, 1.0 / (2.0 * total), 0.01, 0, -1, &mem,
                                   &nb, NULL), "communities (leiden)");
    } else {
        IG(igraph_community_multilevel(&u, &w, 1.0, &mem, NULL, NULL), "communities (louvain)");
    }
    /* number communities by their first node */
    {
        uint32_t *map = malloc((g->n + 1) * sizeof *map);
        if (!map) { st = nomem(err, "communities"); goto done; }
        for (size_t i = 0; i < g->n; i++) map[i] = PX_NONE;
        uint32_t next = 0;
        for (size_t i = 0; i < g->n; i++) {
            igraph_integer_t c = VECTOR(mem)[i];
            if (map[c] == PX_NONE) map[c] = next++;
            VECTOR(mem)[i] = map[c];
            membership[i] = map[c];
        }
        free(map);
    }
    if (modularity) {
        igraph_real_t q = NAN;
        if (g->m) IG(igraph_modularity(&u, &mem, &w, 1.0, 0, &q), "modularity");
        *modularity = q;
    }
done:
    if (have_s) igraph_vector_destroy(&strength);
    if (have_m) igraph_vector_int_destroy(&mem);
    if (have_u) { igraph_destroy(&u); igraph_vector_destroy(&w); }
    return st;
}

px_status px_graph_constraint(const px_graph *g, double *res, px_error *err)
{
    px_status st = PX_OK;
    igraph_vector_t r;
    int have = 0;
    IG(igraph_vector_init(&r, 0), "constraint");
    have = 1;
    IG(igraph_constraint(&g->g, &r, igraph_vss_all(), &g->w), "constraint");
    for (size_t i = 0; i < g->n; i++) res[i] = VECTOR(r)[i];
done:
    if (have) igraph_vector_destroy(&r);
    return st;
}

/* ---- layout ------------------------------------------------------------------- */

px_status px_graph_layout(const px_graph *g, int method, uint64_t seed, double *xy,
                          px_error *err)
{
    px_status st = PX_OK;
    igraph_matrix_t r;
    int have = 0;
    IG(igraph_matrix_init(&r, 0, 0), "layout");
    have = 1;
    px_runtime_graph_seed(seed);
    if (g->n == 0) goto done;
    if (method == 1) {
        IG(igraph_layout_kamada_kawai(&g->g, &r, 0, (igraph_integer_t)(10 * g->n), 0,
                                      (double)g->n, NULL, NULL, NULL, NULL, NULL),
           "layout (kk)");
    } else if (method == 2) {
        igraph_layout_drl_options_t o;
        IG(igraph_layout_drl_options_init(&o, IGRAPH_LAYOUT_DRL_DEFAULT), "layout (drl)");
        IG(igraph_layout_drl(&g->g, &r, 0, &o, &g->w), "layout (drl)");
    } else {
        IG(igraph_layout_fruchterman_reingold(&g->g, &r, 0, 500, sqrt((double)g->n),
                                              IGRAPH_LAYOUT_AUTOGRID, &g->w, NULL, NULL, NULL,
                                              NULL), "layout (fr)");
    }
    for (size_t i = 0; i < g->n; i++) {
        xy[2 * i] = MATRIX(r, i, 0);
        xy[2 * i + 1] = MATRIX(r, i, 1);
    }
done:
    if (have) igraph_matrix_destroy(&r);
    return st;
}
