/* query.c - the query language: words, phrases, wildcards over the types,
 * Snowball stems per language, accent-insensitive forms, and the column
 * of every refusal. */
#include "unit.h"
#include "px_query.h"
#include "px_stem.h"

#define TEI_OPEN "<TEI " TEI_NS_ATTR " xml:lang=\"en\">"

/* Five utterances; the tokens (folded) are listed with their positions. */
static const char *DOC =
    TEI_OPEN "<teiHeader><profileDesc><particDesc><listPerson>"
    "<person xml:id=\"a\"/><person xml:id=\"b\"/>"
    "</listPerson></particDesc></profileDesc></teiHeader><text><body>"
    /* 0: the(0) connection(1) was(2) connected(3) while(4) connecting(5)
     *    to(6) the(7) cobweb(8) */
    "<u who=\"#a\">The connection was connected while connecting to the cobweb.</u>"
    /* 1: cobwebs(0) and(1) cobweb-like(2) claims(3) claims(4) backlog(5)
     *    the(6) claims(7) backlog(8) */
    "<u who=\"#b\">Cobwebs and cobweb-like claims: claims backlog, the claims backlog.</u>"
    /* 2: corriendo(0) por(1) el(2) café(3) corre(4) y(5) corrió(6) la(7)
     *    canción(8) y(9) las(10) canciones(11) correr(12) */
    "<u who=\"#a\" xml:lang=\"es\">Corriendo por el café, corre y corrió; la canción y "
    "las canciones, correr.</u>"
    /* 3: o(0) café(1) e(2) a(3) cafetería(4) */
    "<u who=\"#b\" xml:lang=\"gl\">O café e a cafetería</u>"
    /* 4: cafe(0) cafés(1) colour(2) color(3) */
    "<u who=\"#a\">Cafe CAFÉS colour color</u>"
    "</body></text></TEI>";

static px_corpus *C;
static px_query_cache *K;

/* Compiles q (accents: 0 or 1, lang NULL for the default); NULL on a
 * refusal, whose message is printed. */
static px_query *compile(const char *q, const char *lang, int accents)
{
    px_query_opts o = {lang, accents};
    px_query *out = NULL;
    px_error err;
    px_error_clear(&err);
    if (px_query_compile(&out, K, q, strlen(q), &o, &err) != PX_OK)
        printf("note: query \"%s\" refused: %s\n", q, err.msg);
    return out;
}

/* The folded forms a one-token query accepts, sorted and joined by
 * spaces ("" when none; "(phrase)" for a phrase). */
static const char *forms(const char *q, const char *lang, int accents)
{
    static char buf[512];
    const char *names[64];
    buf[0] = '\0';
    px_query *cq = compile(q, lang, accents);
    if (!cq) return "(refused)";
    const px_query_pos *one = px_query_single(cq);
    if (!one) {
        px_query_free(cq);
        return "(phrase)";
    }
    uint32_t n = one->n;
    for (uint32_t i = 0; i < n && i < 64; i++) names[i] = px_term_get(C, one->terms[i]);
    for (uint32_t i = 1; i < n && i < 64; i++)       /* insertion sort by bytes */
        for (uint32_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *x = names[j];
            names[j] = names[j - 1];
            names[j - 1] = x;
        }
    for (uint32_t i = 0; i < n && i < 64; i++) {
        strncat(buf, i ? " " : "", sizeof buf - strlen(buf) - 1);
        strncat(buf, names[i], sizeof buf - strlen(buf) - 1);
    }
    px_query_free(cq);
    return buf;
}

typedef struct hits { int n; uint32_t start[16], len[16]; } hits;

static void on_hit(void *ud, uint32_t start, uint32_t len)
{
    hits *h = ud;
    if (h->n < 16) {
        h->start[h->n] = start;
        h->len[h->n] = len;
    }
    h->n++;
}

/* The hits of q in utterance u, read from the token stream; also checks
 * that matching the decoded term ids finds the same. */
static hits hits_in(const char *q, uint32_t u, const char *lang, int accents)
{
    hits h = {0}, g = {0};
    px_query *cq = compile(q, lang, accents);
    if (!cq) return h;
    size_t n = px_query_match_utterance(cq, C, u, on_hit, &h);
    CHECK_EQ_INT(n, h.n);
    const px_utterance *ut = &C->utterances.v[u];
    uint32_t terms[64];
    px_utterance_terms(C, ut, terms);
    px_query_match(cq, terms, ut->tok_count, on_hit, &g);
    CHECK_EQ_INT(g.n, h.n);
    for (int i = 0; i < h.n && i < 16; i++) CHECK_EQ_INT(g.start[i], h.start[i]);
    px_query_free(cq);
    return h;
}

static void test_words_and_phrases(void)
{
    CHECK_EQ_INT(C->utterances.n, 5);
    /* a word is its folded form: case does not count, accents do */
    CHECK_EQ_STR(forms("cobweb", NULL, 0), "cobweb");
    CHECK_EQ_STR(forms("COBWEB", NULL, 0), "cobweb");
    CHECK_EQ_STR(forms("cafe", NULL, 0), "cafe");
    CHECK_EQ_STR(forms("Café", NULL, 0), "café");
    CHECK_EQ_STR(forms("cobweb-like", NULL, 0), "cobweb-like");
    CHECK_EQ_STR(forms("absent", NULL, 0), "");
    /* white space around and between words is no part of them */
    CHECK_EQ_STR(forms("  cobweb\t", NULL, 0), "cobweb");

    /* a phrase: consecutive tokens of one utterance; u1 holds "claims
     * backlog" at tokens 4-5 and 7-8 (not at 3: claims(3) claims(4)) */
    CHECK_EQ_STR(forms("claims backlog", NULL, 0), "(phrase)");
    hits h = hits_in("claims backlog", 1, NULL, 0);
    CHECK_EQ_INT(h.n, 2);
    CHECK_EQ_INT(h.start[0], 4);
    CHECK_EQ_INT(h.len[0], 2);
    CHECK_EQ_INT(h.start[1], 7);
    CHECK_EQ_INT(h.len[1], 2);
    /* overlapping hits all count: "claims" twice in a row at 3-4 only */
    CHECK_EQ_INT(hits_in("claims claims", 1, NULL, 0).n, 1);
    CHECK_EQ_INT(hits_in("claims", 1, NULL, 0).n, 3);
    /* a phrase never matches across utterances: u0 ends with "cobweb",
     * u1 starts with "cobwebs" */
    CHECK_EQ_INT(hits_in("cobweb cobwebs", 0, NULL, 0).n, 0);
    CHECK_EQ_INT(hits_in("cobweb cobwebs", 1, NULL, 0).n, 0);
    /* a word absent from the corpus makes the phrase match nothing */
    CHECK_EQ_INT(hits_in("claims absent", 1, NULL, 0).n, 0);
    /* a wildcard inside a phrase: "the c*" in u0 at 0 (the connection)
     * and 7 (the cobweb) */
    h = hits_in("the c*", 0, NULL, 0);
    CHECK_EQ_INT(h.n, 2);
    CHECK_EQ_INT(h.start[0], 0);
    CHECK_EQ_INT(h.start[1], 7);
}

static void test_wildcards(void)
{
    /* * at the end, at the start, in the middle, on both sides; it runs
     * over the hyphen of cobweb-like too (any code points) */
    CHECK_EQ_STR(forms("cobweb*", NULL, 0), "cobweb cobweb-like cobwebs");
    CHECK_EQ_STR(forms("*web", NULL, 0), "cobweb");
    CHECK_EQ_STR(forms("con*ed", NULL, 0), "connected");
    CHECK_EQ_STR(forms("*web*", NULL, 0), "cobweb cobweb-like cobwebs");
    CHECK_EQ_STR(forms("c*ing", NULL, 0), "connecting");
    CHECK_EQ_STR(forms("colo*r", NULL, 0), "color colour");
    /* ? is exactly one code point */
    CHECK_EQ_STR(forms("colo?r", NULL, 0), "colour");
    CHECK_EQ_STR(forms("col?r", NULL, 0), "color");
    /* é is one code point (two bytes): caf? takes cafe and café, caf??
     * takes cafés (c a f é s) and not café */
    CHECK_EQ_STR(forms("caf?", NULL, 0), "cafe café");
    CHECK_EQ_STR(forms("caf??", NULL, 0), "cafés");
    CHECK_EQ_STR(forms("ca?é", NULL, 0), "café");
    CHECK_EQ_STR(forms("CAF*", NULL, 0), "cafe cafetería café cafés");
    /* * alone: every type (the corpus's terms but "", id 0) */
    px_query *all = compile("*", NULL, 0);
    const px_query_pos *one = all ? px_query_single(all) : NULL;
    CHECK(one != NULL);
    CHECK_EQ_INT(one ? one->n : 0, C->terms.count - 1);
    /* a large set is tested through a bitmap, a small one by scanning */
    CHECK(one && one->bits != NULL);
    px_query_free(all);
    /* u1 has 9 tokens: "*" hits every one */
    CHECK_EQ_INT(hits_in("*", 1, NULL, 0).n, 9);
}

static void test_stems(void)
{
    char why[800];
    px_error err;
    px_error_clear(&err);
    /* tags as xml:lang writes them, ISO 639-2 codes and algorithm names */
    CHECK_EQ_STR(px_stem_algorithm("en", &err), "english");
    CHECK_EQ_STR(px_stem_algorithm("en-GB", &err), "english");
    CHECK_EQ_STR(px_stem_algorithm("EN_us", &err), "english");
    CHECK_EQ_STR(px_stem_algorithm("spa", &err), "spanish");
    CHECK_EQ_STR(px_stem_algorithm("pt-BR", &err), "portuguese");
    CHECK_EQ_STR(px_stem_algorithm("de", &err), "german");
    CHECK_EQ_STR(px_stem_algorithm("ca", &err), "catalan");
    CHECK_EQ_STR(px_stem_algorithm("porter", &err), "porter");
    CHECK(px_stem_algorithm("", &err) == NULL);
    CHECK_EQ_INT(err.code, PX_EINVAL);

    /* English (Porter2): connection: -ion after t in R2 ("tion") goes,
     * -> connect; connected: -ed after a vowel goes -> connect;
     * connecting: -ing likewise -> connect */
    CHECK_EQ_STR(forms("{connection}", NULL, 0), "connected connecting connection");
    CHECK_EQ_STR(forms("{CONNECTS}", "en", 0), "connected connecting connection");
    /* cobwebs: step 1a drops the s -> cobweb; cobweb-like stems apart */
    CHECK_EQ_STR(forms("{cobweb}", "en-GB", 0), "cobweb cobwebs");
    /* in u0, tokens 1, 3 and 5 */
    hits h = hits_in("{connect}", 0, NULL, 0);
    CHECK_EQ_INT(h.n, 3);
    CHECK_EQ_INT(h.start[0], 1);
    CHECK_EQ_INT(h.start[1], 3);
    CHECK_EQ_INT(h.start[2], 5);
    CHECK_EQ_INT(hits_in("the {cobweb}", 0, NULL, 0).n, 1);

    /* Spanish: RV of corriendo is "riendo" (consonant, vowel: after the
     * third letter); the gerund -iendo goes in step 2b -> corr; correr:
     * infinitive -er -> corr; corre: residual -e in RV -> corr; corrió:
     * -ió (2b) -> corr. canción and canciones: -es goes in 2b, and the
     * acute accent is removed at the end -> cancion */
    CHECK_EQ_STR(forms("{corriendo}", "es", 0), "corre correr corriendo corrió");
    CHECK_EQ_STR(forms("{canción}", "es", 0), "canciones canción");
    CHECK_EQ_INT(hits_in("{canciones}", 2, "es", 0).n, 2);
    /* the same word in English finds only itself: Porter2 leaves
     * corriendo as it is, and nothing else stems to it */
    CHECK_EQ_STR(forms("{corriendo}", "en", 0), "corriendo");

    /* the language of a text: the utterance's xml:lang, inherited from
     * the TEI element when it has none */
    CHECK_EQ_STR(px_query_text_lang(C, 0), "en");
    CHECK_EQ_STR(px_query_text_lang(C, 2), "es");
    CHECK_EQ_STR(px_query_text_lang(C, 3), "gl");

    /* the stems of the types are computed once per language */
    px_error_clear(&err);
    const px_stem_map *m1 = px_query_cache_stems(K, "es", &err);
    const px_stem_map *m2 = px_query_cache_stems(K, "es-MX", &err);
    CHECK(m1 && m1 == m2);
    CHECK(m1 && m1->nterms == C->terms.count);

    /* Galician has no Snowball stemmer: refused, with the reason, the
     * column of the '{' and the languages that have one */
    px_query_opts gl = {"gl", 0};
    px_query *q = NULL;
    px_error_clear(&err);
    px_status st = px_query_compile(&q, K, "o {café}", strlen("o {café}"), &gl, &err);
    CHECK_EQ_INT(st, PX_ENOTFOUND);
    CHECK(q == NULL);
    CHECK_EQ_INT(err.col, 3);
    CHECK(strstr(err.msg, "no stemmer for \"gl\" (galician)") != NULL);
    CHECK(strstr(err.msg, "spanish (es)") != NULL);
    CHECK(strstr(err.msg, "english (en)") != NULL);
    px_error_format(&err, why, sizeof why);
    CHECK(strstr(why, "* and ?") != NULL);
    /* a word without braces needs no stemmer, in any language */
    CHECK_EQ_STR(forms("café", "gl", 0), "café");
    /* an unknown language is refused too */
    px_error_clear(&err);
    CHECK(px_stem_algorithm("xx-YY", &err) == NULL);
    CHECK_EQ_INT(err.code, PX_ENOTFOUND);
    CHECK(strstr(err.msg, "\"xx-YY\"") != NULL);
}

static void test_accents(void)
{
    /* accents ignored: the types are compared with their marks stripped */
    CHECK_EQ_STR(forms("cafe", NULL, 1), "cafe café");
    CHECK_EQ_STR(forms("CAFÉ", NULL, 1), "cafe café");
    CHECK_EQ_STR(forms("cafes", NULL, 1), "cafés");
    CHECK_EQ_STR(forms("cafeteria", NULL, 1), "cafetería");
    CHECK_EQ_STR(forms("cafeteria", NULL, 0), "");
    /* with wildcards: caf?s against stripped forms takes cafés */
    CHECK_EQ_STR(forms("caf?s", NULL, 1), "cafés");
    CHECK_EQ_STR(forms("caf?s", NULL, 0), "cafés");
    CHECK_EQ_STR(forms("cafet*", NULL, 1), "cafetería");
    /* with stems: Spanish cancion (no accent) stems to cancion, as
     * canción does once its accent is removed */
    CHECK_EQ_STR(forms("{cancion}", "es", 1), "canciones canción");
    /* in u2, café at token 3; in u4, cafe at 0 */
    CHECK_EQ_INT(hits_in("cafe", 2, NULL, 1).n, 1);
    CHECK_EQ_INT(hits_in("cafe", 4, NULL, 1).n, 1);
    CHECK_EQ_INT(hits_in("cafe", 2, NULL, 0).n, 0);
}

/* q is refused with code and err.col == col; the message names the
 * allowed syntax when it is a syntax error. */
static void refused(const char *q, size_t len, px_status code, int col, int line)
{
    px_query *out = NULL;
    px_error err;
    px_error_clear(&err);
    px_status st = px_query_compile(&out, K, q, len, NULL, &err);
    unit_result(st == code && out == NULL, __FILE__, line, "query \"%s\": status %d, want %d",
                q, (int)st, (int)code);
    unit_result(err.col == col, __FILE__, line, "query \"%s\": column %d, want %d (%s)", q,
                err.col, col, err.msg);
    if (code == PX_EDATA && strstr(err.msg, "UTF-8") == NULL)
        unit_result(strstr(err.msg, "{word}") && strstr(err.msg, "? for one letter"), __FILE__,
                    line, "query \"%s\": the message names the syntax: %s", q, err.msg);
    px_query_free(out);
}
#define REFUSED(q, col) refused(q, strlen(q), PX_EDATA, col, __LINE__)

static void test_refusals(void)
{
    REFUSED("", 1);
    REFUSED("   ", 4);               /* empty: the end of the query */
    REFUSED("{connect", 1);          /* never closed */
    REFUSED("the {connect", 5);
    REFUSED("{}", 2);                /* empty braces: at the '}' */
    REFUSED("{claims backlog}", 8);  /* a space inside braces */
    REFUSED("{{run}}", 2);           /* braces do not nest */
    REFUSED("{run}s", 6);            /* something after the '}' */
    REFUSED("ab{c}", 3);             /* '{' inside a word */
    REFUSED("run}", 4);              /* '}' without '{' */
    REFUSED("{con*}", 5);            /* wildcard inside a stem */
    REFUSED("{?}", 2);
    REFUSED("cob[web]", 4);          /* regular expression syntax */
    REFUSED("claims|backlog", 7);
    REFUSED("(cobweb)", 1);
    REFUSED("cobweb+", 7);
    REFUSED("^cobweb", 1);
    REFUSED("cob.web", 4);
    REFUSED("claims, backlog", 7);
    REFUSED("foo-", 4);              /* a hyphen only between letters */
    REFUSED("-foo", 1);
    REFUSED("'tis", 1);
    REFUSED("café[", 5);             /* columns count code points: é is one */
    REFUSED("naïve ç[", 8);
    refused("ab\0cd", 5, PX_EDATA, 3, __LINE__);     /* a NUL byte */
    refused("ab\xff", 3, PX_EDATA, 3, __LINE__);     /* not UTF-8 */
    refused("caf\xc3", 4, PX_EDATA, 4, __LINE__);    /* cut inside é */
    /* at most 64 words: the 65th is one too many */
    char many[65 * 2 + 1];
    for (int i = 0; i < 65; i++) {
        many[2 * i] = 'a';
        many[2 * i + 1] = ' ';
    }
    many[130] = '\0';
    refused(many, 130, PX_ELIMIT, 129, __LINE__);
    /* 64 are fine */
    px_query *q = NULL;
    px_error err;
    px_error_clear(&err);
    CHECK_EQ_INT(px_query_compile(&q, K, many, 128, NULL, &err), PX_OK);
    CHECK(q && q->npos == 64);
    px_query_free(q);
    /* a refusal's message shows the query and the offending character */
    px_error_clear(&err);
    CHECK_EQ_INT(px_query_compile(&q, K, "cob[web", 7, NULL, &err), PX_EDATA);
    CHECK(strstr(err.msg, "\"cob[web\", column 4 ('[')") != NULL);
}

/* The language of a text: inherited from teiCorpus, else none. */
static void test_text_lang(void)
{
    px_corpus *c = unit_load("corpus.xml",
        "<teiCorpus " TEI_NS_ATTR " xml:lang=\"ca\"><teiHeader/>"
        "<TEI><teiHeader/><text><body><u>bon dia</u></body></text></TEI>"
        "<TEI xml:lang=\"fr\"><teiHeader/><text><body><u>bonjour</u>"
        "<u xml:lang=\"de\">guten Tag</u></body></text></TEI></teiCorpus>");
    unit_show_refusals(c);
    CHECK_EQ_INT(c->utterances.n, 3);
    if (c->utterances.n == 3) {
        CHECK_EQ_STR(px_query_text_lang(c, 0), "ca");
        CHECK_EQ_STR(px_query_text_lang(c, 1), "fr");
        CHECK_EQ_STR(px_query_text_lang(c, 2), "de");
    }
    px_corpus_unref(c);
    c = unit_load("bare.xml", "<TEI " TEI_NS_ATTR "><teiHeader/><text><body><u>hi</u>"
                  "</body></text></TEI>");
    CHECK_EQ_INT(c->utterances.n, 1);
    if (c->utterances.n == 1) CHECK(px_query_text_lang(c, 0) == NULL);
    px_corpus_unref(c);
}

int main(void)
{
    px_runtime_init();
    C = unit_load("query.xml", DOC);
    unit_show_refusals(C);
    K = px_query_cache_new(C);
    if (!K) return printf("FAIL: out of memory\n"), 1;
    test_words_and_phrases();
    test_wildcards();
    test_stems();
    test_accents();
    test_refusals();
    test_text_lang();
    px_query_cache_free(K);
    px_corpus_unref(C);
    return unit_summary();
}
