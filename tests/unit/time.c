/* time.c - ISO dates and date-times, clock times, durations, loose dates. */
#include "unit.h"

static void test_datetime(void)
{
    double t = -1;
    CHECK_EQ_INT(px_parse_datetime("1970", &t), 0);
    CHECK_NEAR(t, 0, 1e-9);
    CHECK_EQ_INT(px_parse_datetime("1970-02", &t), 0);
    CHECK_NEAR(t, 31 * 86400.0, 1e-9);
    CHECK_EQ_INT(px_parse_datetime("2000-03-01", &t), 0);
    CHECK_NEAR(t, 951868800.0, 1e-9);                  /* after 29 February 2000 */
    CHECK_EQ_INT(px_parse_datetime("2024-01-15T09:02:00.25Z", &t), 0);
    CHECK_NEAR(t, 1705309320.25, 1e-6);
    /* +02:00 is two hours ahead of UTC: the same instant is 07:02 UTC */
    CHECK_EQ_INT(px_parse_datetime("2024-01-15T09:02:00+02:00", &t), 0);
    CHECK_NEAR(t, 1705309320.0 - 7200, 1e-6);
    CHECK_EQ_INT(px_parse_datetime("2024-01-15T09:02:00-0130", &t), 0);
    CHECK_NEAR(t, 1705309320.0 + 5400, 1e-6);
    /* negative years: -0442 is 443 BCE (proleptic Gregorian, year 0 exists) */
    CHECK_EQ_INT(px_parse_datetime("-0442", &t), 0);
    CHECK_NEAR(t, -880965 * 86400.0, 1e-3);   /* 719528 + 442 * 365 + 107 leap days */
    CHECK_EQ_INT(px_parse_datetime("0000-01-01", &t), 0);
    CHECK_NEAR(t, -62167219200.0, 1e-3);
    CHECK(px_parse_datetime("", &t) != 0);
    CHECK(px_parse_datetime("99", &t) != 0);
    CHECK(px_parse_datetime("2024-13", &t) != 0);
    CHECK(px_parse_datetime("2024-01-15T25:00", &t) != 0);
    CHECK(px_parse_datetime("October 1993", &t) != 0);
}

static void test_clock(void)
{
    double t = -1;
    CHECK_EQ_INT(px_parse_clock("08:15:00", &t), 0);
    CHECK_NEAR(t, 29700, 1e-9);
    CHECK_EQ_INT(px_parse_clock("00:01:02.345", &t), 0);
    CHECK_NEAR(t, 62.345, 1e-9);
    CHECK_EQ_INT(px_parse_clock(" 01:30 ", &t), 0);       /* hh:mm */
    CHECK_NEAR(t, 5400, 1e-9);
    CHECK(px_parse_clock("8:15:00", &t) != 0);          /* two digits each */
    CHECK(px_parse_clock("12.5", &t) != 0);
    CHECK(px_parse_clock("00:61:00", &t) != 0);
}

static void test_duration(void)
{
    double d = -1;
    CHECK_EQ_INT(px_parse_duration("PT0.8S", &d), 0);
    CHECK_NEAR(d, 0.8, 1e-9);
    CHECK_EQ_INT(px_parse_duration("PT1M2.5S", &d), 0);
    CHECK_NEAR(d, 62.5, 1e-9);
    CHECK_EQ_INT(px_parse_duration("P1DT2H", &d), 0);
    CHECK_NEAR(d, 93600, 1e-9);
    CHECK_EQ_INT(px_parse_duration("1.5s", &d), 0);
    CHECK_NEAR(d, 1.5, 1e-9);
    CHECK_EQ_INT(px_parse_duration("2", &d), 0);
    CHECK_NEAR(d, 2, 1e-9);
    CHECK(px_parse_duration("P", &d) != 0);
    CHECK(px_parse_duration("PT3X", &d) != 0);
    CHECK(px_parse_duration("long", &d) != 0);
}

static void test_loose(void)
{
    char iso[40];
    CHECK_EQ_INT(px_parse_loose_date("14-OCT-1993", iso, sizeof iso), 0);
    CHECK_EQ_STR(iso, "1993-10-14");
    CHECK_EQ_INT(px_parse_loose_date("14 October 1993", iso, sizeof iso), 0);
    CHECK_EQ_STR(iso, "1993-10-14");
    CHECK_EQ_INT(px_parse_loose_date("October 14, 1993", iso, sizeof iso), 0);
    CHECK_EQ_STR(iso, "1993-10-14");
    CHECK_EQ_INT(px_parse_loose_date(" 1837 ", iso, sizeof iso), 0);   /* ISO kept */
    CHECK_EQ_STR(iso, "1837");
    CHECK_EQ_INT(px_parse_loose_date("2015-01-27", iso, sizeof iso), 0);
    CHECK_EQ_STR(iso, "2015-01-27");
    CHECK(px_parse_loose_date("sometime in spring", iso, sizeof iso) != 0);
    CHECK(px_parse_loose_date("October 1993", iso, sizeof iso) != 0);   /* no day */
    CHECK(px_parse_loose_date("", iso, sizeof iso) != 0);
}

static void test_format(void)
{
    char b[64];
    px_format_datetime(1705309320.25, b, sizeof b);
    CHECK_EQ_STR(b, "2024-01-15T09:02:00.250");
    px_format_datetime(0, b, sizeof b);
    CHECK_EQ_STR(b, "1970-01-01T00:00:00");
    px_format_clock(3723.46, b, sizeof b, 1);
    CHECK_EQ_STR(b, "01:02:03.5");
    px_format_clock(3723.46, b, sizeof b, 0);
    CHECK_EQ_STR(b, "01:02:03");
}

int main(void)
{
    test_datetime();
    test_clock();
    test_duration();
    test_loose();
    test_format();
    return unit_summary();
}
