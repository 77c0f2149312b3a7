/* luax.h - the C<->Lua boundary: handles, selections, checkers. */
#ifndef PX_LUAX_H
#define PX_LUAX_H

#include "px.h"
#include <lua.h>
#include <lauxlib.h>

#define PX_MT_CORPUS      "praxis.Corpus"
#define PX_MT_DOCUMENT    "praxis.Document"
#define PX_MT_PARTICIPANT "praxis.Participant"
#define PX_MT_UTTERANCE   "praxis.Utterance"
#define PX_MT_SEGMENT     "praxis.Segment"
#define PX_MT_SELECTION   "praxis.Selection"

/* What a handle or a selection points at. */
typedef enum px_htype { PX_H_DOCUMENT = 0, PX_H_PARTICIPANT, PX_H_UTTERANCE, PX_H_SEGMENT } px_htype;

/* The corpus userdata: a box around the reference-counted corpus. */
typedef struct px_lcorpus { px_corpus *c; } px_lcorpus;

/* A handle: an index, with the corpus userdata as its user value. */
typedef struct px_handle { uint32_t index; } px_handle;

/* A selection: indices of one type. Three storages: a range (first+i), an
 * array inside the corpus (ext, kept alive by the user value), or its own
 * array (own[]). */
typedef struct px_selection {
    uint8_t type;            /* px_htype */
    uint8_t mode;            /* 0 range, 1 ext, 2 own */
    uint32_t n, first;
    const uint32_t *ext;
    uint32_t own[];
} px_selection;

static inline uint32_t px_sel_at(const px_selection *s, uint32_t i)
{
    return s->mode == 0 ? s->first + i : s->mode == 1 ? s->ext[i] : s->own[i];
}

/* corpus */
px_lcorpus *px_l_checkcorpus(lua_State *L, int idx);   /* errors when closed */
px_corpus *px_l_corpus_of(lua_State *L, int idx);     /* of any handle/selection/corpus */
/* pushes a box for c that takes over the caller's reference, even when it
 * raises (out of memory: the reference is dropped) */
void px_l_pushcorpus(lua_State *L, px_corpus *c);
/* handles: push a handle of type t for index i; corpus_idx names a corpus
 * userdata on the stack (or any handle/selection carrying it) */
void px_l_pushhandle(lua_State *L, int corpus_idx, px_htype t, uint32_t i);
int px_l_ishandle(lua_State *L, int idx, px_htype t);
uint32_t px_l_checkhandle(lua_State *L, int idx, px_htype t);
/* luaL_checkudata for the receiver of a method: a call with a dot instead
 * of a colon (s.where{...}) is told to use a colon. kind: "selection"... */
void *px_l_checkself(lua_State *L, int idx, const char *tname, const char *kind);
/* pushes the corpus userdata that idx carries */
void px_l_pushowner(lua_State *L, int idx);
/* selections */
px_selection *px_l_newselection(lua_State *L, int corpus_idx, px_htype t, uint32_t n);
void px_l_pushrange(lua_State *L, int corpus_idx, px_htype t, uint32_t first, uint32_t n);
void px_l_pushext(lua_State *L, int corpus_idx, px_htype t, const uint32_t *v, uint32_t n);
px_selection *px_l_checkselection(lua_State *L, int idx);

const char *px_l_typename(px_htype t);       /* "utterance" ... */
const char *px_l_typeplural(px_htype t);     /* "utterances" ... */
/* Finds index by id (string) for a type; PX_NONE when absent. */
uint32_t px_l_find(px_corpus *c, px_htype t, const char *id);
/* Raises a Lua error from a px_error. */
int px_l_error(lua_State *L, const px_error *e);

/* registration, one per binding file */
void px_open_corpus(lua_State *L);
void px_open_handles(lua_State *L);
void px_open_selection(lua_State *L);
/* interactions and graphs; expects the praxis module table on top */
void px_open_graph(lua_State *L);
/* the praxis module (praxis.open, version, ...) */
int luaopen_praxis(lua_State *L);

/* The fields of a type: one table per type drives its __index, the
 * "no field" error and its hint, and what completion and help see
 * (metatable.__fields, praxis._fields). type is the field's type as
 * lua/meta documents it (a test holds them to each other). get pushes the
 * value for item i; the handle (or corpus) is at stack index 1. A NULL
 * name ends the table. */
typedef void (*px_l_getter)(lua_State *L, px_corpus *c, uint32_t i);
typedef struct px_l_field { const char *name, *type; px_l_getter get; } px_l_field;

/* handle machinery shared by the binding files (l_handle.c) */
void px_l_register_handle(lua_State *L, px_htype t, const px_l_field *fields,
                          lua_CFunction tostring, const luaL_Reg *methods);
const px_l_field *px_l_field_find(const px_l_field *fields, const char *k);
/* Sets __fields (names, in order) and __fieldtypes (name -> type) in the
 * metatable on top of the stack. */
void px_l_setfields(lua_State *L, const px_l_field *fields);
/* For an unknown key k of a value whose metatable is tname: pushes the
 * method of that name, else raises "<what> has no field or method 'k'
 * (fields: ...)", with "; did you mean 'x'?" when a name is close. */
int px_l_method_or_error(lua_State *L, const char *tname, const char *what, const char *k,
                         const px_l_field *fields);
/* praxis._fields(value or class name) -> names, {name = type}; nil when
 * the type has no field table */
int px_l_fields(lua_State *L);
void px_l_pushstr(lua_State *L, px_corpus *c, px_str s);
void px_l_pushnum(lua_State *L, double v);   /* nil for NAN */
void px_l_pushpos(lua_State *L, px_corpus *c, px_pos pos);   /* "file:line:col" */
void px_l_pushkvs(lua_State *L, px_corpus *c, uint32_t first, uint32_t n);

/* What the bindings need from the program that hosts them. The host
 * registers its hooks once per state (px_l_sethooks) before it opens the
 * praxis module; a binding file never includes the host's headers.
 * Without hooks (a state that only has the bindings): no progress bar,
 * and seed 1. */
typedef struct px_l_hooks {
    void (*progress_setup)(px_options *opt);   /* before a corpus loads */
    void (*progress_done)(void);               /* after it, loaded or not */
    uint64_t (*seed)(void);                    /* the run's seed (--seed) */
} px_l_hooks;
void px_l_sethooks(lua_State *L, const px_l_hooks *h);   /* h must outlive L */
const px_l_hooks *px_l_gethooks(lua_State *L);           /* never NULL */

/* Options table at idx -> px_options. */
void px_l_options(lua_State *L, int idx, px_options *opt);

#endif
