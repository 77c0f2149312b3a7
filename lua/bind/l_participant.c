/* l_participant.c - participant handles. */
#include "luax.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push_affiliation(lua_State *L, px_corpus *c, const px_affiliation *a)
{
    lua_createtable(L, 0, 5);
    px_l_pushstr(L, c, a->ref); lua_setfield(L, -2, "org");
    px_l_pushstr(L, c, a->role); lua_setfield(L, -2, "role");
    px_l_pushstr(L, c, a->from); lua_setfield(L, -2, "from");
    px_l_pushstr(L, c, a->to); lua_setfield(L, -2, "to");
    px_l_pushstr(L, c, a->ana); lua_setfield(L, -2, "ana");
    uint32_t o = a->ref ? px_org_find(c, px_str_get(c, a->ref)) : PX_NONE;
    if (o != PX_NONE) {
        px_l_pushstr(L, c, c->orgs.v[o].role); lua_setfield(L, -2, "org_role");
        px_l_pushstr(L, c, c->orgs.v[o].name); lua_setfield(L, -2, "org_name");
    }
}

#define PART px_participant *p = &c->participants.v[i]

static void p_id(lua_State *L, px_corpus *c, uint32_t i) { PART; px_l_pushstr(L, c, p->id); }
static void p_name(lua_State *L, px_corpus *c, uint32_t i) { PART; px_l_pushstr(L, c, p->name); }
static void p_role(lua_State *L, px_corpus *c, uint32_t i) { PART; px_l_pushstr(L, c, p->role); }
static void p_sex(lua_State *L, px_corpus *c, uint32_t i)
{
    PART;
    const char *s = px_sex_name((px_sex)p->sex);
    if (s) lua_pushstring(L, s);
    else lua_pushnil(L);
}
static void p_age(lua_State *L, px_corpus *c, uint32_t i) { PART; px_l_pushnum(L, p->age); }
static void p_group(lua_State *L, px_corpus *c, uint32_t i) { PART; lua_pushboolean(L, p->group); }
static void p_declared(lua_State *L, px_corpus *c, uint32_t i) { PART; lua_pushboolean(L, p->declared); }
static void p_index(lua_State *L, px_corpus *c, uint32_t i)
{ (void)c; lua_pushinteger(L, (lua_Integer)i + 1); }

static void p_attributes(lua_State *L, px_corpus *c, uint32_t i)
{
    PART;
    px_l_pushkvs(L, c, p->attr_first, p->attr_count);
    /* the units a person belongs to, as org ids, for grouping */
    if (!p->aff_count) return;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (uint32_t k = 0; k < p->aff_count; k++) {
        px_affiliation *a = &c->affiliations.v[p->aff_first + k];
        if (!a->ref) continue;
        if (luaL_bufflen(&b)) luaL_addchar(&b, ' ');
        luaL_addstring(&b, px_str_get(c, a->ref));
    }
    luaL_pushresult(&b);
    lua_setfield(L, -2, "affiliation");
}

static void p_affiliations(lua_State *L, px_corpus *c, uint32_t i)
{
    PART;
    lua_createtable(L, (int)p->aff_count, 0);
    for (uint32_t k = 0; k < p->aff_count; k++) {
        push_affiliation(L, c, &c->affiliations.v[p->aff_first + k]);
        lua_rawseti(L, -2, k + 1);
    }
}

static void p_utterances(lua_State *L, px_corpus *c, uint32_t i)
{
    px_l_pushext(L, 1, PX_H_UTTERANCE, c->part_utts.v + c->part_utt_first.v[i],
                 c->part_utt_first.v[i + 1] - c->part_utt_first.v[i]);
}
static void p_documents(lua_State *L, px_corpus *c, uint32_t i)
{
    px_l_pushext(L, 1, PX_H_DOCUMENT, c->part_docs.v + c->part_doc_first.v[i],
                 c->part_doc_first.v[i + 1] - c->part_doc_first.v[i]);
}
static void p_source(lua_State *L, px_corpus *c, uint32_t i) { PART; px_l_pushpos(L, c, p->pos); }

static const px_l_field part_fields[] = {
    {"id", "string", p_id}, {"name", "string", p_name}, {"role", "string", p_role},
    {"sex", "string", p_sex}, {"age", "number", p_age}, {"group", "boolean", p_group},
    {"declared", "boolean", p_declared}, {"index", "integer", p_index},
    {"attributes", "table", p_attributes}, {"affiliations", "table", p_affiliations},
    {"utterances", "praxis.Selection", p_utterances},
    {"documents", "praxis.Selection", p_documents}, {"source", "string", p_source},
    {NULL, NULL, NULL}};

/* The period an ISO date stands for: its first instant and the first
 * instant after it ("2015" -> 2015-01-01 .. 2016-01-01, "2015-03" -> one
 * month, "2015-03-02" -> one day, a date-time -> one second). 0 when it
 * parses. */
static int date_period(const char *d, double *first, double *next)
{
    if (px_parse_datetime(d, first) != 0) return -1;
    const char *p = d + (d[0] == '-');
    size_t digits = strspn(p, "0123456789");
    if (p[digits] == '\0') {                          /* a year */
        char buf[64];
        long y = strtol(d, NULL, 10) + 1;
        if (y < 0) snprintf(buf, sizeof buf, "-%04ld", -y);
        else snprintf(buf, sizeof buf, "%04ld", y);
        return px_parse_datetime(buf, next);
    }
    size_t len = strlen(d);
    if (len == (size_t)(p - d) + digits + 3) {          /* a month: YYYY-MM */
        char buf[64];
        long y = strtol(d, NULL, 10), m = strtol(p + digits + 1, NULL, 10) + 1;
        if (m > 12) { m = 1; y++; }
        if (y < 0) snprintf(buf, sizeof buf, "-%04ld-%02ld", -y, m);
        else snprintf(buf, sizeof buf, "%04ld-%02ld", y, m);
        return px_parse_datetime(buf, next);
    }
    if (len == (size_t)(p - d) + digits + 6) { *next = *first + 86400; return 0; }   /* a day */
    *next = *first + 1;
    return 0;
}

/* p:affiliation_at(date, {role=, org_role=}) -> every affiliation that
 * holds on that date (ParlaMint persons hold several at once: a party, a
 * parliamentary group, the parliament itself). An affiliation holds when
 * its period [from, to] overlaps the period the date stands for, both ends
 * inclusive at their precision ("to 2015-06-30" holds that whole day; the
 * date "2021" meets everything that held some time in 2021); a missing end
 * is open. */
static int part_affiliation_at(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_PARTICIPANT);
    px_corpus *c = px_l_corpus_of(L, 1);
    const char *date = luaL_checkstring(L, 2);
    const char *role = NULL, *org_role = NULL;
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        lua_getfield(L, 3, "role");
        role = lua_tostring(L, -1);
        lua_getfield(L, 3, "org_role");
        org_role = lua_tostring(L, -1);
    }
    double at, at_next;
    if (date_period(date, &at, &at_next) != 0)
        return luaL_error(L, "affiliation_at: '%s' is no ISO 8601 date (e.g. \"2015-01-26\")", date);
    px_participant *p = &c->participants.v[i];
    lua_newtable(L);
    int n = 0;
    for (uint32_t k = 0; k < p->aff_count; k++) {
        px_affiliation *a = &c->affiliations.v[p->aff_first + k];
        double f0, f1, t0, t1;
        if (a->from && date_period(px_str_get(c, a->from), &f0, &f1) == 0 && f0 >= at_next) continue;
        if (a->to && date_period(px_str_get(c, a->to), &t0, &t1) == 0 && t1 <= at) continue;
        if (role && (!a->role || strcmp(px_str_get(c, a->role), role))) continue;
        if (org_role) {
            uint32_t o = a->ref ? px_org_find(c, px_str_get(c, a->ref)) : PX_NONE;
            if (o == PX_NONE || !c->orgs.v[o].role || strcmp(px_str_get(c, c->orgs.v[o].role), org_role))
                continue;
        }
        push_affiliation(L, c, a);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

static int part_tostring(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_PARTICIPANT);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_participant *p = &c->participants.v[i];
    if (p->name && p->name != p->id)
        lua_pushfstring(L, "participant %s \"%s\" (%s)", px_str_get(c, p->id),
                        px_str_get(c, p->name), px_str_get(c, c->name));
    else
        lua_pushfstring(L, "participant %s (%s)", px_str_get(c, p->id), px_str_get(c, c->name));
    return 1;
}

void px_open_participant(lua_State *L)
{
    static const luaL_Reg methods[] = {{"affiliation_at", part_affiliation_at}, {NULL, NULL}};
    px_l_register_handle(L, PX_H_PARTICIPANT, part_fields, part_tostring, methods);
}
