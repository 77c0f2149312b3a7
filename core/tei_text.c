/* tei_text.c - the text of utterances and of metadata (whitespace
 * collapsed as it arrives), and its words: a table from raw forms to
 * terms kept across a corpus's files, and the token stream. These are the
 * importer's hot paths. */
#include "tei_int.h"

/* The high bit of each byte of x that is zero, exactly (no carries
 * between bytes). */
static inline uint64_t zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((x & low7) + low7) | x) & ~low7;
}

/* Is p[0..n) free of tabs, line breaks and runs of spaces, i.e. already
 * collapsed? Eight bytes at a time, reading only p[0..n): a byte below
 * 0x20 can only be a tab or a line break in XML text. */
static int is_collapsed(const unsigned char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL;
    if (n < 8) {
        unsigned bad = 0, prev = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned sp = p[i] == ' ';
            bad |= (p[i] < 0x20) | (sp & prev);
            prev = sp;
        }
        return !bad;
    }
    uint64_t carry = 0;   /* the high bit of byte 0: the byte before was a space */
    size_t i = 0;
    for (;; i += 8) {
        if (i + 8 > n) { i = n - 8; carry = 0; }   /* the last 8 bytes, overlapping */
        uint64_t x;
        memcpy(&x, p + i, 8);
        uint64_t ctl = zero_bytes(x & (0xE0 * ones));
        uint64_t sp = zero_bytes(x ^ (0x20 * ones));
        if (ctl | (sp & ((sp << 8) | carry))) return 0;
        if (i + 8 >= n) return 1;
        carry = sp >> 56;
    }
}

/* Appends with whitespace collapsed; *pending carries a space to emit
 * before the next non-space byte (never at the start). */
static int append_collapsed(void *vecp, size_t start, int *pending,
                            const unsigned char *p, size_t n)
{
    PX_VEC(char) *v = vecp;
    if (PX_VEC_RESERVE(*v, v->n + n + 2)) return -1;
    /* the usual run of words, perhaps with a space at either end: the
     * inside copied whole */
    size_t a = 0, b = n;
    while (a < b && is_xml_space(p[a])) a++;
    while (b > a && is_xml_space(p[b - 1])) b--;
    if (a == b) {
        if (n) *pending = 1;
        return 0;
    }
    if (is_collapsed(p + a, b - a)) {
        if ((*pending || a) && v->n > start) v->v[v->n++] = ' ';
        memcpy(v->v + v->n, p + a, b - a);
        v->n += b - a;
        *pending = b < n;
        return 0;
    }
    size_t i = 0;
    while (i < n) {
        if (is_xml_space(p[i])) {
            *pending = 1;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_xml_space(p[j])) j++;
        if (*pending && v->n > start) v->v[v->n++] = ' ';
        *pending = 0;
        memcpy(v->v + v->n, p + i, j - i);
        v->n += j - i;
        i = j;
    }
    return 0;
}

void tei_on_chars(void *ctx, const xmlChar *ch, int len)
{
    imp *s = ctx;
    if (s->stop || len <= 0 || s->skip_from) return;
    s->run_text += (uint64_t)len;
    if (s->run_text > s->c->opt.max_text_node) {
        tei_refuse(s, PX_ELIMIT, tei_cur_pos(s),
               "a text node is longer than %llu bytes, the limit of Praxis; "
               "a transcript's text is broken up by elements (turns, paragraphs): "
               "split this text into several elements",
               (unsigned long long)s->c->opt.max_text_node);
        return;
    }
    if (s->cap) {
        if (s->capbuf.n + (size_t)len > 65536) return;   /* metadata stays small */
        if (append_collapsed(&s->capbuf, 0, &s->cap_pending, ch, (size_t)len)) tei_oom(s);
        return;
    }
    if (s->utt == PX_NONE) return;
    if (s->spans.n && s->spans.v[s->spans.n - 1].ann != PX_NONE) {
        /* the text of an annotation span (metadata-sized) */
        if (s->spanbuf.n + (size_t)len <= 65536 &&
            append_collapsed(&s->spanbuf, s->spans.v[s->spans.n - 1].buf_start,
                             &s->span_pending, ch, (size_t)len))
            tei_oom(s);
        return;
    }
    if (s->suppress_depth) return;
    if (s->block && !s->inner_u_depth) return;
    if (append_collapsed(&s->c->text, s->text_start, &s->pending_space, ch, (size_t)len)) {
        tei_oom(s);
        return;
    }
    px_prefault(&s->pf_text, s->c->text.v, s->c->text.n + PX_WORD_SLACK + 1, s->c->text.cap);
    if (s->c->text.n - s->text_start > s->c->opt.max_utterance_text)
        tei_refuse(s, PX_ELIMIT, s->c->utterances.v[s->utt].pos,
               "the text of one utterance is longer than %u bytes, the limit of "
               "Praxis; this is usually a whole text without turn markup: split it "
               "into several utterances, one element per turn",
               s->c->opt.max_utterance_text);
}

/* Room in the token stream for k more term ids (five bytes at most each);
 * -1 when there is none (the import stops). */
static int tok_reserve(imp *s, size_t k)
{
    px_corpus *c = s->c;
    if (c->tokens.n + 5 * k > UINT32_MAX) {
        tei_refuse(s, PX_ELIMIT, tei_cur_pos(s), "the corpus holds more than 4 GiB of tokens, "
               "the limit of Praxis; load fewer files at a time");
        return -1;
    }
    if (PX_VEC_RESERVE(c->tokens, c->tokens.n + 5 * k)) { tei_oom(s); return -1; }
    px_prefault(&s->pf_tok, c->tokens.v, c->tokens.n + 5 * k, c->tokens.cap);
    /* a count for every term there is (the tokens name no other) */
    if (c->term_counts.n < c->terms.count) {
        if (PX_VEC_RESERVE(c->term_counts, c->terms.count)) { tei_oom(s); return -1; }
        memset(c->term_counts.v + c->term_counts.n, 0,
               (c->terms.count - c->term_counts.n) * sizeof(uint32_t));
        c->term_counts.n = c->terms.count;
    }
    return 0;
}

/* Appends term ids to the token stream (LEB128); room was reserved. Ids
 * below 2^14 (nearly all tokens) take one or two bytes, written without a
 * branch: two bytes are stored and the cursor moves by one or two. */
static void tok_put_all(px_corpus *c, const uint32_t *t, size_t m)
{
    if (!m) return;
    uint32_t *counts = c->term_counts.v;   /* room for every term: tok_reserve */
    uint8_t *q = c->tokens.v + c->tokens.n;
    for (size_t i = 0; i < m; i++) {
        uint32_t v = t[i];
        counts[v]++;
        if (v < 0x4000) {
            uint32_t more = v >= 0x80;
            q[0] = (uint8_t)((v & 0x7F) | (more << 7));
            q[1] = (uint8_t)(v >> 7);
            q += 1 + more;
            continue;
        }
        while (v >= 0x80) { *q++ = (uint8_t)(v | 0x80); v >>= 7; }
        *q++ = (uint8_t)v;
    }
    c->tokens.n = (size_t)(q - c->tokens.v);
    c->token_count += m;
}

static inline void tok_put(px_corpus *c, uint32_t t) { tok_put_all(c, &t, 1); }

/* The same words as word8 on both halves, for a form inside the text
 * arena: it reads 16 bytes from w (PX_WORD_SLACK lie past every text) and
 * masks off what lies past n, without a branch. Returns the hash. */
static inline uint64_t wc_load(const char *w, size_t n, uint64_t *h0, uint64_t *h1)
{
    static const uint64_t lo[17] = {
        0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL, 0xffffffffffffULL,
        0xffffffffffffffULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL };
    static const uint64_t hi[17] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL,
        0xffffffffffffULL, 0xffffffffffffffULL, ~0ULL };
    uint64_t a, b;
    memcpy(&a, w, 8);
    memcpy(&b, w + 8, 8);
    *h0 = a & lo[n];
    *h1 = b & hi[n];
    return wc_key(*h0, *h1, n);
}

wordmap *tei_wordmap_new(uint32_t bits)
{
    size_t bytes = sizeof(wordmap) + ((size_t)1 << bits) * sizeof(wc_entry);
    wordmap *m = calloc(1, bytes);
    if (!m) return NULL;
    px_prefault_all(m, bytes);   /* written all over, at random */
    m->shift = 64 - bits;
    m->mask = (uint32_t)(((size_t)1 << bits) - 1);
    return m;
}

/* Doubles the table once it is half full. 0, or -1 out of memory. */
static int wordmap_grow(imp *s)
{
    wordmap *old = s->words;
    wordmap *m = tei_wordmap_new(64 - old->shift + 1);
    if (!m) return -1;
    for (size_t i = 0; i <= old->mask; i++) {
        const wc_entry *e = &old->e[i];
        if (!e->term) continue;
        size_t j = wc_key(e->h0, e->h1, e->len) >> m->shift;
        while (m->e[j].term) j = (j + 1) & m->mask;
        m->e[j] = *e;
    }
    m->count = old->count;
    free(old);
    s->words = m;
    ((import_cache *)s->c->import_cache)->words = m;
    return 0;
}

/* The term of a raw form of n <= 16 bytes (h0, h1: its bytes; key: their
 * hash): from the table, else folded, interned and remembered. PX_NONE
 * when the form folds to nothing; every failure stops the import. */
static uint32_t word_term(imp *s, const char *w, size_t n, uint64_t h0, uint64_t h1, uint64_t key)
{
    wordmap *m = s->words;
    size_t i = key >> m->shift;
    for (; m->e[i].term; i = (i + 1) & m->mask) {
        const wc_entry *e = &m->e[i];
        if (e->h0 == h0 && e->h1 == h1 && e->len == n) return e->term;
    }
    size_t fl;
    const char *f = px_fold(&s->tok, w, n, &fl);
    if (!f) { f = w; fl = n; }
    if (!fl) return PX_NONE;
    px_str t = px_strtab_intern(&s->c->terms, f, fl);
    if (t == PX_STR_ERR) { tei_oom(s); return PX_NONE; }
    if ((size_t)(m->count + 1) * 2 > (size_t)m->mask + 1) {
        if (wordmap_grow(s)) { tei_oom(s); return PX_NONE; }
        m = s->words;
        for (i = key >> m->shift; m->e[i].term; i = (i + 1) & m->mask) {}
    }
    m->e[i] = (wc_entry){h0, h1, (uint32_t)n, t};
    m->count++;
    return t;
}

/* Raw word forms repeat (Zipf). Forms of up to 16 bytes (nearly all words)
 * go through a table from their bytes to the folded term; longer ones
 * through a per-file string table. Either way a form seen before skips
 * normalisation and the corpus-wide term table. */
static uint32_t raw_term(imp *s, const char *w, size_t n)
{
    if (n <= 16) {
        uint64_t h0 = word8(w, n < 8 ? n : 8), h1 = n > 8 ? word8(w + 8, n - 8) : 0;
        return word_term(s, w, n, h0, h1, wc_key(h0, h1, n));
    }
    px_str raw = px_strtab_intern(&s->raw, w, n);
    if (raw == PX_STR_ERR) { tei_oom(s); return PX_NONE; }
    if (raw < s->raw_term.n) return s->raw_term.v[raw];
    size_t fl;
    const char *f = px_fold(&s->tok, w, n, &fl);
    if (!f) { f = w; fl = n; }
    uint32_t t = fl ? px_strtab_intern(&s->c->terms, f, fl) : PX_NONE;
    if (t == PX_STR_ERR || PX_VEC_PUSH(s->raw_term, t)) { tei_oom(s); return PX_NONE; }
    return t;
}

/* Appends the token of one raw form (a <w>). */
void tei_tok_push(imp *s, const char *w, size_t n)
{
    uint32_t t = raw_term(s, w, n);
    if (t != PX_NONE && !tok_reserve(s, 1)) tok_put(s->c, t);
}

/* Cuts the words of the utterances whose tokens were left for later. Their
 * texts lie one after the other in c->text, each ended by a NUL, so the
 * words of many are found in one call (px_word_spans), up to TOK_CHUNK
 * bytes at a time; the table slot of the word TOK_AHEAD places on is
 * fetched while a word is looked up, so a word seen before costs one
 * compare. */
#define TOK_CHUNK (256u * 1024u)
#define TOK_AHEAD 16
void tei_tokenize_deferred(imp *s)
{
    px_corpus *c = s->c;
    const uint32_t *dv = s->deferred.v;
    size_t i = 0;
    while (i < s->deferred.n && !s->stop) {
        uint32_t from = c->utterances.v[dv[i]].text_off;
        uint32_t to = from + c->utterances.v[dv[i]].text_len;
        size_t end = i + 1;
        for (; end < s->deferred.n; end++) {
            const px_utterance *u = &c->utterances.v[dv[end]];
            if (u->text_off + u->text_len - from > TOK_CHUNK) break;
            to = u->text_off + u->text_len;
        }
        const char *base = c->text.v + from;
        const uint32_t *sp;
        size_t k = px_word_spans(&s->tok, base, to - from, &sp);
        if (k == (size_t)-1 || PX_VEC_RESERVE(s->tbuf, k + 1)) { tei_oom(s); return; }
        uint32_t *terms = s->tbuf.v;
        uint64_t h0, h1;
        for (size_t j = 0; j < k && j < TOK_AHEAD; j++)
            if (sp[2 * j + 1] <= 16)
                __builtin_prefetch(&s->words->e[wc_load(base + sp[2 * j], sp[2 * j + 1], &h0, &h1) >>
                                                s->words->shift]);
        for (size_t j = 0; j < k && !s->stop; j++) {
            size_t a = j + TOK_AHEAD;
            if (a < k && sp[2 * a + 1] <= 16)
                __builtin_prefetch(&s->words->e[wc_load(base + sp[2 * a], sp[2 * a + 1], &h0, &h1) >>
                                                s->words->shift]);
            const char *w = base + sp[2 * j];
            uint32_t n = sp[2 * j + 1];
            uint32_t t;
            if (n > 16) {
                t = raw_term(s, w, n);
            } else {
                uint64_t key = wc_load(w, n, &h0, &h1);
                const wc_entry *e = &s->words->e[key >> s->words->shift];
                t = e->term;
                if (!(t && e->h0 == h0 && e->h1 == h1 && e->len == n))
                    t = word_term(s, w, n, h0, h1, key);   /* further along, or new */
            }
            terms[j] = t;
        }
        /* hand the words to their utterances (skipping those of any
         * utterance in between whose tokens were its <w>) */
        size_t j = 0;
        for (; i < end && !s->stop; i++) {
            px_utterance *u = &c->utterances.v[dv[i]];
            uint32_t ufrom = u->text_off - from, uto = ufrom + u->text_len;
            while (j < k && sp[2 * j] < ufrom) j++;
            uint32_t *out = terms + j, m = 0;
            for (; j < k && sp[2 * j] < uto; j++)
                if (terms[j] != PX_NONE) out[m++] = terms[j];
            if (tok_reserve(s, m)) return;
            u = &c->utterances.v[dv[i]];
            u->tok_first = (uint32_t)c->tokens.n;
            u->tok_count = m;
            tok_put_all(c, out, m);
        }
    }
    s->deferred.n = 0;
}
