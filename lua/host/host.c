/* host.c - refusal reports and the progress bar. */
#include "host.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int px_host_report_refusals(const px_corpus *c, int strict)
{
    for (size_t i = 0; i < c->refusals.n; i++) {
        char msg[1400];
        px_error_format(&c->refusals.v[i].error, msg, sizeof msg);
        fprintf(stderr, "praxis: refused %s\n", msg);
    }
    size_t loaded = 0;
    for (size_t i = 0; i < c->files.n; i++) if (!c->files.v[i].refused) loaded++;
    if (c->refusals.n && (strict || loaded == 0)) {
        if (!loaded)
            fprintf(stderr, "praxis: nothing could be loaded\n");
        return PX_EXIT_DATA;
    }
    /* files were read, yet every one that should give a document failed
     * (an include root whose includes are all missing or refused): the
     * errors say why, as check would (components alone are no failure) */
    uint32_t errors = (uint32_t)c->refusals.n;
    for (size_t i = 0; i < c->problems.n; i++) errors += c->problems.v[i].severity == PX_ERROR;
    if (!c->documents.n && errors) {
        for (size_t i = 0; i < c->problems.n; i++) {
            const px_problem *p = &c->problems.v[i];
            if (p->severity != PX_ERROR) continue;
            char where[700];
            px_pos_format(c, p->pos, where, sizeof where);
            fprintf(stderr, "praxis: %s: error: %s [%s]\n", where, px_str_get(c, p->message),
                    px_str_get(c, p->code));
        }
        fprintf(stderr, "praxis: no document could be loaded (%u error%s)\n", errors,
                errors == 1 ? "" : "s");
        return PX_EXIT_DATA;
    }
    if (!c->files.n) {
        fprintf(stderr, "praxis: no TEI file (*.xml) found\n");
        return PX_EXIT_DATA;
    }
    return PX_EXIT_OK;
}

int px_host_args(const char *cmd, int argc, char **argv, const px_flag *flags,
                 void (*usage)(FILE *), px_options *opt, const char ***paths, size_t *n)
{
    *n = 0;
    *paths = calloc((size_t)argc + 1, sizeof **paths);
    if (!*paths) { fputs("praxis: out of memory\n", stderr); return PX_EXIT_SCRIPT; }
    int only_paths = 0, standalone = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || !a[1]) { (*paths)[(*n)++] = a; continue; }
        const px_flag *f = flags;
        while (f && f->name && strcmp(f->name, a)) f++;
        if (f && f->name) { *f->set = 1; standalone |= f->standalone; }
        else if (!strcmp(a, "--per-document")) opt->identity = PX_IDENTITY_DOCUMENT;
        else if (!strcmp(a, "--")) only_paths = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            free(*paths);
            return PX_EXIT_OK;
        } else {
            fprintf(stderr, "praxis %s: unknown option '%s'\n", cmd, a);
            usage(stderr);
            free(*paths);
            return PX_EXIT_USAGE;
        }
    }
    if (!*n && !standalone) {
        fprintf(stderr, "praxis %s: no corpus given\n", cmd);
        usage(stderr);
        free(*paths);
        return PX_EXIT_USAGE;
    }
    return -1;
}

px_corpus *px_host_open(const char *const *paths, size_t n, px_options *opt, int *rc)
{
    px_host_progress_setup(opt);
    px_error err;
    px_error_clear(&err);
    px_corpus *c = px_corpus_open(paths, n, opt, &err);
    px_host_progress_done();
    *rc = PX_EXIT_OK;
    if (!c) {
        char msg[1400];
        px_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "praxis: %s\n", msg);
        *rc = err.code == PX_EINTR ? PX_EXIT_INTERRUPTED : PX_EXIT_DATA;
    }
    return c;
}

/* The bar's state lives in the host (one per process, like the terminal). */
typedef struct bar { int on, drawn; double t0, last; } bar;
static bar progress_bar;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw(void *ud, uint64_t done, uint64_t total, uint32_t files_done,
                 uint32_t files_total)
{
    bar *b = ud;
    double t = now();
    if (t - b->last < 0.1 && done < total) return;
    if (t - b->t0 < 0.5) return;     /* short loads show nothing */
    b->last = t;
    double rate = (double)done / (t - b->t0) / 1e6;
    double frac = total ? (double)done / (double)total : 0;
    if (frac > 1) frac = 1;
    char bars[31];
    int filled = (int)(frac * 30);
    for (int i = 0; i < 30; i++) bars[i] = i < filled ? '#' : '.';
    bars[30] = '\0';
    double eta = rate > 0 ? ((double)(total - (done < total ? done : total)) / 1e6) / rate : 0;
    fprintf(stderr, "\rloading [%s] %3.0f%%  %u/%u files  %.1f MB  %.1f MB/s  ETA %.0fs ",
            bars, frac * 100, files_done, files_total ? files_total : files_done,
            (double)done / 1e6, rate, eta);
    b->drawn = 1;
}

void px_host_progress_setup(px_options *opt)
{
    if (!isatty(2) || getenv("PRAXIS_NO_PROGRESS")) return;
    progress_bar.on = 1;
    progress_bar.drawn = 0;
    progress_bar.t0 = progress_bar.last = now();
    opt->progress = draw;
    opt->progress_ud = &progress_bar;
}

void px_host_progress_done(void)
{
    if (progress_bar.on && progress_bar.drawn) fputs("\r\033[K", stderr);
    progress_bar.on = 0;
}
