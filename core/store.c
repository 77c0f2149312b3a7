/* store.c - growable arrays, the interning string table, a u64->u32 map. */
#include "px.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int px_grow(void **v, size_t *cap, size_t need, size_t elsz)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap + *cap / 2 : 16;
    if (nc < need) nc = need;
    if (nc > SIZE_MAX / elsz) return -1;
    void *p = realloc(*v, nc * elsz);
    if (!p) return -1;
    *v = p;
    *cap = nc;
    return 0;
}

void px_prefault_more(px_prefault_state *pf, void *v, size_t used, size_t cap)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    if (pf->page == (size_t)-1) return;   /* the call is not there: faults it is */
    if (!pf->page) {
        long ps = sysconf(_SC_PAGESIZE);
        pf->page = ps > 0 ? (size_t)ps : 4096;
    }
    if (v != pf->base) {   /* moved (or new): what lies below `used` is written */
        pf->base = v;
        pf->upto = used;
    }
    if (used < pf->upto) return;
    size_t to = used + PX_PREFAULT_STEP;
    if (to > cap) to = cap;
    if (to <= pf->upto) return;
    uintptr_t a = (uintptr_t)v + pf->upto, b = (uintptr_t)v + to;
    a &= ~(uintptr_t)(pf->page - 1);
    if (madvise((void *)a, b - a, MADV_POPULATE_WRITE) != 0)
        pf->page = (size_t)-1;   /* not there, or not allowed here: page faults it is */
    pf->upto = to;
#else
    (void)pf; (void)v; (void)used; (void)cap;
#endif
}

void px_prefault_all(void *v, size_t bytes)
{
    px_prefault_state pf = {0, 0, 0};
    for (size_t at = 0; at < bytes && pf.page != (size_t)-1; at = pf.upto)
        px_prefault_more(&pf, v, at, bytes);
}

/* The last n < 8 bytes as one word, without a byte loop: two overlapping
 * loads for 4..7 bytes. (Different words for different strings of one
 * length is all the hash needs.) */
static inline uint64_t load_tail(const char *s, size_t n)
{
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return ((uint64_t)b << 32) | a;
    }
    uint64_t w = 0;
    if (n > 0) w = (unsigned char)s[0];
    if (n > 1) w |= (uint64_t)(unsigned char)s[1] << 8;
    if (n > 2) w |= (uint64_t)(unsigned char)s[2] << 16;
    return w;
}

/* A multiply-mix hash over 8-byte words: ids and words are short, and
 * this sits on the hottest path of the import. */
static inline uint32_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t w = load_tail(s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 32;
    uint32_t r = (uint32_t)h;
    return r ? r : 1;
}

/* A slot is the id + 1 of the string stored there (0: empty); its hash,
 * length and bytes are looked up by id. Slots stay small so the table fits
 * in cache, and strings met recently (as ids and words mostly are) have
 * their hash and bytes in cache too. */
static int strtab_rehash(px_strtab *t, uint32_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) return -1;
    uint32_t mask = nslots - 1;
    for (uint32_t id = 0; id < t->count; id++) {
        uint32_t i = t->hashes[id] & mask;
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->mask = mask;
    return 0;
}

int px_strtab_init(px_strtab *t)
{
    memset(t, 0, sizeof *t);
    if (strtab_rehash(t, 64)) return -1;
    if (px_strtab_intern(t, "", 0) != 0) {
        px_strtab_destroy(t);
        return -1;
    }
    return 0;
}

void px_strtab_destroy(px_strtab *t)
{
    free(t->bytes);
    free(t->offs);
    free(t->hashes);
    free(t->lens);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* Probes for s; returns its id, or PX_NONE with *slot_out the free slot. */
static inline uint32_t probe(const px_strtab *t, const char *s, size_t len, uint32_t h,
                             uint32_t *slot_out)
{
    const uint32_t *slots = t->slots;
    uint32_t i = h & t->mask;
    for (;;) {
        uint32_t e = slots[i];
        if (!e) { *slot_out = i; return PX_NONE; }
        uint32_t id = e - 1;
        if (t->hashes[id] == h && t->lens[id] == len &&
            memcmp(t->bytes + t->offs[id], s, len) == 0)
            return id;
        i = (i + 1) & t->mask;
    }
}

px_str px_strtab_find(const px_strtab *t, const char *s, size_t len)
{
    uint32_t slot;
    return probe(t, s, len, hash_bytes(s, len), &slot);
}

px_str px_strtab_intern(px_strtab *t, const char *s, size_t len)
{
    if (len >= UINT32_MAX) return PX_STR_ERR;
    uint32_t h = hash_bytes(s, len), i = 0;
    uint32_t found = probe(t, s, len, h, &i);
    if (found != PX_NONE) return found;
    if (t->count >= UINT32_MAX - 2) return PX_STR_ERR;
    size_t off = t->len;
    if (t->len + len + 1 > t->cap) {
        size_t nc = t->cap ? t->cap + t->cap / 2 : 4096;
        if (nc < t->len + len + 1) nc = t->len + len + 1;
        /* s may point into the table itself: remember where, as an offset */
        ptrdiff_t inside = -1;
        if (t->bytes && (uintptr_t)s >= (uintptr_t)t->bytes &&
            (uintptr_t)s < (uintptr_t)t->bytes + t->len)
            inside = (ptrdiff_t)((uintptr_t)s - (uintptr_t)t->bytes);
        char *p = realloc(t->bytes, nc);
        if (!p) return PX_STR_ERR;
        if (inside >= 0) s = p + inside;
        t->bytes = p;
        t->cap = nc;
    }
    if (t->count + 1 > t->ocap) {
        uint32_t nc = t->ocap ? t->ocap + t->ocap / 2 : 64;
        uint64_t *o = realloc(t->offs, (size_t)nc * sizeof *o);
        if (!o) return PX_STR_ERR;
        t->offs = o;
        uint32_t *hh = realloc(t->hashes, (size_t)nc * sizeof *hh);
        if (!hh) return PX_STR_ERR;
        t->hashes = hh;
        uint32_t *ll = realloc(t->lens, (size_t)nc * sizeof *ll);
        if (!ll) return PX_STR_ERR;
        t->lens = ll;
        t->ocap = nc;
    }
    memcpy(t->bytes + off, s, len);
    t->bytes[off + len] = '\0';
    t->len += len + 1;
    uint32_t id = t->count++;
    t->offs[id] = off;
    t->hashes[id] = h;
    t->lens[id] = (uint32_t)len;
    t->slots[i] = id + 1;
    /* grow at three quarters full: linear probing stays short, memory small */
    if ((uint64_t)t->count * 2 > (uint64_t)t->mask + 1) {
        if (strtab_rehash(t, (t->mask + 1) * 2)) {
            /* keep the table consistent: undo this insertion */
            t->slots[i] = 0;
            t->count--;
            t->len = off;
            return PX_STR_ERR;
        }
    }
    return id;
}

uint32_t px_hash_bytes(const char *s, size_t n) { return hash_bytes(s, n); }

void px_strtab_clear(px_strtab *t)
{
    memset(t->slots, 0, ((size_t)t->mask + 1) * sizeof(uint32_t));
    t->count = 0;
    t->len = 0;
    /* "" is id 0 again */
    px_strtab_intern(t, "", 0);
}

void px_strtab_truncate(px_strtab *t, uint32_t count)
{
    if (count >= t->count) return;
    t->len = t->offs[count];
    t->count = count;
    /* rebuilding is O(table) but only happens on a refused file */
    uint32_t n = t->mask + 1;
    free(t->slots);
    t->slots = NULL;
    if (strtab_rehash(t, n)) {
        /* cannot fail in practice (same size as before); stay usable */
        t->slots = calloc((size_t)n, sizeof(uint32_t));
        t->mask = n - 1;
        t->count = 0;
    }
}

/* ---- map ---- */

static inline uint32_t hash64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

int px_map_init(px_map *m)
{
    memset(m, 0, sizeof *m);
    uint32_t n = 64;
    m->keys = malloc(n * sizeof *m->keys);
    m->vals = malloc(n * sizeof *m->vals);
    m->used = calloc(n, 1);
    if (!m->keys || !m->vals || !m->used) {
        px_map_destroy(m);
        return -1;
    }
    m->mask = n - 1;
    return 0;
}

void px_map_destroy(px_map *m)
{
    free(m->keys);
    free(m->vals);
    free(m->used);
    memset(m, 0, sizeof *m);
}

static int map_resize(px_map *m, uint32_t n)
{
    uint64_t *keys = malloc((size_t)n * sizeof *keys);
    uint32_t *vals = malloc((size_t)n * sizeof *vals);
    uint8_t *used = calloc(n, 1);
    if (!keys || !vals || !used) {
        free(keys); free(vals); free(used);
        return -1;
    }
    uint32_t mask = n - 1;
    for (uint32_t i = 0; i <= m->mask; i++) {
        if (!m->used[i]) continue;
        uint32_t j = hash64(m->keys[i]) & mask;
        while (used[j]) j = (j + 1) & mask;
        used[j] = 1;
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys); free(m->vals); free(m->used);
    m->keys = keys; m->vals = vals; m->used = used;
    m->mask = mask;
    return 0;
}

int px_map_put(px_map *m, uint64_t key, uint32_t val)
{
    if ((uint64_t)(m->count + 1) * 2 > (uint64_t)m->mask + 1)
        if (map_resize(m, (m->mask + 1) * 2)) return -1;
    uint32_t i = hash64(key) & m->mask;
    while (m->used[i]) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return 0;
        }
        i = (i + 1) & m->mask;
    }
    m->used[i] = 1;
    m->keys[i] = key;
    m->vals[i] = val;
    m->count++;
    return 0;
}

uint32_t px_map_get(const px_map *m, uint64_t key)
{
    if (!m->used) return PX_NONE;
    uint32_t i = hash64(key) & m->mask;
    while (m->used[i]) {
        if (m->keys[i] == key) return m->vals[i];
        i = (i + 1) & m->mask;
    }
    return PX_NONE;
}

/* Backward-shift deletion keeps every probe chain intact. */
void px_map_del(px_map *m, uint64_t key)
{
    if (!m->used) return;
    uint32_t i = hash64(key) & m->mask;
    while (m->used[i] && m->keys[i] != key) i = (i + 1) & m->mask;
    if (!m->used[i]) return;
    m->used[i] = 0;
    m->count--;
    uint32_t j = i;
    for (;;) {
        j = (j + 1) & m->mask;
        if (!m->used[j]) break;
        uint32_t home = hash64(m->keys[j]) & m->mask;
        /* can the entry at j move to the hole at i? */
        int movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            m->keys[i] = m->keys[j];
            m->vals[i] = m->vals[j];
            m->used[i] = 1;
            m->used[j] = 0;
            i = j;
        }
    }
}

void px_map_clear(px_map *m)
{
    if (m->used) memset(m->used, 0, (size_t)m->mask + 1);
    m->count = 0;
}
