/* store.c - the string table (interning, truncation), the u64 map, prefaulting. */
#include "unit.h"

#include <sys/mman.h>
#include <sys/resource.h>

static void test_strtab(void)
{
    px_strtab t;
    CHECK_EQ_INT(px_strtab_init(&t), 0);
    CHECK_EQ_INT(t.count, 1);                          /* "" is id 0 */
    CHECK_EQ_STR(px_strtab_get(&t, 0), "");
    px_str a = px_strtab_intern(&t, "alpha", 5);
    px_str b = px_strtab_intern(&t, "beta", 4);
    px_str a2 = px_strtab_intern(&t, "alphabet", 5);   /* same 5 bytes: "alpha" */
    CHECK_EQ_INT(a, 1);
    CHECK_EQ_INT(b, 2);
    CHECK_EQ_INT(a2, a);
    CHECK_EQ_INT(px_strtab_intern(&t, "", 0), 0);
    CHECK_EQ_STR(px_strtab_get(&t, b), "beta");
    CHECK_EQ_INT(px_strtab_len(&t, a), 5);
    CHECK_EQ_INT(px_strtab_find(&t, "beta", 4), b);
    CHECK_EQ_INT(px_strtab_find(&t, "gamma", 5), PX_NONE);
    /* interning a string that lives inside the table itself, while it grows */
    for (int i = 0; i < 2000; i++) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "w%d", i);
        px_strtab_intern(&t, buf, (size_t)n);
    }
    CHECK_EQ_INT(t.count, 3 + 2000);
    px_str self = px_strtab_intern(&t, px_strtab_get(&t, a), 3);   /* "alp" */
    CHECK_EQ_STR(px_strtab_get(&t, self), "alp");
    CHECK_EQ_INT(px_strtab_find(&t, "w1999", 5), 3 + 1999);
    /* truncate forgets the newer ids and keeps the older ones findable */
    px_strtab_truncate(&t, 3);
    CHECK_EQ_INT(t.count, 3);
    CHECK_EQ_INT(px_strtab_find(&t, "w0", 2), PX_NONE);
    CHECK_EQ_INT(px_strtab_find(&t, "alp", 3), PX_NONE);
    CHECK_EQ_INT(px_strtab_find(&t, "alpha", 5), a);
    CHECK_EQ_INT(px_strtab_find(&t, "beta", 4), b);
    /* ids are handed out again from the truncation point */
    CHECK_EQ_INT(px_strtab_intern(&t, "gamma", 5), 3);
    CHECK_EQ_STR(px_strtab_get(&t, 3), "gamma");
    px_strtab_destroy(&t);
}

static void test_map(void)
{
    px_map m;
    CHECK_EQ_INT(px_map_init(&m), 0);
    CHECK_EQ_INT(px_map_get(&m, 42), PX_NONE);
    CHECK_EQ_INT(px_map_put(&m, 42, 7), 0);
    CHECK_EQ_INT(px_map_get(&m, 42), 7);
    px_map_put(&m, 42, 8);                       /* overwrite */
    CHECK_EQ_INT(px_map_get(&m, 42), 8);
    CHECK_EQ_INT(m.count, 1);
    px_map_del(&m, 42);
    CHECK_EQ_INT(px_map_get(&m, 42), PX_NONE);
    CHECK_EQ_INT(m.count, 0);
    px_map_del(&m, 42);                          /* deleting twice is harmless */
    CHECK_EQ_INT(m.count, 0);

    /* many keys (the table grows several times), then delete every third:
     * the rest must stay reachable through their probe chains */
    enum { N = 20000 };
    int ok = 1;
    for (uint32_t i = 0; i < N; i++)
        if (px_map_put(&m, (uint64_t)i * 7919u + ((uint64_t)i << 32), i)) ok = 0;
    CHECK(ok);
    CHECK_EQ_INT(m.count, N);
    for (uint32_t i = 0; i < N; i += 3) px_map_del(&m, (uint64_t)i * 7919u + ((uint64_t)i << 32));
    int kept = 0, gone = 0;
    for (uint32_t i = 0; i < N; i++) {
        uint32_t v = px_map_get(&m, (uint64_t)i * 7919u + ((uint64_t)i << 32));
        if (i % 3 == 0) gone += v == PX_NONE;
        else kept += v == i;
    }
    CHECK_EQ_INT(gone, (N + 2) / 3);
    CHECK_EQ_INT(kept, N - (N + 2) / 3);
    CHECK_EQ_INT(m.count, N - (N + 2) / 3);
    /* clustered keys (0..255 in a small table) and deletion from the middle */
    px_map small;
    px_map_init(&small);
    for (uint64_t k = 0; k < 256; k++) px_map_put(&small, k, (uint32_t)k + 1000);
    for (uint64_t k = 64; k < 192; k++) px_map_del(&small, k);
    int right = 1;
    for (uint64_t k = 0; k < 256; k++) {
        uint32_t v = px_map_get(&small, k);
        if ((k >= 64 && k < 192) ? v != PX_NONE : v != k + 1000) right = 0;
    }
    CHECK(right);
    px_map_clear(&small);
    CHECK_EQ_INT(px_map_get(&small, 0), PX_NONE);
    CHECK_EQ_INT(small.count, 0);
    px_map_destroy(&small);
    px_map_destroy(&m);
}

/* Prefaulting changes no byte, and (where the system can) spares the page
 * faults of the writes that follow: counted with getrusage, against the
 * same writes to a region not prefaulted. */
static long faults_of_writes(unsigned char *v, size_t bytes, int prefault)
{
    if (prefault) px_prefault_all(v, bytes);
    struct rusage a, b;
    getrusage(RUSAGE_SELF, &a);
    memset(v, 1, bytes);
    getrusage(RUSAGE_SELF, &b);
    return b.ru_minflt - a.ru_minflt;
}

static void test_prefault(void)
{
    size_t bytes = (size_t)16 << 20;
    unsigned char *v = malloc(bytes), *w = malloc(bytes);
    CHECK(v != NULL && w != NULL);
    if (!v || !w) { free(v); free(w); return; }
    for (size_t i = 0; i < 4096; i++) v[i] = (unsigned char)(i * 7);
    px_prefault_state pf = {0, 0, 0};
    px_prefault(&pf, v, 4096, bytes);            /* the next step, from byte 4096 */
    int same = 1;
    for (size_t i = 0; i < 4096; i++) same &= v[i] == (unsigned char)(i * 7);
    CHECK(same);
    long with = faults_of_writes(v + 8192, bytes - 8192, 1);
    long without = faults_of_writes(w + 8192, bytes - 8192, 0);
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    if (pf.page == (size_t)-1) {
        SKIP("this kernel has no MADV_POPULATE_WRITE: the page faults stay");
    } else {
        CHECK(without > 1000);        /* the control faulted its pages in */
        CHECK(with < without / 4);    /* the prefaulted writes found theirs */
    }
#else
    (void)with; (void)without;
    SKIP("no MADV_POPULATE_WRITE on this system: prefaulting does nothing");
#endif
    free(v);
    free(w);
}

int main(void)
{
    test_strtab();
    test_map();
    test_prefault();
    return unit_summary();
}
