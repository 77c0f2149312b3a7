/*
 * px_stem.h - Snowball stems (libstemmer) of a corpus's vocabulary.
 *
 * A language is named as xml:lang names it ("en", "en-GB", "pt-BR": the
 * primary subtag counts, in any case), by an ISO 639-2 code ("eng",
 * "spa"), or by the Snowball algorithm's own name ("english", "porter").
 * Which algorithms exist is asked of the installed libstemmer
 * (sb_stemmer_list), never assumed.
 *
 * Stems are computed for the types (the folded terms of c->terms), once
 * per language: a px_stem_map gives each term id its stem id. Tokens are
 * never stemmed one by one.
 */
#ifndef PX_STEM_H
#define PX_STEM_H

#include "px.h"

/* The Snowball algorithm for lang (a static string of libstemmer's own
 * list), or NULL with err saying why (PX_ENOTFOUND: no stemmer for that
 * language, naming the languages that have one; PX_EINVAL: lang empty). */
const char *px_stem_algorithm(const char *lang, px_error *err);

/* The algorithms the installed libstemmer offers, with a language code
 * each where one is known, as "catalan (ca), danish (da), ...". */
void px_stem_languages(char *out, size_t n);

typedef struct px_stemmer px_stemmer;

/* A stemmer for lang; NULL with err set (as px_stem_algorithm, or
 * PX_ENOMEM). Free with px_stemmer_free. Not to be shared by threads. */
px_stemmer *px_stemmer_new(const char *lang, px_error *err);
void px_stemmer_free(px_stemmer *s);
const char *px_stemmer_algorithm(const px_stemmer *s);
/* The stem of one folded word (UTF-8, case-folded as px_fold does), valid
 * until the next call, and its length; NULL when out of memory. */
const char *px_stemmer_stem(px_stemmer *s, const char *word, size_t len, size_t *outlen);

/* Term id -> stem id for the terms of a finished corpus, in one language. */
typedef struct px_stem_map {
    const char *algorithm;     /* as px_stem_algorithm returns it */
    uint32_t nterms;           /* the corpus's term count when built */
    uint32_t *stem_of;         /* term id -> id in stems (term 0, "", -> 0) */
    px_strtab stems;           /* the distinct stems */
} px_stem_map;

/* Builds m for c's terms in language lang: one stemming per type.
 * On failure m is left empty and err says why. */
px_status px_stem_map_build(px_stem_map *m, const px_corpus *c, const char *lang,
                            px_error *err);
void px_stem_map_destroy(px_stem_map *m);

#endif
