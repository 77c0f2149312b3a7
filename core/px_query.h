/*
 * px_query.h - the query language of text searches (docs/query.md).
 *
 * A query is one or more token patterns separated by white space; several
 * make a phrase, matched at consecutive tokens of one utterance. Each
 * pattern is
 *   word       the tokens whose folded form (px_fold) is the word's;
 *   wo*d, w?rd the types that match the glob (* any run of code points,
 *              ? exactly one), expanded over the vocabulary (c->terms);
 *   {word}     the types with the word's Snowball stem in the query's
 *              language (px_stem.h).
 * With the accent option, forms (and stems) are compared with their marks
 * stripped (canonical decomposition, marks removed, recomposed).
 *
 * Compiling turns each pattern into a sorted set of term ids; matching
 * then compares term ids only. A px_query_cache keeps what compiling needs
 * per corpus (the stems of the types per language, their accent-stripped
 * forms), built on first use.
 */
#ifndef PX_QUERY_H
#define PX_QUERY_H

#include "px.h"
#include "px_stem.h"

/* One token position of a compiled query: the term ids it accepts. */
typedef struct px_query_pos {
    uint32_t *terms;           /* sorted, distinct */
    uint32_t n;
    uint64_t *bits;            /* membership over term ids, when n is large */
    uint8_t kind;              /* px_query_kind */
} px_query_pos;

typedef enum px_query_kind { PX_Q_WORD = 0, PX_Q_GLOB, PX_Q_STEM } px_query_kind;

typedef struct px_query {
    px_query_pos *pos;
    uint32_t npos;             /* tokens in a hit */
    uint32_t nterms;           /* the corpus's term count (bits cover it) */
    const char *algorithm;     /* the stemmer used, NULL when none */
} px_query;

typedef struct px_query_opts {
    const char *lang;          /* language of {stems}; NULL: "en" */
    int accents;               /* 0: accents count (default); 1: ignored */
} px_query_opts;

typedef struct px_query_cache px_query_cache;

/* A cache for corpus c (finished), holding a reference to it; NULL when
 * out of memory. Not to be shared by threads. */
px_query_cache *px_query_cache_new(px_corpus *c);
void px_query_cache_free(px_query_cache *k);
/* The stems of c's types in lang, built on first use (err on refusal). */
const px_stem_map *px_query_cache_stems(px_query_cache *k, const char *lang, px_error *err);

/* Compiles text[0..len) (UTF-8). On a syntax error returns PX_EDATA with
 * err->col the 1-based column (in code points) of the offending
 * character and a message naming the allowed syntax; a {stem} in a
 * language without a stemmer is PX_ENOTFOUND with the column of its '{'.
 * A word absent from the corpus is no error: its set is empty, and the
 * query matches nothing. Free with px_query_free. */
px_status px_query_compile(px_query **out, px_query_cache *k, const char *text, size_t len,
                           const px_query_opts *opts, px_error *err);
void px_query_free(px_query *q);

/* Does position p accept term t? */
static inline int px_query_pos_has(const px_query_pos *p, uint32_t t)
{
    if (p->bits) return (p->bits[t >> 6] >> (t & 63)) & 1;
    for (uint32_t i = 0; i < p->n; i++)
        if (p->terms[i] == t) return 1;
    return 0;
}

/* The quick path: for a one-token query, its only position (term ids
 * sorted in ->terms, ->n of them, maybe none); NULL for a phrase. */
const px_query_pos *px_query_single(const px_query *q);

/* Hits of q among terms[0..n) (an utterance's term ids): every start i at
 * which the q->npos positions match terms[i..i+npos), overlapping hits
 * included; hit(ud, i, npos) is called for each when not NULL. Returns
 * the number of hits. */
size_t px_query_match(const px_query *q, const uint32_t *terms, size_t n,
                      void (*hit)(void *ud, uint32_t start, uint32_t len), void *ud);

/* The same over utterance u's tokens, read from the token stream. */
size_t px_query_match_utterance(const px_query *q, const px_corpus *c, uint32_t u,
                                void (*hit)(void *ud, uint32_t start, uint32_t len), void *ud);

/* The language of utterance u's text for stems: its xml:lang (inherited
 * as TEI inherits it), else its document's, else NULL. A caller takes its
 * option when given, else this, else English; over texts in several
 * languages it compiles a query per language and matches each utterance
 * with the query of its own. */
const char *px_query_text_lang(const px_corpus *c, uint32_t u);

#endif
