Golden tests of `praxis info` on the hand-counted samples (their counts are
derived in corpora/samples/README.md), on the samples folder, on usage
errors, and on DraCor's German sample when ../shared/corpora is there.

=== info: the spoken sample prints the summary table
$ praxis info corpora/samples/spoken.xml
--- stdout
corpus                 spoken
files                  1, 3,309 bytes
documents              1
participants           5
speaking participants  4
utterances             12
tokens                 51 (47 distinct word forms)
segments               2
events                 10
dates                  2023-04-02
timed                  11 utterances, 00:00:30 of talk
kinds                  spoken 1
warnings               1 (praxis check lists them)


=== info: the spoken sample as JSON
$ praxis info --json corpora/samples/spoken.xml
--- stdout
{"corpus":"spoken","files":1,"refused":0,"components":0,"bytes":3309,"documents":1,"participants":5,"speaking_participants":4,"utterances":12,"tokens":51,"types":47,"segments":2,"events":10,"timed_utterances":11,"timed_seconds":30.000,"dates":{"first":"2023-04-02","last":"2023-04-02"},"kinds":{"spoken":1},"warnings":1,"errors":0}


=== info: the drama sample prints the summary table
$ praxis info corpora/samples/drama.xml
--- stdout
corpus                 drama
files                  1, 2,701 bytes
documents              1
participants           5
speaking participants  4
utterances             6
tokens                 31 (25 distinct word forms)
segments               3
events                 0
dates                  1909
timed                  no
kinds                  drama 1
warnings               0


=== info: the drama sample as JSON, the option after the path
$ praxis info corpora/samples/drama.xml --json
--- stdout
{"corpus":"drama","files":1,"refused":0,"components":0,"bytes":2701,"documents":1,"participants":5,"speaking_participants":4,"utterances":6,"tokens":31,"types":25,"segments":3,"events":0,"timed_utterances":0,"timed_seconds":0.000,"dates":{"first":"1909","last":"1909"},"kinds":{"drama":1},"warnings":0,"errors":0}


=== info: the samples folder adds every sample up (the broken ones are refused or warned about)
$ praxis info corpora/samples
--- stdout
corpus                 samples
title                  Parliament of Nowhere, a ParlaMint-shaped sample
files                  28 (8 components, 2 refused), 23,016 bytes
documents              20
participants           25
speaking participants  22
utterances             52
tokens                 162 (116 distinct word forms)
segments               24
events                 16
dates                  1909 to 2024-01-02
timed                  19 utterances, 00:01:46 of talk
kinds                  spoken 15, drama 1, cmc 2, debate 2
warnings               14, 5 errors (praxis check lists them)


=== info: the samples folder as JSON
$ praxis info --json corpora/samples
--- stdout
{"corpus":"samples","files":28,"refused":2,"components":8,"bytes":23016,"documents":20,"participants":25,"speaking_participants":22,"utterances":52,"tokens":162,"types":116,"segments":24,"events":16,"timed_utterances":19,"timed_seconds":106.000,"dates":{"first":"1909","last":"2024-01-02"},"kinds":{"spoken":15,"drama":1,"cmc":2,"debate":2},"warnings":14,"errors":5}


=== info: two files named on the command line load like their folder
$ praxis info --json corpora/samples/drama.xml corpora/samples/spoken.xml
--- stdout-contains
"documents":2,"participants":10,"speaking_participants":8,"utterances":18,"tokens":82,"types":66,"segments":5,"events":10,

=== info: --help prints the usage on stdout and exits 0
$ praxis info --help
--- stdout-contains
usage: praxis info [--json]
--- stderr

=== info: no path is a usage error (exit 2) with the usage on stderr
$ praxis info
--- stdout
--- stderr-contains
praxis info: no corpus given
usage: praxis info
--- exit 2

=== info: an unknown option is a usage error (exit 2) naming the option
$ praxis info --bogus corpora/samples
--- stdout
--- stderr-contains
praxis info: unknown option '--bogus'
usage: praxis info
--- exit 2

=== info: a path that does not exist is a data error (exit 3) naming the path
$ praxis info no/such/file.xml
--- stdout
--- stderr
praxis: no/such/file.xml: No such file or directory; give a TEI file or a folder of them
--- exit 3

=== info: a missing path next to a good one still names the missing one (exit 3)
$ praxis info corpora/samples/drama.xml no/such
--- stderr-contains
praxis: no/such: No such file or directory
--- exit 3

=== info: DraCor's German sample (gerdracor): DraCor's own counts
$ praxis info --json ${PRAXIS_SHARED:-../shared}/corpora/dracor-gerdracor
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora
--- stdout-contains
"documents":5,"participants":87,"speaking_participants":87,"utterances":3844,
