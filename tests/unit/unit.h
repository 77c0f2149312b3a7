/* unit.h - the smallest assertion kit for the C unit tests of the core.
 *
 * Each check prints "FAIL file:line: message" when it fails and counts;
 * unit_summary() prints "N passed, N failed, N skipped" and returns the
 * exit status (1 when anything failed). Helpers below load TEI snippets
 * from memory into a finished corpus and read back what the tests assert.
 */
#ifndef UNIT_H
#define UNIT_H

#include "px.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_passed, unit_failed, unit_skipped;

static inline void unit_result(int ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline void unit_result(int ok, const char *file, int line, const char *fmt, ...)
{
    if (ok) { unit_passed++; return; }
    unit_failed++;
    printf("FAIL %s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

#define CHECK(cond) unit_result(!!(cond), __FILE__, __LINE__, "%s", #cond)

#define CHECK_EQ_INT(a, b) do { \
    long long a_ = (long long)(a), b_ = (long long)(b); \
    unit_result(a_ == b_, __FILE__, __LINE__, "%s == %s: got %lld, want %lld", \
                #a, #b, a_, b_); \
} while (0)

#define CHECK_EQ_STR(a, b) do { \
    const char *a_ = (a), *b_ = (b); \
    unit_result(a_ && b_ && strcmp(a_, b_) == 0, __FILE__, __LINE__, \
                "%s == %s: got \"%s\", want \"%s\"", #a, #b, \
                a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
} while (0)

#define CHECK_NEAR(a, b, eps) do { \
    double a_ = (double)(a), b_ = (double)(b); \
    unit_result(fabs(a_ - b_) <= (eps), __FILE__, __LINE__, \
                "%s ~ %s: got %.6f, want %.6f", #a, #b, a_, b_); \
} while (0)

#define CHECK_NAN(a) do { \
    double a_ = (double)(a); \
    unit_result(isnan(a_), __FILE__, __LINE__, "%s is NAN: got %.6f", #a, a_); \
} while (0)

#define SKIP(why) do { unit_skipped++; printf("SKIP %s:%d: %s\n", __FILE__, __LINE__, why); } while (0)

static inline int unit_summary(void)
{
    printf("%d passed, %d failed, %d skipped\n", unit_passed, unit_failed, unit_skipped);
    return unit_failed ? 1 : 0;
}

/* ---- corpus helpers --------------------------------------------------- */

/* The TEI wrapper most snippets share. */
#define TEI_NS_ATTR "xmlns=\"http://www.tei-c.org/ns/1.0\""

/* Loads one snippet (name is the file name used in positions and ids),
 * finishes the corpus. Never NULL: a failure to load is a failed check. */
static inline px_corpus *unit_load_n(const char *const *names, const char *const *xmls,
                                     size_t n, const px_options *opt)
{
    px_corpus *c = px_corpus_new(opt);
    if (!c) { printf("FAIL: out of memory\n"); exit(1); }
    px_error err;
    px_error_clear(&err);
    for (size_t i = 0; i < n; i++) {
        px_status st = px_corpus_add_memory(c, names[i], xmls[i], strlen(xmls[i]), &err);
        if (st != PX_OK) printf("note: add_memory(%s): %s\n", names[i], err.msg);
    }
    if (px_corpus_finish(c, &err) != PX_OK) printf("note: finish: %s\n", err.msg);
    return c;
}

static inline px_corpus *unit_load(const char *name, const char *xml)
{
    return unit_load_n(&name, &xml, 1, NULL);
}

/* Prints the refusals of a corpus (helps when a snippet was refused). */
static inline void unit_show_refusals(const px_corpus *c)
{
    for (size_t i = 0; i < c->refusals.n; i++) {
        char msg[1400];
        px_error_format(&c->refusals.v[i].error, msg, sizeof msg);
        printf("note: refused %s\n", msg);
    }
}

/* The id of speaker k of utterance u ("" when out of range). */
static inline const char *unit_speaker(const px_corpus *c, uint32_t u, uint32_t k)
{
    const px_utterance *ut = &c->utterances.v[u];
    if (k >= ut->spk_count) return "";
    uint32_t p = c->refs.v[ut->spk_first + k];
    return p < c->participants.n ? px_str_get(c, c->participants.v[p].id) : "";
}

/* The term id of token k of utterance u (0, "", when out of range). */
static inline uint32_t unit_term(const px_corpus *c, uint32_t u, uint32_t k)
{
    const px_utterance *ut = &c->utterances.v[u];
    if (k >= ut->tok_count) return 0;
    const uint8_t *p = px_utterance_tokens(c, ut);
    uint32_t t = 0;
    for (uint32_t i = 0; i <= k; i++) t = px_token_next(&p);
    return t;
}

/* Token k of utterance u as its folded term ("" when out of range). */
static inline const char *unit_token(const px_corpus *c, uint32_t u, uint32_t k)
{
    return px_term_get(c, unit_term(c, u, k));
}

/* How many problems carry the given code. */
static inline int unit_problems(const px_corpus *c, const char *code)
{
    int n = 0;
    for (size_t i = 0; i < c->problems.n; i++)
        if (!strcmp(px_str_get(c, c->problems.v[i].code), code)) n++;
    return n;
}

/* Index of participant id, PX_NONE when absent. */
static inline uint32_t unit_part(const px_corpus *c, const char *id)
{
    return px_participant_find(c, id, PX_NONE);
}

/* Utterances credited to participant p. */
static inline uint32_t unit_part_utts(const px_corpus *c, uint32_t p)
{
    if (p == PX_NONE || p + 1 >= c->part_utt_first.n) return 0;
    return c->part_utt_first.v[p + 1] - c->part_utt_first.v[p];
}

/* Number of token callbacks for a raw string, and the k-th raw token. */
typedef struct unit_toks { int n; char t[16][64]; } unit_toks;
static inline void unit_tok_cb(void *ud, const char *w, size_t n)
{
    unit_toks *u = ud;
    if (u->n < 16) {
        size_t m = n < 63 ? n : 63;
        memcpy(u->t[u->n], w, m);
        u->t[u->n][m] = '\0';
    }
    u->n++;
}
static inline unit_toks unit_tokenize(const char *s)
{
    unit_toks u;
    memset(&u, 0, sizeof u);
    px_tokenize(s, strlen(s), unit_tok_cb, &u);
    return u;
}

#endif
