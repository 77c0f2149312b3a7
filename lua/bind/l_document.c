/* l_document.c - document handles. */
#include "luax.h"

#include <string.h>

static int doc_index(lua_State *L)
{
    uint32_t i = px_l_checkhandle(L, 1, PX_H_DOCUMENT);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_document *d = &c->documents.v[i];
    const char *k = luaL_checkstring(L, 2);
    if (!strcmp(k, "id")) px_l_pushstr(L, c, d->id);
    else if (!strcmp(k, "title")) px_l_pushstr(L, c, d->title);
    else if (!strcmp(k, "date")) px_l_pushstr(L, c, d->date);
    else if (!strcmp(k, "kind")) lua_pushstring(L, px_kind_name((px_kind)d->kind));
    else if (!strcmp(k, "path")) px_l_pushstr(L, c, c->files.v[d->file].path);
    else if (!strcmp(k, "lang")) px_l_pushstr(L, c, d->lang);
    else if (!strcmp(k, "index")) lua_pushinteger(L, (lua_Integer)i + 1);
    else if (!strcmp(k, "meta")) px_l_pushkvs(L, c, d->meta_first, d->meta_count);
    else if (!strcmp(k, "utterances")) px_l_pushrange(L, 1, PX_H_UTTERANCE, d->utt_first, d->utt_count);
    else if (!strcmp(k, "segments")) px_l_pushrange(L, 1, PX_H_SEGMENT, d->seg_first, d->seg_count);
    else if (!strcmp(k, "participants"))
        px_l_pushext(L, 1, PX_H_PARTICIPANT, c->doc_parts.v + c->doc_part_first.v[i],
                     c->doc_part_first.v[i + 1] - c->doc_part_first.v[i]);
    else if (!strcmp(k, "source")) {
        char pos[700];
        px_pos_format(c, d->pos, pos, sizeof pos);
        lua_pushstring(L, pos);
    } else
        return px_l_method_or_error(L, PX_H_DOCUMENT, k,
                                    "id, title, date, kind, path, lang, meta, utterances, "
                                    "participants, segments, source");
    return 1;
}

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
    px_l_register_handle(L, PX_H_DOCUMENT, doc_index, doc_tostring, NULL);
}
