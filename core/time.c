/* time.c - dates, clock times and durations as TEI writes them. */
#include "px.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * civil-from-days algorithm, from its published description). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)**p)) return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *out = v;
    return 0;
}

static int parse_hms(const char **pp, double *secs)
{
    const char *p = *pp;
    int h, mi, s = 0;
    if (digits(&p, 2, &h) || *p != ':') return -1;
    p++;
    if (digits(&p, 2, &mi)) return -1;
    double frac = 0;
    if (*p == ':') {
        p++;
        if (digits(&p, 2, &s)) return -1;
        if (*p == '.' || *p == ',') {
            p++;
            double scale = 0.1;
            if (!isdigit((unsigned char)*p)) return -1;
            while (isdigit((unsigned char)*p)) {
                frac += (*p - '0') * scale;
                scale /= 10;
                p++;
            }
        }
    }
    if (h > 24 || mi > 59 || s > 60) return -1;
    *secs = h * 3600.0 + mi * 60.0 + s + frac;
    *pp = p;
    return 0;
}

int px_parse_datetime(const char *s, double *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    int neg = 0;
    if (*p == '-') { neg = 1; p++; }
    int y = 0, n = 0;
    while (isdigit((unsigned char)*p) && n < 6) { y = y * 10 + (*p - '0'); p++; n++; }
    if (n < 4) return -1;
    int64_t year = neg ? -(int64_t)y : y;
    int m = 1, d = 1;
    double secs = 0, tz = 0;
    if (*p == '-') {
        p++;
        if (digits(&p, 2, &m) || m < 1 || m > 12) return -1;
        if (*p == '-') {
            p++;
            if (digits(&p, 2, &d) || d < 1 || d > 31) return -1;
            if (*p == 'T' || *p == ' ') {
                p++;
                if (parse_hms(&p, &secs)) return -1;
                if (*p == 'Z') p++;
                else if (*p == '+' || *p == '-') {
                    int sign = *p == '-' ? -1 : 1, th, tm = 0;
                    p++;
                    if (digits(&p, 2, &th)) return -1;
                    if (*p == ':') p++;
                    if (isdigit((unsigned char)*p) && digits(&p, 2, &tm)) return -1;
                    tz = sign * (th * 3600.0 + tm * 60.0);
                }
            }
        }
    }
    while (isspace((unsigned char)*p)) p++;
    if (*p) return -1;
    *out = (double)days_from_civil(year, m, d) * 86400.0 + secs - tz;
    return 0;
}

int px_parse_clock(const char *s, double *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    double v;
    if (parse_hms(&p, &v)) return -1;
    while (isspace((unsigned char)*p)) p++;
    if (*p) return -1;
    *out = v;
    return 0;
}

int px_parse_duration(const char *s, double *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    if (*p != 'P') {
        /* plain seconds, or "1.5s" as some tools write */
        char *end;
        double v = strtod(p, &end);
        if (end == p) return -1;
        if (*end == 's') end++;
        while (isspace((unsigned char)*end)) end++;
        if (*end) return -1;
        *out = v;
        return 0;
    }
    p++;
    double total = 0;
    int in_time = 0, any = 0;
    while (*p) {
        if (*p == 'T') { in_time = 1; p++; continue; }
        char *end;
        double v = strtod(p, &end);
        if (end == p) return -1;
        p = end;
        switch (*p) {
        case 'Y': total += v * 365.2425 * 86400; break;
        case 'M': total += in_time ? v * 60 : v * 30.436875 * 86400; break;
        case 'W': total += v * 7 * 86400; break;
        case 'D': total += v * 86400; break;
        case 'H': total += v * 3600; break;
        case 'S': total += v; break;
        default: return -1;
        }
        p++;
        any = 1;
    }
    if (!any) return -1;
    *out = total;
    return 0;
}

static const char *month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *w, size_t n)
{
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++)
        if (strncasecmp(w, month_names[i], 3) == 0) return i + 1;
    return 0;
}

int px_parse_loose_date(const char *s, char *iso, size_t n)
{
    double t;
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    char trimmed[64];
    size_t len = strlen(p);
    while (len && isspace((unsigned char)p[len - 1])) len--;
    if (len == 0 || len >= sizeof trimmed) return -1;
    memcpy(trimmed, p, len);
    trimmed[len] = '\0';
    if (px_parse_datetime(trimmed, &t) == 0) {
        snprintf(iso, n, "%s", trimmed);
        return 0;
    }
    /* split into words of letters or digits */
    int day = 0, month = 0, year = 0, nums = 0, have_year = 0;
    const char *q = trimmed;
    while (*q) {
        while (*q && !isalnum((unsigned char)*q)) q++;
        const char *w = q;
        while (*q && isalnum((unsigned char)*q)) q++;
        size_t wl = (size_t)(q - w);
        if (!wl) break;
        if (isdigit((unsigned char)*w)) {
            int v = atoi(w);
            if (wl == 4) { year = v; have_year = 1; }
            else if (wl <= 2 && !day) day = v;
            else return -1;
            nums++;
        } else {
            int m = month_of(w, wl);
            if (!m || month) {
                /* ordinal suffixes like "14th" never reach here; other words fail */
                return -1;
            }
            month = m;
        }
    }
    if (!have_year || !month || day < 1 || day > 31) return -1;
    snprintf(iso, n, "%04d-%02d-%02d", year, month, day);
    (void)nums;
    return 0;
}

void px_format_datetime(double t, char *out, size_t n)
{
    if (isnan(t)) { snprintf(out, n, "?"); return; }
    double fl = floor(t);
    int64_t secs = (int64_t)fl;
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    int64_t y; int m, d;
    civil_from_days(days, &y, &m, &d);
    int ms = (int)llround((t - fl) * 1000);
    if (ms >= 1000) ms = 999;
    if (ms)
        snprintf(out, n, "%04lld-%02d-%02dT%02d:%02d:%02d.%03d", (long long)y, m, d,
                 (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60), ms);
    else
        snprintf(out, n, "%04lld-%02d-%02dT%02d:%02d:%02d", (long long)y, m, d,
                 (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
}

void px_format_clock(double s, char *out, size_t n, int frac)
{
    if (isnan(s)) { snprintf(out, n, "?"); return; }
    int neg = s < 0;
    if (neg) s = -s;
    if (frac) {
        long tenths = lround(s * 10);
        long whole = tenths / 10;
        snprintf(out, n, "%s%02ld:%02ld:%02ld.%ld", neg ? "-" : "", whole / 3600,
                 whole / 60 % 60, whole % 60, tenths % 10);
    } else {
        long whole = lround(floor(s));
        snprintf(out, n, "%s%02ld:%02ld:%02ld", neg ? "-" : "", whole / 3600,
                 whole / 60 % 60, whole % 60);
    }
}
