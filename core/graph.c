/* graph.c - graphs of participants on igraph, and the measures igraph
 * lacks (core-periphery, brokerage, effective size, tie persistence).
 *
 * The only file that calls igraph. Edges are aggregated before igraph sees
 * them (no multi-edges, no loops); weights are one double per edge. The
 * "undirected view" of a directed graph joins i->j and j->i into one edge
 * whose weight is their sum. igraph errors reach us as return codes (the
 * runtime's handler keeps the message and returns); each call site turns
 * them into px_status. */
#include "px_graph.h"

#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct px_graph {
    igraph_t g;
    igraph_vector_t w;          /* edge weights */
    uint32_t *part;             /* node -> participant */
    size_t n, m;
    int directed;
    uint32_t *from, *to;        /* edge endpoints (nodes), edge order = igraph's */
};

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

static px_status nomem(px_error *err, const char *what)
{
    return px_error_set(err, PX_ENOMEM, "%s: out of memory", what);
}

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

/* ---- adjacency in CSR, for the measures written here ------------------- */

typedef struct csr {
    uint32_t *first;            /* n + 1 */
    uint32_t *adj;
    double *w;
} csr;

static void csr_free(csr *a) { free(a->first); free(a->adj); free(a->w); }

typedef struct nbw { uint32_t node, nb; double w; } nbw;

static int cmp_nbw(const void *a, const void *b)
{
    const nbw *x = a, *y = b;
    if (x->node != y->node) return x->node < y->node ? -1 : 1;
    return x->nb < y->nb ? -1 : x->nb > y->nb;
}

/* which: 0 out-neighbours, 1 in-neighbours, 2 both (mutual weights
 * summed: a_ij + a_ji). Undirected edges count both ways in every case
 * (for 2, the weight is counted twice: a_ij = a_ji). */
static int csr_build(const px_graph *g, int which, csr *a)
{
    memset(a, 0, sizeof *a);
    size_t cap = 2 * g->m + 1;
    nbw *t = malloc(cap * sizeof *t);
    a->first = calloc(g->n + 1, sizeof *a->first);
    if (!t || !a->first) { free(t); csr_free(a); return -1; }
    size_t k = 0;
    for (size_t e = 0; e < g->m; e++) {
        uint32_t s = g->from[e], d = g->to[e];
        double w = VECTOR(g->w)[e];
        if (!g->directed || which == 2) {
            t[k++] = (nbw){s, d, w};
            t[k++] = (nbw){d, s, w};
        } else if (which == 0) {
            t[k++] = (nbw){s, d, w};
        } else {
            t[k++] = (nbw){d, s, w};
        }
    }
    qsort(t, k, sizeof *t, cmp_nbw);
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u && t[u - 1].node == t[i].node && t[u - 1].nb == t[i].nb) t[u - 1].w += t[i].w;
        else t[u++] = t[i];
    }
    a->adj = malloc((u + 1) * sizeof *a->adj);
    a->w = malloc((u + 1) * sizeof *a->w);
    if (!a->adj || !a->w) { free(t); csr_free(a); return -1; }
    for (size_t i = 0; i < u; i++) {
        a->first[t[i].node + 1]++;
        a->adj[i] = t[i].nb;
        a->w[i] = t[i].w;
    }
    for (size_t i = 0; i < g->n; i++) a->first[i + 1] += a->first[i];
    free(t);
    return 0;
}

static int csr_has(const csr *a, uint32_t i, uint32_t j)
{
    uint32_t lo = a->first[i], hi = a->first[i + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (a->adj[mid] < j) lo = mid + 1; else hi = mid;
    }
    return lo < a->first[i + 1] && a->adj[lo] == j;
}

/* ---- Burt's effective size -------------------------------------------------- */

px_status px_graph_effective_size(const px_graph *g, double *res, px_error *err)
{
    csr a;
    if (csr_build(g, 2, &a)) return nomem(err, "effective size");
    double *p = calloc(g->n + 1, sizeof *p);      /* p_iq for q in N(i), else 0 */
    double *maxw = calloc(g->n + 1, sizeof *maxw);
    if (!p || !maxw) { free(p); free(maxw); csr_free(&a); return nomem(err, "effective size"); }
    for (size_t j = 0; j < g->n; j++)
        for (uint32_t k = a.first[j]; k < a.first[j + 1]; k++)
            if (a.w[k] > maxw[j]) maxw[j] = a.w[k];
    for (size_t i = 0; i < g->n; i++) {
        if ((i & 1023) == 0 && px_runtime_interrupted()) {
            free(p); free(maxw); csr_free(&a);
            return px_error_set(err, PX_EINTR, "effective size: interrupted");
        }
        uint32_t b = a.first[i], e = a.first[i + 1];
        if (b == e) { res[i] = NAN; continue; }
        double total = 0;
        for (uint32_t k = b; k < e; k++) total += a.w[k];
        for (uint32_t k = b; k < e; k++) p[a.adj[k]] = a.w[k] / total;
        double es = 0;
        for (uint32_t k = b; k < e; k++) {
            uint32_t j = a.adj[k];
            double redundancy = 0;
            for (uint32_t l = a.first[j]; l < a.first[j + 1]; l++) {
                uint32_t q = a.adj[l];
                if (q == i || q == j) continue;
                redundancy += p[q] * (maxw[j] > 0 ? a.w[l] / maxw[j] : 0);
            }
            es += 1 - redundancy;
        }
        res[i] = es;
        for (uint32_t k = b; k < e; k++) p[a.adj[k]] = 0;
    }
    free(p); free(maxw); csr_free(&a);
    return PX_OK;
}

/* ---- Borgatti-Everett core-periphery ------------------------------------------ */

typedef struct cp_state {
    double n, m;                /* nodes, undirected ties */
    double nc;                  /* core size */
    double ecc, epp;            /* ties inside core, inside periphery */
    int variant;
} cp_state;

/* Pearson correlation of ties with the ideal pattern over the included
 * pairs; -INFINITY when undefined (a constant vector). */
static double cp_fit(const cp_state *s)
{
    double np = s->n - s->nc;
    double ncc = s->nc * (s->nc - 1) / 2, npp = np * (np - 1) / 2;
    double N, sd, sa, sad;
    if (s->variant == 0) {
        N = ncc + npp; sd = ncc; sa = s->ecc + s->epp; sad = s->ecc;
    } else {
        N = s->n * (s->n - 1) / 2; sd = ncc + s->nc * np; sa = s->m;
        sad = s->m - s->epp;
    }
    double den = (N * sd - sd * sd) * (N * sa - sa * sa);
    if (!(den > 0)) return -INFINITY;
    return (N * sad - sa * sd) / sqrt(den);
}

static const double *cp_key;
static int cmp_by_key_desc(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (cp_key[x] != cp_key[y]) return cp_key[x] > cp_key[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

px_status px_graph_core_periphery(const px_graph *g, int variant, uint8_t *core, double *fit,
                                  px_error *err)
{
    csr a;
    if (csr_build(g, 2, &a)) return nomem(err, "core-periphery");
    size_t n = g->n;
    double *deg = malloc((n + 1) * sizeof *deg);
    double *dc = calloc(n + 1, sizeof *dc);      /* neighbours in the core */
    uint32_t *order = malloc((n + 1) * sizeof *order);
    if (!deg || !dc || !order) {
        free(deg); free(dc); free(order); csr_free(&a);
        return nomem(err, "core-periphery");
    }
    double m = 0;
    for (size_t i = 0; i < n; i++) {
        deg[i] = a.first[i + 1] - a.first[i];
        m += deg[i];
        order[i] = (uint32_t)i;
        core[i] = 0;
    }
    m /= 2;
    /* 1. the best cut of the degree order (ties: lower node first).
     * qsort with a file-static key: the core holds no other global state
     * and this runs under the same serialisation as igraph. */
    cp_key = deg;
    qsort(order, n, sizeof *order, cmp_by_key_desc);
    cp_key = NULL;
    cp_state s = {(double)n, m, 0, 0, m, variant};
    double best = -INFINITY;
    size_t best_k = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t v = order[k];
        /* move v to the core */
        s.ecc += dc[v];
        s.epp -= deg[v] - dc[v];
        s.nc += 1;
        for (uint32_t l = a.first[v]; l < a.first[v + 1]; l++) dc[a.adj[l]] += 1;
        double f = cp_fit(&s);
        if (f > best + 1e-12) { best = f; best_k = k + 1; }
    }
    /* reset to that cut */
    memset(dc, 0, (n + 1) * sizeof *dc);
    s.nc = 0; s.ecc = 0; s.epp = m;
    for (size_t k = 0; k < best_k; k++) {
        uint32_t v = order[k];
        s.ecc += dc[v];
        s.epp -= deg[v] - dc[v];
        s.nc += 1;
        core[v] = 1;
        for (uint32_t l = a.first[v]; l < a.first[v + 1]; l++) dc[a.adj[l]] += 1;
    }
    /* 2. single-node moves while the fit improves (best move first) */
    double cur = cp_fit(&s);
    for (size_t iter = 0; iter < 10 * n + 10; iter++) {
        if (px_runtime_interrupted()) {
            free(deg); free(dc); free(order); csr_free(&a);
            return px_error_set(err, PX_EINTR, "core-periphery: interrupted");
        }
        double bf = cur;
        size_t bv = n;
        for (size_t v = 0; v < n; v++) {
            cp_state t = s;
            if (core[v]) {       /* to the periphery */
                t.ecc -= dc[v];
                t.epp += deg[v] - dc[v];
                t.nc -= 1;
            } else {
                t.ecc += dc[v];
                t.epp -= deg[v] - dc[v];
                t.nc += 1;
            }
            double f = cp_fit(&t);
            if (f > bf + 1e-12) { bf = f; bv = v; }
        }
        if (bv == n) break;
        double sign = core[bv] ? -1 : 1;
        if (core[bv]) { s.ecc -= dc[bv]; s.epp += deg[bv] - dc[bv]; s.nc -= 1; }
        else { s.ecc += dc[bv]; s.epp -= deg[bv] - dc[bv]; s.nc += 1; }
        core[bv] = !core[bv];
        for (uint32_t l = a.first[bv]; l < a.first[bv + 1]; l++) dc[a.adj[l]] += sign;
        cur = bf;
    }
    *fit = isinf(cur) ? NAN : cur;
    free(deg); free(dc); free(order); csr_free(&a);
    return PX_OK;
}

/* ---- Gould-Fernandez brokerage ------------------------------------------------- */

static inline int broker_role(int ga, int gv, int gb)
{
    if (ga == gv && gv == gb) return PX_BROKER_COORDINATOR;
    if (ga == gb) return PX_BROKER_ITINERANT;
    if (ga == gv) return PX_BROKER_REPRESENTATIVE;
    if (gv == gb) return PX_BROKER_GATEKEEPER;
    return PX_BROKER_LIAISON;
}

/* splitmix64: a small generator of our own, seeded per call (no state
 * outside it). */
static inline uint64_t mix_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

px_status px_graph_brokerage(const px_graph *g, const int *groups, double *res, px_error *err)
{
    csr out, in;
    if (csr_build(g, 0, &out)) return nomem(err, "brokerage");
    if (csr_build(g, 1, &in)) { csr_free(&out); return nomem(err, "brokerage"); }
    memset(res, 0, g->n * PX_BROKER_ROLES * sizeof *res);
    for (size_t v = 0; v < g->n; v++) {
        if ((v & 255) == 0 && px_runtime_interrupted()) {
            csr_free(&out); csr_free(&in);
            return px_error_set(err, PX_EINTR, "brokerage: interrupted");
        }
        int gv = groups[v];
        for (uint32_t x = in.first[v]; x < in.first[v + 1]; x++) {
            uint32_t a = in.adj[x];
            int ga = groups[a];
            for (uint32_t y = out.first[v]; y < out.first[v + 1]; y++) {
                uint32_t b = out.adj[y];
                if (b == a || csr_has(&out, a, b)) continue;
                res[v * PX_BROKER_ROLES + broker_role(ga, gv, groups[b])] += 1;
            }
        }
    }
    csr_free(&out); csr_free(&in);
    return PX_OK;
}

px_status px_graph_brokerage_null(const px_graph *g, const int *groups, unsigned rounds,
                                  uint64_t seed, double *mean, double *sd, px_error *err)
{
    if (rounds < 2) return px_error_set(err, PX_EINVAL, "brokerage: the null needs at least 2 rounds");
    size_t n = g->n, cells = n * PX_BROKER_ROLES;
    csr out, in;
    if (csr_build(g, 0, &out)) return nomem(err, "brokerage");
    if (csr_build(g, 1, &in)) { csr_free(&out); return nomem(err, "brokerage"); }
    /* the open two-paths, found once: a, v, b */
    PX_VEC(uint32_t) paths = {0};
    px_status st = PX_OK;
    for (size_t v = 0; v < n && st == PX_OK; v++)
        for (uint32_t x = in.first[v]; x < in.first[v + 1] && st == PX_OK; x++) {
            uint32_t a = in.adj[x];
            for (uint32_t y = out.first[v]; y < out.first[v + 1]; y++) {
                uint32_t b = out.adj[y];
                if (b == a || csr_has(&out, a, b)) continue;
                if (PX_VEC_RESERVE(paths, paths.n + 3)) { st = nomem(err, "brokerage"); break; }
                paths.v[paths.n++] = a;
                paths.v[paths.n++] = (uint32_t)v;
                paths.v[paths.n++] = b;
            }
        }
    csr_free(&out); csr_free(&in);
    int *perm = malloc((n + 1) * sizeof *perm);
    double *count = malloc((cells + 1) * sizeof *count);
    double *sum2 = calloc(cells + 1, sizeof *sum2);
    if (st == PX_OK && (!perm || !count || !sum2)) st = nomem(err, "brokerage");
    if (st == PX_OK) {
        memset(mean, 0, cells * sizeof *mean);
        memcpy(perm, groups, n * sizeof *perm);
        uint64_t rng = seed;
        for (unsigned r = 0; r < rounds && st == PX_OK; r++) {
            if (px_runtime_interrupted()) { st = px_error_set(err, PX_EINTR, "brokerage: interrupted"); break; }
            for (size_t i = n; i > 1; i--) {   /* Fisher-Yates */
                size_t j = (size_t)(mix_next(&rng) % i);
                int t = perm[i - 1]; perm[i - 1] = perm[j]; perm[j] = t;
            }
            memset(count, 0, cells * sizeof *count);
            for (size_t p = 0; p < paths.n; p += 3) {
                uint32_t a = paths.v[p], v = paths.v[p + 1], b = paths.v[p + 2];
                count[(size_t)v * PX_BROKER_ROLES + broker_role(perm[a], perm[v], perm[b])] += 1;
            }
            for (size_t k = 0; k < cells; k++) {
                mean[k] += count[k];
                sum2[k] += count[k] * count[k];
            }
        }
        if (st == PX_OK)
            for (size_t k = 0; k < cells; k++) {
                double m = mean[k] / rounds;
                double var = (sum2[k] - rounds * m * m) / (rounds - 1);
                mean[k] = m;
                sd[k] = var > 0 ? sqrt(var) : 0;
            }
    }
    free(perm); free(count); free(sum2);
    PX_VEC_FREE(paths);
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

/* ---- tie persistence ------------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int has_u64(const uint64_t *v, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo < n && v[lo] == x;
}

void px_persistence_destroy(px_persistence *p)
{
    free(p->source); free(p->target); free(p->present); free(p->both); free(p->jaccard);
    memset(p, 0, sizeof *p);
}

px_status px_graph_persistence(const px_graph *const *graphs, size_t k, px_persistence *out,
                               px_error *err)
{
    memset(out, 0, sizeof *out);
    int directed = 1;
    for (size_t t = 0; t < k; t++) if (!graphs[t]->directed) directed = 0;
    uint64_t **keys = calloc(k + 1, sizeof *keys);
    size_t *nk = calloc(k + 1, sizeof *nk);
    size_t total = 0;
    uint64_t *all = NULL;
    px_status st = PX_OK;
    if (!keys || !nk) { st = nomem(err, "persistence"); goto done; }
    for (size_t t = 0; t < k; t++) {
        const px_graph *g = graphs[t];
        keys[t] = malloc((g->m + 1) * sizeof **keys);
        if (!keys[t]) { st = nomem(err, "persistence"); goto done; }
        for (size_t e = 0; e < g->m; e++) {
            uint32_t s = g->part[g->from[e]], d = g->part[g->to[e]];
            if (!directed && s > d) { uint32_t x = s; s = d; d = x; }
            keys[t][e] = (uint64_t)s << 32 | d;
        }
        qsort(keys[t], g->m, sizeof **keys, cmp_u64);
        size_t u = 0;
        for (size_t e = 0; e < g->m; e++)
            if (!u || keys[t][u - 1] != keys[t][e]) keys[t][u++] = keys[t][e];
        nk[t] = u;
        total += u;
    }
    all = malloc((total + 1) * sizeof *all);
    out->jaccard = malloc((k + 1) * sizeof *out->jaccard);
    if (!all || !out->jaccard) { st = nomem(err, "persistence"); goto done; }
    size_t n = 0;
    for (size_t t = 0; t < k; t++) {
        memcpy(all + n, keys[t], nk[t] * sizeof *all);
        n += nk[t];
    }
    qsort(all, n, sizeof *all, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) if (!u || all[u - 1] != all[i]) all[u++] = all[i];
    out->source = malloc((u + 1) * sizeof *out->source);
    out->target = malloc((u + 1) * sizeof *out->target);
    out->present = malloc((u + 1) * sizeof *out->present);
    out->both = malloc((u + 1) * sizeof *out->both);
    if (!out->source || !out->target || !out->present || !out->both) {
        st = nomem(err, "persistence");
        goto done;
    }
    for (size_t i = 0; i < u; i++) {
        uint32_t s = (uint32_t)(all[i] >> 32), d = (uint32_t)(all[i] & 0xffffffffu);
        uint32_t present = 0, both = 0;
        for (size_t t = 0; t < k; t++) {
            if (has_u64(keys[t], nk[t], all[i])) present++;
            if (px_graph_find(graphs[t], s) != PX_NONE && px_graph_find(graphs[t], d) != PX_NONE)
                both++;
        }
        out->source[i] = s;
        out->target[i] = d;
        out->present[i] = present;
        out->both[i] = both;
    }
    out->n = u;
    for (size_t t = 0; t + 1 < k; t++) {
        size_t a = 0, b = 0, inter = 0, uni = 0;
        while (a < nk[t] || b < nk[t + 1]) {
            if (b == nk[t + 1] || (a < nk[t] && keys[t][a] < keys[t + 1][b])) { a++; uni++; }
            else if (a == nk[t] || keys[t + 1][b] < keys[t][a]) { b++; uni++; }
            else { a++; b++; inter++; uni++; }
        }
        out->jaccard[t] = uni ? (double)inter / (double)uni : NAN;
    }
done:
    if (keys) for (size_t t = 0; t < k; t++) free(keys[t]);
    free(keys); free(nk); free(all);
    if (st != PX_OK) px_persistence_destroy(out);
    return st;
}

/* ---- writing ------------------------------------------------------------------ */

static void put_xml(FILE *f, const char *s)
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

static const char *pid(const px_graph *g, const px_corpus *c, size_t i)
{
    return px_str_get(c, c->participants.v[g->part[i]].id);
}

static const char *pname(const px_graph *g, const px_corpus *c, size_t i)
{
    const px_participant *p = &c->participants.v[g->part[i]];
    return p->name ? px_str_get(c, p->name) : px_str_get(c, p->id);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    if (a < b) return 0;
    for (size_t i = 0; i < b; i++) {
        char x = s[a - b + i];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (x != suffix[i]) return 0;
    }
    return 1;
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
        fputs("    <node id=\"", f); put_xml(f, pid(g, c, i));
        fputs("\"><data key=\"name\">", f); put_xml(f, pid(g, c, i));
        fputs("</data><data key=\"label\">", f); put_xml(f, pname(g, c, i));
        fputs("</data></node>\n", f);
    }
    for (size_t e = 0; e < g->m; e++) {
        fputs("    <edge source=\"", f); put_xml(f, pid(g, c, g->from[e]));
        fputs("\" target=\"", f); put_xml(f, pid(g, c, g->to[e]));
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
        fputs("  \"", f); put_quoted(f, pid(g, c, i));
        fputs("\" [label=\"", f); put_quoted(f, pname(g, c, i)); fputs("\"];\n", f);
    }
    for (size_t e = 0; e < g->m; e++) {
        fputs("  \"", f); put_quoted(f, pid(g, c, g->from[e]));
        fputs(g->directed ? "\" -> \"" : "\" -- \"", f); put_quoted(f, pid(g, c, g->to[e]));
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
        fputs(i ? ",\n  {\"id\": \"" : "\n  {\"id\": \"", f); put_quoted(f, pid(g, c, i));
        fputs("\", \"name\": \"", f); put_quoted(f, pname(g, c, i)); fputs("\"}", f);
    }
    fputs("],\n \"links\": [", f);
    for (size_t e = 0; e < g->m; e++) {
        fputs(e ? ",\n  {\"source\": \"" : "\n  {\"source\": \"", f);
        put_quoted(f, pid(g, c, g->from[e]));
        fputs("\", \"target\": \"", f); put_quoted(f, pid(g, c, g->to[e]));
        fputs("\", \"weight\": ", f); put_num(f, VECTOR(g->w)[e]); fputs("}", f);
    }
    fputs("]}\n", f);
    return PX_OK;
}

static px_status write_csv(const px_graph *g, const px_corpus *c, const char *path, FILE *f,
                           px_error *err)
{
    fputs("source,target,weight\n", f);
    for (size_t e = 0; e < g->m; e++) {
        put_csv(f, pid(g, c, g->from[e])); fputc(',', f);
        put_csv(f, pid(g, c, g->to[e])); fputc(',', f);
        put_num(f, VECTOR(g->w)[e]); fputc('\n', f);
    }
    size_t len = strlen(path);
    char *np = malloc(len + 16);
    if (!np) return nomem(err, "write");
    memcpy(np, path, len - 4);
    strcpy(np + len - 4, "_nodes.csv");
    FILE *nf = fopen(np, "w");
    if (!nf) {
        px_status st = px_error_set(err, PX_EIO, "cannot write %s", np);
        free(np);
        return st;
    }
    fputs("id,name\n", nf);
    for (size_t i = 0; i < g->n; i++) {
        put_csv(nf, pid(g, c, i)); fputc(',', nf); put_csv(nf, pname(g, c, i)); fputc('\n', nf);
    }
    int bad = ferror(nf) | (fclose(nf) != 0);
    px_status st = bad ? px_error_set(err, PX_EIO, "cannot write %s", np) : PX_OK;
    free(np);
    return st;
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
            put_csv(f, pid(g, c, g->from[e])); fputc(',', f);
            put_csv(f, pid(g, c, g->to[e])); fputc(',', f);
            put_num(f, VECTOR(g->w)[e]); fputc('\n', f);
        }
        return PX_OK;
    case PX_GRAPH_NODES_CSV:
        fputs("id,name\n", f);
        for (size_t i = 0; i < g->n; i++) {
            put_csv(f, pid(g, c, i)); fputc(',', f); put_csv(f, pname(g, c, i)); fputc('\n', f);
        }
        return PX_OK;
    }
    return px_error_set(err, PX_EINVAL, "unknown graph format");
}

px_status px_graph_write(const px_graph *g, const px_corpus *c, const char *path,
                         px_error *err)
{
    int kind;
    if (ends_with(path, ".graphml")) kind = 0;
    else if (ends_with(path, ".dot") || ends_with(path, ".gv")) kind = 1;
    else if (ends_with(path, ".json")) kind = 2;
    else if (ends_with(path, ".csv")) kind = 3;
    else
        return px_error_set(err, PX_EINVAL, "cannot tell the format of %s: name it .graphml, "
                            ".dot, .gv, .json or .csv", path);
    FILE *f = fopen(path, "w");
    if (!f) return px_error_set(err, PX_EIO, "cannot write %s", path);
    px_status st = kind == 0 ? write_graphml(g, c, f) : kind == 1 ? write_dot(g, c, f)
                 : kind == 2 ? write_json(g, c, f) : write_csv(g, c, path, f, err);
    int bad = ferror(f) | (fclose(f) != 0);
    if (st == PX_OK && bad) st = px_error_set(err, PX_EIO, "cannot write %s", path);
    return st;
}

/* ---- drawing -------------------------------------------------------------------- */

static const char *const palette[] = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
#define NPALETTE (sizeof palette / sizeof *palette)

px_status px_graph_draw(const px_graph *g, const px_corpus *c, const char *path,
                        const px_draw_options *opt, px_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f) return px_error_set(err, PX_EIO, "cannot write %s", path);
    px_status st = px_graph_draw_file(g, c, f, opt, err);
    int bad = ferror(f) | (fclose(f) != 0);
    if (st == PX_OK && bad) st = px_error_set(err, PX_EIO, "cannot write %s", path);
    return st;
}

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
        put_xml(f, opt->title);
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
        put_xml(f, pid(g, c, a));
        fputs(g->directed ? " -> " : " -- ", f);
        put_xml(f, pid(g, c, b));
        fprintf(f, ": %g</title></line>\n", VECTOR(g->w)[e]);
    }
    fputs("  </g>\n  <g class=\"nodes\" stroke=\"white\" stroke-width=\"1.5\">\n", f);
    uint32_t ncom = 0;
    for (size_t i = 0; i < n; i++) {
        if (com[i] + 1 > ncom) ncom = com[i] + 1;
        fprintf(f, "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>", xy[2 * i],
                xy[2 * i + 1], rad[i], com[i] < NPALETTE ? palette[com[i]] : "#cccccc");
        put_xml(f, pname(g, c, i));
        fprintf(f, " (strength %g, community %u)</title></circle>\n", str[i], com[i] + 1);
    }
    fputs("  </g>\n  <g class=\"labels\" font-size=\"11\" fill=\"#222\">\n", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "    <text x=\"%.1f\" y=\"%.1f\">", xy[2 * i] + rad[i] + 2, xy[2 * i + 1] + 4);
        put_xml(f, pname(g, c, i));
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
