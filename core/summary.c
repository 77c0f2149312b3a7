/* summary.c - what is in a corpus: the numbers of `praxis info`. */
#include "px.h"

#include <math.h>
#include <string.h>

void px_corpus_summary(const px_corpus *c, px_summary *s)
{
    memset(s, 0, sizeof *s);
    s->first_time = s->last_time = NAN;
    s->files = (uint32_t)c->files.n;
    for (size_t i = 0; i < c->files.n; i++) {
        if (c->files.v[i].refused) s->refused++;
        else if (c->files.v[i].component) s->components++;
        s->bytes += c->files.v[i].bytes;
    }
    s->documents = (uint32_t)c->documents.n;
    s->participants = (uint32_t)c->participants.n;
    s->speaking = c->finished ? px_corpus_speaking_count(c) : 0;
    s->utterances = (uint32_t)c->utterances.n;
    s->segments = (uint32_t)c->segments.n;
    s->events = (uint32_t)c->events.n;
    s->tokens = c->token_count;
    for (size_t i = 0; i < c->term_counts.n; i++) if (c->term_counts.v[i]) s->types++;
    for (size_t i = 0; i < c->problems.n; i++) {
        if (c->problems.v[i].severity == PX_ERROR) s->errors++;
        else s->warnings++;
    }
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; i < c->documents.n; i++) {
        const px_document *d = &c->documents.v[i];
        if (d->kind < 5) s->kinds[d->kind]++;
        if (d->date) {
            const char *ds = px_str_get(c, d->date);
            if (!first || strcmp(ds, first) < 0) first = ds;
            if (!last || strcmp(ds, last) > 0) last = ds;
        }
        /* the timed span of a document: its earliest start to latest end */
        double lo = NAN, hi = NAN;
        for (uint32_t u = d->utt_first; u < d->utt_first + d->utt_count; u++) {
            const px_utterance *ut = &c->utterances.v[u];
            if (!isnan(ut->start)) {
                s->timed_utterances++;
                if (isnan(lo) || ut->start < lo) lo = ut->start;
                double e = isnan(ut->end) ? ut->start : ut->end;
                if (isnan(hi) || e > hi) hi = e;
            }
            if (!isnan(ut->time)) {
                if (isnan(s->first_time) || ut->time < s->first_time) s->first_time = ut->time;
                if (isnan(s->last_time) || ut->time > s->last_time) s->last_time = ut->time;
            }
        }
        if (!isnan(lo)) s->timed_seconds += hi - lo;
    }
    if (first) snprintf(s->first_date, sizeof s->first_date, "%s", first);
    if (last) snprintf(s->last_date, sizeof s->last_date, "%s", last);
}

/* 1234567 -> "1,234,567" */
static const char *thousands(uint64_t v, char *buf, size_t n)
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < n; i++) {
        if (i && (len - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

static void json_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (*p < 0x20) fprintf(out, "\\u%04x", *p);
            else fputc(*p, out);
        }
    }
    fputc('"', out);
}

void px_summary_write(const px_corpus *c, const px_summary *s, FILE *out, int json)
{
    static const int kind_order[] = {PX_KIND_SPOKEN, PX_KIND_DRAMA, PX_KIND_CMC, PX_KIND_DEBATE, PX_KIND_NONE};
    char a[64], b[64];
    if (json) {
        fputs("{\"corpus\":", out);
        json_str(out, px_str_get(c, c->name));
        fprintf(out, ",\"files\":%u,\"refused\":%u,\"components\":%u,\"bytes\":%llu,"
                "\"documents\":%u,\"participants\":%u,\"speaking_participants\":%u,"
                "\"utterances\":%u,\"tokens\":%llu,\"types\":%llu,\"segments\":%u,"
                "\"events\":%u,\"timed_utterances\":%u,\"timed_seconds\":%.3f,",
                s->files, s->refused, s->components, (unsigned long long)s->bytes,
                s->documents, s->participants, s->speaking, s->utterances,
                (unsigned long long)s->tokens, (unsigned long long)s->types, s->segments,
                s->events, s->timed_utterances, s->timed_seconds);
        fputs("\"dates\":", out);
        if (s->first_date[0]) {
            fputs("{\"first\":", out);
            json_str(out, s->first_date);
            fputs(",\"last\":", out);
            json_str(out, s->last_date);
            fputs("}", out);
        } else fputs("null", out);
        fputs(",\"kinds\":{", out);
        int first = 1;
        for (int i = 0; i < 5; i++) {
            int k = kind_order[i];
            if (!s->kinds[k]) continue;
            fprintf(out, "%s\"%s\":%u", first ? "" : ",", px_kind_name((px_kind)k), s->kinds[k]);
            first = 0;
        }
        fprintf(out, "},\"warnings\":%u,\"errors\":%u}\n", s->warnings, s->errors);
        return;
    }
    fprintf(out, "corpus                 %s\n", px_str_get(c, c->name));
    if (c->title) fprintf(out, "title                  %s\n", px_str_get(c, c->title));
    fprintf(out, "files                  %s", thousands(s->files, a, sizeof a));
    if (s->components || s->refused) {
        fprintf(out, " (");
        if (s->components) fprintf(out, "%u component%s", s->components, s->components == 1 ? "" : "s");
        if (s->components && s->refused) fprintf(out, ", ");
        if (s->refused) fprintf(out, "%u refused", s->refused);
        fprintf(out, ")");
    }
    fprintf(out, ", %s bytes\n", thousands(s->bytes, b, sizeof b));
    fprintf(out, "documents              %s\n", thousands(s->documents, a, sizeof a));
    fprintf(out, "participants           %s\n", thousands(s->participants, a, sizeof a));
    fprintf(out, "speaking participants  %s\n", thousands(s->speaking, a, sizeof a));
    fprintf(out, "utterances             %s\n", thousands(s->utterances, a, sizeof a));
    fprintf(out, "tokens                 %s (%s distinct word forms)\n",
            thousands(s->tokens, a, sizeof a), thousands(s->types, b, sizeof b));
    fprintf(out, "segments               %s\n", thousands(s->segments, a, sizeof a));
    fprintf(out, "events                 %s\n", thousands(s->events, a, sizeof a));
    if (s->first_date[0]) {
        if (strcmp(s->first_date, s->last_date))
            fprintf(out, "dates                  %s to %s\n", s->first_date, s->last_date);
        else
            fprintf(out, "dates                  %s\n", s->first_date);
    } else {
        fprintf(out, "dates                  none\n");
    }
    if (s->timed_utterances) {
        char clock[32];
        px_format_clock(s->timed_seconds, clock, sizeof clock, 0);
        fprintf(out, "timed                  %s utterances, %s of talk\n",
                thousands(s->timed_utterances, a, sizeof a), clock);
    } else {
        fprintf(out, "timed                  no\n");
    }
    fprintf(out, "kinds                  ");
    int any = 0;
    for (int i = 0; i < 5; i++) {
        int k = kind_order[i];
        if (!s->kinds[k]) continue;
        fprintf(out, "%s%s %u", any ? ", " : "", px_kind_name((px_kind)k), s->kinds[k]);
        any = 1;
    }
    fprintf(out, "%s\n", any ? "" : "none");
    fprintf(out, "warnings               %s", thousands(s->warnings, a, sizeof a));
    if (s->errors) fprintf(out, ", %u errors", s->errors);
    fprintf(out, "%s\n", (s->warnings || s->errors) ? " (praxis check lists them)" : "");
}
