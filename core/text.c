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

size_t px_tokenize(const char *s, size_t len,
                   void (*fn)(void *ud, const char *tok, size_t toklen), void *ud)
{
    size_t count = 0, i = 0;
    while (i < len) {
        size_t n;
        int32_t cp = next_cp(s, len, i, &n);
        if (!is_word_cp(cp)) { i += n; continue; }
        size_t start = i, end = i + n;
        i += n;
        while (i < len) {
            cp = next_cp(s, len, i, &n);
            if (is_word_cp(cp)) { i += n; end = i; continue; }
            if (is_joiner(cp) && i + n < len) {
                size_t n2;
                int32_t cp2 = next_cp(s, len, i + n, &n2);
                if (is_word_cp(cp2)) { i += n + n2; end = i; continue; }
            }
            break;
        }
        if (fn) fn(ud, s + start, end - start);
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
