/* wordlists.c - the stopword and function-word lists: every word in the
 * form the core gives its terms, no word twice in a list, no empty list,
 * and the lookup by language tag. */
#include "unit.h"
#include "px_wordlists.h"

static const char *const languages[] = {"en", "de", "fr", "es", "ca", "gl"};

/* Every word of a list folds to itself (NFC, case-folded, valid UTF-8),
 * is a single token under the word rule, and appears once. */
static void check_list(px_tokenizer *tk, const char *lang, const char *what, const char *list)
{
    size_t n = px_wordlist_count(list);
    unit_result(n > 0, __FILE__, __LINE__, "%s %s: empty", lang, what);
    for (const char *w = list; *w; w += strlen(w) + 1) {
        size_t len = strlen(w), flen = 0;
        const char *f = px_fold(tk, w, len, &flen);
        unit_result(f && flen == len && !memcmp(f, w, len), __FILE__, __LINE__,
                    "%s %s: \"%s\" is not folded NFC (folds to \"%s\")", lang, what, w,
                    f ? f : "(invalid UTF-8)");
        unit_toks t = unit_tokenize(w);
        unit_result(t.n == 1 && !strcmp(t.t[0], w), __FILE__, __LINE__,
                    "%s %s: \"%s\" is not one token", lang, what, w);
        int seen = 0;
        for (const char *v = list; *v; v += strlen(v) + 1)
            if (!strcmp(v, w)) seen++;
        unit_result(seen == 1, __FILE__, __LINE__, "%s %s: \"%s\" appears %d times", lang,
                    what, w, seen);
    }
}

static void test_lists(void)
{
    px_tokenizer tk;
    px_tokenizer_init(&tk);
    for (size_t i = 0; i < sizeof languages / sizeof *languages; i++) {
        const px_wordlists *wl = px_wordlists_find(languages[i]);
        CHECK(wl != NULL);
        if (!wl) continue;
        CHECK_EQ_STR(wl->lang, languages[i]);
        check_list(&tk, wl->lang, "stopwords", wl->stopwords);
        for (int c = 0; c < PX_FW_NCATEGORIES; c++)
            check_list(&tk, wl->lang, px_fw_category_name((px_fw_category)c),
                       wl->function_words[c]);
    }
    px_tokenizer_destroy(&tk);
    /* the table holds exactly these languages */
    size_t n = 0;
    while (px_wordlists_at(n)) n++;
    CHECK_EQ_INT(n, sizeof languages / sizeof *languages);
}

static void test_known_words(void)
{
    /* a few words each list must hold, and words it must not */
    const px_wordlists *en = px_wordlists_find("en");
    const px_wordlists *de = px_wordlists_find("de");
    const px_wordlists *gl = px_wordlists_find("gl");
    CHECK(px_wordlist_has(en->function_words[PX_FW_ARTICLES], "the"));
    CHECK(px_wordlist_has(en->function_words[PX_FW_NEGATIONS], "don't"));
    CHECK(px_wordlist_has(en->function_words[PX_FW_PERSONAL_PRONOUNS], "we"));
    CHECK(!px_wordlist_has(en->function_words[PX_FW_PERSONAL_PRONOUNS], "it"));
    CHECK(px_wordlist_has(en->function_words[PX_FW_IMPERSONAL_PRONOUNS], "it"));
    CHECK(px_wordlist_has(en->stopwords, "the"));
    CHECK(!px_wordlist_has(en->stopwords, "claim"));
    CHECK(!px_wordlist_has(en->stopwords, "um"));          /* fillers are not stopwords */
    CHECK(px_wordlist_has(de->function_words[PX_FW_PREPOSITIONS], "ausser"));   /* ß folded */
    CHECK(!px_wordlist_has(de->function_words[PX_FW_PREPOSITIONS], "au\xC3\x9F" "er"));
    CHECK(px_wordlist_has(de->function_words[PX_FW_PREPOSITIONS], "f\xC3\xBCr"));  /* für */
    CHECK(px_wordlist_has(gl->function_words[PX_FW_NEGATIONS], "non"));
    CHECK(!px_wordlist_has(gl->function_words[PX_FW_NEGATIONS], "no"));   /* "in the" */
    CHECK(px_wordlist_has(gl->function_words[PX_FW_PREPOSITIONS], "no"));
    CHECK(px_wordlist_has(gl->function_words[PX_FW_ARTICLES], "no"));
    CHECK(!px_wordlist_has(NULL, "the"));
    CHECK_EQ_INT(px_wordlist_count(NULL), 0);
    CHECK_EQ_INT(px_wordlist_count("a\0an\0the\0"), 3);
}

static void test_lookup(void)
{
    const px_wordlists *de = px_wordlists_find("de");
    CHECK(de != NULL);
    CHECK(px_wordlists_find("de-AT") == de);     /* a region falls back to the language */
    CHECK(px_wordlists_find("DE_at") == de);
    CHECK(px_wordlists_find("deu") == de);       /* ISO 639-2 */
    CHECK(px_wordlists_find("ger") == de);
    CHECK_EQ_STR(px_wordlists_find("en-GB")->lang, "en");
    CHECK_EQ_STR(px_wordlists_find("es-ES")->lang, "es");
    CHECK_EQ_STR(px_wordlists_find("ca-ES-valencia")->lang, "ca");
    CHECK_EQ_STR(px_wordlists_find("gl")->name, "Galician");
    CHECK_EQ_STR(px_wordlists_find("fre")->lang, "fr");
    CHECK(px_wordlists_find("xx") == NULL);      /* no lists: the caller says so */
    CHECK(px_wordlists_find("eu") == NULL);      /* Basque: none yet */
    CHECK(px_wordlists_find("") == NULL);
    CHECK(px_wordlists_find("-GB") == NULL);
    CHECK(px_wordlists_find(NULL) == NULL);
    CHECK(px_wordlists_find("english") == NULL); /* a name is no tag */
    CHECK(px_wordlists_find("e1") == NULL);

    CHECK_EQ_STR(px_fw_category_name(PX_FW_ARTICLES), "articles");
    CHECK_EQ_STR(px_fw_category_name(PX_FW_NEGATIONS), "negations");
    CHECK(px_fw_category_name(PX_FW_NCATEGORIES) == NULL);
    CHECK_EQ_INT(px_fw_category_find("impersonal_pronouns"), PX_FW_IMPERSONAL_PRONOUNS);
    CHECK_EQ_INT(px_fw_category_find("pronouns"), -1);
    CHECK_EQ_INT(px_fw_category_find(NULL), -1);
}

int main(void)
{
    test_lists();
    test_known_words();
    test_lookup();
    return unit_summary();
}
