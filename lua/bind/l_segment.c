/* l_segment.c - segment handles (scenes, threads, topics, sections). */
#include "luax.h"

#include <string.h>

#define SEG px_segment *g = &c->segments.v[i]

static void g_id(lua_State *L, px_corpus *c, uint32_t i) { SEG; px_l_pushstr(L, c, g->id); }
static void g_type(lua_State *L, px_corpus *c, uint32_t i) { SEG; px_l_pushstr(L, c, g->type); }
static void g_index(lua_State *L, px_corpus *c, uint32_t i)
{ SEG; lua_pushinteger(L, (lua_Integer)(i - c->documents.v[g->document].seg_first) + 1); }
static void g_document(lua_State *L, px_corpus *c, uint32_t i)
{ SEG; px_l_pushhandle(L, 1, PX_H_DOCUMENT, g->document); }
static void g_utterances(lua_State *L, px_corpus *c, uint32_t i)
{ SEG; px_l_pushext(L, 1, PX_H_UTTERANCE, c->seg_utts.v + g->utt_first, g->utt_count); }
static void g_source(lua_State *L, px_corpus *c, uint32_t i) { SEG; px_l_pushpos(L, c, g->pos); }

static const px_l_field seg_fields[] = {
    {"id", "string", g_id}, {"type", "string", g_type}, {"index", "integer", g_index},
    {"document", "praxis.Document", g_document}, {"utterances", "praxis.Selection", g_utterances},
    {"source", "string", g_source}, {NULL, NULL, NULL}};

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
    px_l_register_handle(L, PX_H_SEGMENT, seg_fields, seg_tostring, NULL);
}
