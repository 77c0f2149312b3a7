/* l_document.c - document handles. */
#include "luax.h"

#include <string.h>

#define DOC px_document *d = &c->documents.v[i]; (void)d

static void d_id(lua_State *L, px_corpus *c, uint32_t i) { DOC; px_l_pushstr(L, c, d->id); }
static void d_title(lua_State *L, px_corpus *c, uint32_t i) { DOC; px_l_pushstr(L, c, d->title); }
static void d_date(lua_State *L, px_corpus *c, uint32_t i) { DOC; px_l_pushstr(L, c, d->date); }
static void d_kind(lua_State *L, px_corpus *c, uint32_t i)
{ DOC; lua_pushstring(L, px_kind_name((px_kind)d->kind)); }
static void d_path(lua_State *L, px_corpus *c, uint32_t i)
{ DOC; px_l_pushstr(L, c, c->files.v[d->file].path); }
static void d_lang(lua_State *L, px_corpus *c, uint32_t i) { DOC; px_l_pushstr(L, c, d->lang); }
static void d_index(lua_State *L, px_corpus *c, uint32_t i)
{ (void)c; lua_pushinteger(L, (lua_Integer)i + 1); }
static void d_meta(lua_State *L, px_corpus *c, uint32_t i)
{ DOC; px_l_pushkvs(L, c, d->meta_first, d->meta_count); }
static void d_utterances(lua_State *L, px_corpus *c, uint32_t i)
{ DOC; px_l_pushrange(L, 1, PX_H_UTTERANCE, d->utt_first, d->utt_count); }
static void d_participants(lua_State *L, px_corpus *c, uint32_t i)
{
    px_l_pushext(L, 1, PX_H_PARTICIPANT, c->doc_parts.v + c->doc_part_first.v[i],
                 c->doc_part_first.v[i + 1] - c->doc_part_first.v[i]);
}
static void d_segments(lua_State *L, px_corpus *c, uint32_t i)
{ DOC; px_l_pushrange(L, 1, PX_H_SEGMENT, d->seg_first, d->seg_count); }
static void d_source(lua_State *L, px_corpus *c, uint32_t i) { DOC; px_l_pushpos(L, c, d->pos); }

static const px_l_field doc_fields[] = {
    {"id", "string", d_id}, {"title", "string", d_title}, {"date", "string", d_date},
    {"kind", "string", d_kind}, {"path", "string", d_path}, {"lang", "string", d_lang},
    {"index", "integer", d_index}, {"meta", "table", d_meta},
    {"utterances", "praxis.Selection", d_utterances},
    {"participants", "praxis.Selection", d_participants},
    {"segments", "praxis.Selection", d_segments}, {"source", "string", d_source},
    {NULL, NULL, NULL}};

static int doc_tostring(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_DOCUMENT);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_document *d = &c->documents.v[i];
    lua_pushfstring(L, "document %s", px_str_get(c, d->id));
    if (d->title) lua_pushfstring(L, " \"%s\"", px_str_get(c, d->title));
    else lua_pushliteral(L, "");
    lua_pushfstring(L, " (%s%s%s, %d utterance%s)", px_kind_name((px_kind)d->kind),
                    d->date ? ", " : "", d->date ? px_str_get(c, d->date) : "",
                    (int)d->utt_count, d->utt_count == 1 ? "" : "s");
    lua_concat(L, 3);
    return 1;
}

void px_open_document(lua_State *L)
{
    px_l_register_handle(L, PX_H_DOCUMENT, doc_fields, doc_tostring, NULL);
}
