/* graph_extra.c - the measures igraph lacks, written from their
 * formulas (docs/networks.md): Burt's effective size, Borgatti-Everett
 * core-periphery, Gould-Fernandez brokerage and its null model, tie
 * persistence across graphs. They read the aggregated edges of the graph
 * (graph_impl.h) through an adjacency in CSR form; none calls igraph. */
#include "graph_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* A node and its degree, for sorting by degree, highest first, ties by
 * lower node first. */
typedef struct node_deg { double deg; uint32_t node; } node_deg;

static int cmp_deg_desc(const void *a, const void *b)
{
    const node_deg *x = a, *y = b;
    if (x->deg != y->deg) return x->deg > y->deg ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
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
    node_deg *by_deg = malloc((n + 1) * sizeof *by_deg);
    if (!deg || !dc || !order || !by_deg) {
        free(deg); free(dc); free(order); free(by_deg); csr_free(&a);
        return nomem(err, "core-periphery");
    }
    double m = 0;
    for (size_t i = 0; i < n; i++) {
        deg[i] = a.first[i + 1] - a.first[i];
        m += deg[i];
        by_deg[i] = (node_deg){deg[i], (uint32_t)i};
        core[i] = 0;
    }
    m /= 2;
    /* 1. the best cut of the degree order (ties: lower node first) */
    qsort(by_deg, n, sizeof *by_deg, cmp_deg_desc);
    for (size_t i = 0; i < n; i++) order[i] = by_deg[i].node;
    free(by_deg);
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

