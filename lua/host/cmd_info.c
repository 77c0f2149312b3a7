/* cmd_info.c - `praxis info PATH... [--json]`: what is in a corpus. */
#include "host.h"

#include <stdio.h>
#include <string.h>

static void info_usage(FILE *out)
{
    fputs("usage: praxis info [--json] [--per-document] PATH...\n"
          "\n"
          "Loads TEI files and folders (their *.xml files, recursively) and prints\n"
          "what is in them: documents, participants, speaking participants,\n"
          "utterances, tokens, segments, events, dates, time, kinds, warnings.\n"
          "Files that cannot be read safely are refused, one line each on stderr.\n"
          "\n"
          "options:\n"
          "  --json           one JSON object instead of the table (numbers plain)\n"
          "  --per-document   keep participant ids apart per document (unrelated plays)\n"
          "  --strict         exit 3 when any file is refused\n"
          "\n"
          "examples:\n"
          "  praxis info corpora/samples\n"
          "  praxis info --json corpora/samples/drama.xml\n"
          "\n"
          "exit status: 0 ok (refusals reported), 2 usage, 3 nothing could be loaded\n"
          "(or a refusal under --strict), 130 interrupted.\n", out);
}

int px_cmd_info(int argc, char **argv)
{
    int json = 0, strict = 0;
    px_options opt;
    px_options_init(&opt);
    const px_flag flags[] = {{"--json", &json, 0}, {"--strict", &strict, 0}, {NULL, NULL, 0}};
    const char **paths;
    size_t n;
    int rc_args = px_host_args("info", argc, argv, flags, info_usage, &opt, &paths, &n);
    if (rc_args >= 0) return rc_args;
    int rc_open;
    px_corpus *c = px_host_open(paths, n, &opt, &rc_open);
    free(paths);
    if (!c) return rc_open;
    int rc = px_host_report_refusals(c, strict);
    if (rc == 0 || rc == PX_EXIT_DATA) {
        px_summary s;
        px_corpus_summary(c, &s);
        if (rc == 0 || s.documents || s.components) px_summary_write(c, &s, stdout, json);
    }
    px_corpus_unref(c);
    return rc;
}
