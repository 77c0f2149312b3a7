/* text.c - the word rule, NFC and case folding. */
#include "unit.h"

static void test_word_rule(void)
{
    unit_toks t = unit_tokenize("I don't know, a well-known 'quoted' word -- yes");
    CHECK_EQ_INT(t.n, 8);
    CHECK_EQ_STR(t.t[0], "I");
    CHECK_EQ_STR(t.t[1], "don't");            /* inner apostrophe joins */
    CHECK_EQ_STR(t.t[2], "know");
    CHECK_EQ_STR(t.t[3], "a");
    CHECK_EQ_STR(t.t[4], "well-known");       /* inner hyphen joins */
    CHECK_EQ_STR(t.t[5], "quoted");           /* outer quotes are not part of it */
    CHECK_EQ_STR(t.t[6], "word");
    CHECK_EQ_STR(t.t[7], "yes");              /* "--" stands alone and splits */

    t = unit_tokenize("a--b");
    CHECK_EQ_INT(t.n, 2);                     /* two hyphens do not join */
    CHECK_EQ_STR(t.t[1], "b");

    t = unit_tokenize("route 66, 3.5 km");    /* digits are word characters */
    CHECK_EQ_INT(t.n, 5);
    CHECK_EQ_STR(t.t[1], "66");
    CHECK_EQ_STR(t.t[2], "3");

    t = unit_tokenize("l\xE2\x80\x99h\xC3\xB4tel");   /* U+2019 joins too */
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_STR(t.t[0], "l\xE2\x80\x99h\xC3\xB4tel");

    /* a combining mark belongs to its word: "e" + U+0301 + "t" + "e" + U+0301 */
    t = unit_tokenize("e\xCC\x81te\xCC\x81 ok");
    CHECK_EQ_INT(t.n, 2);
    CHECK_EQ_STR(t.t[0], "e\xCC\x81te\xCC\x81");

    t = unit_tokenize("... ?! -- ''");       /* punctuation only */
    CHECK_EQ_INT(t.n, 0);
    t = unit_tokenize("end-");                /* a trailing hyphen is dropped */
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_STR(t.t[0], "end");
}

static void test_fold(void)
{
    px_tokenizer tk;
    px_tokenizer_init(&tk);
    size_t n = 0;
    /* ASCII fast path: lowering only */
    CHECK_EQ_STR(px_fold(&tk, "HeLLo-World", 11, &n), "hello-world");
    CHECK_EQ_INT(n, 11);
    /* full case folding: sharp s becomes "ss" */
    CHECK_EQ_STR(px_fold(&tk, "Stra\xC3\x9F" "e", 7, &n), "strasse");
    CHECK_EQ_INT(n, 7);
    /* "ÉTÉ" composed (U+00C9) and decomposed (E + U+0301) fold to one term */
    char composed[64], decomposed[64];
    snprintf(composed, sizeof composed, "%s", px_fold(&tk, "\xC3\x89T\xC3\x89", 5, &n));
    snprintf(decomposed, sizeof decomposed, "%s",
             px_fold(&tk, "E\xCC\x81TE\xCC\x81", 7, &n));
    CHECK_EQ_STR(composed, "\xC3\xA9t\xC3\xA9");            /* "été", NFC */
    CHECK_EQ_STR(decomposed, composed);
    /* Greek: final sigma folds to sigma, so ΟΔΟΣ and οδος meet */
    char upper[64];
    snprintf(upper, sizeof upper, "%s",
             px_fold(&tk, "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3", 8, &n));   /* ΟΔΟΣ */
    CHECK_EQ_STR(upper, "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x83");              /* οδοσ */
    CHECK_EQ_STR(px_fold(&tk, "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x82", 8, &n),
                 "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x83");                    /* οδός -> οδόσ */
    /* invalid UTF-8 is refused */
    CHECK(px_fold(&tk, "a\xFF" "b", 3, &n) == NULL);
    px_tokenizer_destroy(&tk);
}

/* Terms in a loaded utterance: folded, one id per distinct form. */
static void test_terms_in_corpus(void)
{
    px_corpus *c = unit_load("terms.xml",
        "<TEI " TEI_NS_ATTR "><text><body>"
        "<u who=\"#a\">Stra\xC3\x9F" "e STRASSE strasse \xC3\x89T\xC3\x89 E\xCC\x81TE\xCC\x81 don't--stop</u>"
        "</body></text></TEI>");
    CHECK_EQ_INT(c->utterances.n, 1);
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 7);
    CHECK_EQ_STR(unit_token(c, 0, 0), "strasse");
    CHECK_EQ_INT(c->tokens.v[0], c->tokens.v[1]);
    CHECK_EQ_INT(c->tokens.v[1], c->tokens.v[2]);
    CHECK_EQ_INT(c->tokens.v[3], c->tokens.v[4]);
    CHECK_EQ_STR(unit_token(c, 0, 5), "don't");
    CHECK_EQ_STR(unit_token(c, 0, 6), "stop");
    /* terms: "", strasse, été, don't, stop */
    CHECK_EQ_INT(c->terms.count, 5);
    CHECK_EQ_INT(c->term_counts.v[c->tokens.v[0]], 3);
    px_corpus_unref(c);
}

int main(void)
{
    test_word_rule();
    test_fold();
    test_terms_in_corpus();
    return unit_summary();
}
