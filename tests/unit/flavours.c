/* flavours.c - CMC posts, ISO 24624 blocks and tiers, ParlaMint roots with
 * XInclude (through the in-memory file table), speaker references, the
 * TEI P5 name list and the problems `praxis check` reports. */
#include "unit.h"
#include "tei.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEI_OPEN "<TEI " TEI_NS_ATTR ">"
#define XI "xmlns:xi=\"http://www.w3.org/2001/XInclude\""
#define DATED "<teiHeader><profileDesc><creation><date when=\"2020-01-01\"/></creation>"

/* The value of raw attribute key of utterance u, or NULL. */
static const char *uattr(const px_corpus *c, uint32_t u, const char *key)
{
    const px_utterance *ut = &c->utterances.v[u];
    for (uint32_t k = 0; k < ut->attr_count; k++) {
        const px_kv *kv = &c->kvs.v[ut->attr_first + k];
        if (!strcmp(px_str_get(c, kv->key), key)) return px_str_get(c, kv->value);
    }
    return NULL;
}

static const px_annotation *uann(const px_corpus *c, uint32_t u, uint32_t k)
{
    const px_utterance *ut = &c->utterances.v[u];
    return k < ut->ann_count ? &c->annotations.v[ut->ann_first + k] : NULL;
}

static const char *S(const px_corpus *c, px_str s) { return px_str_get(c, s); }

/* Loads a memory set with includes resolved between its files. */
static px_corpus *load_set(const char *const *names, const char *const *xmls, size_t n,
                           size_t root)
{
    px_corpus *c = px_corpus_new(NULL);
    if (!c) exit(1);
    size_t lens[16];
    for (size_t i = 0; i < n; i++) lens[i] = strlen(xmls[i]);
    px_error err;
    px_error_clear(&err);
    if (px_corpus_add_memory_set(c, names, xmls, lens, n, root, &err) != PX_OK)
        printf("note: add_memory_set: %s\n", err.msg);
    if (px_corpus_finish(c, &err) != PX_OK) printf("note: finish: %s\n", err.msg);
    return c;
}

static void test_cmc_posts(void)
{
    px_corpus *c = unit_load("cmc.xml",
        TEI_OPEN DATED "<particDesc><listPerson><person xml:id=\"u7\"/><person xml:id=\"u8\"/>"
        "</listPerson></particDesc></profileDesc></teiHeader><text>"
        "<timeline unit=\"s\"><when xml:id=\"t0\" absolute=\"2015-07-30T20:00:00\"/>"
        "<when xml:id=\"t1\" interval=\"65\" since=\"#t0\"/></timeline><body>"
        "<div type=\"thread\" xml:id=\"th1\">"
        "<post xml:id=\"p9\" type=\"comment\" modality=\"written\" generatedBy=\"human\" who=\"#u7\""
        " when-iso=\"2015-07-29T21:44\" indentLevel=\"0\"><p>Has anyone tried it?</p></post>"
        "<post xml:id=\"p10\" who=\"#u8\" when=\"2015-07-30T19:11\" indentLevel=\"1\" replyTo=\"#p9\">"
        "<p>yes</p></post>"
        "<post xml:id=\"c3\" who=\"#u8\" synch=\"#t1\"><p>brb</p></post>"
        "</div></body></text></TEI>");
    unit_show_refusals(c);
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_INT(c->documents.v[0].kind, PX_KIND_CMC);
    /* the thread is a segment */
    CHECK_EQ_INT(c->segments.n, 1);
    CHECK_EQ_STR(S(c, c->segments.v[0].type), "thread");
    /* raw attributes, xml:id left out */
    CHECK_EQ_STR(uattr(c, 0, "type"), "comment");
    CHECK_EQ_STR(uattr(c, 0, "modality"), "written");
    CHECK_EQ_STR(uattr(c, 0, "generatedBy"), "human");
    CHECK_EQ_STR(uattr(c, 0, "indentLevel"), "0");
    CHECK(uattr(c, 0, "xml:id") == NULL);
    CHECK_EQ_INT(c->utterances.v[0].attr_count, 6);
    /* indentLevel, replyTo, when/when-iso, synch */
    CHECK_EQ_INT(c->utterances.v[0].indent, 0);
    CHECK_EQ_INT(c->utterances.v[1].indent, 1);
    CHECK_EQ_INT(c->utterances.v[2].indent, -1);
    CHECK_EQ_INT(c->utterances.v[1].reply_to, 0);
    double t;
    px_parse_datetime("2015-07-29T21:44", &t);
    CHECK_NEAR(c->utterances.v[0].time, t, 1e-6);
    px_parse_datetime("2015-07-30T19:11", &t);
    CHECK_NEAR(c->utterances.v[1].time, t, 1e-6);
    CHECK_NEAR(c->utterances.v[2].start, 65, 1e-9);
    px_parse_datetime("2015-07-30T20:01:05", &t);
    CHECK_NEAR(c->utterances.v[2].time, t, 1e-6);
    px_corpus_unref(c);

    /* the older posting with addressingTerm/addressee @who */
    c = unit_load("posting.xml",
        TEI_OPEN DATED "<particDesc><listPerson><person xml:id=\"a\"/><person xml:id=\"b\"/>"
        "</listPerson></particDesc></profileDesc></teiHeader><text><body><div type=\"thread\">"
        "<posting who=\"#a\"><p><addressingTerm><addressMarker>@</addressMarker>"
        "<addressee who=\"#b\">b</addressee></addressingTerm> hi there</p></posting>"
        "</div></body></text></TEI>");
    CHECK_EQ_INT(c->utterances.n, 1);
    CHECK_EQ_INT(c->utterances.v[0].adr_count, 1);
    CHECK_EQ_STR(S(c, c->participants.v[c->refs.v[c->utterances.v[0].adr_first]].id), "b");
    CHECK_EQ_STR(px_utterance_text(c, 0), "@ hi there");
    /* posting, addressingTerm, addressMarker, addressee: no TEI P5 names */
    CHECK_EQ_INT(unit_problems(c, "unknown-element"), 4);
    px_corpus_unref(c);
}

/* A @replyTo is a pointer inside its own document: another thread's post
 * of the same id is never its target. */
static void test_replies_stay_in_their_document(void)
{
#define THREAD(posts) TEI_OPEN DATED "<particDesc><listPerson><person xml:id=\"u7\"/>" \
        "</listPerson></particDesc></profileDesc></teiHeader><text><body>" \
        "<div type=\"thread\">\n" posts "</div></body></text></TEI>"
#define POST(id, reply) "<post xml:id=\"" id "\" who=\"#u7\"" reply "><p>x</p></post>\n"
    const char *n[] = {"a.xml", "b.xml"};
    const char *x[] = {
        THREAD(POST("p1", "") POST("p2", " replyTo=\"#p1\"")),
        THREAD(POST("p2", "") POST("p3", " replyTo=\"#p2\"") POST("p4", " replyTo=\"#p1\"")),
    };
#undef POST
#undef THREAD
    px_corpus *c = unit_load_n(n, x, 2, NULL);
    unit_show_refusals(c);
    CHECK_EQ_INT(c->utterances.n, 5);
    CHECK_EQ_INT(c->utterances.v[1].reply_to, 0);
    /* b.xml's own p2, not a.xml's (the first p2 of the corpus) */
    CHECK_EQ_INT(c->utterances.v[3].reply_to, 2);
    /* p1 is no post of b.xml: no reply, a warning that names it */
    CHECK_EQ_INT(c->utterances.v[4].reply_to, PX_NONE);
    CHECK_EQ_INT(unit_problems(c, "dangling-reply"), 1);
    for (size_t i = 0; i < c->problems.n; i++) {
        const px_problem *p = &c->problems.v[i];
        if (strcmp(S(c, p->code), "dangling-reply")) continue;
        char where[200];
        px_pos_format(c, p->pos, where, sizeof where);
        CHECK_EQ_STR(where, "b.xml:4:1");
        CHECK(strstr(S(c, p->message), "'p1'") != NULL);
    }
    px_corpus_unref(c);
}

static void test_iso_blocks(void)
{
    px_corpus *c = unit_load("iso.xml",
        TEI_OPEN DATED "<particDesc><listPerson><person xml:id=\"SPK0\"/>"
        "<person sex=\"1\" age=\"3;06\"><altGrp><alt type=\"CHI\"/></altGrp></person>"
        "</listPerson></particDesc></profileDesc></teiHeader><text>"
        "<timeline unit=\"s\"><when xml:id=\"T0\" absolute=\"0\"/><when xml:id=\"T1\" interval=\"1.5\" since=\"#T0\"/>"
        "<when xml:id=\"T2\" interval=\"3\" since=\"#T0\"/></timeline><body>"
        "<annotationBlock xml:id=\"ab1\" who=\"#SPK0\" start=\"#T0\" end=\"#T1\">"
        "<u xml:id=\"u1\" trans=\"latching\"><seg><w xml:id=\"w1\">so</w><w xml:id=\"w2\">Ar<anchor synch=\"#T0\"/>beit</w></seg></u>"
        "<spanGrp type=\"pos\"><span from=\"#w1\" to=\"#w1\">ADV</span><span from=\"#w2\" to=\"#w2\">NN</span></spanGrp>"
        "<spanGrp type=\"code\"><span>REQ</span></spanGrp></annotationBlock>"
        "<annotationBlock who=\"CHI\" start=\"#T1\" end=\"#T2\"><u><seg>ouais .</seg></u>"
        "<spanGrp type=\"sit\"><span target=\"#T1 #T2\">takes a<spanGrp type=\"act\"><span>grab</span>"
        "</spanGrp> piece</span></spanGrp></annotationBlock>"
        "<annotatedU who=\"#SPK0\"><u>draft</u></annotatedU>"
        "<annotationGrp who=\"#SPK0\"><u>drafts</u></annotationGrp>"
        "</body></text></TEI>");
    unit_show_refusals(c);
    /* one utterance per block; the u inside is part of it */
    CHECK_EQ_INT(c->utterances.n, 4);
    CHECK_EQ_STR(px_utterance_text(c, 0), "so Arbeit");
    CHECK_EQ_INT(c->utterances.v[0].tok_count, 2);
    CHECK_EQ_STR(unit_token(c, 0, 1), "arbeit");
    CHECK_EQ_STR(unit_speaker(c, 1, 0), "CHI");
    uint32_t chi = unit_part(c, "CHI");
    CHECK(chi != PX_NONE);
    if (chi != PX_NONE) {
        CHECK_EQ_INT(c->participants.v[chi].sex, PX_SEX_MALE);
        CHECK_NEAR(c->participants.v[chi].age, 3.5, 1e-9);
    }
    CHECK_NEAR(c->utterances.v[1].start, 1.5, 1e-9);
    CHECK_NEAR(c->utterances.v[1].end, 3, 1e-9);
    /* the block's attributes, then its u's: u.attributes.trans */
    CHECK_EQ_STR(uattr(c, 0, "who"), "#SPK0");
    CHECK_EQ_STR(uattr(c, 0, "trans"), "latching");
    /* tiers as flat annotation spans */
    CHECK_EQ_INT(c->utterances.v[0].ann_count, 3);
    const px_annotation *a = uann(c, 0, 1);
    CHECK(a && !strcmp(S(c, a->type), "pos") && !strcmp(S(c, a->text), "NN") &&
          !strcmp(S(c, a->from), "w2") && !strcmp(S(c, a->to), "w2"));
    a = uann(c, 0, 2);
    CHECK(a && !strcmp(S(c, a->type), "code") && !strcmp(S(c, a->text), "REQ") && !a->from);
    CHECK_EQ_INT(c->utterances.v[1].ann_count, 2);
    a = uann(c, 1, 0);
    CHECK(a && !strcmp(S(c, a->type), "sit"));
    if (a) {
        CHECK_EQ_STR(S(c, a->text), "takes a piece");
        CHECK_EQ_STR(S(c, a->from), "T1");
        CHECK_EQ_STR(S(c, a->to), "T2");
    }
    a = uann(c, 1, 1);
    CHECK(a && !strcmp(S(c, a->type), "act") && !strcmp(S(c, a->text), "grab"));
    /* the pre-standard names are read, and reported */
    CHECK_EQ_INT(unit_problems(c, "unknown-element"), 2);
    CHECK_EQ_INT(unit_problems(c, "time-backwards"), 0);
    px_corpus_unref(c);
}

static const char *parla_names[] = {
    "pm/ParlaMint-XX.xml", "pm/ParlaMint-XX-listPerson.xml", "pm/ParlaMint-XX-listOrg.xml",
    "pm/2022/s1.xml", "pm/2022/s2.xml",
};
static const char *parla_xmls[] = {
    "<teiCorpus " TEI_NS_ATTR " " XI " xml:id=\"ParlaMint-XX\"><teiHeader><profileDesc><particDesc>\n"
    "<xi:include href=\"ParlaMint-XX-listOrg.xml\"/>\n"
    "<xi:include href=\"ParlaMint-XX-listPerson.xml\"/>\n"
    "</particDesc></profileDesc></teiHeader>\n"
    "<xi:include href=\"2022/s1.xml\"/>\n"
    "<xi:include href=\"2022/s2.xml\"/>\n"
    "</teiCorpus>",
    "<listPerson " TEI_NS_ATTR ">"
    "<person xml:id=\"NovakAna\"><persName><surname>Novak</surname><forename>Ana</forename></persName>"
    "<sex value=\"F\"/><affiliation role=\"member\" ref=\"#DZ\" from=\"2018-06-22\" to=\"2022-05-12\"/>"
    "<affiliation role=\"member\" ref=\"#party.SD\" from=\"2018-06-22\" to=\"2022-04-06\"/>"
    "<affiliation role=\"member\" ref=\"#party.NL\" from=\"2022-04-07\"/></person>"
    "<person xml:id=\"ZorcicIgor\"/><person xml:id=\"Silent\"/></listPerson>",
    "<listOrg " TEI_NS_ATTR "><org xml:id=\"DZ\" role=\"parliament\"><orgName full=\"yes\">Assembly</orgName></org>"
    "<org xml:id=\"party.SD\" role=\"politicalParty\"><orgName full=\"abb\">SD</orgName></org>"
    "<org xml:id=\"party.NL\" role=\"politicalParty\"/></listOrg>",
    "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><settingDesc><setting><date when=\"2022-04-06\"/>"
    "</setting></settingDesc></profileDesc></teiHeader><text><body><div type=\"debateSection\">\n"
    "<note type=\"speaker\">PRESIDENT:</note>\n"
    "<u xml:id=\"s1.u1\" who=\"#ZorcicIgor\" ana=\"#chair\"><seg>Open.</seg></u>\n"
    "<u xml:id=\"s1.u2\" who=\"#NovakAna\" ana=\"#regular\"><seg>Thank you.</seg>"
    "<kinesic><desc>signal</desc></kinesic><gap/><note>aside</note><vocal><desc>cough</desc></vocal>"
    "<incident><desc>bell</desc></incident><seg>Yes.</seg></u>\n"
    "</div></body></text></TEI>",
    "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><settingDesc><setting><date when=\"2022-04-07\"/>"
    "</setting></settingDesc></profileDesc></teiHeader><text><body><div type=\"debateSection\">\n"
    "<u xml:id=\"s2.u1\" who=\"#NovakAna\" ana=\"#regular\"><seg>No.</seg></u>\n"
    "</div></body></text></TEI>",
};

static void test_parlamint_includes(void)
{
    px_corpus *c = load_set(parla_names, parla_xmls, 5, 0);
    unit_show_refusals(c);
    CHECK_EQ_INT(c->files.n, 5);
    CHECK_EQ_INT(c->documents.n, 2);
    CHECK_EQ_INT(c->participants.n, 3);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 2);
    CHECK_EQ_INT(c->orgs.n, 3);
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_INT(c->problems.n, 0);
    CHECK_EQ_INT(c->documents.v[0].kind, PX_KIND_DEBATE);
    CHECK_EQ_STR(S(c, c->documents.v[0].id), "s1");
    /* note, gap, kinesic, vocal, incident kept out of the text */
    CHECK_EQ_STR(px_utterance_text(c, 1), "Thank you. Yes.");
    CHECK_EQ_INT(c->utterances.v[1].ev_count, 3);
    CHECK_EQ_STR(uattr(c, 1, "ana"), "#regular");
    CHECK_EQ_STR(uattr(c, 1, "who"), "#NovakAna");
    /* positions inside an included file: the chain */
    char where[700];
    px_pos_format(c, c->utterances.v[0].pos, where, sizeof where);
    CHECK_EQ_STR(where, "pm/ParlaMint-XX.xml:5:1 > pm/2022/s1.xml:3:1");
    uint32_t ana = unit_part(c, "NovakAna");
    CHECK(ana != PX_NONE);
    if (ana != PX_NONE) {
        CHECK_EQ_STR(S(c, c->participants.v[ana].name), "Novak Ana");
        CHECK_EQ_INT(c->participants.v[ana].aff_count, 3);
        CHECK_EQ_INT(unit_part_utts(c, ana), 2);
        px_pos_format(c, c->participants.v[ana].pos, where, sizeof where);
        CHECK_EQ_STR(where, "pm/ParlaMint-XX.xml:3:1 > pm/ParlaMint-XX-listPerson.xml:1:49");
    }
    CHECK(px_org_find(c, "party.SD") != PX_NONE);
    px_corpus_unref(c);

    /* the same files without their root, in any order: the same people */
    const char *names2[] = {parla_names[4], parla_names[3], parla_names[1], parla_names[2]};
    const char *xmls2[] = {parla_xmls[4], parla_xmls[3], parla_xmls[1], parla_xmls[2]};
    c = load_set(names2, xmls2, 4, PX_NONE);
    CHECK_EQ_INT(c->documents.n, 2);
    CHECK_EQ_INT(c->participants.n, 3);
    CHECK_EQ_INT(px_corpus_speaking_count(c), 2);
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_INT(unit_problems(c, "undeclared-who"), 0);
    px_corpus_unref(c);

    /* roots first: the root listed last is still read first, each file once */
    const char *names3[] = {parla_names[3], parla_names[4], parla_names[1], parla_names[2], parla_names[0]};
    const char *xmls3[] = {parla_xmls[3], parla_xmls[4], parla_xmls[1], parla_xmls[2], parla_xmls[0]};
    c = load_set(names3, xmls3, 5, PX_NONE);
    CHECK_EQ_INT(c->files.n, 5);
    CHECK_EQ_INT(c->documents.n, 2);
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_STR(S(c, c->files.v[0].path), "pm/ParlaMint-XX.xml");
    px_corpus_unref(c);

    /* the same with XInclude's 2003 namespace, which the parser reads too:
     * the pre-scan knows it as well (else the root came last and its
     * includes were loops: files read twice) */
    static char root2003[1024];
    snprintf(root2003, sizeof root2003, "%s", parla_xmls[0]);
    char *year = strstr(root2003, "2001/XInclude");
    if (year) memcpy(year, "2003", 4);
    CHECK(year != NULL);
    xmls3[4] = root2003;
    c = load_set(names3, xmls3, 5, PX_NONE);
    CHECK_EQ_INT(c->files.n, 5);
    CHECK_EQ_INT(c->documents.n, 2);
    CHECK_EQ_INT(c->utterances.n, 3);
    CHECK_EQ_STR(S(c, c->files.v[0].path), "pm/ParlaMint-XX.xml");
    CHECK_EQ_INT(unit_problems(c, "include-loop"), 0);
    px_corpus_unref(c);
}

static void test_include_refusals(void)
{
    const char *names[] = {"d/root.xml", "d/a.xml", "d/sub/b.xml", "outside.xml", "d/bad.xml"};
    const char *xmls[] = {
        "<teiCorpus " TEI_NS_ATTR " " XI ">\n"
        "<xi:include href=\"a.xml\" xpointer=\"x\"/>\n"
        "<xi:include href=\"a.xml\" parse=\"text\"/>\n"
        "<xi:include href=\"http://example.org/a.xml\"/>\n"
        "<xi:include href=\"/etc/passwd\"/>\n"
        "<xi:include href=\"../outside.xml\"/>\n"
        "<xi:include href=\"gone.xml\"/>\n"
        "<xi:include href=\"gone.xml\"><xi:fallback><listPerson><person xml:id=\"fb\"/></listPerson></xi:fallback></xi:include>\n"
        "<xi:include href=\"root.xml\"/>\n"
        "<xi:include href=\"bad.xml\"/>\n"
        "<xi:include href=\"sub/b.xml\"><xi:fallback><listPerson><person xml:id=\"no\"/></listPerson></xi:fallback></xi:include>\n"
        "</teiCorpus>",
        "<listPerson " TEI_NS_ATTR "><person xml:id=\"a\"/></listPerson>",
        "<listPerson " TEI_NS_ATTR " xml:base=\"../\"><person xml:id=\"b\"/></listPerson>",
        "<listPerson " TEI_NS_ATTR "><person xml:id=\"out\"/></listPerson>",
        "<listPerson " TEI_NS_ATTR "><person xml:id=\"bad\"></listPerson>",
    };
    px_corpus *c = load_set(names, xmls, 5, 0);
    CHECK_EQ_INT(unit_problems(c, "include-refused"), 4);
    CHECK_EQ_INT(unit_problems(c, "include-escape"), 1);
    CHECK_EQ_INT(unit_problems(c, "include-missing"), 1);
    CHECK_EQ_INT(unit_problems(c, "include-loop"), 1);
    /* the fallback of a missing include is read; of a found one, skipped */
    CHECK(unit_part(c, "fb") != PX_NONE);
    CHECK(unit_part(c, "no") == PX_NONE);
    CHECK(unit_part(c, "b") != PX_NONE);
    /* outside.xml is read as a file of the set, never through the include */
    for (size_t i = 0; i < c->files.n; i++)
        if (!strcmp(S(c, c->files.v[i].path), "outside.xml")) CHECK_EQ_INT(c->files.v[i].incl.file, 0);
    /* the refused include: recorded with the chain, nothing of it kept */
    CHECK(unit_part(c, "bad") == PX_NONE);
    CHECK_EQ_INT(c->refusals.n, 1);
    if (c->refusals.n) CHECK_EQ_STR(c->refusals.v[0].error.file, "d/root.xml:10:1 > d/bad.xml");
    /* the positions of the problems are the include elements' */
    for (size_t i = 0; i < c->problems.n; i++)
        if (!strcmp(S(c, c->problems.v[i].code), "include-loop")) CHECK_EQ_INT(c->problems.v[i].pos.line, 9);
    /* a.xml was never included; loaded with the rest of the set */
    CHECK(unit_part(c, "a") != PX_NONE);
    px_corpus_unref(c);

    /* nesting deeper than 8 */
    const char *dn[10], *dx[10];
    static char bufs[10][256];
    static char namebuf[10][32];
    for (int i = 0; i < 10; i++) {
        snprintf(namebuf[i], sizeof namebuf[i], "n/f%d.xml", i);
        if (i < 9)
            snprintf(bufs[i], sizeof bufs[i], "<teiCorpus " TEI_NS_ATTR " " XI "><xi:include href=\"f%d.xml\"/></teiCorpus>", i + 1);
        else
            snprintf(bufs[i], sizeof bufs[i], "<listPerson " TEI_NS_ATTR "><person xml:id=\"deep\"/></listPerson>");
        dn[i] = namebuf[i];
        dx[i] = bufs[i];
    }
    c = load_set(dn, dx, 10, 0);
    CHECK_EQ_INT(unit_problems(c, "include-depth"), 1);
    px_corpus_unref(c);

    /* a plain memory source cannot include */
    c = unit_load("solo.xml", "<teiCorpus " TEI_NS_ATTR " " XI "><xi:include href=\"x.xml\"/></teiCorpus>");
    CHECK_EQ_INT(unit_problems(c, "include-refused"), 1);
    px_corpus_unref(c);
}

static void test_speaker_references(void)
{
    px_corpus *c = unit_load("refs.xml",
        TEI_OPEN DATED "<particDesc><listPerson><person xml:id=\"a\"/><person xml:id=\"b\"/>"
        "<person xml:id=\"c\"/><person xml:id=\"d\"/></listPerson></particDesc></profileDesc></teiHeader>"
        "<text><body>"
        "<u xml:id=\"x\" who=\"#a\">one</u><u xml:id=\"x\" who=\"b\">two</u>"
        "<u who=\"users.xml#c\">three</u><u who=\"pers:d\">four</u>"
        "<u who=\"\">five</u><u>six</u><u who=\"#zz\">seven</u>"
        "</body></text></TEI>");
    CHECK_EQ_STR(unit_speaker(c, 0, 0), "a");
    CHECK_EQ_STR(unit_speaker(c, 1, 0), "b");
    CHECK_EQ_STR(unit_speaker(c, 2, 0), "c");
    CHECK_EQ_STR(unit_speaker(c, 3, 0), "d");
    CHECK_EQ_STR(unit_speaker(c, 4, 0), "unknown");
    CHECK_EQ_STR(unit_speaker(c, 5, 0), "unknown");
    CHECK_EQ_STR(unit_speaker(c, 6, 0), "zz");
    CHECK_EQ_INT(unit_problems(c, "blank-who"), 1);   /* once per document */
    CHECK_EQ_INT(unit_problems(c, "undeclared-who"), 1);
    CHECK_EQ_INT(unit_problems(c, "repeated-id"), 1);
    CHECK_EQ_STR(px_utterance_id(c, 0), "refs.u1");
    CHECK_EQ_STR(px_utterance_id(c, 1), "refs.u2");
    CHECK_EQ_INT(c->participants.n, 6);
    px_corpus_unref(c);
}

static void test_check_problems(void)
{
    px_corpus *c = unit_load("p.xml",
        TEI_OPEN "<teiHeader/><text><timeline unit=\"s\"><when xml:id=\"T0\" absolute=\"0\"/>"
        "<when xml:id=\"T1\" absolute=\"5\"/></timeline><body><div type=\"a\">"
        "<u who=\"#x\" start=\"#T1\">late</u><u who=\"#x\" start=\"#T0\" toWhom=\"#nobody\">early</u>"
        "<u who=\"#x\" start=\"#T9\"><foo>bar</foo><foo/></u></div>"
        "<div type=\"b\"><u who=\"#x\" start=\"#T0\">fresh</u></div></body></text></TEI>");
    CHECK_EQ_INT(unit_problems(c, "time-backwards"), 1);
    CHECK_EQ_INT(unit_problems(c, "dangling-time"), 1);
    CHECK_EQ_INT(unit_problems(c, "dangling-addressee"), 1);
    CHECK_EQ_INT(unit_problems(c, "no-date"), 1);
    CHECK_EQ_INT(unit_problems(c, "unknown-element"), 1);
    for (size_t i = 0; i < c->problems.n; i++)
        if (!strcmp(S(c, c->problems.v[i].code), "unknown-element")) {
            CHECK_EQ_INT(c->problems.v[i].count, 2);
            CHECK_EQ_STR(S(c, c->problems.v[i].subject), "foo");
            CHECK(strstr(S(c, c->problems.v[i].message), "(2 times)") != NULL);
        }
    px_corpus_unref(c);

    /* unknown elements are merged across files: one line per name */
    const char *names[] = {"u1.xml", "u2.xml"};
    const char *xmls[] = {TEI_OPEN DATED "</profileDesc></teiHeader><text><body><u who=\"#a\"><foo/>x</u></body></text></TEI>",
                          TEI_OPEN DATED "</profileDesc></teiHeader><text><body><u who=\"#a\"><foo/><foo/>y</u></body></text></TEI>"};
    c = unit_load_n(names, xmls, 2, NULL);
    CHECK_EQ_INT(unit_problems(c, "unknown-element"), 1);
    for (size_t i = 0; i < c->problems.n; i++)
        if (!strcmp(S(c, c->problems.v[i].code), "unknown-element")) {
            CHECK_EQ_INT(c->problems.v[i].count, 3);
            CHECK_EQ_INT(c->problems.v[i].pos.file, 0);
        }
    px_corpus_unref(c);
}

static void test_names_and_paths(void)
{
    size_t n = px_tei_element_count();
    CHECK(n > 580);
    int sorted = 1;
    for (size_t i = 1; i < n; i++)
        if (strcmp(px_tei_element_name(i - 1), px_tei_element_name(i)) >= 0) sorted = 0;
    CHECK(sorted);
    CHECK(px_tei_is_element("TEI"));
    CHECK(px_tei_is_element("annotationBlock"));
    CHECK(px_tei_is_element("post"));
    CHECK(px_tei_is_element("zone"));
    CHECK(!px_tei_is_element("posting"));
    CHECK(!px_tei_is_element("annotatedU"));
    CHECK(!px_tei_is_element("Tei"));
    char out[256];
    CHECK(px_path_join("a/b.xml", "../c.xml", out, sizeof out) == 0);
    CHECK_EQ_STR(out, "c.xml");
    px_path_join("x.xml", "../c.xml", out, sizeof out);
    CHECK_EQ_STR(out, "../c.xml");
    px_path_join("r/x.xml", "./s/../t/./u.xml", out, sizeof out);
    CHECK_EQ_STR(out, "r/t/u.xml");
    px_path_join("/abs/x.xml", "../../../c.xml", out, sizeof out);
    CHECK_EQ_STR(out, "/c.xml");
    px_path_join("", "sub/", out, sizeof out);
    CHECK_EQ_STR(out, "sub/");
    CHECK(px_path_join("a.xml", "bbbbbbbbbbbbbbbbbbbb", out, 8) == -1);
}

/* Progress through a root loaded on its own: the files it includes join
 * the total as they are read, so the bytes done never pass the total and
 * end equal to it (a folder's files are all counted before). */
typedef struct prog { uint64_t done, total; int over; } prog;

static void on_progress(void *ud, uint64_t done, uint64_t total, uint32_t f, uint32_t nf)
{
    (void)f; (void)nf;
    prog *p = ud;
    p->done = done;
    p->total = total;
    if (done > total) p->over = 1;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) { fputs(text, f); fclose(f); }
}

static void test_progress_with_includes(void)
{
    char dir[] = "/tmp/praxis-progress-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char root[64], a[64], b[64];
    snprintf(root, sizeof root, "%s/root.xml", dir);
    snprintf(a, sizeof a, "%s/a.xml", dir);
    snprintf(b, sizeof b, "%s/b.xml", dir);
    write_file(root, "<teiCorpus " TEI_NS_ATTR " xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                     "<teiHeader/><xi:include href=\"a.xml\"/><xi:include href=\"b.xml\"/>"
                     "</teiCorpus>\n");
    write_file(a, "<TEI " TEI_NS_ATTR "><text><body><u who=\"#x\">one two three</u>"
                  "</body></text></TEI>\n");
    write_file(b, "<TEI " TEI_NS_ATTR "><text><body><u who=\"#y\">four five</u><u who=\"#x\">six</u>"
                  "</body></text></TEI>\n");
    px_options o;
    px_options_init(&o);
    prog p = {0, 0, 0};
    o.progress = on_progress;
    o.progress_ud = &p;
    px_corpus *c = px_corpus_new(&o);
    px_error err;
    px_error_clear(&err);
    CHECK_EQ_INT(px_corpus_add_path(c, root, &err), PX_OK);
    CHECK_EQ_INT(c->utterances.n, 3);
    struct stat sr, sa, sb;
    stat(root, &sr); stat(a, &sa); stat(b, &sb);
    CHECK_EQ_INT(p.over, 0);
    CHECK_EQ_INT(p.total, (uint64_t)(sr.st_size + sa.st_size + sb.st_size));
    CHECK_EQ_INT(p.done, p.total);
    px_corpus_unref(c);
    remove(root); remove(a); remove(b); rmdir(dir);
}

int main(void)
{
    test_cmc_posts();
    test_replies_stay_in_their_document();
    test_iso_blocks();
    test_parlamint_includes();
    test_include_refusals();
    test_speaker_references();
    test_check_problems();
    test_names_and_paths();
    test_progress_with_includes();
    return unit_summary();
}
