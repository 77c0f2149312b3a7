/* stem.c - language tags to Snowball algorithms, and the stems of a
 * corpus's types (libstemmer). */
#include "px_stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* Language codes and names, so that a tag finds its algorithm and a
 * refusal can name the language. Whether an algorithm exists is asked of
 * libstemmer; languages without one are here only to be named. */
typedef struct lang_row { const char *iso1, *iso2t, *iso2b, *name; } lang_row;
static const lang_row LANGS[] = {
    {"ar", "ara", NULL, "arabic"},     {"hy", "hye", "arm", "armenian"},
    {"eu", "eus", "baq", "basque"},    {"ca", "cat", NULL, "catalan"},
    {"da", "dan", NULL, "danish"},     {"nl", "nld", "dut", "dutch"},
    {"en", "eng", NULL, "english"},    {"eo", "epo", NULL, "esperanto"},
    {"et", "est", NULL, "estonian"},   {"fi", "fin", NULL, "finnish"},
    {"fr", "fra", "fre", "french"},    {"de", "deu", "ger", "german"},
    {"el", "ell", "gre", "greek"},     {"hi", "hin", NULL, "hindi"},
    {"hu", "hun", NULL, "hungarian"},  {"id", "ind", NULL, "indonesian"},
    {"ga", "gle", NULL, "irish"},      {"it", "ita", NULL, "italian"},
    {"lt", "lit", NULL, "lithuanian"}, {"ne", "nep", NULL, "nepali"},
    {"no", "nor", NULL, "norwegian"},  {"nb", "nob", NULL, "norwegian"},
    {"pt", "por", NULL, "portuguese"}, {"ro", "ron", "rum", "romanian"},
    {"ru", "rus", NULL, "russian"},    {"sr", "srp", NULL, "serbian"},
    {"es", "spa", NULL, "spanish"},    {"sv", "swe", NULL, "swedish"},
    {"ta", "tam", NULL, "tamil"},      {"tr", "tur", NULL, "turkish"},
    {"yi", "yid", NULL, "yiddish"},
    /* without a Snowball stemmer (at the time of writing) */
    {"gl", "glg", NULL, "galician"},   {"ast", "ast", NULL, "asturian"},
    {"oc", "oci", NULL, "occitan"},    {"pl", "pol", NULL, "polish"},
    {"cs", "ces", "cze", "czech"},     {"sk", "slk", "slo", "slovak"},
    {"sl", "slv", NULL, "slovenian"},  {"hr", "hrv", NULL, "croatian"},
    {"bg", "bul", NULL, "bulgarian"},  {"uk", "ukr", NULL, "ukrainian"},
    {"la", "lat", NULL, "latin"},      {"cy", "cym", "wel", "welsh"},
    {"br", "bre", NULL, "breton"},     {"is", "isl", "ice", "icelandic"},
    {"lv", "lav", NULL, "latvian"},    {"mt", "mlt", NULL, "maltese"},
    {"he", "heb", NULL, "hebrew"},     {"fa", "fas", "per", "persian"},
    {"zh", "zho", "chi", "chinese"},   {"ja", "jpn", NULL, "japanese"},
    {"ko", "kor", NULL, "korean"},
};
#define NLANGS (sizeof LANGS / sizeof LANGS[0])

/* The name libstemmer lists for name, or NULL when it has none. */
static const char *installed(const char *name)
{
    for (const char **l = sb_stemmer_list(); *l; l++)
        if (!strcmp(*l, name)) return *l;
    return NULL;
}

static const char *code_of(const char *name)
{
    for (size_t i = 0; i < NLANGS; i++)
        if (!strcmp(LANGS[i].name, name)) return LANGS[i].iso1;
    return NULL;
}

void px_stem_languages(char *out, size_t n)
{
    size_t k = 0;
    if (!n) return;
    out[0] = '\0';
    for (const char **l = sb_stemmer_list(); *l && k + 1 < n; l++) {
        const char *code = code_of(*l);
        int w = code ? snprintf(out + k, n - k, "%s%s (%s)", k ? ", " : "", *l, code)
                     : snprintf(out + k, n - k, "%s%s", k ? ", " : "", *l);
        if (w < 0) break;
        k += (size_t)w;
    }
}

/* The primary subtag of tag, lower-cased, into buf ("" when too long). */
static void primary_subtag(const char *tag, char *buf, size_t n)
{
    size_t k = 0;
    for (; tag[k] && tag[k] != '-' && tag[k] != '_'; k++) {
        if (k + 1 >= n) { buf[0] = '\0'; return; }
        char ch = tag[k];
        buf[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
    buf[k] = '\0';
}

const char *px_stem_algorithm(const char *lang, px_error *err)
{
    if (!lang || !*lang)
        return px_error_set(err, PX_EINVAL, "no language given for stems: name one as "
                            "xml:lang does (\"en\", \"es\", \"de-AT\")"), NULL;
    char sub[24];
    primary_subtag(lang, sub, sizeof sub);
    const char *have = sub[0] ? installed(sub) : NULL;     /* "english", "porter" */
    if (have) return have;
    const char *name = NULL;
    for (size_t i = 0; i < NLANGS && sub[0]; i++) {
        const lang_row *r = &LANGS[i];
        if (!strcmp(sub, r->iso1) || !strcmp(sub, r->iso2t) || (r->iso2b && !strcmp(sub, r->iso2b))) {
            name = r->name;
            break;
        }
    }
    if (name && (have = installed(name))) return have;
    char list[600];
    px_stem_languages(list, sizeof list);
    if (name)
        px_error_set(err, PX_ENOTFOUND, "Snowball has no stemmer for \"%s\" (%s), so {word} "
                     "cannot find its forms; stemmers exist for %s; name one of those as the "
                     "language, or match the forms with * and ?", lang, name, list);
    else
        px_error_set(err, PX_ENOTFOUND, "no Snowball stemmer is known for the language \"%s\"; "
                     "stemmers exist for %s; name one of those as the language, or match the "
                     "forms with * and ?", lang, list);
    return NULL;
}

struct px_stemmer {
    struct sb_stemmer *sb;
    const char *algorithm;
};

px_stemmer *px_stemmer_new(const char *lang, px_error *err)
{
    const char *alg = px_stem_algorithm(lang, err);
    if (!alg) return NULL;
    px_stemmer *s = calloc(1, sizeof *s);
    if (s) s->sb = sb_stemmer_new(alg, "UTF_8");
    if (!s || !s->sb) {
        free(s);
        px_error_set(err, PX_ENOMEM, "out of memory starting the %s stemmer", alg);
        return NULL;
    }
    s->algorithm = alg;
    return s;
}

void px_stemmer_free(px_stemmer *s)
{
    if (!s) return;
    sb_stemmer_delete(s->sb);
    free(s);
}

const char *px_stemmer_algorithm(const px_stemmer *s) { return s->algorithm; }

const char *px_stemmer_stem(px_stemmer *s, const char *word, size_t len, size_t *outlen)
{
    if (len > (size_t)INT32_MAX) return NULL;
    const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (!r) return NULL;
    *outlen = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}

px_status px_stem_map_build(px_stem_map *m, const px_corpus *c, const char *lang,
                            px_error *err)
{
    memset(m, 0, sizeof *m);
    px_stemmer *s = px_stemmer_new(lang, err);
    if (!s) return err ? err->code : PX_ENOTFOUND;
    uint32_t n = c->terms.count;
    m->algorithm = s->algorithm;
    m->nterms = n;
    m->stem_of = calloc(n ? n : 1, sizeof *m->stem_of);
    int ok = m->stem_of && px_strtab_init(&m->stems) == 0;
    for (uint32_t t = 1; ok && t < n; t++) {
        size_t sl;
        const char *st = px_stemmer_stem(s, px_strtab_get(&c->terms, t),
                                         px_strtab_len(&c->terms, t), &sl);
        px_str id = st ? px_strtab_intern(&m->stems, st, sl) : PX_STR_ERR;
        if (id == PX_STR_ERR) ok = 0;
        else m->stem_of[t] = id;
    }
    px_stemmer_free(s);
    if (!ok) {
        px_stem_map_destroy(m);
        return px_error_set(err, PX_ENOMEM, "out of memory stemming the vocabulary");
    }
    return PX_OK;
}

void px_stem_map_destroy(px_stem_map *m)
{
    free(m->stem_of);
    if (m->stems.offs) px_strtab_destroy(&m->stems);
    memset(m, 0, sizeof *m);
}
