/* timelines.c - when, timeline, @start/@end/@synch, u.time. */
#include "unit.h"

#define HEAD(date) "<TEI " TEI_NS_ATTR "><teiHeader><profileDesc><settingDesc><setting>" \
                   date "</setting></settingDesc></profileDesc></teiHeader>"

/* A clock origin, interval/since chains in s, ms and min, a bare when. */
static void test_clock_chain(void)
{
    px_corpus *c = unit_load("clock.xml",
        HEAD("<date when=\"2020-05-04\"/>")
        "<text><timeline unit=\"s\" origin=\"#T0\">"
        "<when xml:id=\"T0\" absolute=\"08:15:00\"/>"
        "<when xml:id=\"T1\" interval=\"2.5\" since=\"#T0\"/>"              /* 2.5 */
        "<when xml:id=\"T2\" interval=\"1500\" unit=\"ms\" since=\"#T1\"/>" /* 4.0 */
        "<when xml:id=\"T3\" interval=\"0.5\" unit=\"min\" since=\"#T0\"/>" /* 30 */
        "<when xml:id=\"T4\" absolute=\"08:15:10.250\"/>"                   /* 10.25 */
        "<when xml:id=\"T5\"/>"                                             /* untimed */
        "<when xml:id=\"T6\" interval=\"1\" since=\"#T5\"/>"                /* untimed */
        "</timeline><body>"
        "<u who=\"#a\" start=\"#T0\" end=\"#T1\">one</u>"
        "<u who=\"#a\" synch=\"#T1 #T2\">two</u>"
        "<u who=\"#a\" start=\"#T4\" end=\"#T3\">three</u>"
        "<u who=\"#a\" start=\"#T5\" end=\"#T6\">four</u>"
        "<u who=\"#a\" start=\"#T9\">five</u>"
        "</body></text></TEI>");
    unit_show_refusals(c);
    CHECK_EQ_INT(c->utterances.n, 5);
    px_utterance *u = c->utterances.v;
    CHECK_NEAR(u[0].start, 0, 1e-9);
    CHECK_NEAR(u[0].end, 2.5, 1e-9);
    CHECK_NEAR(u[1].start, 2.5, 1e-9);
    CHECK_NEAR(u[1].end, 4.0, 1e-9);
    CHECK_NEAR(u[2].start, 10.25, 1e-9);
    CHECK_NEAR(u[2].end, 30, 1e-9);
    CHECK_NAN(u[3].start);
    CHECK_NAN(u[3].end);
    CHECK_NAN(u[4].start);
    CHECK_EQ_INT(unit_problems(c, "dangling-time"), 1);
    CHECK_EQ_INT(c->problems.v[0].severity, PX_ERROR);
    /* u.time = the document's day + the clock origin + start */
    CHECK_NEAR(u[0].time, 1588550400.0 + 8 * 3600 + 15 * 60, 1e-6);
    CHECK_NEAR(u[2].time, 1588550400.0 + 8 * 3600 + 15 * 60 + 10.25, 1e-6);
    CHECK_NAN(u[3].time);
    CHECK_EQ_STR(px_str_get(c, c->documents.v[0].date), "2020-05-04");
    px_corpus_unref(c);
}

/* The unit comes from the timeline; bare seconds are taken as they are. */
static void test_timeline_unit_and_seconds(void)
{
    px_corpus *c = unit_load("ms.xml",
        HEAD("<date when=\"2020-05-04\"/>")
        "<text><timeline unit=\"ms\">"
        "<when xml:id=\"T1\" interval=\"800\" since=\"#T0\"/>"   /* 12.5 + 0.8 */
        "<when xml:id=\"T0\" absolute=\"12.5\"/>"
        "<when xml:id=\"T2\" interval=\"1\" unit=\"s\" since=\"#T1\"/>"   /* 14.3 */
        "</timeline><body>"
        "<u who=\"#a\" start=\"#T0\" end=\"#T1\">one <pause synch=\"#T1\"/> two</u>"
        "<u who=\"#a\" start=\"#T1\" end=\"#T2\">three</u>"
        "</body></text></TEI>");
    px_utterance *u = c->utterances.v;
    CHECK_NEAR(u[0].start, 12.5, 1e-9);
    CHECK_NEAR(u[0].end, 13.3, 1e-9);
    CHECK_NEAR(u[1].end, 14.3, 1e-9);
    CHECK_EQ_INT(c->events.n, 1);
    CHECK_NEAR(c->events.v[0].start, 13.3, 1e-9);
    /* bare seconds: origin 0, so time is the day plus start */
    CHECK_NEAR(u[1].time, 1588550400.0 + 13.3, 1e-6);
    px_corpus_unref(c);
}

/* No @origin and the earliest clock time listed second: it is the origin. */
static void test_origin_not_first(void)
{
    px_corpus *c = unit_load("order.xml",
        HEAD("<date when=\"1993-10-14\"/>")
        "<text><timeline>"
        "<when xml:id=\"T1\" absolute=\"10:00:05\"/>"
        "<when xml:id=\"T0\" absolute=\"10:00:00\"/>"
        "<when xml:id=\"T2\" absolute=\"10:00:07.5\"/>"
        "</timeline><body>"
        "<u who=\"#a\" start=\"#T1\" end=\"#T2\">later</u>"
        "<u who=\"#a\" start=\"#T0\" end=\"#T1\">earlier</u>"
        "</body></text></TEI>");
    px_utterance *u = c->utterances.v;
    CHECK_NEAR(u[0].start, 5, 1e-9);
    CHECK_NEAR(u[0].end, 7.5, 1e-9);
    CHECK_NEAR(u[1].start, 0, 1e-9);
    CHECK_NEAR(u[1].time, 750556800.0 + 10 * 3600, 1e-6);
    px_corpus_unref(c);
}

/* dateTimes in @absolute: relative to the earliest, and u.time absolute
 * even without a document date. */
static void test_datetimes(void)
{
    px_corpus *c = unit_load("dt.xml",
        "<TEI " TEI_NS_ATTR "><text><timeline>"
        "<when xml:id=\"T0\" absolute=\"2021-03-01T12:00:00Z\"/>"
        "<when xml:id=\"T1\" absolute=\"2021-03-01T12:00:30Z\"/>"
        "<when xml:id=\"T2\" interval=\"15\" since=\"#T1\"/>"
        "</timeline><body>"
        "<u who=\"#a\" start=\"#T0\" end=\"#T1\">one</u>"
        "<u who=\"#a\" start=\"#T1\" end=\"#T2\">two</u>"
        "</body></text></TEI>");
    px_utterance *u = c->utterances.v;
    CHECK_NEAR(u[0].start, 0, 1e-9);
    CHECK_NEAR(u[1].start, 30, 1e-9);
    CHECK_NEAR(u[1].end, 45, 1e-9);
    CHECK_NEAR(u[0].time, 1614600000.0, 1e-6);
    CHECK_NEAR(u[1].time, 1614600030.0, 1e-6);
    CHECK_EQ_INT(unit_problems(c, "no-date"), 1);
    px_corpus_unref(c);
}

/* @when on a unit is its time; a date-only document date places no u
 * without a start; a year alone gives no u.time. */
static void test_when_attribute(void)
{
    px_corpus *c = unit_load("when.xml",
        HEAD("<date when=\"2015\"/>")
        "<text><timeline><when xml:id=\"T0\" absolute=\"0\"/></timeline><body>"
        "<post who=\"#a\" when-iso=\"2015-07-29T21:44\"><p>hi</p></post>"
        "<post who=\"#b\" start=\"#T0\"><p>yo</p></post>"
        "</body></text></TEI>");
    px_utterance *u = c->utterances.v;
    CHECK_NEAR(u[0].time, 1438206240.0, 1e-6);
    CHECK_NAN(u[1].time);                      /* "2015" is not a full date */
    CHECK_NEAR(u[1].start, 0, 1e-9);
    CHECK_EQ_INT(c->documents.v[0].kind, PX_KIND_CMC);
    px_corpus_unref(c);
}

int main(void)
{
    test_clock_chain();
    test_timeline_unit_and_seconds();
    test_origin_not_first();
    test_datetimes();
    test_when_attribute();
    return unit_summary();
}
