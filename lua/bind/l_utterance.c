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

static int utt_index(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_UTTERANCE);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_utterance *u = &c->utterances.v[i];
    const char *k = luaL_checkstring(L, 2);
    if (!strcmp(k, "id")) lua_pushstring(L, px_utterance_id(c, i));
    else if (!strcmp(k, "text")) lua_pushlstring(L, px_utterance_text(c, i), u->text_len);
    else if (!strcmp(k, "speaker")) px_l_pushhandle(L, 1, PX_H_PARTICIPANT, c->refs.v[u->spk_first]);
    else if (!strcmp(k, "speakers")) px_l_pushext(L, 1, PX_H_PARTICIPANT, c->refs.v + u->spk_first, u->spk_count);
    else if (!strcmp(k, "addressees")) px_l_pushext(L, 1, PX_H_PARTICIPANT, c->refs.v + u->adr_first, u->adr_count);
    else if (!strcmp(k, "document")) px_l_pushhandle(L, 1, PX_H_DOCUMENT, u->document);
    else if (!strcmp(k, "segment")) {
        if (u->segment == PX_NONE) lua_pushnil(L);
        else px_l_pushhandle(L, 1, PX_H_SEGMENT, u->segment);
    } else if (!strcmp(k, "index")) lua_pushinteger(L, (lua_Integer)u->index + 1);
    else if (!strcmp(k, "reply_to")) {
        if (u->reply_to == PX_NONE) lua_pushnil(L);
        else px_l_pushhandle(L, 1, PX_H_UTTERANCE, u->reply_to);
    } else if (!strcmp(k, "start_time")) px_l_pushnum(L, u->start);
    else if (!strcmp(k, "end_time")) px_l_pushnum(L, u->end);
    else if (!strcmp(k, "duration")) {
        if (isnan(u->start) || isnan(u->end)) lua_pushnil(L);
        else lua_pushnumber(L, u->end - u->start);
    } else if (!strcmp(k, "time")) {
        if (isnan(u->time)) lua_pushnil(L);
        else {
            char buf[48];
            px_format_datetime(u->time, buf, sizeof buf);
            lua_pushstring(L, buf);
        }
    } else if (!strcmp(k, "lang")) px_l_pushstr(L, c, u->lang);
    else if (!strcmp(k, "tokens")) {
        lua_createtable(L, (int)u->tok_count, 0);
        const uint8_t *tp = px_utterance_tokens(c, u);
        for (uint32_t t = 0; t < u->tok_count; t++) {
            lua_pushstring(L, px_term_get(c, px_token_next(&tp)));
            lua_rawseti(L, -2, t + 1);
        }
    } else if (!strcmp(k, "word_count")) lua_pushinteger(L, u->tok_count);
    else if (!strcmp(k, "events")) push_events(L, c, u);
    else if (!strcmp(k, "annotations")) push_annotations(L, c, u);
    else if (!strcmp(k, "attributes")) push_attributes(L, c, u);
    else if (!strcmp(k, "indent_level")) {
        if (u->indent < 0) lua_pushnil(L);
        else lua_pushinteger(L, u->indent);
    }
    else if (!strcmp(k, "source")) {
        char pos[700];
        px_pos_format(c, u->pos, pos, sizeof pos);
        lua_pushstring(L, pos);
    } else
        return px_l_method_or_error(L, PX_H_UTTERANCE, k,
                                    "id, text, speaker, speakers, addressees, document, "
                                    "segment, index, reply_to, start_time, end_time, "
                                    "duration, time, lang, tokens, word_count, events, "
                                    "annotations, attributes, indent_level, source");
    return 1;
}

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
    px_l_register_handle(L, PX_H_UTTERANCE, utt_index, utt_tostring, NULL);
}
