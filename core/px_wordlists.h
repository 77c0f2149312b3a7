/* px_wordlists.h - stopwords and function words, per language, written for
 * Praxis (not taken from another list), so that a researcher can read,
 * cite and override them.
 *
 * A word list is a run of NUL-terminated words ending with an empty word
 * ("a\0an\0the\0" and the literal's own closing NUL). Every word is already
 * in the form the core gives its terms: NFC and case-folded (px_fold), so
 * German "ausser", not "außer", and an apostrophe is U+0027 ("don't").
 * Read a list with
 *     for (const char *w = list; *w; w += strlen(w) + 1) ...
 *
 * Function words come in the nine categories that style-matching and
 * accommodation measures count (LSM, Ireland and Pennebaker 2010; the
 * coordination markers of Danescu-Niculescu-Mizil et al. 2012):
 * articles, auxiliary verbs, conjunctions, high-frequency adverbs,
 * impersonal pronouns, personal pronouns, prepositions, quantifiers and
 * negations. A word may sit in more than one category (English "as" is a
 * conjunction and a preposition, Spanish "del" an article and a
 * preposition, as in those measures); within one category it appears
 * once. Contractions of a preposition and an article (German "im",
 * French "du", Galician "coa") are listed under both.
 *
 * The tokens are whole words: where the word rule joins an elided form to
 * the next word by an apostrophe (French "l'homme", Catalan "d'això"),
 * the elided article or pronoun is not a token of its own, and the lists
 * carry only a few frequent fused forms ("c'est", "n'est", "j'ai").
 *
 * Stopwords are a general list per language: closed-class words and the
 * most general verbs and adverbs. Fillers and backchannels ("um", "mhm",
 * "yeah") are not stopwords: in talk they say much about who speaks. */
#ifndef PX_WORDLISTS_H
#define PX_WORDLISTS_H

#include <stddef.h>

typedef enum px_fw_category {
    PX_FW_ARTICLES = 0,
    PX_FW_AUXILIARY_VERBS,
    PX_FW_CONJUNCTIONS,
    PX_FW_ADVERBS,               /* high-frequency adverbs */
    PX_FW_IMPERSONAL_PRONOUNS,
    PX_FW_PERSONAL_PRONOUNS,
    PX_FW_PREPOSITIONS,
    PX_FW_QUANTIFIERS,
    PX_FW_NEGATIONS,
    PX_FW_NCATEGORIES
} px_fw_category;

typedef struct px_wordlists {
    const char *lang;            /* ISO 639-1 code: "en" */
    const char *name;            /* English name of the language: "English" */
    const char *codes;           /* every code it answers to, a word list: "en\0eng\0" */
    const char *stopwords;       /* a word list */
    const char *function_words[PX_FW_NCATEGORIES];   /* a word list per category */
} px_wordlists;

/* The lists of a language, from a language tag as in xml:lang: "en",
 * "en-GB", "es_ES", "DE-at" (the primary subtag, case-insensitively; ISO
 * 639-2 codes such as "deu" and "fre" too). NULL when Praxis has no lists
 * for that language (or tag is NULL or empty): say so to the user. */
const px_wordlists *px_wordlists_find(const char *tag);

/* The i-th language that has lists (i from 0), NULL past the last: for
 * messages that name the languages available. */
const px_wordlists *px_wordlists_at(size_t i);

/* The name of a category as Lua sees it: "articles", "auxiliary_verbs",
 * "conjunctions", "adverbs", "impersonal_pronouns", "personal_pronouns",
 * "prepositions", "quantifiers", "negations"; NULL out of range. */
const char *px_fw_category_name(px_fw_category c);

/* The category of that name, or -1. */
int px_fw_category_find(const char *name);

/* The number of words in a word list (0 for NULL). */
size_t px_wordlist_count(const char *list);

/* Is word (NUL-terminated, folded) in the list? A linear scan: for a
 * lookup per token, build a set of term ids once instead. */
int px_wordlist_has(const char *list, const char *word);

#endif
