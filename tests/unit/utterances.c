/* utterances.c - speakers, text, tokens, events, ids and participants. */
#include "unit.h"

#define TEI_OPEN "<TEI " TEI_NS_ATTR ">"

/* Text: seg and w, mixed content, what is kept out, events. */
static void test_text_and_events(void)
{
    px_corpus *c = unit_load("text.xml",
        TEI_OPEN "<teiHeader><profileDesc><particDesc><listPerson>"
        "<person xml:id=\"a\"/><person xml:id=\"b\"/>"
        "</listPerson></particDesc></profileDesc></teiHeader>"
        "<text><body>"
        /* 0: two seg with w; adjacent w joined by a space; w are the tokens */
        "<u who=\"#a\"><seg><w>no</w><w>mine</w></seg><seg><w>isn't</w> <w>old-ish</w></seg></u>"
        /* 1: mixed content; speaker, note, desc, head, stage out of the text */
        "<u who=\"#b\"><speaker>B:</speaker>well <note>aside</note>I\n  think"
        "<pause dur=\"PT0.8S\"/>so<vocal who=\"#b\"><desc>laughs</desc></vocal>"
        "<head>H</head><stage>sits</stage> really</u>"
        /* between utterances: an incident and a kinesic */
        "<incident><desc>phone rings</desc></incident>"
        "<kinesic who=\"#a\"><desc>nods</desc></kinesic>"
        /* 2: shift and anchor inside; text around them */
        "<u who=\"#a\"><shift feature=\"loud\" new=\"f\"/>Elizabeth<anchor/>here"
        "<shift feature=\"loud\" new=\"normal\"/></u>"
        /* 3: empty */
        "<u who=\"#b\"/>"
        /* 4: multiple speakers */
        "<u who=\"#a #b\">together now</u>"
        "</body></text></TEI>");
    unit_show_refusals(c);
    CHECK_EQ_INT(c->utterances.n, 5);
    CHECK_EQ_STR(px_utterance_text(c, 0), "no mine isn't old-ish");
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 4);
    CHECK_EQ_STR(unit_token(c, 0, 2), "isn't");
    CHECK_EQ_STR(unit_token(c, 0, 3), "old-ish");
    CHECK_EQ_STR(px_utterance_text(c, 1), "well I think so really");
    CHECK_EQ_INT(c->utterances.v[1].tok_count, 5);
    /* an event between two words separates them */
    CHECK_EQ_STR(px_utterance_text(c, 2), "Elizabeth here");
    CHECK_EQ_INT(c->utterances.v[2].tok_count, 2);
    CHECK_EQ_STR(px_utterance_text(c, 3), "");
    CHECK_EQ_INT(c->utterances.v[3].tok_count, 0);
    CHECK_EQ_INT(unit_problems(c, "empty-utterance"), 1);
    /* events: pause, vocal (u1), incident, kinesic (between), shift, anchor, shift (u2) */
    CHECK_EQ_INT(c->events.n, 7);
    CHECK_EQ_INT(c->utterances.v[1].ev_count, 2);
    px_event *e = c->events.v;
    CHECK_EQ_INT(e[0].type, PX_EVENT_PAUSE);
    CHECK_NEAR(e[0].dur, 0.8, 1e-9);
    CHECK_EQ_INT(e[0].utterance, 1);
    CHECK_EQ_INT(e[1].type, PX_EVENT_VOCAL);
    CHECK_EQ_STR(px_str_get(c, e[1].desc), "laughs");
    CHECK_EQ_STR(px_str_get(c, e[1].who), "b");
    CHECK_EQ_INT(e[2].type, PX_EVENT_INCIDENT);
    CHECK_EQ_INT(e[2].utterance, PX_NONE);
    CHECK_EQ_STR(px_str_get(c, e[2].desc), "phone rings");
    CHECK_EQ_INT(e[3].type, PX_EVENT_KINESIC);
    CHECK_EQ_INT(e[3].utterance, PX_NONE);
    CHECK_EQ_INT(e[4].type, PX_EVENT_SHIFT);
    CHECK_EQ_STR(px_str_get(c, e[4].feature), "loud");
    CHECK_EQ_STR(px_str_get(c, e[4].value), "f");
    CHECK_EQ_INT(e[5].type, PX_EVENT_ANCHOR);
    CHECK_EQ_INT(c->utterances.v[2].ev_count, 3);
    /* two speakers: one utterance, credited to each */
    CHECK_EQ_INT(c->utterances.v[4].spk_count, 2);
    CHECK_EQ_STR(unit_speaker(c, 4, 0), "a");
    CHECK_EQ_STR(unit_speaker(c, 4, 1), "b");
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "a")), 3);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "b")), 3);
    CHECK_EQ_INT(c->participants.n, 2);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 2);
    px_corpus_unref(c);
}

/* @who: undeclared, blank, missing, bare and file-qualified pointers. */
static void test_who(void)
{
    px_corpus *c = unit_load("who.xml",
        TEI_OPEN "<teiHeader><profileDesc><particDesc><listPerson>"
        "<person xml:id=\"ann\"/><person xml:id=\"silent\"/>"
        "</listPerson></particDesc></profileDesc></teiHeader>"
        "<text><body>"
        "<u who=\"#ann\">a</u>"
        "<u who=\"ann\">b</u>"
        "<u who=\"people.xml#ann\">c</u>"
        "<u who=\"#ghost\">d</u>"
        "<u who=\" \">e</u>"
        "<u>f</u>"
        "</body></text></TEI>");
    CHECK_EQ_INT(c->utterances.n, 6);
    CHECK_EQ_STR(unit_speaker(c, 1, 0), "ann");
    CHECK_EQ_STR(unit_speaker(c, 2, 0), "ann");
    CHECK_EQ_STR(unit_speaker(c, 3, 0), "ghost");
    CHECK_EQ_STR(unit_speaker(c, 4, 0), "unknown");
    CHECK_EQ_STR(unit_speaker(c, 5, 0), "unknown");
    /* ann, silent, ghost, unknown */
    CHECK_EQ_INT(c->participants.n, 4);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 3);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "ann")), 3);
    CHECK_EQ_INT(unit_part_utts(c, unit_part(c, "silent")), 0);
    CHECK_EQ_INT(c->participants.v[unit_part(c, "ghost")].declared, 0);
    CHECK_EQ_INT(unit_problems(c, "undeclared-who"), 1);
    CHECK_EQ_INT(unit_problems(c, "blank-who"), 1);     /* one per document */
    px_corpus_unref(c);
}

/* Repeated xml:id: one warning, ids become DOCID.uN; unique ones stay. */
static void test_repeated_ids(void)
{
    px_corpus *c = unit_load("rep.xml",
        TEI_OPEN "<text><body>"
        "<u who=\"#a\" xml:id=\"x\">one</u>"
        "<u who=\"#a\" xml:id=\"x\">two</u>"
        "<u who=\"#a\" xml:id=\"y\">three</u>"
        "<u who=\"#a\">four</u>"
        "</body></text></TEI>");
    CHECK_EQ_STR(px_utterance_id(c, 0), "rep.u1");
    CHECK_EQ_STR(px_utterance_id(c, 1), "rep.u2");
    CHECK_EQ_STR(px_utterance_id(c, 2), "y");
    CHECK_EQ_STR(px_utterance_id(c, 3), "rep.u4");
    CHECK_EQ_INT(unit_problems(c, "repeated-id"), 1);
    CHECK_EQ_INT(px_utterance_find(c, "y"), 2);
    CHECK_EQ_INT(px_utterance_find(c, "x"), PX_NONE);
    px_corpus_unref(c);
}

/* Persons: listPerson and particDesc, personGrp, names, sex, age,
 * affiliation; organisations. */
static void test_people(void)
{
    px_corpus *c = unit_load("people.xml",
        TEI_OPEN "<teiHeader><profileDesc><particDesc>"
        "<person xml:id=\"direct\" sex=\"F\"><persName>Direct Person</persName></person>"
        "<listPerson>"
        "<person xml:id=\"p1\" sex=\"female\" age=\"34\">"
        "<persName><forename>Ana</forename><surname>Novak</surname></persName></person>"
        "<person xml:id=\"p2\" sex=\"FEMALE\"/>"
        "<person xml:id=\"p3\" sex=\"1\" n=\"Three\"/>"
        "<person xml:id=\"p4\" sex=\"2\"/>"
        "<person xml:id=\"p5\"><sex value=\"M\"/><age value=\"3;06\"/>"
        "<affiliation role=\"member\" ref=\"#party.SD\" from=\"2018-06-22\" to=\"2022-05-12\"/>"
        "<affiliation role=\"member\" ref=\"#DZ\"/></person>"
        "<person xml:id=\"p6\" sex=\"UNKNOWN\"/>"
        "<personGrp xml:id=\"g1\" sex=\"mixed\"><name>Chorus</name></personGrp>"
        "</listPerson></particDesc></profileDesc></teiHeader>"
        "<text><body><u who=\"#p1\">hi</u></body></text></TEI>");
    const char *ids[] = {"direct", "p1", "p2", "p3", "p4", "p5", "p6", "g1"};
    CHECK_EQ_INT(c->participants.n, 8);
    for (int i = 0; i < 8; i++) CHECK_EQ_STR(px_str_get(c, c->participants.v[i].id), ids[i]);
    px_participant *p = c->participants.v;
    CHECK_EQ_STR(px_str_get(c, p[0].name), "Direct Person");
    CHECK_EQ_STR(px_str_get(c, p[1].name), "Ana Novak");
    CHECK_EQ_STR(px_str_get(c, p[2].name), "p2");        /* no name: the id */
    CHECK_EQ_INT(p[0].sex, PX_SEX_FEMALE);
    CHECK_EQ_INT(p[1].sex, PX_SEX_FEMALE);
    CHECK_EQ_INT(p[2].sex, PX_SEX_FEMALE);
    CHECK_EQ_INT(p[3].sex, PX_SEX_MALE);                 /* ISO 5218: 1 male */
    CHECK_EQ_INT(p[4].sex, PX_SEX_FEMALE);               /* ISO 5218: 2 female */
    CHECK_EQ_INT(p[5].sex, PX_SEX_MALE);                 /* <sex value="M"/> */
    CHECK_EQ_INT(p[6].sex, PX_SEX_NONE);
    CHECK_EQ_INT(p[7].sex, PX_SEX_OTHER);
    CHECK_NEAR(p[1].age, 34, 1e-9);
    CHECK_NEAR(p[5].age, 3.5, 1e-9);
    CHECK_NAN(p[2].age);
    CHECK_EQ_INT(p[7].group, 1);
    CHECK_EQ_STR(px_str_get(c, p[7].name), "Chorus");
    CHECK_EQ_INT(p[5].aff_count, 2);
    px_affiliation *a = &c->affiliations.v[p[5].aff_first];
    CHECK_EQ_STR(px_str_get(c, a->ref), "party.SD");
    CHECK_EQ_STR(px_str_get(c, a->from), "2018-06-22");
    CHECK_EQ_STR(px_str_get(c, a[1].ref), "DZ");
    /* the raw sex stays among the attributes */
    int raw = 0;
    for (uint32_t k = 0; k < p[2].attr_count; k++) {
        px_kv kv = c->kvs.v[p[2].attr_first + k];
        if (!strcmp(px_str_get(c, kv.key), "sex") && !strcmp(px_str_get(c, kv.value), "FEMALE")) raw++;
    }
    CHECK_EQ_INT(raw, 1);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 1);
    px_corpus_unref(c);
}

static void test_orgs(void)
{
    px_corpus *c = unit_load("ParlaMint-XX-listOrg.xml",
        "<listOrg " TEI_NS_ATTR ">"
        "<org xml:id=\"party.SD\" role=\"parliamentaryGroup\">"
        "<orgName full=\"yes\">Social Democrats</orgName><orgName full=\"abb\">SD</orgName></org>"
        "<org xml:id=\"DZ\" role=\"parliament\"><orgName>National Assembly</orgName></org>"
        "</listOrg>");
    CHECK_EQ_INT(c->orgs.n, 2);
    CHECK_EQ_INT(c->documents.n, 0);
    CHECK_EQ_INT(c->files.v[0].component, 1);
    CHECK_EQ_INT(c->refusals.n, 0);
    uint32_t o = px_org_find(c, "party.SD");
    CHECK_EQ_INT(o, 0);
    CHECK_EQ_STR(px_str_get(c, c->orgs.v[0].name), "Social Democrats");
    CHECK_EQ_STR(px_str_get(c, c->orgs.v[0].abbr), "SD");
    CHECK_EQ_STR(px_str_get(c, c->orgs.v[1].role), "parliament");
    px_corpus_unref(c);
}

/* Whitespace: every run of spaces, tabs and line breaks in an utterance,
 * and every boundary element (pause), becomes one space; none at either
 * end. 544 seeded utterances of 0 to ~90 bytes, so that short runs, runs
 * across eight-byte blocks and runs at the very ends all occur; the
 * expected text is built here by the plain definition. */
static void test_whitespace(void)
{
    static const char *pieces[] = {"a", "word", "Fu\xC3\x9F", "x-y", " ", " ", "  ", "\t",
                                   "\n   ", "\r\n", "<pause/>", "<pause/> ", " <pause/>"};
    const size_t np = sizeof pieces / sizeof *pieces;
    static char xml[200000], want[600][128];
    size_t xn = 0;
    xn += (size_t)snprintf(xml + xn, sizeof xml - xn, TEI_OPEN "<text><body>");
    uint64_t seed = 12345;
    for (int u = 0; u < 544; u++) {
        char raw[256];   /* the text as written, pause as a space */
        size_t rn = 0;
        xn += (size_t)snprintf(xml + xn, sizeof xml - xn, "<u who=\"#a\">");
        int pieces_n = u % 23;
        for (int k = 0; k < pieces_n; k++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            const char *pc = pieces[(seed >> 33) % np];
            xn += (size_t)snprintf(xml + xn, sizeof xml - xn, "%s", pc);
            for (const char *q = pc; *q; q++) {
                if (!strncmp(q, "<pause/>", 8)) { raw[rn++] = ' '; q += 7; }
                else raw[rn++] = *q;
            }
        }
        xn += (size_t)snprintf(xml + xn, sizeof xml - xn, "</u>\n");
        /* collapse by the definition */
        size_t wn = 0;
        int space = 0;
        for (size_t i = 0; i < rn; i++) {
            char ch = raw[i];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') { space = 1; continue; }
            if (space && wn) want[u][wn++] = ' ';
            space = 0;
            want[u][wn++] = ch;
        }
        want[u][wn] = '\0';
    }
    /* and a double space, or a tab, at every place in a 30-byte text */
    for (int u = 0; u < 56; u++) {
        int k = u % 27 + 1;   /* at least one x after the two */
        char raw[40];
        memset(raw, 'x', 30);
        raw[30] = '\0';
        raw[k] = ' ';
        raw[k + 1] = u < 28 ? ' ' : '\t';
        xn += (size_t)snprintf(xml + xn, sizeof xml - xn, "<u who=\"#a\">%s</u>", raw);
        /* want: k x, one space, the other 28 - k x */
        memset(want[544 + u], 'x', 29);
        want[544 + u][k] = ' ';
        want[544 + u][29] = '\0';
    }
    xn += (size_t)snprintf(xml + xn, sizeof xml - xn, "</body></text></TEI>");
    px_corpus *c = unit_load("ws.xml", xml);
    CHECK_EQ_INT(c->utterances.n, 600);
    int bad = 0;
    for (uint32_t u = 0; u < c->utterances.n && u < 600; u++) {
        const char *got = c->text.v + c->utterances.v[u].text_off;
        if (strcmp(got, want[u]) != 0 && bad++ < 3)
            fprintf(stderr, "  utterance %u: got \"%s\", want \"%s\"\n", u, got, want[u]);
    }
    CHECK_EQ_INT(bad, 0);
    px_corpus_unref(c);
}

int main(void)
{
    test_text_and_events();
    test_whitespace();
    test_who();
    test_repeated_ids();
    test_people();
    test_orgs();
    return unit_summary();
}
