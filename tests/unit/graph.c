/* graph.c - hand-worked graphs for every measure of core/graph.c (the
 * igraph-backed ones, on graphs small enough to check by hand) and of
 * core/graph_extra.c (core-periphery against brute force, brokerage,
 * effective size, persistence). */
#include "unit.h"
#include "px_graph.h"

#include <math.h>

static px_graph *make(const uint32_t *nodes, size_t n, const uint32_t *edges, size_t m,
                      const double *w, int directed)
{
    px_error err;
    px_error_clear(&err);
    px_graph *g = px_graph_open_edges(nodes, n, edges, w, m, directed, &err);
    if (!g) { printf("FAIL: graph: %s\n", err.msg); exit(1); }
    return g;
}

static const uint32_t ids[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

static void path_graph(void)
{
    px_error err;
    px_error_clear(&err);
    const uint32_t e[] = {0, 1, 1, 2};
    px_graph *g = make(ids, 3, e, 2, NULL, 0);
    double v[3], x;
    CHECK_EQ_INT(px_graph_node_count(g), 3);
    CHECK_EQ_INT(px_graph_edge_count(g), 2);
    CHECK_NEAR(px_graph_density(g), 2.0 / 3, 1e-12);
    CHECK(px_graph_diameter(g, &x, &err) == PX_OK);
    CHECK_NEAR(x, 2, 1e-12);
    CHECK(px_graph_average_path_length(g, &x, &err) == PX_OK);
    CHECK_NEAR(x, 4.0 / 3, 1e-12);
    CHECK(px_graph_betweenness(g, 1, 0, v, &err) == PX_OK);
    CHECK_NEAR(v[1], 1, 1e-12);
    CHECK_NEAR(v[0], 0, 1e-12);
    CHECK(px_graph_betweenness(g, 0, 0, v, &err) == PX_OK);
    CHECK_NEAR(v[1], 1, 1e-12);
    CHECK(px_graph_closeness(g, PX_MODE_ALL, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 2.0 / 3, 1e-12);
    CHECK_NEAR(v[1], 1, 1e-12);
    CHECK(px_graph_clustering(g, v, &err) == PX_OK);
    CHECK_NEAR(v[1], 0, 1e-12);
    CHECK(px_graph_coreness(g, PX_MODE_ALL, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 1, 0);
    CHECK_NEAR(v[1], 1, 0);
    px_graph_free(g);
}

static void disconnected(void)
{
    px_error err;
    px_error_clear(&err);
    /* 0-1, 2 alone: Wasserman-Faust closeness, reachable pairs only */
    const uint32_t e[] = {0, 1};
    px_graph *g = make(ids, 3, e, 1, NULL, 0);
    double v[3], x;
    size_t k;
    uint32_t mem[3];
    CHECK(px_graph_closeness(g, PX_MODE_ALL, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 0.5, 1e-12);
    CHECK_NEAR(v[2], 0, 1e-12);
    CHECK(px_graph_diameter(g, &x, &err) == PX_OK);
    CHECK_NEAR(x, 1, 1e-12);
    CHECK(px_graph_average_path_length(g, &x, &err) == PX_OK);
    CHECK_NEAR(x, 1, 1e-12);
    CHECK(px_graph_components(g, mem, &k, &err) == PX_OK);
    CHECK_EQ_INT(k, 2);
    CHECK_EQ_INT(mem[0], 0);
    CHECK_EQ_INT(mem[1], 0);
    CHECK_EQ_INT(mem[2], 1);
    px_graph_free(g);
}

static void directed(void)
{
    px_error err;
    px_error_clear(&err);
    /* 0<->1, 1->2; the same edge twice sums its weight */
    const uint32_t e[] = {0, 1, 1, 0, 1, 2, 1, 2};
    px_graph *g = make(ids, 3, e, 4, NULL, 1);
    double v[3], x;
    CHECK_EQ_INT(px_graph_edge_count(g), 3);
    CHECK_NEAR(px_graph_density(g), 0.5, 1e-12);
    CHECK(px_graph_reciprocity(g, &x, &err) == PX_OK);
    CHECK_NEAR(x, 2.0 / 3, 1e-12);
    CHECK(px_graph_strength(g, PX_MODE_OUT, v, &err) == PX_OK);
    CHECK_NEAR(v[1], 3, 1e-12);
    CHECK(px_graph_degree(g, PX_MODE_IN, v, &err) == PX_OK);
    CHECK_NEAR(v[2], 1, 0);
    CHECK_NEAR(v[1], 1, 0);
    /* directed betweenness, normalised by (n-1)(n-2): 0->2 passes 1 */
    CHECK(px_graph_betweenness(g, 1, 0, v, &err) == PX_OK);
    CHECK_NEAR(v[1], 0.5, 1e-12);
    px_graph_free(g);
}

static void star(void)
{
    px_error err;
    px_error_clear(&err);
    const uint32_t e[] = {0, 1, 0, 2, 0, 3};
    px_graph *g = make(ids, 4, e, 3, NULL, 0);
    double v[4];
    CHECK(px_graph_eigenvector(g, 0, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 1 / sqrt(2), 1e-9);
    CHECK_NEAR(v[1], 1 / sqrt(6), 1e-9);
    CHECK(px_graph_constraint(g, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 1.0 / 3, 1e-12);
    CHECK_NEAR(v[1], 1, 1e-12);
    CHECK(px_graph_pagerank(g, 0.85, 1, v, &err) == PX_OK);
    CHECK_NEAR(v[0] + v[1] + v[2] + v[3], 1, 1e-9);
    CHECK(v[0] > v[1]);
    px_graph_free(g);
}

static void communities(void)
{
    px_error err;
    px_error_clear(&err);
    /* two triangles joined by one edge: Q = 2 (3/7 - (7/14)^2) */
    const uint32_t e[] = {0, 1, 1, 2, 0, 2, 3, 4, 4, 5, 3, 5, 2, 3};
    px_graph *g = make(ids, 6, e, 7, NULL, 0);
    uint32_t mem[6], mem2[6];
    double q;
    for (int method = 0; method < 2; method++) {
        CHECK(px_graph_communities(g, method, 42, mem, &q, &err) == PX_OK);
        CHECK_EQ_INT(mem[0], 0);
        CHECK_EQ_INT(mem[1], 0);
        CHECK_EQ_INT(mem[2], 0);
        CHECK_EQ_INT(mem[3], 1);
        CHECK_EQ_INT(mem[5], 1);
        CHECK_NEAR(q, 2 * (3.0 / 7 - 0.25), 1e-12);
        CHECK(px_graph_communities(g, method, 42, mem2, NULL, &err) == PX_OK);
        CHECK(memcmp(mem, mem2, sizeof mem) == 0);
    }
    px_graph_free(g);
}

/* ---- written here ---- */

static void brokerage(void)
{
    px_error err;
    px_error_clear(&err);
    /* groups A A B B C A; worked by hand in docs/networks.md */
    const uint32_t e[] = {0, 1, 1, 2, 2, 3, 1, 3, 3, 0, 2, 4, 1, 5};
    const int groups[] = {0, 0, 1, 1, 2, 0};
    px_graph *g = make(ids, 6, e, 7, NULL, 1);
    double r[6 * PX_BROKER_ROLES];
    CHECK(px_graph_brokerage(g, groups, r, &err) == PX_OK);
#define R(v, role) r[(v) * PX_BROKER_ROLES + PX_BROKER_##role]
    CHECK_NEAR(R(0, GATEKEEPER), 1, 0);
    CHECK_NEAR(R(0, COORDINATOR) + R(0, ITINERANT) + R(0, REPRESENTATIVE) + R(0, LIAISON), 0, 0);
    CHECK_NEAR(R(1, REPRESENTATIVE), 2, 0);
    CHECK_NEAR(R(1, COORDINATOR), 1, 0);
    CHECK_NEAR(R(2, LIAISON), 1, 0);
    CHECK_NEAR(R(2, REPRESENTATIVE) + R(2, GATEKEEPER), 0, 0);
    CHECK_NEAR(R(3, REPRESENTATIVE), 1, 0);
    CHECK_NEAR(R(3, ITINERANT), 1, 0);
    double s = 0;
    for (int k = 0; k < PX_BROKER_ROLES; k++) s += R(4, COORDINATOR + k) + R(5, COORDINATOR + k);
    CHECK_NEAR(s, 0, 0);
#undef R
    px_graph_free(g);
}

/* The null of shuffled groups against its exact values: the 720
 * orderings of the six labels of brokerage()'s graph are equally likely,
 * so the mean and standard deviation of each node's count in each role
 * over all of them (counted with px_graph_brokerage) are what 20,000
 * seeded rounds must come near. */
static int next_permutation(int *a, int n)
{
    int i = n - 2;
    while (i >= 0 && a[i] >= a[i + 1]) i--;
    if (i < 0) return 0;
    int j = n - 1;
    while (a[j] <= a[i]) j--;
    int t = a[i]; a[i] = a[j]; a[j] = t;
    for (int l = i + 1, r = n - 1; l < r; l++, r--) { t = a[l]; a[l] = a[r]; a[r] = t; }
    return 1;
}

static void brokerage_null(void)
{
    px_error err;
    px_error_clear(&err);
    const uint32_t e[] = {0, 1, 1, 2, 2, 3, 1, 3, 3, 0, 2, 4, 1, 5};
    const int groups[] = {0, 0, 1, 1, 2, 0};
    px_graph *g = make(ids, 6, e, 7, NULL, 1);
    enum { CELLS = 6 * PX_BROKER_ROLES };
    /* exact: every ordering of the positions, labels read through it */
    double sum[CELLS] = {0}, sum2[CELLS] = {0}, r[CELLS];
    int order[6] = {0, 1, 2, 3, 4, 5}, perm[6], orderings = 0, ok = 1;
    do {
        for (int i = 0; i < 6; i++) perm[i] = groups[order[i]];
        ok &= px_graph_brokerage(g, perm, r, &err) == PX_OK;
        for (int k = 0; k < CELLS; k++) { sum[k] += r[k]; sum2[k] += r[k] * r[k]; }
        orderings++;
    } while (next_permutation(order, 6));
    CHECK(ok);
    CHECK_EQ_INT(orderings, 720);
    double mean[CELLS], sd[CELLS];
    CHECK(px_graph_brokerage_null(g, groups, 20000, 7, mean, sd, &err) == PX_OK);
    int near = 1, varied = 0;
    for (int k = 0; k < CELLS; k++) {
        double m = sum[k] / 720, v = sum2[k] / 720 - m * m;
        double s = v > 0 ? sqrt(v) : 0;
        if (fabs(mean[k] - m) > 0.03 || fabs(sd[k] - s) > 0.03) {
            near = 0;
            printf("  cell %d: null mean %.4f sd %.4f, exact %.4f %.4f\n", k, mean[k], sd[k], m, s);
        }
        if (s > 0.1) varied++;
    }
    CHECK(near);
    CHECK(varied >= 6);   /* the comparison is not among zeros only */
    /* node 4 and 5 sit on no open two-path: nothing varies there */
    for (int k = 0; k < PX_BROKER_ROLES; k++) CHECK_NEAR(sd[4 * PX_BROKER_ROLES + k], 0, 0);
    /* the same seed, the same null */
    double mean2[CELLS], sd2[CELLS];
    CHECK(px_graph_brokerage_null(g, groups, 20000, 7, mean2, sd2, &err) == PX_OK);
    CHECK(memcmp(mean, mean2, sizeof mean) == 0 && memcmp(sd, sd2, sizeof sd) == 0);
    CHECK(px_graph_brokerage_null(g, groups, 1, 7, mean2, sd2, &err) == PX_EINVAL);
    px_graph_free(g);
}

static void effective_size(void)
{
    px_error err;
    px_error_clear(&err);
    /* 0 tied to 1, 2, 3; 1-2 tied; 4 alone. Unweighted: n - 2t/n */
    const uint32_t e[] = {0, 1, 0, 2, 0, 3, 1, 2};
    px_graph *g = make(ids, 5, e, 4, NULL, 0);
    double v[5];
    CHECK(px_graph_effective_size(g, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 3 - 2.0 / 3, 1e-12);
    CHECK_NEAR(v[1], 1, 1e-12);
    CHECK_NEAR(v[3], 1, 1e-12);
    CHECK_NAN(v[4]);
    px_graph_free(g);
    /* weighted: 0-1 (2), 0-2 (1), 1-2 (1). p_01 = 2/3, p_02 = 1/3;
     * m_12 = 1/max(2,1) = 1/2, m_21 = 1/max(1,1) = 1.
     * ES_0 = (1 - p_02 m_12) + (1 - p_01 m_21) = (1 - 1/6) + (1 - 2/3) = 7/6 */
    const uint32_t e2[] = {0, 1, 0, 2, 1, 2};
    const double w2[] = {2, 1, 1};
    g = make(ids, 3, e2, 3, w2, 0);
    CHECK(px_graph_effective_size(g, v, &err) == PX_OK);
    CHECK_NEAR(v[0], 7.0 / 6, 1e-12);
    px_graph_free(g);
}

/* Best fit over every partition, for checking the greedy search. */
static double brute_cp(const uint32_t *e, size_t m, size_t n, int variant)
{
    double best = -2;
    for (uint32_t mask = 1; mask + 1 < (1u << n); mask++) {
        double N = 0, sd = 0, sa = 0, sad = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++) {
                int ci = (mask >> i) & 1, cj = (mask >> j) & 1;
                double d;
                if (ci && cj) d = 1;
                else if (!ci && !cj) d = 0;
                else if (variant == 0) continue;
                else d = 1;
                double a = 0;
                for (size_t k = 0; k < m; k++)
                    if ((e[2 * k] == i && e[2 * k + 1] == j) || (e[2 * k] == j && e[2 * k + 1] == i))
                        a = 1;
                N += 1; sd += d; sa += a; sad += a * d;
            }
        double den = (N * sd - sd * sd) * (N * sa - sa * sa);
        if (den <= 0) continue;
        double r = (N * sad - sa * sd) / sqrt(den);
        if (r > best) best = r;
    }
    return best;
}

static void core_periphery(void)
{
    px_error err;
    px_error_clear(&err);
    /* a complete core 0-3, each with one pendant 4-7: a perfect pattern */
    const uint32_t e[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3, 0, 4, 1, 5, 2, 6, 3, 7};
    px_graph *g = make(ids, 8, e, 10, NULL, 0);
    uint8_t core[9];
    double fit;
    CHECK(px_graph_core_periphery(g, 0, core, &fit, &err) == PX_OK);
    CHECK_NEAR(fit, 1, 1e-12);
    for (int i = 0; i < 8; i++) CHECK_EQ_INT(core[i], i < 4);
    CHECK(px_graph_core_periphery(g, 1, core, &fit, &err) == PX_OK);
    CHECK_NEAR(fit, brute_cp(e, 10, 8, 1), 1e-12);
    px_graph_free(g);
    /* an irregular graph: the greedy search finds the optimum */
    const uint32_t e2[] = {0, 1, 0, 2, 1, 2, 2, 3, 3, 4, 0, 5, 5, 6, 1, 6, 6, 7, 2, 8, 4, 8, 0, 6};
    g = make(ids, 9, e2, 12, NULL, 0);
    for (int variant = 0; variant < 2; variant++) {
        CHECK(px_graph_core_periphery(g, variant, core, &fit, &err) == PX_OK);
        CHECK_NEAR(fit, brute_cp(e2, 12, 9, variant), 1e-9);
    }
    px_graph_free(g);
}

static void persistence(void)
{
    px_error err;
    px_error_clear(&err);
    const uint32_t n1[] = {1, 2, 3}, n2[] = {1, 2, 3, 4}, n3[] = {1, 2, 4};
    const uint32_t e1[] = {0, 1, 1, 2};        /* 1-2, 2-3 */
    const uint32_t e2[] = {0, 1, 2, 3};        /* 1-2, 3-4 */
    const uint32_t e3[] = {0, 1, 1, 2};        /* 1-2, 2-4 */
    const px_graph *gs[3] = {make(n1, 3, e1, 2, NULL, 0), make(n2, 4, e2, 2, NULL, 0),
                             make(n3, 3, e3, 2, NULL, 0)};
    px_persistence p;
    CHECK(px_graph_persistence(gs, 3, &p, &err) == PX_OK);
    CHECK_EQ_INT(p.n, 4);
    /* sorted by (source, target): 1-2, 2-3, 2-4, 3-4 */
    CHECK_EQ_INT(p.source[0], 1); CHECK_EQ_INT(p.target[0], 2);
    CHECK_EQ_INT(p.present[0], 3); CHECK_EQ_INT(p.both[0], 3);
    CHECK_EQ_INT(p.target[1], 3); CHECK_EQ_INT(p.present[1], 1); CHECK_EQ_INT(p.both[1], 2);
    CHECK_EQ_INT(p.target[2], 4); CHECK_EQ_INT(p.present[2], 1); CHECK_EQ_INT(p.both[2], 2);
    CHECK_EQ_INT(p.source[3], 3); CHECK_EQ_INT(p.present[3], 1); CHECK_EQ_INT(p.both[3], 1);
    CHECK_NEAR(p.jaccard[0], 1.0 / 3, 1e-12);
    CHECK_NEAR(p.jaccard[1], 1.0 / 3, 1e-12);
    px_persistence_destroy(&p);
    for (int i = 0; i < 3; i++) px_graph_free((px_graph *)gs[i]);
}

static void errors(void)
{
    px_error err;
    px_error_clear(&err);
    const uint32_t e[] = {0, 7};
    CHECK(px_graph_open_edges(ids, 2, e, NULL, 1, 0, &err) == NULL);
    CHECK_EQ_INT(err.code, PX_EINVAL);
    px_interactions ia;
    px_interactions_init(&ia, 0);
    px_error_clear(&err);
    CHECK(px_graph_open(&ia, PX_WEIGHT_COUNT, 1, &err) == NULL);
    CHECK_EQ_INT(err.code, PX_EINVAL);
    px_interactions_destroy(&ia);
    /* an empty graph answers without igraph errors */
    px_graph *g = make(ids, 0, NULL, 0, NULL, 0);
    double x;
    CHECK(px_graph_diameter(g, &x, &err) == PX_OK);
    CHECK_NAN(x);
    CHECK(px_graph_average_clustering(g, &x, &err) == PX_OK);
    px_graph_free(g);
}

int main(void)
{
    px_runtime_init();
    path_graph();
    disconnected();
    directed();
    star();
    communities();
    brokerage();
    brokerage_null();
    effective_size();
    core_periphery();
    persistence();
    errors();
    return unit_summary();
}
