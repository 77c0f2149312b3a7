/* text.c - tokens: the word rule and normalisation (utf8proc). */
#include "px.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void px_tokenizer_init(px_tokenizer *t) { memset(t, 0, sizeof *t); }

void px_tokenizer_destroy(px_tokenizer *t)
{
    free(t->cps);
    free(t->buf);
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
