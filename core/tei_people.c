/* tei_people.c - people and organisations: person and personGrp (in a
 * listPerson, a particDesc, a ParlaMint component file), their names, sex,
 * age and affiliations; org and its names. One id, one participant: a
 * repeated declaration adds nothing. Also the speaker tiers a TEI-CORPO
 * header declares: annotation layers belong to their speaker's tier. */
#include "tei_int.h"

uint8_t tei_normalise_sex(const char *v)
{
    char low[32];
    size_t n = 0;
    while (*v && isspace((unsigned char)*v)) v++;
    for (; *v && n < sizeof low - 1; v++) low[n++] = (char)tolower((unsigned char)*v);
    while (n && isspace((unsigned char)low[n - 1])) n--;
    low[n] = '\0';
    if (!n) return PX_SEX_NONE;
    static const char *fem[] = {"f", "female", "2", "w", "woman", "fem", "weiblich", NULL};
    static const char *mal[] = {"m", "male", "1", "man", "masc", "männlich", NULL};
    static const char *none[] = {"0", "9", "u", "unknown", "unk", "?", "na", "n/a", "x", NULL};
    for (int i = 0; fem[i]; i++) if (!strcmp(low, fem[i])) return PX_SEX_FEMALE;
    for (int i = 0; mal[i]; i++) if (!strcmp(low, mal[i])) return PX_SEX_MALE;
    for (int i = 0; none[i]; i++) if (!strcmp(low, none[i])) return PX_SEX_NONE;
    return PX_SEX_OTHER;
}

double tei_parse_age(const char *v)
{
    while (*v && isspace((unsigned char)*v)) v++;
    if (!isdigit((unsigned char)*v)) return NAN;
    char *end;
    double a = strtod(v, &end);
    /* CHAT writes "3;06.12" (years;months.days) */
    if (*end == ';') {
        int months = atoi(end + 1);
        a += months / 12.0;
    }
    return a;
}

/* <person>, <personGrp> outside a castList and outside any unit: one
 * participant, its attributes kept raw as key/values. */
void tei_open_person(imp *s, opening *o)
{
    if (s->castlist_depth || s->person != PX_NONE || s->utt != PX_NONE) return;
    attrs *at = o->at;
    int nb = o->nb, nb_defaulted = o->nb_defaulted;
    const xmlChar **a = o->raw;
    px_participant p;
    memset(&p, 0, sizeof p);
    p.group = o->e == E_PERSONGRP;
    p.declared = 1;
    p.age = NAN;
    /* declared inside a document: keyed by it until the corpus's finish
     * knows the document's kind (plays keep their own ids) */
    p.document = s->doc;
    p.pos = o->pos;
    s->person_kvs0 = s->c->kvs.n;
    s->person_affs0 = s->c->affiliations.n;
    p.attr_first = (uint32_t)s->c->kvs.n;
    p.aff_first = (uint32_t)s->c->affiliations.n;
    p.id = tei_attr_str(s, at, A_ID);
    p.role = tei_attr_str(s, at, A_ROLE);
    s->person_n = tei_attr_str(s, at, A_N);
    /* every attribute, raw */
    for (int i = 0; i < nb - nb_defaulted; i++) {
        const char *name = (const char *)a[i * 5];
        px_str v = tei_intern_attr(s, a[i * 5 + 3], a[i * 5 + 4]);
        tei_add_kv(s, name, v);
    }
    char buf[64];
    if (HAS(*at, A_SEX)) p.sex = tei_normalise_sex(tei_attr_cstr(at->v[A_SEX], at->end[A_SEX], buf, sizeof buf));
    else if (HAS(*at, A_GENDER)) p.sex = tei_normalise_sex(tei_attr_cstr(at->v[A_GENDER], at->end[A_GENDER], buf, sizeof buf));
    if (HAS(*at, A_AGE)) p.age = tei_parse_age(tei_attr_cstr(at->v[A_AGE], at->end[A_AGE], buf, sizeof buf));
    if (PX_VEC_PUSH(s->c->participants, p)) { tei_oom(s); return; }
    s->person = (uint32_t)s->c->participants.n - 1;
    s->person_depth = s->depth;
    s->person_has_name = 0;
    s->alt_code = 0;
}

static void end_person(imp *s)
{
    px_corpus *c = s->c;
    px_participant *p = &c->participants.v[s->person];
    p->attr_count = (uint32_t)(c->kvs.n - p->attr_first);
    p->aff_count = (uint32_t)(c->affiliations.n - p->aff_first);
    if (!p->id && s->alt_code) p->id = s->alt_code;
    if (!p->name && s->person_n) p->name = s->person_n;   /* else the id, at finish */
    if (!p->id) {
        char gen[48];
        snprintf(gen, sizeof gen, "person-%zu", c->participants.n);
        p->id = tei_intern(s, gen, strlen(gen));
    }
    /* one id, one participant: a repeated declaration adds nothing */
    uint64_t key = (uint64_t)p->id | ((uint64_t)(p->document == PX_NONE ? 0xFFFFFFFFu : p->document) << 32);
    uint32_t prev = px_map_get(&c->participant_by_id, key);
    if (prev != PX_NONE) {
        c->kvs.n = s->person_kvs0;
        c->affiliations.n = s->person_affs0;
        c->participants.n--;
    } else if (px_map_put(&c->participant_by_id, key, s->person)) {
        tei_oom(s);
    }
    s->person = PX_NONE;
}

/* The end of an element at depth d: a person's or an org's. */
void tei_close_people(imp *s, uint32_t d)
{
    if (s->person != PX_NONE && d == s->person_depth + 1) end_person(s);
    if (s->org != PX_NONE && d == s->org_depth) s->org = PX_NONE;
}

/* <persName>: the person's name, unless it has one (forename and surname
 * inside it are joined by a space). */
void tei_open_persname(imp *s, opening *o)
{
    (void)o;
    if (s->person != PX_NONE && !s->person_has_name && !s->cap) start_capture(s, CAP_PERSNAME);
    else if (s->cap == CAP_PERSNAME) s->cap_pending = 1;
}

/* <name>: the person's name, when there is no persName before it. */
void tei_open_name(imp *s, opening *o)
{
    (void)o;
    if (s->person != PX_NONE && !s->person_has_name && !s->cap) start_capture(s, CAP_NAME);
}

/* <sex value=>, or its text. */
void tei_open_sex(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->person == PX_NONE) return;
    if (HAS(*at, A_VALUE)) {
        char b[64];
        px_participant *p = &s->c->participants.v[s->person];
        p->sex = tei_normalise_sex(tei_attr_cstr(at->v[A_VALUE], at->end[A_VALUE], b, sizeof b));
        tei_add_kv(s, "sex", tei_attr_str(s, at, A_VALUE));
    } else if (!s->cap) start_capture(s, CAP_SEX);
}

/* <age value=>, or its text. */
void tei_open_age(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->person == PX_NONE) return;
    if (HAS(*at, A_VALUE)) {
        char b[64];
        s->c->participants.v[s->person].age =
            tei_parse_age(tei_attr_cstr(at->v[A_VALUE], at->end[A_VALUE], b, sizeof b));
        tei_add_kv(s, "age", tei_attr_str(s, at, A_VALUE));
    } else if (!s->cap) start_capture(s, CAP_AGE);
}

/* <birth when=>. */
void tei_open_birth(imp *s, opening *o)
{
    if (s->person != PX_NONE && HAS(*o->at, A_WHEN)) tei_add_kv(s, "birth", tei_attr_str(s, o->at, A_WHEN));
}

/* <alt type=>: an id for a person that has no xml:id. */
void tei_open_alt(imp *s, opening *o)
{
    if (s->person != PX_NONE && HAS(*o->at, A_TYPE) && !s->alt_code)
        s->alt_code = tei_attr_str(s, o->at, A_TYPE);
}

/* <affiliation ref= role= from= to= ana=>: one of the person's. */
void tei_open_affiliation(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->person == PX_NONE) return;
    px_affiliation a;
    memset(&a, 0, sizeof a);
    if (HAS(*at, A_REF)) {
        const xmlChar *v = at->v[A_REF], *end = at->end[A_REF];
        const xmlChar *h = end;
        while (h > v && h[-1] != '#') h--;
        a.ref = tei_intern_attr(s, h, end);
    }
    a.role = tei_attr_str(s, at, A_ROLE);
    a.from = tei_attr_str(s, at, A_FROM);
    a.to = tei_attr_str(s, at, A_TO);
    a.ana = tei_attr_str(s, at, A_ANA);
    if (PX_VEC_PUSH(s->c->affiliations, a)) tei_oom(s);
}

/* <org xml:id= role=> outside any unit. */
void tei_open_org(imp *s, opening *o)
{
    if (s->org != PX_NONE || s->utt != PX_NONE) return;
    px_org g;
    memset(&g, 0, sizeof g);
    g.id = tei_attr_str(s, o->at, A_ID);
    g.role = tei_attr_str(s, o->at, A_ROLE);
    g.pos = o->pos;
    if (PX_VEC_PUSH(s->c->orgs, g)) { tei_oom(s); return; }
    s->org = (uint32_t)s->c->orgs.n - 1;
    s->org_depth = s->depth + 1;
}

/* <orgName full="abb">: the org's abbreviation, else its name. */
void tei_open_orgname(imp *s, opening *o)
{
    attrs *at = o->at;
    if (s->org == PX_NONE || s->cap) return;
    char b[16];
    int abb = HAS(*at, A_FULL) &&
              !strcmp(tei_attr_cstr(at->v[A_FULL], at->end[A_FULL], b, sizeof b), "abb");
    px_org *g = &s->c->orgs.v[s->org];
    if (abb && !g->abbr) start_capture(s, CAP_ORGABBR);
    else if (!abb && !g->name) start_capture(s, CAP_ORGNAME);
}

/* ---- speaker tiers (TEI-CORPO) ---- */

/* A note of a document's header: TEI-CORPO's list of tiers, a tier in it,
 * or a tier's code or parent. */
static void tier_note(imp *s, attrs *at)
{
    char tb[32];
    const char *t = HAS(*at, A_TYPE) ? tei_attr_cstr(at->v[A_TYPE], at->end[A_TYPE], tb, sizeof tb) : "";
    if (!s->tiers_depth) {
        if (!strcmp(t, "TEMPLATE_DESC")) s->tiers_depth = s->depth + 1;
    } else if (s->depth == s->tiers_depth && s->ntiers < MAX_TIERS) {
        s->tier_code[s->ntiers] = s->tier_parent[s->ntiers] = 0;   /* a tier begins */
    } else if (s->depth == s->tiers_depth + 1) {
        if (!strcmp(t, "code")) start_capture(s, CAP_TIERCODE);
        else if (!strcmp(t, "parent")) start_capture(s, CAP_TIERPARENT);
    }
}

/* The speaker's tier that tier `id` annotates: its parent's, up the chain
 * of declared tiers (a parent that is no declared tier ends it: CLAN's
 * "annotationBlock"); id itself for a top tier or no tier. */
static px_str tier_root(const imp *s, px_str id)
{
    for (int hops = 0; hops < MAX_TIERS; hops++) {
        uint32_t k = 0;
        while (k < s->ntiers && s->tier_code[k] != id) k++;
        if (k == s->ntiers || !s->tier_parent[k]) return id;
        uint32_t j = 0;
        while (j < s->ntiers && s->tier_code[j] != s->tier_parent[k]) j++;
        if (j == s->ntiers) return id;
        id = s->tier_parent[k];
    }
    return id;   /* a loop of parents: left as it is */
}

/* Annotation layers belong to their speaker: at the document's end, a
 * @who or @toWhom that names a dependent tier names the speaker's tier
 * instead, and a person the header declares for a dependent tier is no
 * participant of its own (its name goes to the speaker's tier when that
 * has none). */
void tei_apply_tiers(imp *s)
{
    px_corpus *c = s->c;
    if (!s->ntiers) return;
    px_map layer;   /* a layer's code -> its top tier's */
    if (px_map_init(&layer)) { tei_oom(s); return; }
    for (uint32_t k = 0; k < s->ntiers; k++) {
        px_str root = tier_root(s, s->tier_code[k]);
        if (root != s->tier_code[k] && px_map_put(&layer, s->tier_code[k], root)) {
            px_map_destroy(&layer);
            tei_oom(s);
            return;
        }
    }
    px_document *d = &c->documents.v[s->doc];
    for (uint32_t u = d->utt_first; layer.count && u < c->utterances.n; u++) {
        const px_utterance *ut = &c->utterances.v[u];
        for (uint32_t k = 0; k < ut->spk_count + ut->adr_count; k++) {
            uint32_t *r = &c->refs.v[k < ut->spk_count ? ut->spk_first + k
                                                        : ut->adr_first + k - ut->spk_count];
            uint32_t root = *r == PX_NONE ? PX_NONE : px_map_get(&layer, *r);
            if (root != PX_NONE) *r = root;
        }
    }
    size_t o = s->doc_part0;
    for (size_t i = s->doc_part0; layer.count && i < c->participants.n; i++) {
        px_participant p = c->participants.v[i];
        uint64_t key = (uint64_t)p.id | ((uint64_t)(p.document == PX_NONE ? 0xFFFFFFFFu : p.document) << 32);
        uint32_t root = px_map_get(&layer, p.id);
        if (root != PX_NONE) {
            if (px_map_get(&c->participant_by_id, key) == i) px_map_del(&c->participant_by_id, key);
            uint32_t r = px_map_get(&c->participant_by_id, root | (key & 0xFFFFFFFF00000000ull));
            if (r != PX_NONE && !c->participants.v[r].name) c->participants.v[r].name = p.name;
            continue;
        }
        if (o != i) {
            if (px_map_get(&c->participant_by_id, key) == i) px_map_del(&c->participant_by_id, key);
            if (px_map_put(&c->participant_by_id, key, (uint32_t)o)) { tei_oom(s); break; }
        }
        c->participants.v[o++] = p;
    }
    if (layer.count) c->participants.n = o;
    px_map_destroy(&layer);
}

/* <note> in a document's header: TEI-CORPO's tiers. */
void tei_open_note(imp *s, opening *o)
{
    if (s->header_depth && s->doc != PX_NONE && !s->cap) tier_note(s, o->at);
}

/* The end of an element at depth d inside the list of tiers. */
void tei_close_tiers(imp *s, enum elem e, uint32_t d)
{
    if (e == E_NOTE && d == s->tiers_depth + 1 && s->ntiers < MAX_TIERS &&
        s->tier_code[s->ntiers])
        s->ntiers++;   /* a tier read whole */
    if (s->tiers_depth == d) s->tiers_depth = 0;
}
