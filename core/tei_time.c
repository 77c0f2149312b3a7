/* tei_time.c - a document's timeline: its whens (@absolute, @interval
 * after @since, @unit), the pointers to them (@start, @end, @synch) kept
 * until the document ends, and then resolved into seconds. */
#include "tei_int.h"

/* An id of the document's timeline (a when's, or one a pointer names),
 * kept in wtext after its 4-byte hash; returns its offset. */
static uint32_t wtext_add(imp *s, const char *v, size_t n)
{
    if (s->wtext.n + n + 5 >= UINT32_MAX || PX_VEC_RESERVE(s->wtext, s->wtext.n + n + 5)) {
        tei_oom(s);
        return 0;
    }
    uint32_t h = px_hash_bytes(v, n);
    memcpy(s->wtext.v + s->wtext.n, &h, 4);
    uint32_t off = (uint32_t)s->wtext.n + 4;
    memcpy(s->wtext.v + off, v, n);
    s->wtext.v[off + n] = '\0';
    s->wtext.n = off + n + 1;
    return off;
}

/* One pointer ("#T1") to a when of the document's timeline, kept as text
 * until the document ends (pointers may come before their when). */
uint32_t tei_when_ref(imp *s, const xmlChar *v, const xmlChar *end)
{
    while (v < end && is_xml_space(*v)) v++;
    while (end > v && is_xml_space(end[-1])) end--;
    const xmlChar *h = end;
    while (h > v && h[-1] != '#') h--;
    if (h == end) return 0;
    return wtext_add(s, (const char *)h, (size_t)(end - h));
}
void tei_add_pending(imp *s, int what, uint32_t idx, uint32_t ref, px_pos pos)
{
    if (!ref) return;
    pendref r = {(uint8_t)what, idx, ref, pos};
    if (PX_VEC_PUSH(s->pend, r)) tei_oom(s);
}

/* "12.34", "-0.5", "7": the common forms of @interval, without strtod's
 * locale and generality. Returns -1 for anything else (the caller falls
 * back to strtod). */
int tei_parse_decimal(const xmlChar *p, const xmlChar *end, double *out)
{
    int neg = 0;
    if (p < end && *p == '-') { neg = 1; p++; }
    if (p == end || *p < '0' || *p > '9') return -1;
    uint64_t whole = 0, frac = 0, scale = 1;
    int digits = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        whole = whole * 10 + (uint64_t)(*p++ - '0');
        if (++digits > 15) return -1;
    }
    if (p < end && *p == '.') {
        p++;
        while (p < end && *p >= '0' && *p <= '9') {
            frac = frac * 10 + (uint64_t)(*p++ - '0');
            scale *= 10;
            if (++digits > 15) return -1;
        }
    }
    if (p != end) return -1;
    double v = (double)whole + (double)frac / (double)scale;
    *out = neg ? -v : v;
    return 0;
}

/* The when a pointer names, or PX_NONE. Pointers mostly run in timeline
 * order, and @since mostly names the first when, so the one after the last
 * found, the first, the last and the one after next are tried first; else
 * a hash index over the document's whens (built once, on the first miss). */
static uint32_t when_find(imp *s, uint32_t ref)
{
    const char *id = s->wtext.v + ref;
    uint32_t h = wtext_hash(s, ref);
    size_t n = s->whens.n;
    uint32_t cand[4] = {s->wlast + 1, 0, s->wlast, s->wlast + 2};
    for (int k = 0; k < 4; k++) {
        if (cand[k] >= n) continue;
        uint32_t wid = s->whens.v[cand[k]].id;
        if (wtext_hash(s, wid) == h && strcmp(s->wtext.v + wid, id) == 0) return s->wlast = cand[k];
    }
    if (!n) return PX_NONE;
    if (!s->widx.n) {
        size_t size = 16;
        while (size < n * 2) size *= 2;
        if (PX_VEC_RESERVE(s->widx, size)) { tei_oom(s); return PX_NONE; }
        s->widx.n = size;
        memset(s->widx.v, 0, size * sizeof(uint32_t));
        uint32_t mask = (uint32_t)size - 1;
        for (size_t w = 0; w < n; w++) {
            uint32_t wid = s->whens.v[w].id, wh = wtext_hash(s, wid);
            uint32_t i = wh & mask;
            int dup = 0;
            while (s->widx.v[i]) {
                uint32_t oid = s->whens.v[s->widx.v[i] - 1].id;
                if (wtext_hash(s, oid) == wh && !strcmp(s->wtext.v + oid, s->wtext.v + wid)) {
                    dup = 1;
                    break;
                }
                i = (i + 1) & mask;
            }
            if (!dup) s->widx.v[i] = (uint32_t)w + 1;   /* the first of an id wins */
        }
    }
    uint32_t mask = (uint32_t)s->widx.n - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = s->widx.v[i];
        if (!e) return PX_NONE;
        uint32_t wid = s->whens.v[e - 1].id;
        if (wtext_hash(s, wid) == h && !strcmp(s->wtext.v + wid, id)) return s->wlast = e - 1;
    }
}

void tei_reset_timeline(imp *s)
{
    s->wtext.n = 1;             /* offset 0: no pointer */
    if (!s->wtext.v && PX_VEC_RESERVE(s->wtext, 4096)) tei_oom(s);
    if (s->wtext.v) s->wtext.v[0] = '\0';
    s->widx.n = 0;
    s->wlast = 0;
    s->whens.n = 0;
    s->pend.n = 0;
    s->tl_unit = 1;
    s->tl_origin = 0;
}

static double unit_factor(const char *u)
{
    if (!strcmp(u, "ms")) return 0.001;
    if (!strcmp(u, "min")) return 60;
    if (!strcmp(u, "h")) return 3600;
    if (!strcmp(u, "d")) return 86400;
    return 1;
}

static double resolve_when(imp *s, uint32_t i, int depth)
{
    whenrec *w = &s->whens.v[i];
    if (w->state == 2) return w->value;
    if (w->state == 1 || depth > 10000) return NAN;   /* a @since loop */
    w->state = 1;
    double v = NAN;
    if (w->abs_kind == 1) v = w->abs;
    else if (w->abs_kind >= 2) v = w->abs;   /* made relative below */
    else if (w->since && !isnan(w->interval)) {
        uint32_t j = when_find(s, w->since);
        if (j != PX_NONE) {
            double base = resolve_when(s, j, depth + 1);
            w = &s->whens.v[i];
            if (!isnan(base)) v = base + w->interval * w->unit;
        }
    }
    w->value = v;
    w->state = 2;
    return v;
}

void tei_resolve_times(imp *s)
{
    px_corpus *c = s->c;
    /* origins of clock times and date-times: the named origin, else the
     * earliest of each kind */
    double origin[4] = {0, 0, NAN, NAN};
    uint32_t named = s->tl_origin ? when_find(s, s->tl_origin) : PX_NONE;
    for (size_t i = 0; i < s->whens.n; i++) {
        whenrec *w = &s->whens.v[i];
        if (w->abs_kind >= 2 && (isnan(origin[w->abs_kind]) || w->abs < origin[w->abs_kind]))
            origin[w->abs_kind] = w->abs;
    }
    if (named != PX_NONE && s->whens.v[named].abs_kind >= 2)
        origin[s->whens.v[named].abs_kind] = s->whens.v[named].abs;
    if (!isnan(origin[2])) s->origin_clock = origin[2];
    if (!isnan(origin[3])) s->origin_datetime = origin[3];
    for (size_t i = 0; i < s->whens.n; i++) {
        whenrec *w = &s->whens.v[i];
        if (w->abs_kind >= 2) w->abs -= origin[w->abs_kind];
    }
    for (size_t i = 0; i < s->whens.n; i++) resolve_when(s, (uint32_t)i, 0);
    for (size_t i = 0; i < s->pend.n; i++) {
        pendref *r = &s->pend.v[i];
        uint32_t j = when_find(s, r->ref);
        if (j == PX_NONE) {
            tei_problem(s, PX_ERROR, "dangling-time", r->pos,
                    "@%s names '#%s', which is no <when> of this document's timeline; "
                    "the %s stays untimed",
                    (r->what & 1) ? "end" : "start", s->wtext.v + r->ref,
                    r->what < 2 ? "utterance" : "event");
            continue;
        }
        double v = s->whens.v[j].value;
        switch (r->what) {
        case 0: c->utterances.v[r->idx].start = v; break;
        case 1: c->utterances.v[r->idx].end = v; break;
        case 2: c->events.v[r->idx].start = v; break;
        case 3: c->events.v[r->idx].end = v; break;
        }
    }
}

/* Start times going backwards within a segment: an utterance that starts
 * before the one before it (overlap starts later than its predecessor's
 * start; this is beyond it). One warning per such utterance. */
void tei_check_time_order(imp *s, px_document *d)
{
    px_corpus *c = s->c;
    uint32_t ns = d->seg_count, first = d->seg_first;
    if (!ns) return;
    double *last = malloc(ns * sizeof *last);
    if (!last) { tei_oom(s); return; }
    for (uint32_t g = 0; g < ns; g++) last[g] = NAN;
    uint32_t ufirst = d->utt_first, ucount = d->utt_count;
    for (uint32_t u = ufirst; u < ufirst + ucount && !s->stop; u++) {
        px_utterance *ut = &c->utterances.v[u];
        if (ut->segment == PX_NONE || ut->segment < first || isnan(ut->start)) continue;
        uint32_t g = ut->segment - first;
        if (g >= ns) continue;
        if (!isnan(last[g]) && ut->start < last[g] - 1e-6) {
            char a[32], b[32];
            px_format_clock(ut->start, a, sizeof a, 1);
            px_format_clock(last[g], b, sizeof b, 1);
            tei_problem(s, PX_WARNING, "time-backwards", ut->pos,
                    "this utterance starts at %s, before the utterance before it in its "
                    "segment (%s); check the order or the timeline", a, b);
        }
        last[g] = ut->start;
    }
    free(last);
}

/* <timeline unit= origin=>: the unit of its whens, and the one they count from. */
void tei_open_timeline(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->doc == PX_NONE) return;
    char b[16];
    if (HAS(*at, A_UNIT)) s->tl_unit = unit_factor(tei_attr_cstr(at->v[A_UNIT], at->end[A_UNIT], b, sizeof b));
    if (HAS(*at, A_ORIGIN) && !s->tl_origin) s->tl_origin = tei_when_ref(s, at->v[A_ORIGIN], at->end[A_ORIGIN]);
}

/* @absolute: seconds, a clock time or a date-time. */
static void when_absolute(imp *s, whenrec *w, const attrs *at)
{
    char b[80];
    const char *v = tei_attr_cstr(at->v[A_ABSOLUTE], at->end[A_ABSOLUTE], b, sizeof b);
    char *end;
    double x = strtod(v, &end);
    while (*end == ' ') end++;
    if (end != v && (*end == '\0' || (*end == 's' && end[1] == '\0'))) { w->abs_kind = 1; w->abs = x; }
    else if (px_parse_clock(v, &x) == 0) { w->abs_kind = 2; w->abs = x; }
    else if (px_parse_datetime(v, &x) == 0) { w->abs_kind = 3; w->abs = x; }
    else tei_problem(s, PX_WARNING, "bad-time", tei_cur_pos(s),
                     "@absolute=\"%s\" is neither seconds, a clock time nor a date-time", v);
}

/* <when xml:id= absolute= interval= since= unit=>: one point of the
 * document's timeline, resolved when the document ends. */
void tei_open_when(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->doc == PX_NONE || !HAS(*at, A_ID)) return;
    if (PX_VEC_RESERVE(s->whens, s->whens.n + 1)) { tei_oom(s); return; }
    whenrec *w = &s->whens.v[s->whens.n];   /* built in place */
    memset(w, 0, sizeof *w);
    uint32_t id = wtext_add(s, (const char *)at->v[A_ID], (size_t)(at->end[A_ID] - at->v[A_ID]));
    w->id = id;
    w->interval = NAN;
    w->value = NAN;
    w->unit = s->tl_unit;
    w->pos = o->pos;
    char b[80];
    if (HAS(*at, A_UNIT)) w->unit = unit_factor(tei_attr_cstr(at->v[A_UNIT], at->end[A_UNIT], b, sizeof b));
    if (HAS(*at, A_ABSOLUTE)) when_absolute(s, w, at);
    if (HAS(*at, A_INTERVAL)) {
        double x;
        if (tei_parse_decimal(at->v[A_INTERVAL], at->end[A_INTERVAL], &x) == 0) w->interval = x;
        else {
            const char *v = tei_attr_cstr(at->v[A_INTERVAL], at->end[A_INTERVAL], b, sizeof b);
            char *end;
            x = strtod(v, &end);
            if (end != v) w->interval = x;
        }
    }
    if (HAS(*at, A_SINCE)) w->since = tei_when_ref(s, at->v[A_SINCE], at->end[A_SINCE]);
    s->whens.n++;
}
