/* text.c - tokens: the word rule and normalisation (utf8proc). */
#include "px.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__) && !defined(PX_NO_SIMD)   /* PX_NO_SIMD: the portable path, for tests */
#include <emmintrin.h>
#endif

void px_tokenizer_init(px_tokenizer *t) { memset(t, 0, sizeof *t); }

void px_tokenizer_destroy(px_tokenizer *t)
{
    free(t->cps);
    free(t->buf);
    free(t->spans);
    free(t->bits);
    free(t->joins);
    memset(t, 0, sizeof *t);
}

static inline int is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static inline int is_joiner(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Decodes one code point at s[i]; invalid bytes decode as U+FFFD, length 1. */
static inline int32_t next_cp(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *n = 1; return c; }
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (r <= 0) { *n = 1; return 0xFFFD; }
    *n = (size_t)r;
    return cp;
}

/* ASCII classes: 1 letter or digit, 2 apostrophe or hyphen; 0 other. */
static const unsigned char ascii_class[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['\''] = 2, ['-'] = 2,
};

/* Is the character at s[i] a word character? Sets *n to its length. */
static inline int word_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *n = 1; return ascii_class[c] == 1; }
    return is_word_cp(next_cp(s, len, i, n));
}

static inline int joiner_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *n = 1; return ascii_class[c] == 2; }
    return is_joiner(next_cp(s, len, i, n));
}

size_t px_tokenize(const char *s, size_t len,
                   void (*fn)(void *ud, const char *tok, size_t toklen), void *ud)
{
    size_t count = 0, i = 0, n;
    while (i < len) {
        /* skip to a word character */
        while (i < len && (unsigned char)s[i] < 0x80 && ascii_class[(unsigned char)s[i]] != 1) i++;
        if (i >= len) break;
        if (!word_at(s, len, i, &n)) { i += n; continue; }
        size_t start = i;
        i += n;
        for (;;) {
            /* the common case: a run of ASCII letters and digits */
            while (i < len && (unsigned char)s[i] < 0x80 && ascii_class[(unsigned char)s[i]] == 1) i++;
            if (i >= len) break;
            if (word_at(s, len, i, &n)) { i += n; continue; }
            size_t n2;
            if (joiner_at(s, len, i, &n) && i + n < len && word_at(s, len, i + n, &n2)) {
                i += n + n2;
                continue;
            }
            break;
        }
        if (fn) fn(ud, s + start, i - start);
        count++;
    }
    return count;
}

const char *px_fold(px_tokenizer *t, const char *s, size_t len, size_t *outlen)
{
    /* ASCII fast path: folding is lowering, NFC is the identity */
    size_t i = 0;
    while (i < len && !((unsigned char)s[i] & 0x80)) i++;
    if (len + 1 > t->buf_cap) {
        size_t nc = len + 64;
        char *b = realloc(t->buf, nc);
        if (!b) return NULL;
        t->buf = b;
        t->buf_cap = nc;
    }
    if (i == len) {
        for (size_t k = 0; k < len; k++) {
            char c = s[k];
            t->buf[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        t->buf[len] = '\0';
        *outlen = len;
        return t->buf;
    }
    int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    for (;;) {
        utf8proc_ssize_t r = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                                (utf8proc_ssize_t)len, t->cps,
                                                (utf8proc_ssize_t)t->cps_cap, options);
        if (r < 0) return NULL;
        if ((size_t)r < t->cps_cap) {
            /* reencode needs 4 bytes per code point in the same buffer */
            /* reencode composes (NFC) and writes UTF-8 in place */
            utf8proc_ssize_t bytes = utf8proc_reencode(t->cps, r, options);
            if (bytes < 0) return NULL;
            if ((size_t)bytes + 1 > t->buf_cap) {
                char *b = realloc(t->buf, (size_t)bytes + 64);
                if (!b) return NULL;
                t->buf = b;
                t->buf_cap = (size_t)bytes + 64;
            }
            memcpy(t->buf, t->cps, (size_t)bytes);
            t->buf[bytes] = '\0';
            *outlen = (size_t)bytes;
            return t->buf;
        }
        size_t nc = (size_t)r + 16;
        int32_t *p = realloc(t->cps, nc * sizeof *p);
        if (!p) return NULL;
        t->cps = p;
        t->cps_cap = nc;
    }
}

/* ---- px_word_spans: the word rule on bitmaps ----
 *
 * The text is read 16 bytes at a time into three bitmaps, one bit per
 * byte: W (ASCII letters and digits, and every byte above 0x7F), J (ASCII
 * apostrophes and hyphens) and H (bytes above 0x7F). The non-ASCII
 * characters, found through H, are then decoded one by one: those that are
 * no word characters leave W (U+2019, U+2010 and U+2011 are noted as
 * joiners). W then marks exactly the bytes of word characters, and the
 * word rule becomes arithmetic: a joiner with word bytes on both sides
 * joins (A = W | (J & W<<1 & W>>1), and so for the noted joiners), and the
 * words are the runs of ones in A. */

static void classify16(const unsigned char *p, uint32_t *w, uint32_t *j, uint32_t *h)
{
#if defined(__SSE2__) && !defined(PX_NO_SIMD)   /* PX_NO_SIMD: the portable path, for tests */
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));   /* letters, lowered */
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                  _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    __m128i join = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')),
                                _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
    uint32_t high = (uint32_t)_mm_movemask_epi8(x);   /* sign bits: bytes above 0x7F */
    *w = (uint32_t)_mm_movemask_epi8(_mm_or_si128(alpha, digit)) | high;
    *j = (uint32_t)_mm_movemask_epi8(join);
    *h = high;
#else
    uint32_t ww = 0, jj = 0, hh = 0;
    for (int i = 0; i < 16; i++) {
        unsigned char c = p[i];
        if (c >= 0x80) { hh |= 1u << i; ww |= 1u << i; }
        else if (ascii_class[c] == 1) ww |= 1u << i;
        else if (ascii_class[c] == 2) jj |= 1u << i;
    }
    *w = ww; *j = jj; *h = hh;
#endif
}

static void fill_two_byte(px_tokenizer *t)
{
    memset(t->two_byte, 0, sizeof t->two_byte);
    for (int32_t cp = 0x80; cp < 0x800; cp++)
        if (is_word_cp(cp)) t->two_byte[cp >> 6] |= (uint64_t)1 << (cp & 63);
    t->have_two_byte = 1;
}

/* Makes W exact for the non-ASCII characters of s[0..len) (the bytes
 * flagged in H, all set in W so far): the bytes of a character that is no
 * word character, and every byte of invalid UTF-8, are cleared. Joiners
 * among them (U+2019, U+2010, U+2011) are listed in t->joins as offset and
 * length, to be joined once W is known on both sides. Returns how many, or
 * (size_t)-1 when out of memory. */
static size_t fix_high(px_tokenizer *t, const unsigned char *s, size_t len, uint64_t *W,
                       const uint64_t *H, size_t nw)
{
    size_t nj = 0, next = 0;   /* next: the first byte not yet inside a character */
    for (size_t k = 0; k < nw; k++) {
        for (uint64_t h = H[k]; h; h &= h - 1) {
            size_t i = k * 64 + (size_t)__builtin_ctzll(h);
            if (i < next) continue;   /* a continuation byte already decoded */
            unsigned char c = s[i];
            if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
                int32_t cp = ((int32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
                if (!t->have_two_byte) fill_two_byte(t);
                next = i + 2;
                if ((t->two_byte[cp >> 6] >> (cp & 63)) & 1) continue;
            } else {
                utf8proc_int32_t cp;
                utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
                next = i + (r > 0 ? (size_t)r : 1);   /* invalid: one byte, U+FFFD */
                if (r > 0 && is_word_cp(cp)) continue;
                if (r > 0 && is_joiner(cp)) {
                    if (2 * (nj + 1) > t->joins_cap) {
                        size_t cap = t->joins_cap ? 2 * t->joins_cap : 64;
                        uint32_t *jn = realloc(t->joins, cap * sizeof *jn);
                        if (!jn) return (size_t)-1;
                        t->joins = jn;
                        t->joins_cap = cap;
                    }
                    t->joins[2 * nj] = (uint32_t)i;
                    t->joins[2 * nj + 1] = (uint32_t)(next - i);
                    nj++;
                }
            }
            for (size_t b = i; b < next; b++) W[b / 64] &= ~((uint64_t)1 << (b % 64));
        }
    }
    return nj;
}

static inline int bit_at(const uint64_t *W, size_t i) { return (int)((W[i / 64] >> (i % 64)) & 1); }

size_t px_word_spans(px_tokenizer *t, const char *text, size_t len, const uint32_t **spans)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t nw = len / 64 + 1;                 /* the last word may be all zeros */
    size_t pairs = len / 2 + 1;               /* words never touch: at most this many */
    if (3 * nw > t->bits_cap) {
        uint64_t *b = realloc(t->bits, 3 * nw * sizeof *b);
        if (!b) return (size_t)-1;
        t->bits = b;
        t->bits_cap = 3 * nw;
    }
    if (2 * pairs > t->spans_cap) {
        uint32_t *sp = realloc(t->spans, 2 * pairs * sizeof *sp);
        if (!sp) return (size_t)-1;
        t->spans = sp;
        t->spans_cap = 2 * pairs;
    }
    uint64_t *W = t->bits, *A = t->bits + nw, *H = t->bits + 2 * nw;
    uint64_t any_high = 0;
    for (size_t k = 0; k < nw; k++) {
        uint64_t w = 0, j = 0, h = 0;
        for (size_t b = 0; b < 4; b++) {
            size_t off = k * 64 + b * 16;
            if (off >= len) break;   /* reads stay below len + 16 */
            uint32_t w16, j16, h16;
            classify16(s + off, &w16, &j16, &h16);
            w |= (uint64_t)w16 << (16 * b);
            j |= (uint64_t)j16 << (16 * b);
            h |= (uint64_t)h16 << (16 * b);
        }
        size_t rem = len - k * 64 < 64 ? len - k * 64 : 64;
        if (rem < 64) {
            uint64_t m = ((uint64_t)1 << rem) - 1;
            w &= m; j &= m; h &= m;
        }
        W[k] = w; A[k] = j; H[k] = h;
        any_high |= h;
    }
    size_t nj = 0;
    if (any_high && (nj = fix_high(t, s, len, W, H, nw)) == (size_t)-1) return (size_t)-1;
    /* joiners between word bytes join (A holds J until overwritten) */
    for (size_t k = 0; k < nw; k++) {
        uint64_t before = (W[k] << 1) | (k ? W[k - 1] >> 63 : 0);
        uint64_t after = (W[k] >> 1) | (k + 1 < nw ? W[k + 1] << 63 : 0);
        A[k] = W[k] | (A[k] & before & after);
    }
    for (size_t j = 0; j < nj; j++) {   /* a non-ASCII joiner between word characters */
        size_t i = t->joins[2 * j], n = t->joins[2 * j + 1];
        if (i > 0 && i + n < len && bit_at(W, i - 1) && bit_at(W, i + n))
            for (size_t b = i; b < i + n; b++) A[b / 64] |= (uint64_t)1 << (b % 64);
    }
    /* runs of ones: starts and (inclusive) ends alternate in byte order */
    uint32_t *out = t->spans;
    size_t ns = 0, ne = 0;
    for (size_t k = 0; k < nw; k++) {
        uint64_t a = A[k];
        uint64_t st = a & ~((a << 1) | (k ? A[k - 1] >> 63 : 0));
        uint64_t en = a & ~((a >> 1) | (k + 1 < nw ? A[k + 1] << 63 : 0));
        for (; st; st &= st - 1) out[2 * ns++] = (uint32_t)(k * 64 + (size_t)__builtin_ctzll(st));
        for (; en; en &= en - 1, ne++)
            out[2 * ne + 1] = (uint32_t)(k * 64 + (size_t)__builtin_ctzll(en)) + 1 - out[2 * ne];
    }
    *spans = out;
    return ns;
}
