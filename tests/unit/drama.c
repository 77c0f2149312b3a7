/* drama.c - DraCor's segment rule, cast lists, joint speeches, dates. */
#include "unit.h"

static char xml[8192];

/* A play: a listPerson with a, b, c; a castList; the given body and
 * standOff. */
static px_corpus *play(const char *name, const char *body, const char *standoff)
{
    snprintf(xml, sizeof xml,
        "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><particDesc><listPerson>"
        "<person xml:id=\"a\" sex=\"MALE\"><persName>Alpha</persName></person>"
        "<person xml:id=\"b\" sex=\"FEMALE\"><persName>Beta</persName></person>"
        "<personGrp xml:id=\"c\"><name>Chorus</name></personGrp>"
        "</listPerson></particDesc></profileDesc></teiHeader>"
        "%s<text><front><castList>"
        "<castItem><role corresp=\"#a\">Alpha, a king</role></castItem>"
        "<castItem><person xml:id=\"castonly\"><persName>Extra</persName></person></castItem>"
        "</castList></front><body>%s</body></text></TEI>",
        standoff, body);
    return unit_load(name, xml);
}

#define SP(who) "<sp who=\"" who "\"><p>x</p></sp>"

static uint32_t seg_utts(const px_corpus *c, uint32_t g) { return c->segments.v[g].utt_count; }

static void test_no_div(void)
{
    px_corpus *c = play("nodiv.xml",
        "<sp who=\"#a\"><speaker>ALPHA.</speaker><stage>laughing</stage>"
        "<p>Hello there.</p><l>A line</l><l>and more</l></sp>"
        SP("#b") SP("#a #b"), "");
    unit_show_refusals(c);
    CHECK_EQ_INT(c->documents.n, 1);
    CHECK_EQ_INT(c->documents.v[0].kind, PX_KIND_DRAMA);
    CHECK_EQ_INT(c->segments.n, 1);                  /* the body */
    CHECK_EQ_INT(seg_utts(c, 0), 3);
    CHECK_EQ_STR(px_str_get(c, c->segments.v[0].type), "body");
    CHECK_EQ_STR(px_utterance_text(c, 0), "Hello there. A line and more");
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 6);   /* hello there a line and more */
    /* castList persons are not participants: a, b, c only */
    CHECK_EQ_INT(c->participants.n, 3);
    CHECK_EQ_INT(unit_part(c, "castonly"), PX_NONE);
    CHECK_EQ_INT(c->participants.v[2].group, 1);
    /* sp who="#a #b": one utterance, both credited */
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_INT(c->utterances.v[2].spk_count, 2);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "a")), 2);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "b")), 2);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 2);
    px_corpus_unref(c);
}

static void test_div2_scenes(void)
{
    px_corpus *c = play("div2.xml",
        "<div1 type=\"act\"><div2 type=\"scene\">" SP("#a") SP("#b") "</div2>"
        "<div2 type=\"scene\">" SP("#c") "</div2></div1>"
        "<div1 type=\"act\">" SP("#a") SP("#b") "</div1>"        /* sp, no div2 */
        "<div1 type=\"act\"><head>Act without speech</head></div1>", "");
    CHECK_EQ_INT(c->segments.n, 3);
    CHECK_EQ_INT(seg_utts(c, 0), 2);
    CHECK_EQ_INT(seg_utts(c, 1), 1);
    CHECK_EQ_INT(seg_utts(c, 2), 2);
    CHECK_EQ_STR(px_str_get(c, c->segments.v[0].type), "scene");
    CHECK_EQ_STR(px_str_get(c, c->segments.v[2].type), "act");
    CHECK_EQ_STR(px_str_get(c, c->segments.v[1].id), "div2.s2");
    px_corpus_unref(c);
}

/* Greek plays: sp in div2 strophes inside div1; every div1 is a segment. */
static void test_div1_only(void)
{
    px_corpus *c = play("div1.xml",
        "<div1 type=\"episode\">" SP("#a")
        "<div2 type=\"strophe\">" SP("#c") SP("#c") "</div2></div1>"
        "<div1 type=\"stasimon\"><div2 type=\"antistrophe\">" SP("#c") "</div2></div1>"
        "<div1 type=\"exodos\"/>", "");
    CHECK_EQ_INT(c->segments.n, 3);
    CHECK_EQ_INT(seg_utts(c, 0), 3);
    CHECK_EQ_INT(seg_utts(c, 1), 1);
    CHECK_EQ_INT(seg_utts(c, 2), 0);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "c")), 3);
    px_corpus_unref(c);
}

/* Plain divs: those holding sp, and empty scenes. */
static void test_plain_divs(void)
{
    px_corpus *c = play("divs.xml",
        "<div type=\"prologue\"><p>Spoken by no one.</p></div>"
        "<div type=\"act\"><div type=\"scene\">" SP("#a") SP("#b") "</div>"
        "<div type=\"scene\"><stage>Empty stage.</stage></div>"
        "<div type=\"scene\">" SP("#a") "</div></div>"
        "<div type=\"act\">" SP("#b") "</div>", "");
    CHECK_EQ_INT(c->segments.n, 4);
    CHECK_EQ_INT(seg_utts(c, 0), 2);
    CHECK_EQ_INT(seg_utts(c, 1), 0);
    CHECK_EQ_INT(seg_utts(c, 2), 1);
    CHECK_EQ_INT(seg_utts(c, 3), 1);
    CHECK_EQ_STR(px_str_get(c, c->segments.v[3].type), "act");
    px_corpus_unref(c);
}

static const char *date_of(const char *events)
{
    static char out[32];
    char so[1024];
    snprintf(so, sizeof so, "<standOff><listEvent>%s</listEvent></standOff>", events);
    px_corpus *c = play("date.xml", SP("#a"), so);
    snprintf(out, sizeof out, "%s",
             c->documents.n && c->documents.v[0].date ? px_str_get(c, c->documents.v[0].date) : "-");
    px_corpus_unref(c);
    return out;
}

static void test_dracor_date(void)
{
#define EV(t, y) "<event type=\"" t "\" when=\"" y "\"><desc/></event>"
    CHECK_EQ_STR(date_of(EV("print", "1772") EV("premiere", "1774")), "1772");
    CHECK_EQ_STR(date_of(EV("print", "1780") EV("premiere", "1778")), "1778");
    /* written 12 years earlier than the earlier of the two: written */
    CHECK_EQ_STR(date_of(EV("written", "1760") EV("print", "1772") EV("premiere", "1774")), "1760");
    /* written only 7 years earlier: not */
    CHECK_EQ_STR(date_of(EV("written", "1765") EV("print", "1772")), "1772");
    /* exactly ten years earlier: not more than ten, so print */
    CHECK_EQ_STR(date_of(EV("written", "1762") EV("print", "1772")), "1772");
    CHECK_EQ_STR(date_of(EV("written", "1801")), "1801");
    CHECK_EQ_STR(date_of(EV("premiere", "-0442")), "-0442");
#undef EV
}

/* Two plays of one folder that both have a Marie, and a messenger each
 * that neither declares: in drama ids are per play, so these are four
 * people, not two. The chorus is declared by a corpus-level listPerson:
 * one person in both plays. Two spoken documents that declare one id keep
 * one participant (one id, one participant), and check warns when their
 * names differ. */
static void test_ids_per_play(void)
{
#define PLAY(name) "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><particDesc><listPerson>" \
        "<person xml:id=\"marie\"><persName>" name "</persName></person>" \
        "</listPerson></particDesc></profileDesc></teiHeader><text><body>" \
        SP("#marie") SP("#bote") SP("#chorus") SP("#marie") "</body></text></TEI>"
    const char *n[] = {"plays/curie.xml", "plays/stuart.xml", "plays/cast.xml"};
    const char *x[] = {PLAY("Marie Curie"), PLAY("Marie Stuart"),
                       "<listPerson " TEI_NS_ATTR "><person xml:id=\"chorus\">"
                       "<persName>Chorus</persName></person></listPerson>"};
#undef PLAY
    px_corpus *c = unit_load_n(n, x, 3, NULL);
    unit_show_refusals(c);
    CHECK_EQ_INT(c->documents.n, 2);
    CHECK_EQ_INT(c->documents.v[0].kind, PX_KIND_DRAMA);
    CHECK_EQ_INT(c->participants.n, 5);   /* 2 maries + 2 messengers + 1 chorus */
    uint32_t m0 = px_participant_find(c, "marie", 0), m1 = px_participant_find(c, "marie", 1);
    CHECK(m0 != PX_NONE && m1 != PX_NONE && m0 != m1);
    if (m0 != PX_NONE && m1 != PX_NONE) {
        CHECK_EQ_STR(px_str_get(c, c->participants.v[m0].name), "Marie Curie");
        CHECK_EQ_STR(px_str_get(c, c->participants.v[m1].name), "Marie Stuart");
        CHECK_EQ_INT(unit_part_utts(c, m0), 2);
        CHECK_EQ_INT(unit_part_utts(c, m1), 2);
        CHECK_EQ_INT(c->participants.v[m0].document, 0);
    }
    uint32_t b0 = px_participant_find(c, "bote", 0), b1 = px_participant_find(c, "bote", 1);
    CHECK(b0 != PX_NONE && b1 != PX_NONE && b0 != b1);
    /* an id two plays use names no one person corpus-wide */
    CHECK_EQ_INT(unit_part(c, "marie"), PX_NONE);
    uint32_t ch = unit_part(c, "chorus");
    CHECK(ch != PX_NONE);
    CHECK_EQ_INT(unit_part_utts(c, ch), 2);
    CHECK_EQ_INT(px_participant_find(c, "chorus", 1), ch);
    CHECK_EQ_INT(unit_problems(c, "undeclared-who"), 2);
    CHECK_EQ_INT(unit_problems(c, "id-names-differ"), 0);
    px_corpus_unref(c);

    /* one play alone: its people are found by id */
    c = unit_load(n[0], x[0]);
    CHECK(unit_part(c, "marie") != PX_NONE);
    CHECK(unit_part(c, "bote") != PX_NONE);
    px_corpus_unref(c);

    /* spoken documents: one id is one participant; the names differ */
#define TALK(name) "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><particDesc><listPerson>" \
        "<person xml:id=\"marie\"><persName>" name "</persName></person>" \
        "</listPerson></particDesc></profileDesc></teiHeader><text><body>" \
        "<u who=\"#marie\">hello</u></body></text></TEI>"
    const char *n2[] = {"talk/a.xml", "talk/b.xml", "talk/c.xml"};
    const char *x2[] = {TALK("Marie Curie"), TALK("Marie Stuart"), TALK("Marie Curie")};
#undef TALK
    c = unit_load_n(n2, x2, 3, NULL);
    CHECK_EQ_INT(c->participants.n, 1);
    uint32_t m = unit_part(c, "marie");
    CHECK(m != PX_NONE);
    if (m != PX_NONE) {
        CHECK_EQ_STR(px_str_get(c, c->participants.v[m].name), "Marie Curie");   /* the first */
        CHECK_EQ_INT(unit_part_utts(c, m), 3);
        CHECK_EQ_INT(c->participants.v[m].document, PX_NONE);
    }
    CHECK_EQ_INT(unit_problems(c, "id-names-differ"), 1);   /* b.xml; c.xml agrees */
    for (size_t i = 0; i < c->problems.n; i++) {
        const px_problem *p = &c->problems.v[i];
        if (strcmp(px_str_get(c, p->code), "id-names-differ")) continue;
        char where[200];
        px_pos_format(c, p->pos, where, sizeof where);
        /* <TEI xmlns="..."> 41 + teiHeader 11 + profileDesc 13 + particDesc 12
         * + listPerson 12 = 89 characters before <person */
        CHECK_EQ_STR(where, "talk/b.xml:1:90");
        CHECK(strstr(px_str_get(c, p->message), "Marie Stuart") != NULL);
        CHECK(strstr(px_str_get(c, p->message), "talk/a.xml:1:90") != NULL);
    }
    px_corpus_unref(c);
}

int main(void)
{
    test_no_div();
    test_div2_scenes();
    test_div1_only();
    test_plain_divs();
    test_dracor_date();
    test_ids_per_play();
    return unit_summary();
}
