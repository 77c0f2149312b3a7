/* l_selection.c - selections: arrays of indices of one kind, filtered in C. */
#include "luax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

px_selection *px_l_checkselection(lua_State *L, int idx)
{
    px_selection *s = px_l_checkself(L, idx, PX_MT_SELECTION, "selection");
    px_l_corpus_of(L, idx);
    return s;
}

px_selection *px_l_newselection(lua_State *L, int corpus_idx, px_htype t, uint32_t n)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    px_selection *s = lua_newuserdatauv(L, sizeof *s + (size_t)n * sizeof(uint32_t), 1);
    s->type = (uint8_t)t;
    s->mode = 2;
    s->n = n;
    s->first = 0;
    s->ext = NULL;
    luaL_setmetatable(L, PX_MT_SELECTION);
    px_l_pushowner(L, corpus_idx);
    lua_setiuservalue(L, -2, 1);
    return s;
}

void px_l_pushrange(lua_State *L, int corpus_idx, px_htype t, uint32_t first, uint32_t n)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    px_selection *s = lua_newuserdatauv(L, sizeof *s, 1);
    s->type = (uint8_t)t;
    s->mode = 0;
    s->n = n;
    s->first = first;
    s->ext = NULL;
    luaL_setmetatable(L, PX_MT_SELECTION);
    px_l_pushowner(L, corpus_idx);
    lua_setiuservalue(L, -2, 1);
}

void px_l_pushext(lua_State *L, int corpus_idx, px_htype t, const uint32_t *v, uint32_t n)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    px_selection *s = lua_newuserdatauv(L, sizeof *s, 1);
    s->type = (uint8_t)t;
    s->mode = 1;
    s->n = n;
    s->first = 0;
    s->ext = v;
    luaL_setmetatable(L, PX_MT_SELECTION);
    px_l_pushowner(L, corpus_idx);
    lua_setiuservalue(L, -2, 1);
}

static px_str id_of(px_corpus *c, px_htype t, uint32_t i)
{
    switch (t) {
    case PX_H_DOCUMENT: return c->documents.v[i].id;
    case PX_H_PARTICIPANT: return c->participants.v[i].id;
    case PX_H_UTTERANCE: return PX_NONE;   /* in c->uids: see push_id */
    case PX_H_SEGMENT: return c->segments.v[i].id;
    }
    return 0;
}

static int sel_len(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    lua_pushinteger(L, s->n);
    return 1;
}

static int sel_tostring(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    lua_pushfstring(L, "selection of %d %s", (int)s->n,
                    s->n == 1 ? px_l_typename((px_htype)s->type) : px_l_typeplural((px_htype)s->type));
    return 1;
}

static int sel_index(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    if (lua_type(L, 2) == LUA_TNUMBER) {
        lua_Integer i = luaL_checkinteger(L, 2);
        if (i < 0) i = (lua_Integer)s->n + i + 1;   /* s[-1] is the last */
        if (i < 1 || i > (lua_Integer)s->n) {
            lua_pushnil(L);
            return 1;
        }
        px_l_pushhandle(L, 1, (px_htype)s->type, px_sel_at(s, (uint32_t)(i - 1)));
        return 1;
    }
    const char *k = luaL_checkstring(L, 2);
    luaL_getmetatable(L, PX_MT_SELECTION);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) return 1;
    lua_pop(L, 3);
    /* an id */
    px_corpus *c = px_l_corpus_of(L, 1);
    uint32_t want = px_l_find(c, (px_htype)s->type, k);
    if (want != PX_NONE) {
        for (uint32_t i = 0; i < s->n; i++) {
            if (px_sel_at(s, i) == want) {
                px_l_pushhandle(L, 1, (px_htype)s->type, want);
                return 1;
            }
        }
    }
    lua_pushnil(L);
    return 1;
}

static int sel_iter(lua_State *L)
{
    px_selection *s = lua_touserdata(L, lua_upvalueindex(1));
    px_l_corpus_of(L, lua_upvalueindex(1));   /* errors when the corpus was closed */
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    if (i >= (lua_Integer)s->n) return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    px_l_pushhandle(L, lua_upvalueindex(1), (px_htype)s->type, px_sel_at(s, (uint32_t)i));
    return 1;
}

/* s:each() -> iterator over handles: for u in s:each() do ... end */
static int sel_each(lua_State *L)
{
    px_l_checkselection(L, 1);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, sel_iter, 2);
    return 1;
}

/* s:list() -> a Lua array of handles */
static int sel_list(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    lua_createtable(L, (int)s->n, 0);
    for (uint32_t i = 0; i < s->n; i++) {
        px_l_pushhandle(L, 1, (px_htype)s->type, px_sel_at(s, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* s:ids() -> a Lua array of ids */
static int sel_ids(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    px_corpus *c = px_l_corpus_of(L, 1);
    lua_createtable(L, (int)s->n, 0);
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t ix = px_sel_at(s, i);
        if (s->type == PX_H_UTTERANCE) lua_pushstring(L, px_utterance_id(c, ix));
        else lua_pushstring(L, px_str_get(c, id_of(c, (px_htype)s->type, ix)));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* where                                                               */
/* ------------------------------------------------------------------ */

/* Fills a byte set over the items of type t from a value: a handle, an id
 * string, or a list of those. Errors name the key. */
static void fill_set(lua_State *L, int vidx, px_htype t, uint8_t *set, size_t n,
                     px_corpus *c, const char *key)
{
    vidx = lua_absindex(L, vidx);
    if (lua_type(L, vidx) == LUA_TTABLE && !lua_getmetatable(L, vidx)) {
        lua_Integer len = luaL_len(L, vidx);
        for (lua_Integer k = 1; k <= len; k++) {
            lua_geti(L, vidx, k);
            fill_set(L, -1, t, set, n, c, key);
            lua_pop(L, 1);
        }
        return;
    }
    if (lua_type(L, vidx) == LUA_TTABLE) lua_pop(L, 1);   /* the metatable */
    if (lua_type(L, vidx) == LUA_TSTRING) {
        uint32_t i = px_l_find(c, t, lua_tostring(L, vidx));
        if (i == PX_NONE)
            luaL_error(L, "where{%s = \"%s\"}: no %s has that id", key, lua_tostring(L, vidx),
                       px_l_typename(t));
        set[i] = 1;
        return;
    }
    if (px_l_ishandle(L, vidx, t)) {
        if (px_l_corpus_of(L, vidx) != c)
            luaL_error(L, "where{%s = ...}: that %s belongs to another corpus", key, px_l_typename(t));
        set[((px_handle *)lua_touserdata(L, vidx))->index] = 1;
        (void)n;
        return;
    }
    if (luaL_testudata(L, vidx, PX_MT_SELECTION)) {
        px_selection *s = lua_touserdata(L, vidx);
        if (px_l_corpus_of(L, vidx) != c)
            luaL_error(L, "where{%s = ...}: those %s belong to another corpus", key,
                       px_l_typeplural((px_htype)s->type));
        if (s->type != t)
            luaL_error(L, "where{%s = ...}: expected %s, got a selection of %s", key,
                       px_l_typeplural(t), px_l_typeplural((px_htype)s->type));
        for (uint32_t i = 0; i < s->n; i++) set[px_sel_at(s, i)] = 1;
        return;
    }
    luaL_error(L, "where{%s = ...}: expected a %s, its id or a list of them, got %s", key,
               px_l_typename(t), luaL_typename(L, vidx));
}

static double parse_when(lua_State *L, int vidx, const char *key)
{
    const char *v = luaL_checkstring(L, vidx);
    double t;
    if (px_parse_datetime(v, &t) != 0)
        luaL_error(L, "where{%s = \"%s\"}: not a date; write it as ISO 8601 "
                   "(\"2024\", \"2024-03\", \"2024-03-15\", \"2024-03-15T09:30\")", key, v);
    return t;
}

typedef struct phrase { uint32_t *terms; size_t n, cap; int missing; px_corpus *c; px_tokenizer tok; } phrase;

static void phrase_cb(void *ud, const char *w, size_t len)
{
    phrase *p = ud;
    size_t fl;
    const char *f = px_fold(&p->tok, w, len, &fl);
    if (!f) { p->missing = 1; return; }
    px_str t = px_strtab_find(&p->c->terms, f, fl);
    if (t == PX_NONE) { p->missing = 1; return; }
    if (p->n < p->cap) p->terms[p->n++] = t;
}

/* Do the n terms occur in a row among u's tokens? win: room for n terms,
 * the last n read (a ring, as the tokens are read in order). */
static int has_phrase(px_corpus *c, const px_utterance *u, const uint32_t *terms, size_t n,
                      uint32_t *win)
{
    if (!n || u->tok_count < n) return 0;
    const uint8_t *p = px_utterance_tokens(c, u);
    for (uint32_t i = 0; i < u->tok_count; i++) {
        win[i % n] = px_token_next(&p);
        if (i + 1 < n) continue;
        size_t oldest = (i + 1) % n, k = 0;
        while (k < n && win[(oldest + k) % n] == terms[k]) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* Does the property value at pidx match the wanted value at widx? */
static int value_matches(lua_State *L, int pidx, int widx)
{
    pidx = lua_absindex(L, pidx);
    widx = lua_absindex(L, widx);
    if (lua_type(L, widx) == LUA_TTABLE && !luaL_getmetafield(L, widx, "__name")) {
        lua_Integer len = luaL_len(L, widx);
        for (lua_Integer k = 1; k <= len; k++) {
            lua_geti(L, widx, k);
            int m = value_matches(L, pidx, -1);
            lua_pop(L, 1);
            if (m) return 1;
        }
        return 0;
    }
    if (lua_type(L, widx) == LUA_TTABLE) lua_pop(L, 1);
    if (lua_type(L, pidx) == LUA_TUSERDATA && lua_type(L, widx) == LUA_TSTRING) {
        lua_getfield(L, pidx, "id");
        int m = lua_compare(L, -1, widx, LUA_OPEQ);
        lua_pop(L, 1);
        return m;
    }
    if (lua_type(L, pidx) == LUA_TNUMBER && lua_type(L, widx) == LUA_TNUMBER)
        return lua_compare(L, pidx, widx, LUA_OPEQ);
    return lua_compare(L, pidx, widx, LUA_OPEQ);
}

/* Keys where{} treats itself for a kind; any other key compares the
 * property of that name. */
static int handled(px_htype t, const char *key)
{
    if (t == PX_H_UTTERANCE)
        return !strcmp(key, "speaker") || !strcmp(key, "document") || !strcmp(key, "segment") ||
               !strcmp(key, "after") || !strcmp(key, "before") || !strcmp(key, "text") ||
               !strcmp(key, "pattern");
    if (t == PX_H_PARTICIPANT) return !strcmp(key, "speaking");
    if (t == PX_H_DOCUMENT) return !strcmp(key, "after") || !strcmp(key, "before");
    if (t == PX_H_SEGMENT) return !strcmp(key, "document");
    return 0;
}

/* The conditions of a where{...}, each read once before the loop. */
typedef struct where_cond {
    uint8_t *spk, *docs, *segs;          /* sets over the corpus, or NULL */
    int have_after, have_before;
    double after, before;
    int speaking;                        /* -1: not asked */
    uint32_t *terms, *window;            /* text=: the phrase, and room to match it */
    size_t nterms;
    int no_match;                        /* text= names a word the corpus lacks */
    int pattern, find_idx, pat_idx;      /* pattern=: string.find and the pattern */
    int ngeneric;                        /* keys that compare a property */
} where_cond;

/* text= finds words and phrases; it refuses what it would otherwise
 * silently drop: wildcards and the characters of regular expressions and
 * Lua patterns ("cobweb*" would quietly mean "cobweb"). A ? that ends a
 * word ("really?") is punctuation; one inside a word is a wildcard. */
static void check_text_query(lua_State *L, const char *q)
{
    for (const char *p = q; *p; p++) {
        int bad = strchr("*[]{}()|^$\\+%", *p) != NULL;
        if (*p == '?' && (p[1] & 0x80 || (p[1] && strchr("abcdefghijklmnopqrstuvwxyz"
                                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                          "0123456789", p[1]))))
            bad = 1;
        if (bad)
            luaL_error(L, "where{text = \"%s\"}: text= finds words and phrases as they are "
                       "written (case and accents aside), with no wildcards or patterns: "
                       "'%c' is not understood; for a pattern use pattern= (a Lua pattern, "
                       "e.g. pattern = \"cobweb%%a*\")", q, *p);
    }
}

static void prepare_text(lua_State *L, int v, px_corpus *c, int anchors, where_cond *w)
{
    size_t len;
    const char *q = luaL_checklstring(L, v, &len);
    check_text_query(L, q);
    phrase p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.cap = len + 1;
    p.terms = lua_newuserdatauv(L, 2 * p.cap * sizeof(uint32_t), 0);   /* and a window */
    lua_setfield(L, anchors, "txt");
    px_tokenizer_init(&p.tok);
    px_tokenize(q, len, phrase_cb, &p);
    px_tokenizer_destroy(&p.tok);
    w->terms = p.terms;
    w->window = p.terms + p.cap;
    w->nterms = p.n;
    if (p.missing || !p.n) w->no_match = 1;
}

/* A set over n items of type t from the condition at v, kept alive in
 * the anchors table under name. */
static uint8_t *prepare_set(lua_State *L, int v, px_corpus *c, int anchors, px_htype t,
                            size_t n, const char *key)
{
    uint8_t *set = lua_newuserdatauv(L, n + 1, 0);
    memset(set, 0, n + 1);
    lua_setfield(L, anchors, key);
    fill_set(L, v, t, set, n, c, key);
    return set;
}

/* Reads the conditions table (argument 2) into w; leaves on the stack the
 * table that keeps the scratch alive, string.find and the pattern. */
static void where_prepare(lua_State *L, px_corpus *c, px_htype t, where_cond *w)
{
    memset(w, 0, sizeof *w);
    w->speaking = -1;
    lua_newtable(L);
    int anchors = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "where{...}: conditions are named (where{speaker = p}), not positional");
        const char *key = lua_tostring(L, -2);
        int v = lua_gettop(L), u = t == PX_H_UTTERANCE;
        if (!strcmp(key, "speaker") && u)
            w->spk = prepare_set(L, v, c, anchors, PX_H_PARTICIPANT, c->participants.n, key);
        else if (!strcmp(key, "document") && (u || t == PX_H_SEGMENT))
            w->docs = prepare_set(L, v, c, anchors, PX_H_DOCUMENT, c->documents.n, key);
        else if (!strcmp(key, "segment") && u)
            w->segs = prepare_set(L, v, c, anchors, PX_H_SEGMENT, c->segments.n, key);
        else if (!strcmp(key, "after") && (u || t == PX_H_DOCUMENT)) {
            w->after = parse_when(L, v, key);
            w->have_after = 1;
        } else if (!strcmp(key, "before") && (u || t == PX_H_DOCUMENT)) {
            w->before = parse_when(L, v, key);
            w->have_before = 1;
        } else if (!strcmp(key, "text") && u) {
            prepare_text(L, v, c, anchors, w);
        } else if (!strcmp(key, "pattern") && u) {
            luaL_checkstring(L, v);
            w->pattern = 1;
        } else if (!strcmp(key, "speaking") && t == PX_H_PARTICIPANT) {
            w->speaking = lua_toboolean(L, v);
        } else {
            w->ngeneric++;
        }
        lua_settop(L, v - 1);   /* keep the key for lua_next */
    }
    if (w->pattern) {
        lua_getglobal(L, "string");
        lua_getfield(L, -1, "find");
        lua_replace(L, -2);
    }
    w->find_idx = lua_gettop(L);
    lua_getfield(L, 2, "pattern");
    w->pat_idx = lua_gettop(L);
}

static int in_period(const where_cond *w, double when)
{
    if (isnan(when)) return 0;
    if (w->have_after && when < w->after) return 0;
    if (w->have_before && when >= w->before) return 0;
    return 1;
}

/* The conditions where{} treats itself, for utterance ix. */
static int keeps_utterance(lua_State *L, px_corpus *c, uint32_t ix, const where_cond *w)
{
    const px_utterance *u = &c->utterances.v[ix];
    if (w->docs && !w->docs[u->document]) return 0;
    if (w->segs && (u->segment == PX_NONE || !w->segs[u->segment])) return 0;
    if (w->spk) {
        int any = 0;
        for (uint32_t k = 0; k < u->spk_count; k++) if (w->spk[c->refs.v[u->spk_first + k]]) any = 1;
        if (!any) return 0;
    }
    if ((w->have_after || w->have_before) &&
        !in_period(w, !isnan(u->time) ? u->time : c->documents.v[u->document].date_epoch))
        return 0;
    if (w->nterms && !has_phrase(c, u, w->terms, w->nterms, w->window)) return 0;
    if (w->pattern) {
        lua_pushvalue(L, w->find_idx);
        lua_pushlstring(L, px_utterance_text(c, ix), u->text_len);
        lua_pushvalue(L, w->pat_idx);
        lua_call(L, 2, 1);
        int found = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (!found) return 0;
    }
    return 1;
}

static int keeps_builtin(lua_State *L, px_corpus *c, px_htype t, uint32_t ix, const where_cond *w)
{
    switch (t) {
    case PX_H_UTTERANCE: return keeps_utterance(L, c, ix, w);
    case PX_H_PARTICIPANT:
        return w->speaking < 0 ||
               (c->part_utt_first.v[ix + 1] > c->part_utt_first.v[ix]) == w->speaking;
    case PX_H_DOCUMENT:
        return !(w->have_after || w->have_before) || in_period(w, c->documents.v[ix].date_epoch);
    case PX_H_SEGMENT: return !w->docs || w->docs[c->segments.v[ix].document];
    }
    return 1;
}

/* Any other key compares the property of that name. */
static int keeps_generic(lua_State *L, px_htype t, uint32_t ix)
{
    int ok = 1;
    px_l_pushhandle(L, 1, t, ix);
    int h = lua_gettop(L);
    lua_pushnil(L);
    while (ok && lua_next(L, 2)) {
        const char *key = lua_tostring(L, -2);
        if (handled(t, key)) {
            lua_pop(L, 1);
            continue;
        }
        lua_getfield(L, h, key);
        ok = value_matches(L, -1, -2);
        lua_pop(L, 2);
    }
    lua_settop(L, h - 1);   /* also the key an interrupted lua_next left */
    return ok;
}

/* s:where(function(item) ... end): the items for which it returns true. */
static uint32_t where_function(lua_State *L, px_selection *s, uint32_t *keep)
{
    uint32_t nk = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t ix = px_sel_at(s, i);
        lua_pushvalue(L, 2);
        px_l_pushhandle(L, 1, (px_htype)s->type, ix);
        lua_call(L, 1, 1);
        px_l_corpus_of(L, 1);   /* the function may have closed the corpus */
        if (lua_toboolean(L, -1)) keep[nk++] = ix;
        lua_pop(L, 1);
    }
    return nk;
}

static int sel_where(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_htype t = (px_htype)s->type;
    /* scratch for the result, owned by Lua so an error cannot leak it */
    uint32_t *keep = lua_newuserdatauv(L, ((size_t)s->n + 1) * sizeof(uint32_t), 0);
    uint32_t nk = 0;
    if (lua_isfunction(L, 2)) {
        nk = where_function(L, s, keep);
    } else {
        luaL_argexpected(L, lua_istable(L, 2), 2, "table of conditions or function");
        where_cond w;
        where_prepare(L, c, t, &w);
        for (uint32_t i = 0; i < s->n && !w.no_match; i++) {
            /* a pattern (string.find) or a compared value (its metamethods)
             * runs code that may close the corpus: then its memory is gone */
            if (w.pattern || w.ngeneric) c = px_l_corpus_of(L, 1);
            uint32_t ix = px_sel_at(s, i);
            if (!keeps_builtin(L, c, t, ix, &w)) continue;
            if (w.ngeneric && !keeps_generic(L, t, ix)) continue;
            keep[nk++] = ix;
        }
    }
    px_selection *r = px_l_newselection(L, 1, t, nk);
    memcpy(r->own, keep, (size_t)nk * sizeof(uint32_t));
    return 1;
}

/* ------------------------------------------------------------------ */
/* by                                                                  */
/* ------------------------------------------------------------------ */

static int ordered_next(lua_State *L)
{
    /* upvalue 1: order array; 2: groups table; 3: position */
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(3));
    if (lua_geti(L, lua_upvalueindex(1), i) == LUA_TNIL) return 0;
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(2));
    return 2;
}

static int ordered_pairs(lua_State *L)
{
    luaL_getmetafield(L, 1, "__order");
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ordered_next, 3);
    return 1;
}

/* s:by(field) -> { value = selection, ... } in order of first appearance */
static int sel_by(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    px_corpus *c = px_l_corpus_of(L, 1);
    px_htype t = (px_htype)s->type;
    int fn = lua_isfunction(L, 2);
    const char *field = fn ? NULL : luaL_checkstring(L, 2);
    /* first pass: a key per item (as a Lua value), collected into lists */
    lua_newtable(L);                 /* groups: key -> array of indices */
    int groups = lua_gettop(L);
    lua_newtable(L);                 /* order of keys */
    int order = lua_gettop(L);
    int nkeys = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t ix = px_sel_at(s, i);
        if (!fn && t == PX_H_UTTERANCE && !strcmp(field, "speaker")) {
            uint32_t p = c->refs.v[c->utterances.v[ix].spk_first];
            lua_pushstring(L, px_str_get(c, c->participants.v[p].id));
        } else if (!fn && t == PX_H_UTTERANCE && !strcmp(field, "document")) {
            lua_pushstring(L, px_str_get(c, c->documents.v[c->utterances.v[ix].document].id));
        } else if (!fn && t == PX_H_UTTERANCE && !strcmp(field, "segment")) {
            uint32_t g = c->utterances.v[ix].segment;
            if (g == PX_NONE) lua_pushnil(L);
            else lua_pushstring(L, px_str_get(c, c->segments.v[g].id));
        } else {
            if (fn) {
                lua_pushvalue(L, 2);
                px_l_pushhandle(L, 1, t, ix);
                lua_call(L, 1, 1);
                px_l_corpus_of(L, 1);   /* the function may have closed the corpus */
            } else {
                px_l_pushhandle(L, 1, t, ix);
                lua_getfield(L, -1, field);
                lua_remove(L, -2);
            }
            if (lua_type(L, -1) == LUA_TUSERDATA) {
                lua_getfield(L, -1, "id");
                lua_remove(L, -2);
            }
        }
        if (lua_isnil(L, -1)) { lua_pop(L, 1); continue; }
        lua_pushvalue(L, -1);
        if (lua_rawget(L, groups) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -2);
            lua_rawset(L, groups);
            lua_pushvalue(L, -2);
            lua_rawseti(L, order, ++nkeys);
        }
        lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
        lua_pushinteger(L, ix);
        lua_rawseti(L, -2, len + 1);
        lua_pop(L, 2);
    }
    /* second pass: arrays of indices -> selections */
    lua_newtable(L);
    int result = lua_gettop(L);
    for (int k = 1; k <= nkeys; k++) {
        lua_rawgeti(L, order, k);
        lua_pushvalue(L, -1);
        lua_rawget(L, groups);
        uint32_t n = (uint32_t)lua_rawlen(L, -1);
        px_selection *r = px_l_newselection(L, 1, t, n);
        for (uint32_t i = 0; i < n; i++) {
            lua_rawgeti(L, -2, (lua_Integer)i + 1);
            r->own[i] = (uint32_t)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_remove(L, -2);           /* the index array */
        lua_rawset(L, result);
    }
    lua_newtable(L);                 /* metatable: ordered pairs */
    lua_pushvalue(L, order);
    lua_setfield(L, -2, "__order");
    lua_pushcfunction(L, ordered_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "praxis.Groups");
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, result);
    return 1;
}

/* s:first(n) -> the first n items as a selection */
static int sel_head(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    lua_Integer n = luaL_optinteger(L, 2, 10);
    if (n < 0) n = 0;
    if (n > (lua_Integer)s->n) n = s->n;
    px_selection *r = px_l_newselection(L, 1, (px_htype)s->type, (uint32_t)n);
    for (uint32_t i = 0; i < (uint32_t)n; i++) r->own[i] = px_sel_at(s, i);
    return 1;
}

static int sel_kind(lua_State *L)
{
    px_selection *s = px_l_checkselection(L, 1);
    lua_pushstring(L, px_l_typeplural((px_htype)s->type));
    return 1;
}

void px_open_selection(lua_State *L)
{
    static const luaL_Reg meta[] = {
        {"__len", sel_len}, {"__index", sel_index}, {"__tostring", sel_tostring}, {NULL, NULL}};
    static const luaL_Reg methods[] = {
        {"each", sel_each}, {"where", sel_where}, {"by", sel_by}, {"list", sel_list},
        {"ids", sel_ids}, {"head", sel_head}, {"kind", sel_kind}, {NULL, NULL}};
    luaL_newmetatable(L, PX_MT_SELECTION);
    luaL_setfuncs(L, meta, 0);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__methods");
    lua_pop(L, 1);
}
