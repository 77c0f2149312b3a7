/* graph_igraph.c - the graph step of tests/bench/graph.sh called on igraph
 * directly: read an edge list (CSV: source,target,weight as Praxis writes
 * it), then time building the directed weighted graph, exact betweenness
 * (directed, unweighted), coreness (in+out) and Louvain on the undirected
 * version with weights summed, with the same igraph calls Praxis makes.
 * Prints "seconds S" (CPU time of the timed part). */
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct kw { long long key; double w; } kw;

static int cmp_kw(const void *a, const void *b)
{
    long long x = ((const kw *)a)->key, y = ((const kw *)b)->key;
    return x < y ? -1 : x > y;
}

static char **names;
static size_t nnames, capnames;

static long find_name(const char *s)
{
    /* ids arrive mostly in order: a linear cache is enough for a bench,
     * but use a hash to stay O(1) */
    static long *slots;
    static size_t mask;
    if (!slots) { mask = (1u << 16) - 1; slots = calloc(mask + 1, sizeof *slots); }
    unsigned long h = 5381;
    for (const char *p = s; *p; p++) h = h * 33 + (unsigned char)*p;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!slots[i]) {
            if (nnames == capnames) {
                capnames = capnames ? 2 * capnames : 1024;
                names = realloc(names, capnames * sizeof *names);
            }
            names[nnames] = strdup(s);
            slots[i] = (long)++nnames;
            return (long)nnames - 1;
        }
        if (!strcmp(names[slots[i] - 1], s)) return slots[i] - 1;
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: graph_igraph EDGES.csv\n"); return 2; }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    char line[1024];
    size_t m = 0, cap = 1024;
    long *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
    double *w = malloc(cap * sizeof *w);
    if (!fgets(line, sizeof line, f)) return 2;   /* header */
    while (fgets(line, sizeof line, f)) {
        char *a = strtok(line, ","), *b = strtok(NULL, ","), *c = strtok(NULL, ",\n");
        if (!a || !b || !c) continue;
        if (m == cap) {
            cap *= 2;
            src = realloc(src, cap * sizeof *src);
            dst = realloc(dst, cap * sizeof *dst);
            w = realloc(w, cap * sizeof *w);
        }
        src[m] = find_name(a);
        dst[m] = find_name(b);
        w[m] = atof(c);
        m++;
    }
    fclose(f);

    double t0 = now();
    igraph_t g, u;
    igraph_vector_int_t ev, uev, cores, mem;
    igraph_vector_t weights, uw, bc;
    igraph_vector_int_init(&ev, (igraph_integer_t)(2 * m));
    igraph_vector_init(&weights, (igraph_integer_t)m);
    for (size_t i = 0; i < m; i++) {
        VECTOR(ev)[2 * i] = src[i];
        VECTOR(ev)[2 * i + 1] = dst[i];
        VECTOR(weights)[i] = w[i];
    }
    igraph_create(&g, &ev, (igraph_integer_t)nnames, IGRAPH_DIRECTED);
    igraph_vector_init(&bc, 0);
    igraph_betweenness(&g, &bc, igraph_vss_all(), 1, NULL);
    igraph_vector_int_init(&cores, 0);
    igraph_coreness(&g, &cores, IGRAPH_ALL);
    /* undirected version, weights summed */
    kw *k = malloc((m + 1) * sizeof *k);
    for (size_t i = 0; i < m; i++) {
        long a = src[i] < dst[i] ? src[i] : dst[i], b = src[i] < dst[i] ? dst[i] : src[i];
        k[i].key = (long long)a << 32 | b;
        k[i].w = w[i];
    }
    qsort(k, m, sizeof *k, cmp_kw);
    size_t n2 = 0;
    for (size_t i = 0; i < m; i++) {
        if (n2 && k[n2 - 1].key == k[i].key) k[n2 - 1].w += k[i].w;
        else k[n2++] = k[i];
    }
    igraph_vector_int_init(&uev, (igraph_integer_t)(2 * n2));
    igraph_vector_init(&uw, (igraph_integer_t)n2);
    for (size_t i = 0; i < n2; i++) {
        VECTOR(uev)[2 * i] = (igraph_integer_t)(k[i].key >> 32);
        VECTOR(uev)[2 * i + 1] = (igraph_integer_t)(k[i].key & 0xffffffff);
        VECTOR(uw)[i] = k[i].w;
    }
    igraph_create(&u, &uev, (igraph_integer_t)nnames, IGRAPH_UNDIRECTED);
    igraph_vector_int_init(&mem, 0);
    igraph_rng_seed(igraph_rng_default(), 1);
    igraph_community_multilevel(&u, &uw, 1.0, &mem, NULL, NULL);
    double t1 = now();
    igraph_integer_t ncom = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&mem); i++)
        if (VECTOR(mem)[i] + 1 > ncom) ncom = VECTOR(mem)[i] + 1;
    printf("nodes %zu edges %zu communities %ld\n", nnames, m, (long)ncom);
    printf("seconds %.4f\n", t1 - t0);
    return 0;
}
