/* l_utterance.c - utterance handles. */
#include "luax.h"

#include <math.h>
#include <string.h>

static void push_events(lua_State *L, px_corpus *c, const px_utterance *u)
{
    lua_createtable(L, (int)u->ev_count, 0);
    for (uint32_t k = 0; k < u->ev_count; k++) {
        px_event *e = &c->events.v[u->ev_first + k];
        lua_createtable(L, 0, 6);
        lua_pushstring(L, px_event_type_name((px_event_type)e->type)); lua_setfield(L, -2, "type");
        px_l_pushstr(L, c, e->desc); lua_setfield(L, -2, "desc");
        px_l_pushstr(L, c, e->who); lua_setfield(L, -2, "who");
        px_l_pushnum(L, e->start); lua_setfield(L, -2, "start_time");
        px_l_pushnum(L, e->end); lua_setfield(L, -2, "end_time");
        px_l_pushnum(L, e->dur); lua_setfield(L, -2, "duration");
        px_l_pushstr(L, c, e->feature); lua_setfield(L, -2, "feature");
        px_l_pushstr(L, c, e->value); lua_setfield(L, -2, "value");
        lua_rawseti(L, -2, k + 1);
    }
}

/* u.attributes: the unit's raw attributes (an ISO block's, then its u's
 * where the block has no such key). */
static void push_attributes(lua_State *L, px_corpus *c, const px_utterance *u)
{
    lua_createtable(L, 0, (int)u->attr_count);
    for (uint32_t k = 0; k < u->attr_count; k++) {
        const px_kv *kv = &c->kvs.v[u->attr_first + k];
        const char *key = px_str_get(c, kv->key);
        if (lua_getfield(L, -1, key) != LUA_TNIL) { lua_pop(L, 1); continue; }
        lua_pop(L, 1);
        lua_pushstring(L, px_str_get(c, kv->value));
        lua_setfield(L, -2, key);
    }
}

/* u.annotations: tier type -> list of {text=, from=, to=} in order. */
static void push_annotations(lua_State *L, px_corpus *c, const px_utterance *u)
{
    lua_createtable(L, 0, 4);
    for (uint32_t k = 0; k < u->ann_count; k++) {
        const px_annotation *a = &c->annotations.v[u->ann_first + k];
        const char *type = a->type ? px_str_get(c, a->type) : "";
        if (lua_getfield(L, -1, type) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, type);
        }
        lua_createtable(L, 0, 3);
        lua_pushstring(L, a->text ? px_str_get(c, a->text) : ""); lua_setfield(L, -2, "text");
        if (a->from) { px_l_pushstr(L, c, a->from); lua_setfield(L, -2, "from"); }
        if (a->to) { px_l_pushstr(L, c, a->to); lua_setfield(L, -2, "to"); }
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
}

#define UTT const px_utterance *u = &c->utterances.v[i]

static void pushhandle_or_nil(lua_State *L, px_htype t, uint32_t i)
{
    if (i == PX_NONE) lua_pushnil(L);
    else px_l_pushhandle(L, 1, t, i);
}

static void u_id(lua_State *L, px_corpus *c, uint32_t i) { lua_pushstring(L, px_utterance_id(c, i)); }
static void u_text(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; lua_pushlstring(L, px_utterance_text(c, i), u->text_len); }
static void u_speaker(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; px_l_pushhandle(L, 1, PX_H_PARTICIPANT, c->refs.v[u->spk_first]); }
static void u_speakers(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; px_l_pushext(L, 1, PX_H_PARTICIPANT, c->refs.v + u->spk_first, u->spk_count); }
static void u_addressees(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; px_l_pushext(L, 1, PX_H_PARTICIPANT, c->refs.v + u->adr_first, u->adr_count); }
static void u_document(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; px_l_pushhandle(L, 1, PX_H_DOCUMENT, u->document); }
static void u_segment(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; pushhandle_or_nil(L, PX_H_SEGMENT, u->segment); }
static void u_index(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; lua_pushinteger(L, (lua_Integer)u->index + 1); }
static void u_reply_to(lua_State *L, px_corpus *c, uint32_t i)
{ UTT; pushhandle_or_nil(L, PX_H_UTTERANCE, u->reply_to); }
static void u_start_time(lua_State *L, px_corpus *c, uint32_t i) { UTT; px_l_pushnum(L, u->start); }
static void u_end_time(lua_State *L, px_corpus *c, uint32_t i) { UTT; px_l_pushnum(L, u->end); }
static void u_duration(lua_State *L, px_corpus *c, uint32_t i)
{
    UTT;
    if (isnan(u->start) || isnan(u->end)) lua_pushnil(L);
    else lua_pushnumber(L, u->end - u->start);
}
static void u_time(lua_State *L, px_corpus *c, uint32_t i)
{
    UTT;
    if (isnan(u->time)) {
        lua_pushnil(L);
        return;
    }
    char buf[48];
    px_format_datetime(u->time, buf, sizeof buf);
    lua_pushstring(L, buf);
}
static void u_lang(lua_State *L, px_corpus *c, uint32_t i) { UTT; px_l_pushstr(L, c, u->lang); }
static void u_tokens(lua_State *L, px_corpus *c, uint32_t i)
{
    UTT;
    lua_createtable(L, (int)u->tok_count, 0);
    const uint8_t *tp = px_utterance_tokens(c, u);
    for (uint32_t t = 0; t < u->tok_count; t++) {
        lua_pushstring(L, px_term_get(c, px_token_next(&tp)));
        lua_rawseti(L, -2, t + 1);
    }
}
static void u_word_count(lua_State *L, px_corpus *c, uint32_t i) { UTT; lua_pushinteger(L, u->tok_count); }
static void u_events(lua_State *L, px_corpus *c, uint32_t i) { UTT; push_events(L, c, u); }
static void u_annotations(lua_State *L, px_corpus *c, uint32_t i) { UTT; push_annotations(L, c, u); }
static void u_attributes(lua_State *L, px_corpus *c, uint32_t i) { UTT; push_attributes(L, c, u); }
static void u_indent_level(lua_State *L, px_corpus *c, uint32_t i)
{
    UTT;
    if (u->indent < 0) lua_pushnil(L);
    else lua_pushinteger(L, u->indent);
}
static void u_source(lua_State *L, px_corpus *c, uint32_t i) { UTT; px_l_pushpos(L, c, u->pos); }

static const px_l_field utt_fields[] = {
    {"id", "string", u_id}, {"text", "string", u_text},
    {"speaker", "praxis.Participant", u_speaker}, {"speakers", "praxis.Selection", u_speakers},
    {"addressees", "praxis.Selection", u_addressees}, {"document", "praxis.Document", u_document},
    {"segment", "praxis.Segment", u_segment}, {"index", "integer", u_index},
    {"reply_to", "praxis.Utterance", u_reply_to}, {"start_time", "number", u_start_time},
    {"end_time", "number", u_end_time}, {"duration", "number", u_duration},
    {"time", "string", u_time}, {"lang", "string", u_lang}, {"tokens", "table", u_tokens},
    {"word_count", "integer", u_word_count}, {"events", "table", u_events},
    {"annotations", "table", u_annotations}, {"attributes", "table", u_attributes},
    {"indent_level", "integer", u_indent_level}, {"source", "string", u_source},
    {NULL, NULL, NULL}};

static int utt_tostring(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_UTTERANCE);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_utterance *u = &c->utterances.v[i];
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "utterance %d of %s by ", (int)u->index + 1,
                    px_str_get(c, c->documents.v[u->document].id));
    luaL_addvalue(&b);
    for (uint32_t k = 0; k < u->spk_count; k++) {
        if (k) luaL_addstring(&b, k + 1 == u->spk_count ? " and " : ", ");
        luaL_addstring(&b, px_str_get(c, c->participants.v[c->refs.v[u->spk_first + k]].id));
    }
    if (!isnan(u->start)) {
        char clock[32];
        px_format_clock(u->start, clock, sizeof clock, 0);
        luaL_addstring(&b, " at ");
        luaL_addstring(&b, clock);
    }
    luaL_addstring(&b, ": \"");
    /* the text, cut at about 60 characters on a character boundary */
    const char *t = px_utterance_text(c, i);
    size_t n = u->text_len, cut = n;
    if (n > 60) {
        cut = 60;
        while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80) cut--;
    }
    luaL_addlstring(&b, t, cut);
    if (cut < n) luaL_addstring(&b, "...");
    luaL_addchar(&b, '"');
    luaL_pushresult(&b);
    return 1;
}

void px_open_utterance(lua_State *L)
{
    px_l_register_handle(L, PX_H_UTTERANCE, utt_fields, utt_tostring, NULL);
}
