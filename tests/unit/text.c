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

/* px_word_spans finds exactly the words px_tokenize finds. 60,000 texts are drawn
 * (seeded, reproducible) from pieces chosen to sit on every edge of the
 * rule: ASCII letters, digits, apostrophes and hyphens; 2-byte letters;
 * combining marks; U+2019 and U+2010 (joiners), curly quotes and dashes
 * (not word characters); a 3-byte letter, a 4-byte symbol, stray bytes
 * that are not UTF-8; spaces; lengths around the 16- and 64-byte blocks. */
typedef struct ref_spans { uint32_t v[2 * 4096]; size_t n; const char *base; } ref_spans;

static void ref_cb(void *ud, const char *tok, size_t len)
{
    ref_spans *r = ud;
    r->v[2 * r->n] = (uint32_t)(tok - r->base);
    r->v[2 * r->n + 1] = (uint32_t)len;
    r->n++;
}

static void test_word_spans(void)
{
    static const char *pieces[] = {
        "a", "Z", "q", "7", "'", "-", " ", "  ", ".", ",", "\n", "word", "don't",
        "\xC3\xA4", "\xC3\x9F", "\xC3\xB1", "\xCE\xB4",                 /* ä ß ñ δ */
        "\xCC\x81",                                                     /* U+0301 */
        "\xE2\x80\x99", "\xE2\x80\x90", "\xE2\x80\x9C", "\xE2\x80\x94", /* ’ ‐ “ — */
        "\xC2\xA0", "\xC2\xBB",                                         /* NBSP » */
        "\xE4\xB8\xAD",                                                 /* 中 */
        "\xF0\x9F\x98\x80",                                             /* U+1F600 */
        "\xFF", "\x80", "\xC3",                                         /* not UTF-8 */
    };
    const size_t npieces = sizeof pieces / sizeof *pieces;
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    px_tokenizer tk;
    px_tokenizer_init(&tk);
    static char buf[2048 + PX_WORD_SLACK];
    static ref_spans ref;
    size_t mismatches = 0, words = 0;
    for (int round = 0; round < 60000; round++) {
        /* half the texts ASCII and 2-byte letters only: the bitmap path */
        int plain = round & 1;
        size_t len = 0, target = (size_t)(round % 300);
        while (len < target) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t k = (size_t)(seed >> 33) % (plain ? 18 : npieces);
            size_t pl = strlen(pieces[k]);
            if (len + pl > 2048) break;
            memcpy(buf + len, pieces[k], pl);
            len += pl;
        }
        /* what lies past len must not matter: fill it with word bytes */
        memset(buf + len, 'x', PX_WORD_SLACK);
        ref.n = 0;
        ref.base = buf;
        px_tokenize(buf, len, ref_cb, &ref);
        const uint32_t *sp = NULL;
        size_t n = px_word_spans(&tk, buf, len, &sp);
        words += n;
        if (n != ref.n || (n && memcmp(sp, ref.v, 2 * n * sizeof *sp) != 0)) {
            if (mismatches++ < 3)
                fprintf(stderr, "  word spans differ on round %d (%zu vs %zu words): %.*s\n",
                        round, n, ref.n, (int)len, buf);
        }
    }
    CHECK_EQ_INT(mismatches, 0);
    CHECK(words > 300000);   /* the texts held words to compare */
    /* the empty text, and one word filling a whole 64-byte block exactly */
    const uint32_t *sp = NULL;
    CHECK_EQ_INT(px_word_spans(&tk, "", 0, &sp), 0);
    memset(buf, 'a', 64);
    memset(buf + 64, ' ', PX_WORD_SLACK);
    CHECK_EQ_INT(px_word_spans(&tk, buf, 64, &sp), 1);
    CHECK_EQ_INT(sp[0], 0);
    CHECK_EQ_INT(sp[1], 64);
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
    CHECK_EQ_INT(unit_term(c, 0, 0), unit_term(c, 0, 1));
    CHECK_EQ_INT(unit_term(c, 0, 1), unit_term(c, 0, 2));
    CHECK_EQ_INT(unit_term(c, 0, 3), unit_term(c, 0, 4));
    CHECK_EQ_STR(unit_token(c, 0, 5), "don't");
    CHECK_EQ_STR(unit_token(c, 0, 6), "stop");
    /* terms: "", strasse, été, don't, stop */
    CHECK_EQ_INT(c->terms.count, 5);
    CHECK_EQ_INT(c->term_counts.v[unit_term(c, 0, 0)], 3);
    px_corpus_unref(c);
}

/* The token stream stores term ids in one to three bytes here (ids above
 * 127 and 16383): 20,000 distinct words, then three of them again. */
static void test_token_stream(void)
{
    static char xml[300000];
    size_t n = (size_t)snprintf(xml, sizeof xml, "<TEI " TEI_NS_ATTR "><text><body><u who=\"#a\">");
    for (int i = 0; i < 20000; i++) n += (size_t)snprintf(xml + n, sizeof xml - n, "w%d ", i);
    n += (size_t)snprintf(xml + n, sizeof xml - n,
                          "</u><u who=\"#a\">w0 w19999 w200 w0</u></body></text></TEI>");
    px_corpus *c = unit_load("stream.xml", xml);
    CHECK_EQ_INT(c->utterances.n, 2);
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 20000);
    CHECK_EQ_INT(c->token_count, 20004);
    CHECK_EQ_STR(unit_token(c, 0, 127), "w127");
    CHECK_EQ_STR(unit_token(c, 0, 128), "w128");
    CHECK_EQ_STR(unit_token(c, 0, 16383), "w16383");
    CHECK_EQ_STR(unit_token(c, 0, 19999), "w19999");
    CHECK_EQ_STR(unit_token(c, 1, 0), "w0");
    CHECK_EQ_STR(unit_token(c, 1, 1), "w19999");
    CHECK_EQ_STR(unit_token(c, 1, 2), "w200");
    CHECK_EQ_INT(unit_term(c, 1, 3), unit_term(c, 0, 0));
    CHECK(unit_term(c, 1, 1) > 16384);   /* a three-byte id */
    CHECK_EQ_INT(c->term_counts.v[unit_term(c, 1, 0)], 3);
    CHECK_EQ_INT(c->term_counts.v[unit_term(c, 1, 2)], 2);
    /* the stream is shorter than four bytes a token */
    CHECK(c->tokens.n < 3 * c->token_count);
    uint32_t all[4];
    px_utterance_terms(c, &c->utterances.v[1], all);
    CHECK_EQ_INT(all[1], unit_term(c, 0, 19999));
    px_corpus_unref(c);
}

/* Utterances cut by the word rule around one whose tokens are its <w>:
 * each keeps its own words (the words of many are cut in one pass). */
static void test_words_between_w(void)
{
    px_corpus *c = unit_load("mixed.xml",
        "<TEI " TEI_NS_ATTR "><text><body>"
        "<u who=\"#a\">one two</u>"
        "<u who=\"#a\"><w>New York</w> <w>city</w></u>"
        "<u who=\"#a\">three</u><u who=\"#a\"/><u who=\"#a\">four, five-six</u>"
        "</body></text></TEI>");
    CHECK_EQ_INT(c->utterances.n, 5);
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 2);
    CHECK_EQ_STR(unit_token(c, 0, 1), "two");
    CHECK_EQ_INT(c->utterances.v[1].tok_count, 2);
    CHECK_EQ_STR(unit_token(c, 1, 0), "new york");   /* a w is one token */
    CHECK_EQ_INT(c->utterances.v[2].tok_count, 1);
    CHECK_EQ_STR(unit_token(c, 2, 0), "three");
    CHECK_EQ_INT(c->utterances.v[3].tok_count, 0);
    CHECK_EQ_INT(c->utterances.v[4].tok_count, 2);
    CHECK_EQ_STR(unit_token(c, 4, 1), "five-six");
    CHECK_EQ_INT(c->token_count, 7);
    px_corpus_unref(c);
}

int main(void)
{
    test_word_rule();
    test_fold();
    test_word_spans();
    test_terms_in_corpus();
    test_token_stream();
    test_words_between_w();
    return unit_summary();
}
