/* tei_people.c - people and organisations: person and personGrp (in a
 * listPerson, a particDesc, a ParlaMint component file), their names, sex,
 * age and affiliations; org and its names. One id, one participant: a
 * repeated declaration adds nothing. */
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
    p.document = (s->c->opt.identity == PX_IDENTITY_DOCUMENT) ? s->doc : PX_NONE;
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
