/* runtime.c - the one place for process-wide state.
 *
 * Libraries make some state process-wide; Praxis keeps all of it here and
 * nowhere else:
 *   - libxml2's external entity loader: replaced once by one that refuses
 *     every load, so no entity, DTD or XInclude is ever fetched by libxml2
 *     (Praxis opens files itself and resolves includes itself);
 *   - libxml2's global initialisation (xmlInitParser);
 *   - the interrupt flag, set by the SIGINT handler of the host and read by
 *     long loops in the core (the importer checks it between chunks).
 *   - igraph's error, warning, fatal and interruption handlers, its last
 *     error message, the run's deadline, and the seeding of its default
 *     random generator (Debian's igraph keeps all of these process-wide).
 */
#include "px.h"
#include "px_graph.h"

#include <igraph.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

static volatile sig_atomic_t interrupted;
static int initialised;

/* libxml2 reports some errors (a failed encoding conversion, "I/O error :
 * encoder error") on its generic channel, which prints on stderr, not to
 * the parser's structured handler: the importer records its own refusal
 * for them, so the channel stays silent. */
static void silent_error(void *ctx, const char *msg, ...)
{
    (void)ctx; (void)msg;
}

static xmlParserInputPtr refuse_loader(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

void px_runtime_init(void)
{
    if (initialised) return;
    initialised = 1;
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_loader);
    xmlSetGenericErrorFunc(NULL, silent_error);
    xmlThrDefSetGenericErrorFunc(NULL, silent_error);
    px_runtime_graph_init();
}

void px_runtime_interrupt(void) { interrupted = 1; }
int px_runtime_interrupted(void) { return interrupted != 0; }
void px_runtime_clear_interrupt(void) { interrupted = 0; }

/* ---- igraph -------------------------------------------------------- */

static int graph_initialised;
static char graph_error[512];
static double deadline;

/* Errors: keep the message, free what igraph registered, and return, so
 * that the failing function returns its error code to core/graph.c. */
static void graph_error_handler(const char *reason, const char *file, int line,
                                igraph_error_t code)
{
    (void)file; (void)line;
    snprintf(graph_error, sizeof graph_error, "%s (%s)", reason ? reason : "igraph error",
             igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

/* Warnings (for example non-convergence) are not errors of the caller:
 * dropped; the measures document what they return in those cases. */
static void graph_warning_handler(const char *reason, const char *file, int line)
{
    (void)reason; (void)file; (void)line;
}

/* An internal bug of igraph: its state cannot be trusted any more. */
static void graph_fatal_handler(const char *reason, const char *file, int line)
{
    fprintf(stderr, "praxis: fatal error in igraph: %s (%s:%d)\n", reason ? reason : "",
            file ? file : "?", line);
    abort();
}

static igraph_error_t graph_interruption_handler(void *data)
{
    (void)data;
    if (interrupted) return IGRAPH_INTERRUPTED;
    if (deadline > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        if ((double)ts.tv_sec + ts.tv_nsec / 1e9 >= deadline) return IGRAPH_INTERRUPTED;
    }
    return IGRAPH_SUCCESS;
}

void px_runtime_graph_init(void)
{
    if (graph_initialised) return;
    graph_initialised = 1;
    igraph_set_error_handler(graph_error_handler);
    igraph_set_warning_handler(graph_warning_handler);
    igraph_set_fatal_handler(graph_fatal_handler);
    igraph_set_interruption_handler(graph_interruption_handler);
}

void px_runtime_graph_seed(uint64_t seed)
{
    px_runtime_graph_init();
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

const char *px_runtime_graph_error(void)
{
    static char last[512];
    memcpy(last, graph_error, sizeof last);
    graph_error[0] = '\0';
    return last;
}

void px_runtime_set_deadline(double monotonic_seconds) { deadline = monotonic_seconds; }
