/* tei_docs.c - documents: a TEI's start, the metadata of its header
 * (title, date), its divisions and the segments made of them, and what is
 * settled when it ends (kind, id, date, times, utterance ids). */
#include "tei_int.h"

static void start_document(imp *s, attrs *at, px_pos pos, px_str lang)
{
    px_document d;
    memset(&d, 0, sizeof d);
    d.id = tei_attr_str(s, at, A_ID);
    d.file = s->p.file;
    d.utt_first = (uint32_t)s->c->utterances.n;
    d.seg_first = (uint32_t)s->c->segments.n;
    d.meta_first = (uint32_t)s->c->kvs.n;
    d.lang = lang;
    d.date_epoch = NAN;
    d.pos = pos;
    if (PX_VEC_PUSH(s->c->documents, d)) { tei_oom(s); return; }
    s->doc = (uint32_t)s->c->documents.n - 1;
    memset(s->unit_counts, 0, sizeof s->unit_counts);
    memset(s->date_cand, 0, sizeof s->date_cand);
    s->dracor_print = s->dracor_premiere = s->dracor_written = 0;
    s->have_title = 0;
    s->ntiers = 0;
    s->doc_part0 = (uint32_t)s->c->participants.n;
    s->origin_clock = NAN;
    s->origin_datetime = NAN;
    s->divs.n = 0;
    s->body_div = PX_NONE;
    tei_reset_timeline(s);
}

static int dracor_year(const xmlChar *v, const xmlChar *end)
{
    char buf[32];
    const char *t = tei_attr_cstr(v, end, buf, sizeof buf);
    int neg = *t == '-';
    int y = atoi(t + neg);
    if (!y) return 0;
    return neg ? -y : y;
}

static void mark_drama_segments(imp *s)
{
    divrec *d = s->divs.v;
    size_t n = s->divs.n;
    int any_div = 0, any_div2_scene = 0, any_div1 = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i].level == 100) continue;
        if (d[i].level == 0 || d[i].level == 1) any_div = 1;
        if (d[i].level == 1) any_div1 = 1;
        if (d[i].level == 2 && d[i].type &&
            !strcmp(px_str_get(s->c, d[i].type), "scene")) any_div2_scene = 1;
    }
    for (size_t i = 0; i < n; i++) {
        divrec *r = &d[i];
        if (r->level == 100) continue;
        const char *type = r->type ? px_str_get(s->c, r->type) : "";
        if (!any_div) r->marked = 0;
        else if (any_div2_scene)
            r->marked = (r->level == 2 && !strcmp(type, "scene")) ||
                        (r->level == 1 && r->direct_units && !r->has_div2);
        else if (any_div1)
            r->marked = r->level == 1;
        else
            r->marked = r->level == 0 &&
                        (r->direct_units || (!strcmp(type, "scene") && !r->units_below));
    }
}

static void mark_typed_segments(imp *s)
{
    for (size_t i = 0; i < s->divs.n; i++) {
        divrec *r = &s->divs.v[i];
        r->marked = r->level != 100 && r->type != 0;
    }
}

static px_str make_segment_id(imp *s, divrec *r, uint32_t nth)
{
    if (r->xmlid) return r->xmlid;
    char buf[600];
    snprintf(buf, sizeof buf, "%s.s%u", px_str_get(s->c, s->c->documents.v[s->doc].id), nth);
    return tei_intern(s, buf, strlen(buf));
}

static void build_segments(imp *s, int drama)
{
    px_corpus *c = s->c;
    px_document *doc = &c->documents.v[s->doc];
    if (drama) mark_drama_segments(s);
    else mark_typed_segments(s);
    for (size_t i = 0; i < s->divs.n; i++) s->divs.v[i].segment = PX_NONE;
    uint32_t nth = 0;
    /* drama: marked divs are segments even when empty (DraCor counts them) */
    if (drama) {
        for (size_t i = 0; i < s->divs.n; i++) {
            divrec *r = &s->divs.v[i];
            if (!r->marked) continue;
            px_segment g = {make_segment_id(s, r, ++nth), r->type, s->doc, 0, 0, r->pos};
            if (PX_VEC_PUSH(c->segments, g)) { tei_oom(s); return; }
            r->segment = (uint32_t)c->segments.n - 1;
        }
    }
    for (uint32_t u = doc->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        uint32_t dv = ut->segment;
        while (dv != PX_NONE && !s->divs.v[dv].marked && s->divs.v[dv].level != 100)
            dv = s->divs.v[dv].parent;
        if (dv == PX_NONE) dv = s->body_div;
        if (dv == PX_NONE) { ut->segment = PX_NONE; continue; }
        divrec *r = &s->divs.v[dv];
        if (r->segment == PX_NONE) {
            px_str type = r->level == 100 ? tei_intern(s, "body", 4) : r->type;
            px_segment g = {r->level == 100 ? 0 : make_segment_id(s, r, ++nth), type,
                            s->doc, 0, 0, r->pos};
            if (r->level == 100) {
                char buf[600];
                snprintf(buf, sizeof buf, "%s.body", px_str_get(c, c->documents.v[s->doc].id));
                g.id = tei_intern(s, buf, strlen(buf));
            }
            if (PX_VEC_PUSH(c->segments, g)) { tei_oom(s); return; }
            r->segment = (uint32_t)c->segments.n - 1;
        }
        ut->segment = r->segment;
    }
}

/* The document's kind, by the units it holds, and its id: xml:id, else
 * the file name (made FILE#N at file end when a file holds several). */
static int document_kind(imp *s)
{
    px_document *d = &s->c->documents.v[s->doc];
    uint32_t best = 0;
    int kind = PX_KIND_NONE;
    static const int order[] = {PX_KIND_DRAMA, PX_KIND_DEBATE, PX_KIND_CMC, PX_KIND_SPOKEN};
    for (int i = 0; i < 4; i++)
        if (s->unit_counts[order[i]] > best) { best = s->unit_counts[order[i]]; kind = order[i]; }
    d->kind = (uint8_t)kind;
    /* an id for the document: xml:id, else the file name (fixed at file end) */
    if (!d->id) {
        const char *base = strrchr(s->p.path, '/');
        base = base ? base + 1 : s->p.path;
        size_t n = strlen(base);
        if (n > 4 && !strcmp(base + n - 4, ".xml")) n -= 4;
        d->id = tei_intern(s, base, n);
    }
    return kind;
}

/* The document's date: DraCor's years for a play, else the header's
 * dates by priority. */
static px_str document_date(imp *s, int kind)
{
    px_corpus *c = s->c;
    px_document *d;
    px_str date = 0;
    if (kind == PX_KIND_DRAMA && (s->dracor_print || s->dracor_premiere || s->dracor_written)) {
        int y = 0;
        if (s->dracor_print && s->dracor_premiere) y = s->dracor_print < s->dracor_premiere ? s->dracor_print : s->dracor_premiere;
        else y = s->dracor_print ? s->dracor_print : s->dracor_premiere;
        if (s->dracor_written && (!y || s->dracor_written < y - 10)) y = s->dracor_written;
        char buf[16];
        if (y < 0) snprintf(buf, sizeof buf, "-%04d", -y);
        else snprintf(buf, sizeof buf, "%04d", y);
        date = tei_intern(s, buf, strlen(buf));
    }
    for (int i = 0; i < 3 && !date; i++) date = s->date_cand[i];
    d = &c->documents.v[s->doc];
    d->date = date;
    if (date) {
        double t;
        if (px_parse_datetime(px_str_get(c, date), &t) == 0) d->date_epoch = t;
    } else {
        tei_problem(s, PX_WARNING, "no-date", d->pos,
                "document '%s' has no date (settingDesc/setting/date, "
                "recordingStmt/recording/date or creation/date); analyses over time "
                "will not place it", px_str_get(c, d->id));
    }
    return date;
}

/* The document's own key/values: they start here (persons declared in its
 * header wrote theirs before). */
static void document_meta(imp *s, px_str date)
{
    px_corpus *c = s->c;
    px_document *d = &c->documents.v[s->doc];
    d->meta_first = (uint32_t)c->kvs.n;
    if (d->title) { tei_add_kv(s, "title", d->title); }
    if (date) tei_add_kv(s, "date", date);
    d = &c->documents.v[s->doc];
    d->meta_count = (uint32_t)c->kvs.n - d->meta_first;
}

/* Absolute times from the document date and the timeline. */
static void place_times(imp *s)
{
    px_corpus *c = s->c;
    px_document *d = &c->documents.v[s->doc];
    int full_date = d->date && strlen(px_str_get(c, d->date)) >= 10;
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        /* a timeline of dateTimes (and no clock times) places utterances
         * by itself */
        if (isnan(ut->time) && !isnan(ut->start) && !isnan(s->origin_datetime) &&
            isnan(s->origin_clock)) {
            ut->time = s->origin_datetime + ut->start;
            continue;
        }
        if (isnan(ut->time) && full_date && !isnan(ut->start) && !isnan(d->date_epoch)) {
            double day = floor(d->date_epoch / 86400.0) * 86400.0;
            ut->time = day + (isnan(s->origin_clock) ? 0 : s->origin_clock) + ut->start;
        }
    }
}

/* Repeated xml:id values: those utterances, and utterances without one,
 * get DOCID.uINDEX. */
static void name_utterances(imp *s)
{
    px_corpus *c = s->c;
    px_document *d = &c->documents.v[s->doc];
    size_t size = 16;
    while (size < (size_t)d->utt_count * 2) size *= 2;
    if (PX_VEC_RESERVE(s->docidx, size)) { tei_oom(s); return; }
    memset(s->docidx.v, 0, size * sizeof(uint64_t));
    uint32_t mask = (uint32_t)size - 1;
    int repeated = 0;
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        uint32_t off = ut->id;
        if (!off) continue;
        if (!c->uid_text.v[off]) {   /* xml:id="": counted as a repeat, renamed */
            repeated++;
            ut->id = 0;
            continue;
        }
        uint32_t h = px_uid_hash(c, off);
        for (uint32_t i = h & mask;; i = (i + 1) & mask) {
            uint64_t e = s->docidx.v[i];
            if (!e) { s->docidx.v[i] = ((uint64_t)off << 32) | (u + 1); break; }
            uint32_t eoff = (uint32_t)(e >> 32), first = (uint32_t)e;
            if (px_uid_hash(c, eoff) != h || strcmp(c->uid_text.v + eoff, c->uid_text.v + off))
                continue;
            /* a repeat: it and the first of its id lose the id */
            repeated++;
            ut->id = 0;
            if (first) {
                c->utterances.v[first - 1].id = 0;
                s->docidx.v[i] = (uint64_t)eoff << 32;
            }
            break;
        }
    }
    if (repeated)
        tei_problem(s, PX_WARNING, "repeated-id", d->pos,
                "%d utterance%s repeat%s an xml:id of this document; %s named "
                "DOCID.uN instead", repeated, repeated == 1 ? "" : "s", repeated == 1 ? "s" : "",
                repeated == 1 ? "it is" : "they are");
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        if (ut->id) continue;
        char buf[600];
        int n = snprintf(buf, sizeof buf, "%s.u%u", px_str_get(c, d->id), ut->index + 1);
        ut->id = tei_append_uid(s, buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1));
        d = &c->documents.v[s->doc];
    }
}

/* The end of a TEI: its words cut, its kind, id, date, times, segments
 * and utterance ids settled. */
void tei_end_document(imp *s)
{
    tei_tokenize_deferred(s);
    px_corpus *c = s->c;
    px_document *d = &c->documents.v[s->doc];
    d->utt_count = (uint32_t)c->utterances.n - d->utt_first;
    int kind = document_kind(s);
    px_str date = document_date(s, kind);
    tei_apply_tiers(s);
    if (s->stop) return;
    document_meta(s, date);
    tei_resolve_times(s);
    place_times(s);
    build_segments(s, kind == PX_KIND_DRAMA);
    d = &c->documents.v[s->doc];
    d->seg_count = (uint32_t)c->segments.n - d->seg_first;
    tei_check_time_order(s, d);
    name_utterances(s);
    s->doc = PX_NONE;
}

void tei_finish_capture(imp *s)
{
    px_corpus *c = s->c;
    size_t n = s->capbuf.n;
    px_str v = tei_intern(s, s->capbuf.v ? s->capbuf.v : "", n);
    switch (s->cap) {
    case CAP_TITLE:
        if (s->doc != PX_NONE) { c->documents.v[s->doc].title = v; s->have_title = 1; }
        else if (!c->title) c->title = v;
        break;
    case CAP_DATE: {
        int prio = s->cap_pending;
        (void)prio;
        char iso[40];
        char raw[64];
        snprintf(raw, sizeof raw, "%.*s", (int)(n < 63 ? n : 63), s->capbuf.v ? s->capbuf.v : "");
        int p = s->setting_depth ? 0 : s->recording_depth ? 1 : 2;
        if (n && px_parse_loose_date(raw, iso, sizeof iso) == 0) {
            if (!s->date_cand[p]) s->date_cand[p] = tei_intern(s, iso, strlen(iso));
        } else if (n) {
            tei_problem(s, PX_WARNING, "bad-date", tei_cur_pos(s),
                    "the date \"%s\" is in no form Praxis reads (ISO 8601, "
                    "\"14 October 1993\", \"14-OCT-1993\"); give it a @when", raw);
        }
        break;
    }
    case CAP_PERSNAME: case CAP_NAME:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].name = v;
            s->person_has_name = 1;
        }
        break;
    case CAP_SEX:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].sex = tei_normalise_sex(px_str_get(c, v));
            tei_add_kv(s, "sex", v);
        }
        break;
    case CAP_AGE:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].age = tei_parse_age(px_str_get(c, v));
            tei_add_kv(s, "age", v);
        }
        break;
    case CAP_ORGNAME: if (s->org != PX_NONE) c->orgs.v[s->org].name = v; break;
    case CAP_ORGABBR: if (s->org != PX_NONE) c->orgs.v[s->org].abbr = v; break;
    case CAP_DESC: if (s->event != PX_NONE) c->events.v[s->event].desc = v; break;
    case CAP_TIERCODE:
        if (s->ntiers < MAX_TIERS) s->tier_code[s->ntiers] = v;
        break;
    case CAP_TIERPARENT:
        if (s->ntiers < MAX_TIERS && n && strcmp(px_str_get(c, v), "-")) s->tier_parent[s->ntiers] = v;
        break;
    default: break;
    }
    s->cap = CAP_NONE;
    s->cap_pending = 0;
}

/* <TEI>: a document, unless one is open (a TEI inside a TEI is read as
 * part of the outer one). */
void tei_open_tei(imp *s, opening *o)
{
    if (s->doc != PX_NONE) return;
    start_document(s, o->at, o->pos, o->f->lang);
    /* div records are numbered per document: those of the open elements
     * belong to an earlier one (a TEI nested in a body) */
    o->f->div = PX_NONE;
    for (uint32_t i = 0; i < s->depth; i++) s->frames.v[i].div = PX_NONE;
}

/* <teiCorpus xml:id=> as the root: the corpus's name. */
void tei_open_teicorpus(imp *s, opening *o)
{
    if (s->depth == 0 && HAS(*o->at, A_ID) && !s->c->name)
        s->c->name = tei_attr_str(s, o->at, A_ID);
}

/* <body> of a document: the root of its divisions. */
void tei_open_body(imp *s, opening *o)
{
    if (s->doc == PX_NONE || s->body_depth) return;
    s->body_depth = s->depth + 1;
    divrec r = {PX_NONE, 100, 0, 0, 0, 0, 0, 0, PX_NONE, o->pos};
    if (PX_VEC_PUSH(s->divs, r)) { tei_oom(s); return; }
    s->body_div = (uint32_t)s->divs.n - 1;
    o->f->div = s->body_div;
}

/* <title> in a titleStmt of a header: the document's title, or the
 * corpus's (a teiCorpus header). */
void tei_open_title(imp *s, opening *o)
{
    (void)o;
    if (!s->header_depth || !s->titlestmt_depth || s->cap) return;
    if ((s->doc != PX_NONE && !s->have_title) || (s->doc == PX_NONE && !s->c->title))
        start_capture(s, CAP_TITLE);
}

/* <date when= notBefore= from=> (or its text) in a document's setting,
 * recording or creation: a candidate for its date, by that priority. */
void tei_open_date(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->doc == PX_NONE || !s->header_depth || s->cap) return;
    int prio = s->setting_depth ? 0 : s->recording_depth ? 1 : s->creation_depth ? 2 : -1;
    if (prio < 0 || s->date_cand[prio]) return;
    int k = HAS(*at, A_WHEN) ? A_WHEN : HAS(*at, A_NOTBEFORE) ? A_NOTBEFORE :
            HAS(*at, A_FROM) ? A_FROM : -1;
    if (k >= 0) s->date_cand[prio] = tei_attr_str(s, at, k);
    else { start_capture(s, CAP_DATE); s->cap_pending = prio; }
}

/* <event type="print|premiere|written" when=> in a play's standOff
 * (DraCor): the years its date is chosen from. */
void tei_open_play_event(imp *s, opening *o)
{
    attrs *at = o->at;
    if (!s->standoff_depth || s->doc == PX_NONE || !HAS(*at, A_TYPE) || !HAS(*at, A_WHEN)) return;
    char tb[32];
    const char *t = tei_attr_cstr(at->v[A_TYPE], at->end[A_TYPE], tb, sizeof tb);
    int y = dracor_year(at->v[A_WHEN], at->end[A_WHEN]);
    if (!strcmp(t, "print")) s->dracor_print = y;
    else if (!strcmp(t, "premiere")) s->dracor_premiere = y;
    else if (!strcmp(t, "written")) s->dracor_written = y;
}

/* <div>, <div1>..<div7> in a document's body, outside units: a division
 * record, of which segments are made at the document's end. */
void tei_open_div(imp *s, opening *o)
{
    if (s->doc == PX_NONE || !s->body_depth || s->utt != PX_NONE) return;
    enum elem e = o->e;
    uint32_t parent = o->parent->div;
    divrec r;
    memset(&r, 0, sizeof r);
    r.parent = parent;
    r.level = e == E_DIV ? 0 : (uint8_t)(e - E_DIV1 + 1);
    r.type = tei_attr_str(s, o->at, A_TYPE);
    r.xmlid = tei_attr_str(s, o->at, A_ID);
    r.segment = PX_NONE;
    r.pos = o->pos;
    if (e == E_DIV2 && parent != PX_NONE) s->divs.v[parent].has_div2 = 1;
    if (PX_VEC_PUSH(s->divs, r)) { tei_oom(s); return; }
    o->f->div = (uint32_t)s->divs.n - 1;
    if (r.type && !strcmp(px_str_get(s->c, r.type), "debateSection") && !s->debate_depth)
        s->debate_depth = s->depth + 1;
}
