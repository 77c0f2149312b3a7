/* tei_units.c - units: u, sp, post, posting, annotationBlock (each an
 * utterance: speakers, addressees, times, language, raw attributes, its
 * text and words), the events in and between them (pause, vocal,
 * kinesic, incident, shift, anchor), and annotation tiers (spanGrp/span
 * inside a unit). */
#include "tei_int.h"

/* Elements whose content is never part of an utterance's text. */
static int is_suppressed(enum elem e)
{
    switch (e) {
    case E_SPEAKER: case E_STAGE: case E_NOTE: case E_GAP: case E_DESC: case E_HEAD:
    case E_SPANGRP: case E_SPAN: case E_INTERPGRP: case E_INTERP: case E_FS:
    case E_PAUSE: case E_VOCAL: case E_KINESIC: case E_INCIDENT: case E_SHIFT:
    case E_ANCHOR: case E_ADDRESSEE: case E_TIMELINE:
        return 1;
    default:
        return 0;
    }
}
/* Elements whose edges separate words. */
static int is_boundary(enum elem e)
{
    switch (e) {
    case E_W: case E_SEG: case E_P: case E_L: case E_AB: case E_LG: case E_S:
    case E_LB: case E_U: case E_PAUSE: case E_VOCAL: case E_KINESIC:
    case E_INCIDENT: case E_SHIFT: case E_ANCHOR: case E_SPEAKER: case E_STAGE:
    case E_NOTE: case E_GAP: case E_HEAD: case E_DESC:
        return 1;
    default:
        return 0;
    }
}

/* Pushes each pointer of a space-separated list ("#a #b", "a",
 * "file.xml#a") as an interned id onto refs. Returns how many. */
static uint32_t push_refs(imp *s, const xmlChar *v, const xmlChar *end)
{
    uint32_t n = 0;
    const xmlChar *p = v;
    while (p < end) {
        while (p < end && is_xml_space(*p)) p++;
        const xmlChar *q = p;
        while (q < end && !is_xml_space(*q)) q++;
        if (q > p) {
            const xmlChar *h = q;
            while (h > p && h[-1] != '#') h--;
            if (h == p) {
                /* "prefix:id" (a prefixDef): an xml:id holds no colon, so
                 * the id is what follows the last one */
                const xmlChar *k = q;
                while (k > p && k[-1] != ':') k--;
                h = k;
            }
            if (h < q) {
                px_str id = tei_intern_attr(s, h, q);
                if (s->stop) return n;
                if (PX_VEC_PUSH(s->c->refs, id)) { tei_oom(s); return n; }
                n++;
            }
        }
        p = q;
    }
    return n;
}

/* The raw attributes of a unit, as key/values: "ana", "trans", "xml:lang",
 * "indentLevel", "when-iso"... Those whose meaning the model holds in
 * fields of its own, and whose values are mostly unique (xml:id, @start,
 * @end, @synch: u.id, u.start_time, u.end_time) stay out: interning a
 * unique value per utterance would cost a hash-table entry each. */
/* The key of a raw attribute ("ana", "xml:lang"), interned once per name
 * (names are the parser's dictionary strings: a pointer-keyed cache). */
static px_str raw_key(imp *s, const xmlChar *name, const xmlChar *prefix)
{
    size_t h = ptr_slot(name, 6);
    if (s->p.kcache[h].p == name && s->p.kcache[h].prefix == prefix) return s->p.kcache[h].key;
    char key[160];
    size_t n = 0, pl = prefix ? strlen((const char *)prefix) : 0, ll = strlen((const char *)name);
    if (pl + ll + 2 > sizeof key) return 0;
    if (pl) { memcpy(key, prefix, pl); key[pl] = ':'; n = pl + 1; }
    memcpy(key + n, name, ll);
    px_str k = tei_intern(s, key, n + ll);
    s->p.kcache[h].p = name;
    s->p.kcache[h].prefix = prefix;
    s->p.kcache[h].key = k;
    return k;
}

static void push_raw_attrs(imp *s, int nb, int nb_defaulted, const xmlChar **a)
{
    for (int i = 0; i < nb - nb_defaulted && !s->stop; i++) {
        const xmlChar *name = a[i * 5];
        if (name == s->p.an[A_START] || name == s->p.an[A_END] || name == s->p.an[A_SYNCH]) continue;
        if (name == s->p.an[A_ID] && is_xml_ns(s, a[i * 5 + 2])) continue;
        px_str key = raw_key(s, name, a[i * 5 + 1]);
        px_str v = tei_intern_attr(s, a[i * 5 + 3], a[i * 5 + 4]);
        px_kv kv = {key, v};
        if (PX_VEC_PUSH(s->c->kvs, kv)) tei_oom(s);
    }
}

static void start_unit(imp *s, enum elem e, attrs *at, px_pos pos, px_str lang,
                       int nb, int nb_defaulted, const xmlChar **raw)
{
    px_corpus *c = s->c;
    if (s->doc == PX_NONE) return;
    if (PX_VEC_RESERVE(c->utterances, c->utterances.n + 1)) { tei_oom(s); return; }
    px_prefault(&s->pf_utt, c->utterances.v, (c->utterances.n + 1) * sizeof(px_utterance),
                c->utterances.cap * sizeof(px_utterance));
    px_utterance *u = &c->utterances.v[c->utterances.n];   /* built in place */
    memset(u, 0, sizeof *u);
    px_document *d = &c->documents.v[s->doc];
    u->document = s->doc;
    u->index = (uint32_t)c->utterances.n - d->utt_first;
    u->segment = s->frames.v[s->depth - 1].div;
    u->reply_to = PX_NONE;
    if (HAS(*at, A_ID)) u->id = tei_intern_uid(s, at->v[A_ID], at->end[A_ID]);
    u->lang = lang;
    u->start = u->end = u->time = NAN;
    u->pos = pos;
    u->spk_first = (uint32_t)c->refs.n;
    if (HAS(*at, A_WHO)) u->spk_count = push_refs(s, at->v[A_WHO], at->end[A_WHO]);
    if (!u->spk_count) {
        if (PX_VEC_PUSH(c->refs, PX_NONE)) { tei_oom(s); return; }
        u->spk_count = 1;
    }
    u->adr_first = (uint32_t)c->refs.n;
    if (HAS(*at, A_TOWHOM)) u->adr_count = push_refs(s, at->v[A_TOWHOM], at->end[A_TOWHOM]);
    if (HAS(*at, A_REPLYTO)) {
        /* the first pointer; resolved when the corpus is finished */
        const xmlChar *v = at->v[A_REPLYTO], *end = at->end[A_REPLYTO];
        while (v < end && is_xml_space(*v)) v++;
        const xmlChar *q = v;
        while (q < end && !is_xml_space(*q)) q++;
        const xmlChar *h = q;
        while (h > v && h[-1] != '#') h--;
        if (h < q) u->reply_to = tei_intern_uid(s, h, q);
    }
    char buf[80];
    if (HAS(*at, A_WHEN_ISO) || HAS(*at, A_WHEN)) {
        int k = HAS(*at, A_WHEN_ISO) ? A_WHEN_ISO : A_WHEN;
        double t;
        if (px_parse_datetime(tei_attr_cstr(at->v[k], at->end[k], buf, sizeof buf), &t) == 0)
            u->time = t;
    }
    u->ev_first = (uint32_t)c->events.n;
    u->ann_first = (uint32_t)c->annotations.n;
    u->attr_first = (uint32_t)c->kvs.n;
    u->indent = -1;
    if (HAS(*at, A_INDENT)) {
        double x;
        if (tei_parse_decimal(at->v[A_INDENT], at->end[A_INDENT], &x) == 0 && x >= 0 && x < 1e6)
            u->indent = (int32_t)x;
    }
    u->text_off = (uint32_t)c->text.n;
    if (c->text.n > UINT32_MAX - (uint64_t)c->opt.max_utterance_text - 16) {
        tei_refuse(s, PX_ELIMIT, pos, "the corpus holds more than 4 GiB of text, the limit of Praxis");
        return;
    }
    c->utterances.n++;
    s->utt = (uint32_t)c->utterances.n - 1;
    s->utt_depth = s->depth + 1;
    push_raw_attrs(s, nb, nb_defaulted, raw);
    s->spans.n = 0;
    s->spanbuf.n = 0;
    s->block = e == E_ABLOCK;
    s->inner_u_depth = 0;
    s->pending_space = 0;
    s->text_start = (uint32_t)c->text.n;
    s->seg_lang_taken = 0;
    s->utt_own_lang = HAS(*at, A_LANG);
    s->wspans.n = 0;
    s->in_w = 0;
    uint32_t ix = s->utt;
    if (HAS(*at, A_SYNCH)) {
        /* "#start #end" on u; one point on post */
        const xmlChar *v = at->v[A_SYNCH], *end = at->end[A_SYNCH];
        const xmlChar *p = v;
        int k = 0;
        while (p < end && k < 2) {
            while (p < end && is_xml_space(*p)) p++;
            const xmlChar *q = p;
            while (q < end && !is_xml_space(*q)) q++;
            if (q > p) tei_add_pending(s, k, ix, tei_when_ref(s, p, q), pos);
            k++;
            p = q;
        }
    }
    if (HAS(*at, A_START)) tei_add_pending(s, 0, ix, tei_when_ref(s, at->v[A_START], at->end[A_START]), pos);
    if (HAS(*at, A_END)) tei_add_pending(s, 1, ix, tei_when_ref(s, at->v[A_END], at->end[A_END]), pos);
    /* kind of unit */
    int kind = PX_KIND_SPOKEN;
    if (e == E_SP) kind = PX_KIND_DRAMA;
    else if (e == E_POST || e == E_POSTING) kind = PX_KIND_CMC;
    else if (e == E_U) {
        if (s->debate_depth) kind = PX_KIND_DEBATE;
        else if (HAS(*at, A_ANA)) {
            char ab[256];
            const char *ana = tei_attr_cstr(at->v[A_ANA], at->end[A_ANA], ab, sizeof ab);
            if (strstr(ana, "#chair") || strstr(ana, "#regular") || strstr(ana, "#guest"))
                kind = PX_KIND_DEBATE;
        }
    }
    s->unit_counts[kind]++;
    /* divs: count units for DraCor's rule */
    uint32_t dv = c->utterances.v[ix].segment;
    if (dv != PX_NONE) {
        s->divs.v[dv].direct_units++;
        for (uint32_t p = dv; p != PX_NONE; p = s->divs.v[p].parent) s->divs.v[p].units_below++;
    }
}

static void end_unit(imp *s)
{
    px_corpus *c = s->c;
    px_utterance *u = &c->utterances.v[s->utt];
    /* finish the text: drop a pending space, terminate, and keep
     * PX_WORD_SLACK initialised bytes after it for the word scanner */
    if (PX_VEC_RESERVE(c->text, c->text.n + 1 + PX_WORD_SLACK)) { tei_oom(s); return; }
    c->text.v[c->text.n++] = '\0';
    memset(c->text.v + c->text.n, 0, PX_WORD_SLACK);
    u->text_len = (uint32_t)(c->text.n - 1 - u->text_off);
    u->tok_first = (uint32_t)c->tokens.n;
    uint64_t count0 = c->token_count;
    const char *text = c->text.v + u->text_off;
    if (s->wspans.n) {
        for (size_t i = 0; i < s->wspans.n && !s->stop; i++) {
            uint32_t off = (uint32_t)(s->wspans.v[i] >> 32), len = (uint32_t)s->wspans.v[i];
            tei_tok_push(s, c->text.v + off, len);
        }
    } else if (u->text_len) {
        /* words are cut at the end of the document, all in one go: the
         * word cache and the term table then have the cache to themselves
         * instead of fighting the parser for it */
        if (PX_VEC_PUSH(s->deferred, s->utt)) { tei_oom(s); return; }
    }
    (void)text;
    u = &c->utterances.v[s->utt];
    u->tok_count = (uint32_t)(c->token_count - count0);
    u->ev_count = (uint32_t)(c->events.n - u->ev_first);
    u->ann_count = (uint32_t)(c->annotations.n - u->ann_first);
    u->attr_count = (uint32_t)(c->kvs.n - u->attr_first);
    s->spans.n = 0;
    if (!u->text_len && !u->ev_count)
        tei_problem(s, PX_WARNING, "empty-utterance", u->pos, "empty utterance (no words, no events)");
    s->utt = PX_NONE;
    s->suppress_depth = 0;
}

static void start_event(imp *s, enum elem e, attrs *at, px_pos pos)
{
    px_corpus *c = s->c;
    if (s->doc == PX_NONE) return;
    /* built in place: the record is large, a copy would cost more than
     * filling it */
    if (PX_VEC_RESERVE(c->events, c->events.n + 1)) { tei_oom(s); return; }
    px_prefault(&s->pf_ev, c->events.v, (c->events.n + 1) * sizeof(px_event),
                c->events.cap * sizeof(px_event));
    px_event *ev = &c->events.v[c->events.n];
    memset(ev, 0, sizeof *ev);
    static const uint8_t map[] = {
        [E_PAUSE] = PX_EVENT_PAUSE, [E_VOCAL] = PX_EVENT_VOCAL, [E_KINESIC] = PX_EVENT_KINESIC,
        [E_INCIDENT] = PX_EVENT_INCIDENT, [E_SHIFT] = PX_EVENT_SHIFT, [E_ANCHOR] = PX_EVENT_ANCHOR,
    };
    ev->type = map[e];
    ev->document = s->doc;
    ev->utterance = s->utt;
    ev->start = ev->end = ev->dur = NAN;
    ev->pos = pos;
    if (HAS(*at, A_WHO)) {
        const xmlChar *v = at->v[A_WHO], *end = at->end[A_WHO];
        const xmlChar *h = end;
        while (h > v && h[-1] != '#') h--;
        ev->who = tei_intern_attr(s, h, end);
    }
    ev->feature = tei_attr_str(s, at, A_FEATURE);
    ev->value = e == E_SHIFT ? tei_attr_str(s, at, A_NEW) : tei_attr_str(s, at, A_TYPE);
    char buf[64];
    if (HAS(*at, A_DUR)) {
        double d;
        const xmlChar *v = at->v[A_DUR], *end = at->end[A_DUR];
        /* "PT0.4S", the usual form, without strtod */
        if (end - v > 3 && v[0] == 'P' && v[1] == 'T' && end[-1] == 'S' &&
            tei_parse_decimal(v + 2, end - 1, &d) == 0)
            ev->dur = d;
        else if (px_parse_duration(tei_attr_cstr(v, end, buf, sizeof buf), &d) == 0)
            ev->dur = d;
    }
    uint32_t ix = (uint32_t)c->events.n++;
    if (HAS(*at, A_SYNCH)) tei_add_pending(s, 2, ix, tei_when_ref(s, at->v[A_SYNCH], at->end[A_SYNCH]), pos);
    if (HAS(*at, A_START)) tei_add_pending(s, 2, ix, tei_when_ref(s, at->v[A_START], at->end[A_START]), pos);
    if (HAS(*at, A_END)) tei_add_pending(s, 3, ix, tei_when_ref(s, at->v[A_END], at->end[A_END]), pos);
    s->event = ix;
}

/* The id a pointer names ("#w1" -> "w1"); the first or last of a list. */
static px_str pointer_id(imp *s, const xmlChar *v, const xmlChar *end, int last)
{
    while (v < end && is_xml_space(*v)) v++;
    while (end > v && is_xml_space(end[-1])) end--;
    const xmlChar *p = v, *q = end;
    if (last) { while (p < q && !is_xml_space(q[-1])) q--; p = q; q = end; }
    else { q = v; while (q < end && !is_xml_space(*q)) q++; }
    if (p < q && *p == '#') p++;
    return p < q ? tei_intern_attr(s, p, q) : 0;
}

static void start_span(imp *s, enum elem e, attrs *at)
{
    spanframe f = {s->depth + 1, PX_NONE, tei_attr_str(s, at, A_TYPE), (uint32_t)s->spanbuf.n};
    if (e == E_SPAN) {
        /* the tier is the nearest spanGrp's @type, else the span's own */
        px_str type = 0;
        for (size_t i = s->spans.n; i-- > 0;)
            if (s->spans.v[i].ann == PX_NONE) { type = s->spans.v[i].type; break; }
        if (!type) type = f.type;
        px_annotation a = {type, 0, 0, 0};
        if (HAS(*at, A_FROM)) a.from = pointer_id(s, at->v[A_FROM], at->end[A_FROM], 0);
        else if (HAS(*at, A_TARGET)) a.from = pointer_id(s, at->v[A_TARGET], at->end[A_TARGET], 0);
        if (HAS(*at, A_TO)) a.to = pointer_id(s, at->v[A_TO], at->end[A_TO], 0);
        else if (HAS(*at, A_TARGET)) a.to = pointer_id(s, at->v[A_TARGET], at->end[A_TARGET], 1);
        if (PX_VEC_PUSH(s->c->annotations, a)) { tei_oom(s); return; }
        f.ann = (uint32_t)s->c->annotations.n - 1;
        f.type = type;
        s->span_pending = 0;
    }
    if (PX_VEC_PUSH(s->spans, f)) tei_oom(s);
}

void tei_end_span(imp *s)
{
    spanframe f = s->spans.v[--s->spans.n];
    if (f.ann == PX_NONE) return;
    size_t n = s->spanbuf.n - f.buf_start;
    s->c->annotations.v[f.ann].text = n ? tei_intern(s, s->spanbuf.v + f.buf_start, n) : 0;
    s->spanbuf.n = f.buf_start;
    /* the enclosing span's text goes on after a space */
    s->span_pending = s->spanbuf.n > 0;
}

/* <u>, <sp>, <post>, <posting>, <annotationBlock> in a body, outside a
 * castList and outside another unit: an utterance. */
void tei_open_unit(imp *s, opening *o)
{
    if (s->utt != PX_NONE || !s->body_depth || s->castlist_depth) return;
    start_unit(s, o->e, o->at, o->pos, o->f->lang, o->nb, o->nb_defaulted, o->raw);
}

/* <pause>, <vocal>, <kinesic>, <incident>, <shift>, <anchor> in a body:
 * an event, of the utterance it stands in, if any. */
void tei_open_event(imp *s, opening *o)
{
    if (s->body_depth) start_event(s, o->e, o->at, o->pos);
}

/* <desc> of an event: its description. */
void tei_open_desc(imp *s, opening *o)
{
    (void)o;
    if (s->event != PX_NONE && !s->cap) start_capture(s, CAP_DESC);
}

/* Any element that opens inside a unit (before its own handler): word
 * boundaries, suppressed content, <w>, the inner <u> of an
 * annotationBlock, spans, a <seg>'s language, addressees. */
void tei_inside_unit(imp *s, opening *o)
{
    enum elem e = o->e;
    attrs *at = o->at;
    if (e == E_U && s->block && !s->inner_u_depth) {
        s->inner_u_depth = s->depth + 1;
        if (HAS(*at, A_LANG)) s->c->utterances.v[s->utt].lang = o->f->lang;
        push_raw_attrs(s, o->nb, o->nb_defaulted, o->raw);
    }
    if (e == E_SPANGRP || e == E_SPAN) start_span(s, e, at);
    if (e == E_SEG && HAS(*at, A_LANG) && !s->seg_lang_taken) {
        /* the unit's own xml:lang wins over its text part's */
        if (!s->utt_own_lang) s->c->utterances.v[s->utt].lang = o->f->lang;
        s->seg_lang_taken = 1;
    }
    /* an event inside a word (<w>Ar<anchor/>beit</w>) does not split it */
    if (is_boundary(e) && !(s->in_w && e != E_W)) { s->pending_space = 1; o->f->boundary = 1; }
    if (e == E_W && !s->suppress_depth) {
        s->in_w = 1;
        s->w_start = (uint32_t)s->c->text.n +
                     ((s->pending_space && s->c->text.n > s->text_start) ? 1 : 0);
    }
    if (e == E_ADDRESSEE && HAS(*at, A_WHO)) {
        /* posting/addressingTerm/addressee: addressees of a posting */
        px_utterance *u = &s->c->utterances.v[s->utt];
        if (u->adr_count == 0) u->adr_first = (uint32_t)s->c->refs.n;
        if (u->adr_first + u->adr_count == s->c->refs.n)
            u->adr_count += push_refs(s, at->v[A_WHO], at->end[A_WHO]);
    }
    if (is_suppressed(e) && !s->suppress_depth) s->suppress_depth = s->depth + 1;
}

/* The end of an element at depth d (frame f), for units and events: a
 * word, suppressed content, the unit itself. */
void tei_units_close(imp *s, const frame *f, uint32_t d)
{
    enum elem e = (enum elem)f->e;
    if (s->utt != PX_NONE) {
        if (f->boundary) s->pending_space = 1;
        if (e == E_W && s->in_w && !s->suppress_depth) {
            uint32_t end = (uint32_t)s->c->text.n;
            if (end > s->w_start) {
                uint64_t span = ((uint64_t)s->w_start << 32) | (end - s->w_start);
                if (PX_VEC_PUSH(s->wspans, span)) tei_oom(s);
            }
            s->in_w = 0;
        }
        if (s->suppress_depth == d) s->suppress_depth = 0;
        if (s->inner_u_depth == d) s->inner_u_depth = 0;
        if (d == s->utt_depth) end_unit(s);
    }
    if (e >= E_PAUSE && e <= E_ANCHOR) s->event = PX_NONE;
}
