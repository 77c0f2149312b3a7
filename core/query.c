/* query.c - the query language: parsing a query into sets of term ids
 * (words, globs over the types, stem classes, accent-stripped variants)
 * and finding its hits among an utterance's tokens. */
#include "px_query.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_POSITIONS 64       /* a hit is tracked in one 64-bit word */
#define SMALL_SET 8            /* larger sets get a membership bitmap */

/* ---- the per-corpus cache ------------------------------------------ */

struct px_query_cache {
    px_corpus *c;
    px_tokenizer tok;
    px_stem_map **stems; size_t nstems;
    uint32_t *bare_of;         /* term id -> id in bare, built on first use */
    px_strtab bare;            /* the accent-stripped forms of the types */
};

px_query_cache *px_query_cache_new(px_corpus *c)
{
    px_query_cache *k = calloc(1, sizeof *k);
    if (!k) return NULL;
    k->c = px_corpus_ref(c);
    px_tokenizer_init(&k->tok);
    return k;
}

void px_query_cache_free(px_query_cache *k)
{
    if (!k) return;
    for (size_t i = 0; i < k->nstems; i++) {
        px_stem_map_destroy(k->stems[i]);
        free(k->stems[i]);
    }
    free(k->stems);
    free(k->bare_of);
    if (k->bare.offs) px_strtab_destroy(&k->bare);
    px_tokenizer_destroy(&k->tok);
    px_corpus_unref(k->c);
    free(k);
}

const px_stem_map *px_query_cache_stems(px_query_cache *k, const char *lang, px_error *err)
{
    const char *alg = px_stem_algorithm(lang, err);
    if (!alg) return NULL;
    for (size_t i = 0; i < k->nstems; i++)
        if (k->stems[i]->algorithm == alg) return k->stems[i];
    px_stem_map **grown = realloc(k->stems, (k->nstems + 1) * sizeof *grown);
    if (!grown) return px_error_set(err, PX_ENOMEM, "out of memory for stems"), NULL;
    k->stems = grown;
    px_stem_map *m = calloc(1, sizeof *m);
    if (!m) return px_error_set(err, PX_ENOMEM, "out of memory for stems"), NULL;
    if (px_stem_map_build(m, k->c, alg, err) != PX_OK) {
        free(m);
        return NULL;
    }
    k->stems[k->nstems++] = m;
    return m;
}

/* s[0..len) with its marks stripped (canonical decomposition, marks
 * removed, recomposed), malloc'd and NUL-terminated; NULL when out of
 * memory or not UTF-8. */
static char *strip_marks(const char *s, size_t len, size_t *outlen)
{
    size_t i = 0;
    while (i < len && !((unsigned char)s[i] & 0x80)) i++;
    if (i == len) {                              /* ASCII: nothing to strip */
        char *r = malloc(len + 1);
        if (!r) return NULL;
        memcpy(r, s, len);
        r[len] = '\0';
        *outlen = len;
        return r;
    }
    utf8proc_uint8_t *r = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &r,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
    if (n < 0) return NULL;
    *outlen = (size_t)n;
    return (char *)r;
}

static int build_bare(px_query_cache *k)
{
    if (k->bare_of) return 0;
    const px_strtab *terms = &k->c->terms;
    uint32_t n = terms->count;
    uint32_t *of = calloc(n ? n : 1, sizeof *of);
    if (!of || px_strtab_init(&k->bare) != 0) {
        free(of);
        return -1;
    }
    for (uint32_t t = 1; t < n; t++) {
        size_t bl;
        char *b = strip_marks(px_strtab_get(terms, t), px_strtab_len(terms, t), &bl);
        px_str id = b ? px_strtab_intern(&k->bare, b, bl) : PX_STR_ERR;
        free(b);
        if (id == PX_STR_ERR) {
            free(of);
            px_strtab_destroy(&k->bare);
            return -1;
        }
        of[t] = id;
    }
    k->bare_of = of;
    return 0;
}

/* ---- globs ----------------------------------------------------------- */

static size_t cp_len(unsigned char b)
{
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Does the whole of s match pattern p (both valid UTF-8, NUL-terminated)?
 * '*' matches any run of code points, '?' exactly one; the rest compares
 * code point by code point. Backtracks to the last '*' only, so it runs
 * in O(|p|·|s|) at worst. */
static int glob_match(const char *p, const char *s)
{
    const char *star = NULL, *resume = NULL;
    while (*s) {
        if (*p == '*') {
            while (*p == '*') p++;
            if (!*p) return 1;
            star = p;
            resume = s;
            continue;
        }
        size_t sl = cp_len((unsigned char)*s);
        if (*p == '?') {
            p++;
            s += sl;
            continue;
        }
        size_t pl = *p ? cp_len((unsigned char)*p) : 0;
        if (pl == sl && !memcmp(p, s, sl)) {
            p += pl;
            s += sl;
            continue;
        }
        if (!star) return 0;
        resume += cp_len((unsigned char)*resume);
        s = resume;
        p = star;
    }
    while (*p == '*') p++;
    return !*p;
}

/* ---- term sets --------------------------------------------------------- */

typedef PX_VEC(uint32_t) idvec;

/* The terms t (ascending) with mark[key[t]] set, or key[t] == want when
 * mark is NULL. */
static int collect(idvec *out, const uint32_t *key, uint32_t n, const uint8_t *mark,
                   uint32_t want)
{
    for (uint32_t t = 1; t < n; t++) {
        int in = mark ? mark[key[t]] : key[t] == want;
        if (in && PX_VEC_PUSH(*out, t)) return -1;
    }
    return 0;
}

typedef struct compiler {
    px_query_cache *k;
    const px_query_opts *opts;
    const char *text; size_t len;
    px_error *err;
} compiler;

static px_status oom(compiler *cp)
{
    return px_error_set(cp->err, PX_ENOMEM, "out of memory compiling the query");
}

static px_status set_word(compiler *cp, const char *w, size_t wl, idvec *out)
{
    px_query_cache *k = cp->k;
    if (!cp->opts->accents) {
        px_str t = px_strtab_find(&k->c->terms, w, wl);
        return (t != PX_NONE && t != 0 && PX_VEC_PUSH(*out, t)) ? oom(cp) : PX_OK;
    }
    size_t bl;
    char *b = strip_marks(w, wl, &bl);
    if (!b || build_bare(k)) return free(b), oom(cp);
    px_str want = px_strtab_find(&k->bare, b, bl);
    free(b);
    if (want == PX_NONE || want == 0) return PX_OK;
    return collect(out, k->bare_of, k->c->terms.count, NULL, want) ? oom(cp) : PX_OK;
}

static px_status set_glob(compiler *cp, const char *pat, size_t plen, idvec *out)
{
    const px_strtab *terms = &cp->k->c->terms;
    if (!cp->opts->accents) {
        for (uint32_t t = 1; t < terms->count; t++)
            if (glob_match(pat, px_strtab_get(terms, t)) && PX_VEC_PUSH(*out, t)) return oom(cp);
        return PX_OK;
    }
    px_query_cache *k = cp->k;
    size_t bl;
    char *b = strip_marks(pat, plen, &bl);
    uint8_t *mark = b && !build_bare(k) ? calloc(k->bare.count, 1) : NULL;
    if (!mark) return free(b), oom(cp);
    for (uint32_t i = 1; i < k->bare.count; i++) mark[i] = (uint8_t)glob_match(b, px_strtab_get(&k->bare, i));
    int bad = collect(out, k->bare_of, terms->count, mark, 0);
    free(mark);
    free(b);
    return bad ? oom(cp) : PX_OK;
}

/* The stem class of the folded word w; col is the column of its '{'. */
static px_status set_stem(compiler *cp, const char *w, size_t wl, int col, idvec *out,
                          const char **algorithm)
{
    const char *lang = cp->opts->lang ? cp->opts->lang : "en";
    const px_stem_map *m = px_query_cache_stems(cp->k, lang, cp->err);
    if (!m) {
        if (cp->err) cp->err->col = col;
        return cp->err ? cp->err->code : PX_ENOTFOUND;
    }
    *algorithm = m->algorithm;
    px_stemmer *s = px_stemmer_new(m->algorithm, cp->err);
    if (!s) return cp->err ? cp->err->code : PX_ENOMEM;
    size_t sl;
    const char *st = px_stemmer_stem(s, w, wl, &sl);
    char *want = st ? (cp->opts->accents ? strip_marks(st, sl, &sl) : strndup(st, sl)) : NULL;
    px_stemmer_free(s);
    if (!want) return oom(cp);
    uint8_t *mark = NULL;
    int bad = 0;
    if (!cp->opts->accents) {
        px_str id = px_strtab_find(&m->stems, want, sl);
        if (id != PX_NONE) bad = collect(out, m->stem_of, m->nterms, NULL, id);
    } else if ((mark = calloc(m->stems.count, 1))) {
        for (uint32_t i = 1; i < m->stems.count && !bad; i++) {
            size_t bl;
            char *b = strip_marks(px_strtab_get(&m->stems, i), px_strtab_len(&m->stems, i), &bl);
            if (!b) bad = 1;
            else mark[i] = bl == sl && !memcmp(b, want, sl);
            free(b);
        }
        bad = bad || collect(out, m->stem_of, m->nterms, mark, 0);
    } else {
        bad = 1;
    }
    free(mark);
    free(want);
    return bad ? oom(cp) : PX_OK;
}

/* ---- syntax ------------------------------------------------------------- */

static int col_at(const char *s, size_t off)
{
    int col = 1;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) col++;
    return col;
}

#define SYNTAX "a query is one or more words separated by spaces (several make a phrase); " \
               "inside a word, * stands for any letters and ? for one letter (cobweb*, " \
               "colo?r); {word} finds every form with the word's stem ({connect})"

static px_status syntax_error(compiler *cp, size_t off, const char *what)
{
    int col = col_at(cp->text, off);
    char shown[48] = "end of the query";
    if (off < cp->len) {
        size_t n = cp_len((unsigned char)cp->text[off]);
        unsigned char ch = (unsigned char)cp->text[off];
        if (ch < 0x20 || ch == 0x7F) snprintf(shown, sizeof shown, "character U+%04X", ch);
        else snprintf(shown, sizeof shown, "'%.*s'", (int)n, cp->text + off);
    }
    if (cp->len <= 120)
        px_error_set(cp->err, PX_EDATA, "query \"%.*s\", column %d (%s): %s; %s", (int)cp->len,
                     cp->text, col, shown, what, SYNTAX);
    else
        px_error_set(cp->err, PX_EDATA, "query, column %d (%s): %s; %s", col, shown, what, SYNTAX);
    if (cp->err) cp->err->col = col;
    return PX_EDATA;
}

static int is_space(int32_t cp)
{
    return cp == ' ' || (cp >= '\t' && cp <= '\r')
        || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* The code point at s[i..len) and its length in bytes (-1: not UTF-8). */
static utf8proc_ssize_t next_cp(const char *s, size_t i, size_t len, int32_t *cp)
{
    return utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), cp);
}

typedef struct cover { const char *base; size_t pos, bad; int found; size_t words; } cover;

static void cover_cb(void *ud, const char *tok, size_t n)
{
    cover *c = ud;
    size_t off = (size_t)(tok - c->base);
    if (!c->found && off > c->pos) {
        c->bad = c->pos;
        c->found = 1;
    }
    c->pos = off + n;
    c->words++;
}

/* Is s[0..n) one word under the core's word rule, with * and ? standing
 * for letters? Returns n, or the offset of the first character outside. */
static size_t one_word(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy) return n;                 /* checked again by the fold */
    for (size_t i = 0; i < n; i++) copy[i] = (s[i] == '*' || s[i] == '?') ? 'x' : s[i];
    copy[n] = '\0';
    cover c = {.base = copy};
    px_tokenize(copy, n, cover_cb, &c);
    free(copy);
    if (!c.found && c.pos < n) {
        c.bad = c.pos;
        c.found = 1;
    }
    return c.found ? c.bad : n;
}

/* The hint for a character that may not stand in a word. */
static const char *why_not(char ch)
{
    switch (ch) {
    case '{': return "a '{' opens a stem and stands only at the start of a word";
    case '}': return "a '}' closes a stem opened by '{' at the start of the word";
    case '[': case ']': case '(': case ')': case '|': case '+': case '^': case '$':
    case '\\': case '.':
        return "this character may not stand in a query, which is no regular expression";
    case '-': case '\'':
        return "a hyphen or an apostrophe stands only between two letters of a word";
    default: return "this character may not stand in a word";
    }
}

/* Fills pos with the term set of the pattern text[a..b). */
static px_status pattern(compiler *cp, size_t a, size_t b, px_query_pos *pos, const char **alg)
{
    const char *s = cp->text;
    size_t wa = a, wb = b;
    int stem = s[a] == '{', wild = 0;
    if (stem) {
        size_t close = a + 1;
        while (close < b && s[close] != '}' && s[close] != '{') close++;
        if (close == b) {
            size_t later = b;
            while (later < cp->len && s[later] != '}') later++;
            return syntax_error(cp, later < cp->len ? b : a, later < cp->len
                                ? "a {stem} holds one word, with no space inside"
                                : "this '{' is never closed; write {word}");
        }
        if (s[close] == '{') return syntax_error(cp, close, "braces do not nest; write {word}");
        if (close == a + 1)
            return syntax_error(cp, close, "the braces are empty; write a word inside, as {connect}");
        if (close + 1 < b)
            return syntax_error(cp, close + 1, "nothing may follow a {stem} in the same word");
        wa = a + 1;
        wb = close;
    }
    for (size_t i = wa; i < wb; i++) {
        if (s[i] != '*' && s[i] != '?') continue;
        if (stem) return syntax_error(cp, i, "wildcards do not combine with a {stem}");
        wild = 1;
    }
    size_t bad = one_word(s + wa, wb - wa);
    if (bad < wb - wa) return syntax_error(cp, wa + bad, why_not(s[wa + bad]));
    size_t fl;
    const char *f = px_fold(&cp->k->tok, s + wa, wb - wa, &fl);
    if (!f) return oom(cp);
    idvec set = {0};
    px_status st = stem ? set_stem(cp, f, fl, col_at(s, a), &set, alg)
                 : wild ? set_glob(cp, f, fl, &set)
                        : set_word(cp, f, fl, &set);
    pos->kind = (uint8_t)(stem ? PX_Q_STEM : wild ? PX_Q_GLOB : PX_Q_WORD);
    pos->terms = set.v;
    pos->n = (uint32_t)set.n;
    if (st != PX_OK || set.n <= SMALL_SET) return st;
    uint32_t nt = cp->k->c->terms.count;
    pos->bits = calloc((nt + 63) / 64, sizeof *pos->bits);
    if (!pos->bits) return oom(cp);
    for (uint32_t i = 0; i < pos->n; i++) pos->bits[pos->terms[i] >> 6] |= 1ull << (pos->terms[i] & 63);
    return PX_OK;
}

/* Splits the query at white space and compiles each pattern into q. */
static px_status patterns(compiler *cp, px_query *q)
{
    size_t i = 0, len = cp->len;
    for (;;) {
        int32_t ch = 0;
        utf8proc_ssize_t n = 1;
        while (i < len && (n = next_cp(cp->text, i, len, &ch)) > 0 && is_space(ch)) i += (size_t)n;
        if (i >= len) break;
        size_t a = i;
        while (i < len && (n = next_cp(cp->text, i, len, &ch)) > 0 && !is_space(ch)) i += (size_t)n;
        if (n <= 0) {
            int col = col_at(cp->text, i);
            px_error_set(cp->err, PX_EDATA, "the query is not valid UTF-8 at column %d", col);
            if (cp->err) cp->err->col = col;
            return PX_EDATA;
        }
        if (q->npos == MAX_POSITIONS) {
            int col = col_at(cp->text, a);
            px_error_set(cp->err, PX_ELIMIT, "a query holds at most %d words; the word at "
                         "column %d is one too many", MAX_POSITIONS, col);
            if (cp->err) cp->err->col = col;
            return PX_ELIMIT;
        }
        px_status st = pattern(cp, a, i, &q->pos[q->npos], &q->algorithm);
        q->npos++;                        /* so that px_query_free frees it */
        if (st != PX_OK) return st;
    }
    return q->npos ? PX_OK : syntax_error(cp, len, "the query is empty");
}

px_status px_query_compile(px_query **out, px_query_cache *k, const char *text, size_t len,
                           const px_query_opts *opts, px_error *err)
{
    static const px_query_opts defaults = {NULL, 0};
    *out = NULL;
    compiler cp = {k, opts ? opts : &defaults, text ? text : "", text ? len : 0, err};
    px_query *q = calloc(1, sizeof *q);
    if (q) q->pos = calloc(MAX_POSITIONS, sizeof *q->pos);
    if (!q || !q->pos) {
        free(q);
        return oom(&cp);
    }
    q->nterms = k->c->terms.count;
    px_status st = patterns(&cp, q);
    if (st != PX_OK) {
        px_query_free(q);
        return st;
    }
    *out = q;
    return PX_OK;
}

void px_query_free(px_query *q)
{
    if (!q) return;
    for (uint32_t i = 0; i < q->npos; i++) {
        free(q->pos[i].terms);
        free(q->pos[i].bits);
    }
    free(q->pos);
    free(q);
}

const px_query_pos *px_query_single(const px_query *q)
{
    return q->npos == 1 ? &q->pos[0] : NULL;
}

/* ---- matching ------------------------------------------------------------ */

/* One token further: bit j of the state says that positions 0..j match
 * the last j + 1 tokens (shift-and). */
static inline uint64_t step(const px_query *q, uint64_t state, uint32_t t)
{
    if (t >= q->nterms) return 0;
    uint64_t cand = (state << 1) | 1, next = 0;
    if (q->npos < 64) cand &= ((uint64_t)1 << q->npos) - 1;
    while (cand) {
        int j = __builtin_ctzll(cand);
        cand &= cand - 1;
        if (px_query_pos_has(&q->pos[j], t)) next |= (uint64_t)1 << j;
    }
    return next;
}

size_t px_query_match(const px_query *q, const uint32_t *terms, size_t n,
                      void (*hit)(void *ud, uint32_t start, uint32_t len), void *ud)
{
    if (!q->npos) return 0;
    uint64_t state = 0, last = (uint64_t)1 << (q->npos - 1);
    size_t hits = 0;
    for (size_t i = 0; i < n; i++) {
        state = step(q, state, terms[i]);
        if (!(state & last)) continue;
        hits++;
        if (hit) hit(ud, (uint32_t)(i + 1 - q->npos), q->npos);
    }
    return hits;
}

size_t px_query_match_utterance(const px_query *q, const px_corpus *c, uint32_t u,
                                void (*hit)(void *ud, uint32_t start, uint32_t len), void *ud)
{
    const px_utterance *ut = &c->utterances.v[u];
    const uint8_t *p = px_utterance_tokens(c, ut);
    if (!q->npos || !p) return 0;
    uint64_t state = 0, last = (uint64_t)1 << (q->npos - 1);
    size_t hits = 0;
    for (uint32_t i = 0; i < ut->tok_count; i++) {
        state = step(q, state, px_token_next(&p));
        if (!(state & last)) continue;
        hits++;
        if (hit) hit(ud, i + 1 - q->npos, q->npos);
    }
    return hits;
}

const char *px_query_text_lang(const px_corpus *c, uint32_t u)
{
    const px_utterance *ut = &c->utterances.v[u];
    if (ut->lang) return px_str_get(c, ut->lang);
    if (ut->document < c->documents.n && c->documents.v[ut->document].lang)
        return px_str_get(c, c->documents.v[ut->document].lang);
    return NULL;
}
