/* cmd_check.c - `praxis check CORPUS...`: every problem of a corpus, one a
 * line, for people and for scripts (SEMANTICS.md "Output that others
 * parse"; the codes are docs/check-codes.md). */
#include "host.h"

#include <stdio.h>
#include <string.h>

/* The fixed codes: severity, code, what it means. Keep in step with
 * docs/check-codes.md and with the importer (core/tei.c, core/corpus.c). */
static const struct { const char *severity, *code, *meaning; } check_codes[] = {
    {"error", "refused", "the file cannot be read safely (not well-formed, hostile, not TEI, a limit) and was left out"},
    {"error", "include-missing", "an xi:include names a file that does not exist or cannot be read, and has no xi:fallback"},
    {"error", "include-escape", "an xi:include names a file outside the corpus folder (or no regular file)"},
    {"error", "include-loop", "an xi:include names a file that is already being read (it includes itself)"},
    {"error", "include-depth", "xi:include is nested more than 8 deep"},
    {"error", "include-refused", "an xi:include Praxis does not follow: @xpointer, parse=\"text\", a URI or absolute path, no @href"},
    {"error", "dangling-time", "@start, @end or @synch names no <when> of the document's timeline"},
    {"warning", "undeclared-who", "@who names an id that no person or personGrp declares"},
    {"warning", "id-names-differ", "two documents declare one person id with different names; one id is one participant (plays excepted)"},
    {"warning", "blank-who", "an utterance has no @who, or a blank one; it is credited to 'unknown'"},
    {"warning", "repeated-id", "utterances of a document repeat an xml:id; they are named DOCID.uN"},
    {"warning", "empty-utterance", "an utterance holds no words and no events"},
    {"warning", "dangling-reply", "@replyTo names no utterance of its own document"},
    {"warning", "dangling-addressee", "@toWhom (or an addressee) names no participant"},
    {"warning", "time-backwards", "an utterance starts before the utterance before it in its segment"},
    {"warning", "no-date", "a document has no date (setting, recording or creation date)"},
    {"warning", "bad-date", "a header date is in no form Praxis reads"},
    {"warning", "bad-time", "a <when>'s @absolute is neither seconds, a clock time nor a date-time"},
    {"warning", "unknown-element", "an element name that is not a TEI P5 element (counted, one line per name)"},
};

static void check_usage(FILE *out)
{
    fputs("usage: praxis check [--codes] [--per-document] CORPUS...\n"
          "\n"
          "Loads TEI files and folders as `praxis info` does and prints every\n"
          "problem found, one a line:\n"
          "  FILE:LINE:COL: error|warning: message [code]\n"
          "then a summary line. Inside an included file the position is a chain:\n"
          "  root.xml:40:3 > sitting.xml:12:5\n"
          "\n"
          "options:\n"
          "  --codes          list the codes with their severity and meaning\n"
          "  --per-document   keep participant ids apart per document\n"
          "\n"
          "exit status: 0 no errors (warnings allowed), 2 usage, 3 errors found\n"
          "(or nothing could be loaded), 130 interrupted.\n", out);
}

typedef struct line { uint32_t file, line, col, seq; int refusal; uint32_t idx; } line;

static int cmp_line(const void *a, const void *b)
{
    const line *x = a, *y = b;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    if (x->refusal != y->refusal) return x->refusal ? -1 : 1;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int px_cmd_check(int argc, char **argv)
{
    px_options opt;
    px_options_init(&opt);
    int codes = 0;
    const px_flag flags[] = {{"--codes", &codes, 1}, {NULL, NULL, 0}};
    const char **paths;
    size_t n;
    int rc_args = px_host_args("check", argc, argv, flags, check_usage, &opt, &paths, &n);
    if (rc_args >= 0) return rc_args;
    if (codes) {
        for (size_t k = 0; k < sizeof check_codes / sizeof check_codes[0]; k++)
            printf("%-19s %-8s %s\n", check_codes[k].code, check_codes[k].severity,
                   check_codes[k].meaning);
        free(paths);
        return 0;
    }
    int rc_open;
    px_corpus *c = px_host_open(paths, n, &opt, &rc_open);
    free(paths);
    if (!c) return rc_open;
    size_t nl = c->refusals.n + c->problems.n;
    line *lines = calloc(nl + 1, sizeof *lines);
    if (!lines) { px_corpus_unref(c); fputs("praxis: out of memory\n", stderr); return PX_EXIT_SCRIPT; }
    size_t k = 0;
    for (size_t i = 0; i < c->refusals.n; i++) {
        /* the refused file's record: the same path string */
        uint32_t f = UINT32_MAX;
        for (size_t j = 0; j < c->files.n; j++)
            if (c->files.v[j].refused && c->files.v[j].path == c->refusals.v[i].path) { f = (uint32_t)j; break; }
        lines[k] = (line){f, (uint32_t)c->refusals.v[i].error.line,
                          (uint32_t)c->refusals.v[i].error.col, (uint32_t)k, 1, (uint32_t)i};
        k++;
    }
    uint32_t errors = (uint32_t)c->refusals.n, warnings = 0;
    for (size_t i = 0; i < c->problems.n; i++) {
        const px_problem *p = &c->problems.v[i];
        lines[k] = (line){p->pos.file, p->pos.line, p->pos.col, (uint32_t)k, 0, (uint32_t)i};
        k++;
        if (p->severity == PX_ERROR) errors++;
        else warnings++;
    }
    qsort(lines, k, sizeof *lines, cmp_line);
    for (size_t i = 0; i < k; i++) {
        char where[1400];
        if (lines[i].refusal) {
            const px_refusal *r = &c->refusals.v[lines[i].idx];
            px_error e = r->error;
            /* "FILE:LINE:COL" without the message */
            e.msg[0] = '\0';
            px_error_format(&e, where, sizeof where);
            size_t wl = strlen(where);
            while (wl && (where[wl - 1] == ' ' || where[wl - 1] == ':')) where[--wl] = '\0';
            printf("%s: error: %s [refused]\n", where, r->error.msg);
        } else {
            const px_problem *p = &c->problems.v[lines[i].idx];
            px_pos_format(c, p->pos, where, sizeof where);
            printf("%s: %s: %s [%s]\n", where, p->severity == PX_ERROR ? "error" : "warning",
                   px_str_get(c, p->message), px_str_get(c, p->code));
        }
    }
    uint32_t files = (uint32_t)c->files.n;
    printf("checked %u file%s: %u error%s, %u warning%s\n", files, files == 1 ? "" : "s",
           errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    free(lines);
    px_corpus_unref(c);
    return errors ? PX_EXIT_DATA : 0;
}
