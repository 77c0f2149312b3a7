/* l_segment.c - segment handles (scenes, threads, topics, sections). */
#include "luax.h"

#include <string.h>

static int seg_index(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_SEGMENT);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_segment *g = &c->segments.v[i];
    const char *k = luaL_checkstring(L, 2);
    if (!strcmp(k, "id")) px_l_pushstr(L, c, g->id);
    else if (!strcmp(k, "type")) px_l_pushstr(L, c, g->type);
    else if (!strcmp(k, "index")) lua_pushinteger(L, (lua_Integer)(i - c->documents.v[g->document].seg_first) + 1);
    else if (!strcmp(k, "document")) px_l_pushhandle(L, 1, PX_H_DOCUMENT, g->document);
    else if (!strcmp(k, "utterances"))
        px_l_pushext(L, 1, PX_H_UTTERANCE, c->seg_utts.v + g->utt_first, g->utt_count);
    else if (!strcmp(k, "source")) {
        char pos[700];
        px_pos_format(c, g->pos, pos, sizeof pos);
        lua_pushstring(L, pos);
    } else
        return px_l_method_or_error(L, PX_H_SEGMENT, k, "id, type, index, document, utterances, source");
    return 1;
}

static int seg_tostring(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_SEGMENT);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_segment *g = &c->segments.v[i];
    lua_pushfstring(L, "segment %s (%s) of %s, %d utterance%s", px_str_get(c, g->id),
                    g->type ? px_str_get(c, g->type) : "untyped",
                    px_str_get(c, c->documents.v[g->document].id), (int)g->utt_count,
                    g->utt_count == 1 ? "" : "s");
    return 1;
}

void px_open_segment(lua_State *L)
{
    px_l_register_handle(L, PX_H_SEGMENT, seg_index, seg_tostring, NULL);
}
