/* transactions.c - a refused file leaves nothing behind. */
#include "unit.h"

static const char good[] =
    "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><particDesc><listPerson>"
    "<person xml:id=\"ann\"><persName>Ann</persName></person>"
    "</listPerson></particDesc></profileDesc></teiHeader>"
    "<text><body><div type=\"topic\">"
    "<u who=\"#ann\">hello world</u><u who=\"#zed\">hello again</u>"
    "</div></body></text></TEI>";

/* Declares zed, adds words, events, a problem and a segment, then breaks
 * at line 5 (the mismatched end tag). */
static const char bad[] =
    "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><particDesc>\n"
    "<person xml:id=\"zed\"><persName>Zed</persName></person>\n"
    "</particDesc></profileDesc></teiHeader><text><body><div type=\"x\">\n"
    "<u who=\"#nobody\">unique badword <pause/></u><u/>\n"
    "<u who=\"#zed\">broken</w>\n"
    "</div></body></text></TEI>\n";

typedef struct counts {
    size_t docs, parts, utts, toks, segs, events, problems, kvs, text;
    uint32_t terms, strings;
} counts;

static counts count(const px_corpus *c)
{
    counts k = {c->documents.n, c->participants.n, c->utterances.n, c->token_count,
                c->segments.n, c->events.n, c->problems.n, c->kvs.n, c->text.n,
                c->terms.count, c->strings.count};
    return k;
}

static void test_bad_then_good(void)
{
    const char *n1[] = {"good.xml"}, *x1[] = {good};
    px_corpus *a = unit_load_n(n1, x1, 1, NULL);
    const char *n2[] = {"bad.xml", "good.xml"}, *x2[] = {bad, good};
    px_corpus *b = unit_load_n(n2, x2, 2, NULL);
    counts ka = count(a), kb = count(b);
    CHECK_EQ_INT(ka.docs, 1);
    CHECK_EQ_INT(kb.docs, ka.docs);
    CHECK_EQ_INT(kb.parts, ka.parts);         /* ann, zed (undeclared) */
    CHECK_EQ_INT(kb.parts, 2);
    CHECK_EQ_INT(kb.utts, ka.utts);
    CHECK_EQ_INT(kb.toks, ka.toks);
    CHECK_EQ_INT(kb.segs, ka.segs);
    CHECK_EQ_INT(kb.events, 0);
    CHECK_EQ_INT(kb.problems, ka.problems);
    CHECK_EQ_INT(kb.kvs, ka.kvs);
    CHECK_EQ_INT(kb.text, ka.text);
    CHECK_EQ_INT(kb.terms, ka.terms);         /* "", hello, world, again */
    CHECK_EQ_INT(kb.terms, 4);
    CHECK_EQ_INT(kb.strings, ka.strings + 1); /* the refused file's path stays */
    /* zed was declared only in the refused file: here it is undeclared */
    uint32_t z = unit_part(b, "zed");
    CHECK(z != PX_NONE);
    CHECK_EQ_INT(b->participants.v[z].declared, 0);
    CHECK_EQ_INT(unit_problems(b, "undeclared-who"), 1);
    CHECK_EQ_INT(unit_part(b, "nobody"), PX_NONE);
    CHECK_EQ_INT(px_strtab_find(&b->terms, "badword", 7), PX_NONE);
    CHECK_EQ_INT(px_strtab_find(&b->strings, "Zed", 3), PX_NONE);
    /* one refusal, naming the file and the mismatched tag's place */
    CHECK_EQ_INT(b->refusals.n, 1);
    CHECK_EQ_INT(b->files.n, 2);
    CHECK_EQ_INT(b->files.v[0].refused, 1);
    CHECK_EQ_INT(b->files.v[1].refused, 0);
    CHECK_EQ_STR(b->refusals.v[0].error.file, "bad.xml");
    CHECK_EQ_INT(b->refusals.v[0].error.line, 5);
    CHECK_EQ_INT(b->refusals.v[0].error.col, 21);        /* the "<" of </w> */
    CHECK_EQ_INT(b->refusals.v[0].error.code, PX_EDATA);
    CHECK(strstr(b->refusals.v[0].error.msg, "not well-formed") != NULL);
    CHECK_EQ_STR(px_str_get(b, b->documents.v[0].id), "good");
    CHECK_EQ_STR(px_utterance_text(b, 1), "hello again");
    px_corpus_unref(a);
    px_corpus_unref(b);
}

static void test_good_then_bad(void)
{
    const char *n1[] = {"good.xml"}, *x1[] = {good};
    px_corpus *a = unit_load_n(n1, x1, 1, NULL);
    const char *n2[] = {"good.xml", "bad.xml"}, *x2[] = {good, bad};
    px_corpus *b = unit_load_n(n2, x2, 2, NULL);
    counts ka = count(a), kb = count(b);
    CHECK_EQ_INT(kb.utts, ka.utts);
    CHECK_EQ_INT(kb.parts, ka.parts);
    CHECK_EQ_INT(kb.terms, ka.terms);
    CHECK_EQ_INT(kb.toks, ka.toks);
    CHECK_EQ_INT(kb.problems, ka.problems);
    CHECK_EQ_INT(b->refusals.n, 1);
    CHECK_EQ_STR(px_str_get(b, b->refusals.v[0].path), "bad.xml");
    /* the good file's words are still counted */
    uint32_t hello = px_strtab_find(&b->terms, "hello", 5);
    CHECK(hello != PX_NONE);
    CHECK_EQ_INT(hello != PX_NONE ? b->term_counts.v[hello] : 0, 2);
    px_corpus_unref(a);
    px_corpus_unref(b);
}

/* Nothing but a refused file: an empty corpus that still finishes. */
static void test_only_bad(void)
{
    px_corpus *c = unit_load("bad.xml", bad);
    CHECK_EQ_INT(c->documents.n, 0);
    CHECK_EQ_INT(c->participants.n, 0);
    CHECK_EQ_INT(c->utterances.n, 0);
    CHECK_EQ_INT(c->refusals.n, 1);
    CHECK_EQ_INT(c->finished, 1);
    px_corpus_unref(c);
}

/* A file whose first document was whole (its words already counted) and
 * whose second breaks: the counts of its words go with it. */
static void test_counts_taken_back(void)
{
    static const char half[] =
        "<teiCorpus " TEI_NS_ATTR "><teiHeader/>"
        "<TEI><text><body><u who=\"#ann\">hello hello world badword</u></body></text></TEI>\n"
        "<TEI><text><body><u who=\"#ann\">broken</w></body></text></TEI></teiCorpus>\n";
    const char *n1[] = {"good.xml"}, *x1[] = {good};
    px_corpus *a = unit_load_n(n1, x1, 1, NULL);
    const char *n2[] = {"good.xml", "half.xml"}, *x2[] = {good, half};   /* terms known before */
    px_corpus *b = unit_load_n(n2, x2, 2, NULL);
    CHECK_EQ_INT(b->refusals.n, 1);
    CHECK_EQ_INT(b->token_count, a->token_count);
    CHECK_EQ_INT(b->terms.count, a->terms.count);   /* badword is forgotten */
    CHECK_EQ_INT(b->term_counts.n, a->term_counts.n);
    int same = b->term_counts.n == a->term_counts.n;
    for (size_t t = 0; same && t < a->term_counts.n; t++)
        same = a->term_counts.v[t] == b->term_counts.v[t];
    CHECK(same);
    uint32_t hello = px_strtab_find(&b->terms, "hello", 5);
    CHECK(hello != PX_NONE);
    if (hello != PX_NONE) CHECK_EQ_INT(b->term_counts.v[hello], 2);
    px_corpus_unref(a);
    px_corpus_unref(b);
}

/* A teiCorpus that names the corpus and gives it a title, then breaks:
 * neither its name nor its title survives (their strings are forgotten,
 * and the ids would otherwise name whatever is interned next). */
static void test_corpus_header_taken_back(void)
{
    static const char named[] =
        "<teiCorpus " TEI_NS_ATTR " xml:id=\"Stale\"><teiHeader><fileDesc><titleStmt>"
        "<title>Stale title</title></titleStmt></fileDesc></teiHeader>\n"
        "<TEI><text><body><u who=\"#ann\">broken</w></body></text></TEI></teiCorpus>\n";
    const char *n[] = {"named.xml", "good.xml"}, *x[] = {named, good};
    px_corpus *c = unit_load_n(n, x, 2, NULL);
    CHECK_EQ_INT(c->refusals.n, 1);
    CHECK_EQ_INT(c->title, 0);
    CHECK_EQ_STR(px_str_get(c, c->name), "corpus");
    CHECK_EQ_INT(px_strtab_find(&c->strings, "Stale title", 11), PX_NONE);
    px_corpus_unref(c);
}

/* The limits' refusals say what the user can do: no option of px_options
 * is settable from the command line or Lua, so no hint may name one. */
static void test_limit_hints(void)
{
    px_options o;
    px_options_init(&o);
    o.max_utterance_text = 16;
    const char *n[] = {"long.xml"};
    const char *x[] = {"<TEI " TEI_NS_ATTR "><text><body>\n"
                       "<u who=\"#a\">one two three four five six seven</u></body></text></TEI>"};
    px_corpus *c = unit_load_n(n, x, 1, &o);
    CHECK_EQ_INT(c->refusals.n, 1);
    if (c->refusals.n) {
        const char *m = c->refusals.v[0].error.msg;
        CHECK(strstr(m, "longer than 16 bytes") != NULL);
        CHECK(strstr(m, "split it into several utterances") != NULL);
        CHECK(strstr(m, "max_") == NULL);
    }
    px_corpus_unref(c);
    px_options_init(&o);
    o.max_text_node = 16;
    x[0] = "<TEI " TEI_NS_ATTR "><text><body>\n"
           "<p>one two three four five six seven</p></body></text></TEI>";
    c = unit_load_n(n, x, 1, &o);
    CHECK_EQ_INT(c->refusals.n, 1);
    if (c->refusals.n) {
        const char *m = c->refusals.v[0].error.msg;
        CHECK(strstr(m, "longer than 16 bytes") != NULL);
        CHECK(strstr(m, "max_") == NULL);
    }
    px_corpus_unref(c);
}

int main(void)
{
    test_bad_then_good();
    test_good_then_bad();
    test_only_bad();
    test_counts_taken_back();
    test_corpus_header_taken_back();
    test_limit_hints();
    return unit_summary();
}
