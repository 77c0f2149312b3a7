Shared scripts: praxis scripts, praxis help SCRIPT, praxis run NAME with
parameters, results printed or written with a manifest, and the starter
scripts' golden outputs (scripts/README.md, docs/scripts.md).

=== scripts lists the starter scripts of a category with their summaries, aligned
$ praxis scripts descriptive
--- stdout
participation  descriptive, safe              Utterances, words, share of talk and turns per participant and document
turn-timing    engagement, descriptive, safe  Gaps, overlaps and floor holding at speaker changes (timed corpora)

=== scripts selects by glob and by an expression of categories
$ praxis scripts 'turn-*' && praxis scripts 'descriptive and not engagement'
--- stdout
turn-timing  engagement, descriptive, safe  Gaps, overlaps and floor holding at speaker changes (timed corpora)
participation  descriptive, safe  Utterances, words, share of talk and turns per participant and document

=== scripts finds the user's folder and PRAXIS_PATH, first one of a name winning
$ mkdir -p $XDG_DATA_HOME/praxis/scripts $TMPDIR/p && cp tests/scripts/random-draws.lua $XDG_DATA_HOME/praxis/scripts/ && cp tests/scripts/params.lua $TMPDIR/p/ && export PRAXIS_PATH=$TMPDIR/p && praxis scripts 'random-draws or params'
--- stdout
params        report, safe       Echoes its parameters with their types
random-draws  descriptive, safe  Ten draws from math.random and praxis.random

=== scripts.table: praxis.scripts() returns name, categories, summary, path
$ praxis -e 'local t = praxis.scripts("participation"); return t:columns(), t:row(1).categories, t:row(1).path:match("scripts/.*$")' corpora/samples/spoken.xml
--- stdout
{"name", "categories", "summary", "path"}
"descriptive, safe"
"scripts/descriptive/participation.lua"

=== a script that does not follow the spec is listed as unreadable, naming why
$ mkdir -p $TMPDIR/p && printf 'return {name = "bad", summary = "x", categories = {"networks"}, run = function() end}\n' > $TMPDIR/p/bad.lua && export PRAXIS_PATH=$TMPDIR/p && praxis scripts bad
--- stdout
bad   ?           (cannot read the spec)
--- stderr-contains
'networks' is not a category (descriptive, engagement, enterprise, repertoire, trajectories, network, export, report, safe, slow

=== help SCRIPT shows summary, usage, parameters with types and defaults, output and see
$ praxis help participation
--- stdout-contains
participation - Utterances, words, share of talk and turns, per participant and per document.
usage:
  praxis run participation corpora/alinsu
parameters:
  min_utterances  integer              default 1  leave out participants with fewer utterances in the corpus
  speakers        list of participant  optional   only these participants (ids, comma-separated)
categories: descriptive, safe
output:
see:
  Wenger 1998, ch. 3 (mutual engagement)

=== help of an unknown script is a usage error
$ praxis help no-such-script
--- stderr-contains
no script named 'no-such-script'
--- exit 2

=== help without a script is a usage error
$ praxis help
--- stderr-contains
usage: praxis help SCRIPT
--- exit 2

=== participation on alinsu (golden)
$ praxis run participation corpora/alinsu --mode csv | tr -d '\r'
--- stdout
# by_participant
participant,name,utterances,words,share,turns,mean_turn_words,documents
marta,Marta Okafor,284,3182,0.1453,275,11.57,10
bruno,Bruno Castellani,261,2355,0.1075,260,9.06,10
dolores,Dolores Figueroa,264,3176,0.145,259,12.26,10
kwame,Kwame Mensah,216,2047,0.0935,216,9.48,10
sean,Sean Gallagher,198,1839,0.084,198,9.29,10
priya,Priya Raman,249,3377,0.1542,248,13.62,10
tom,Tom Nowak,52,472,0.0215,50,9.44,2
felix,Felix Adeyemi,238,2976,0.1359,234,12.72,10
ines,Ines Duarte,119,1282,0.0585,117,10.96,3
gordon,Gordon Pike,119,1198,0.0547,118,10.15,3

# by_document_participant
document,participant,utterances,words,share,turns,mean_turn_words
s01,marta,44,490,0.2615,43,11.4
s01,bruno,29,213,0.1137,29,7.34
s01,dolores,37,468,0.2497,34,13.76
s01,kwame,31,263,0.1403,31,8.48
s01,sean,21,177,0.0945,21,8.43
s01,priya,17,61,0.0326,17,3.59
s01,felix,17,202,0.1078,17,11.88
s02,marta,9,72,0.0508,9,8
s02,bruno,45,498,0.3512,45,11.07
s02,dolores,23,277,0.1953,23,12.04
s02,kwame,27,234,0.165,27,8.67
s02,sean,28,243,0.1714,28,8.68
s02,priya,15,94,0.0663,15,6.27
s03,marta,27,277,0.1615,27,10.26
s03,bruno,33,325,0.1895,32,10.16
s03,dolores,22,245,0.1429,22,11.14
s03,kwame,28,305,0.1778,28,10.89
s03,sean,21,225,0.1312,21,10.71
s03,priya,9,60,0.035,9,6.67
s03,felix,16,278,0.1621,15,18.53
s04,felix,47,450,0.2881,47,9.57
s04,ines,49,562,0.3598,49,11.47
s04,gordon,50,550,0.3521,49,11.22
s05,marta,31,326,0.2155,31,10.52
s05,bruno,18,136,0.0899,18,7.56
s05,dolores,29,411,0.2716,29,14.17
s05,kwame,18,135,0.0892,18,7.5
s05,sean,16,115,0.076,16,7.19
s05,priya,13,167,0.1104,13,12.85
s05,felix,14,223,0.1474,14,15.93
s06,marta,15,139,0.0753,14,9.93
s06,bruno,31,281,0.1522,31,9.06
s06,dolores,48,528,0.286,47,11.23
s06,kwame,31,318,0.1723,31,10.26
s06,sean,31,291,0.1576,31,9.39
s06,priya,29,289,0.1566,29,9.97
s07,marta,44,544,0.2642,42,12.95
s07,bruno,22,198,0.0962,22,9
s07,dolores,28,442,0.2147,28,15.79
s07,kwame,23,192,0.0932,23,8.35
s07,sean,22,255,0.1238,22,11.59
s07,priya,21,229,0.1112,21,10.9
s07,felix,12,199,0.0966,11,18.09
s08,marta,12,137,0.0731,12,11.42
s08,bruno,14,114,0.0608,14,8.14
s08,dolores,13,123,0.0656,13,9.46
s08,kwame,12,108,0.0576,12,9
s08,sean,15,141,0.0752,15,9.4
s08,priya,17,268,0.143,17,15.76
s08,felix,49,534,0.285,49,10.9
s08,ines,22,255,0.1361,22,11.59
s08,gordon,21,194,0.1035,21,9.24
s09,marta,38,469,0.2644,37,12.68
s09,bruno,24,179,0.1009,24,7.46
s09,dolores,23,233,0.1313,22,10.59
s09,kwame,18,200,0.1127,18,11.11
s09,sean,19,156,0.0879,19,8.21
s09,priya,27,368,0.2074,27,13.63
s09,felix,9,169,0.0953,9,18.78
s10,felix,43,491,0.3482,43,11.42
s10,ines,48,465,0.3298,46,10.11
s10,gordon,48,454,0.322,48,9.46
s11,marta,26,251,0.1071,26,9.65
s11,bruno,22,223,0.0952,22,10.14
s11,dolores,18,196,0.0837,18,10.89
s11,kwame,13,138,0.0589,13,10.62
s11,sean,12,154,0.0657,12,12.83
s11,priya,53,911,0.3888,53,17.19
s11,tom,34,315,0.1344,32,9.84
s11,felix,10,155,0.0662,10,15.5
s12,marta,38,477,0.1896,34,14.03
s12,bruno,23,188,0.0747,23,8.17
s12,dolores,23,253,0.1006,23,11
s12,kwame,15,154,0.0612,15,10.27
s12,sean,13,82,0.0326,13,6.31
s12,priya,48,930,0.3696,47,19.79
s12,tom,18,157,0.0624,18,8.72
s12,felix,21,275,0.1093,19,14.47

=== participation's per-participant utterances are the corpus's counts
$ praxis run participation corpora/alinsu --mode tsv | awk -F'\t' '$1 == "priya" || $1 == "tom" {print $1, $3, $4}' | head -2
--- stdout
priya 249 3377
tom 52 472

=== participation takes a list of participants and a minimum
$ praxis run participation corpora/alinsu -p speakers=priya,tom --param min_utterances=100 --mode csv | tr -d '\r' | head -3
--- stdout
# by_participant
participant,name,utterances,words,share,turns,mean_turn_words,documents
priya,Priya Raman,249,3377,0.1542,248,13.62,10

=== turn-timing on alinsu (golden)
$ praxis run turn-timing corpora/alinsu --mode csv | tr -d '\r'
--- stdout
# by_participant
participant,transitions,gaps,overlaps,median_offset,mean_gap,mean_overlap,long_gaps,turns,mean_turn_seconds,longest_turn_seconds,talk_seconds,talk_share
marta,246,242,4,0.47,0.645,0.672,35,275,4.071,17.93,1113.24,0.1462
bruno,252,247,5,0.45,0.535,0.876,18,260,3.222,11,836.89,0.1099
dolores,253,243,10,0.43,0.497,0.897,15,259,4.223,27.64,1085.42,0.1426
kwame,213,200,13,0.41,0.527,1.212,10,216,3.352,15.67,724.01,0.0951
sean,192,188,4,0.455,0.55,1.362,14,198,3.288,10.91,651.12,0.0855
priya,247,215,32,0.41,0.536,0.926,16,248,4.663,23.51,1156.18,0.1519
tom,49,44,5,0.43,0.57,1.232,3,50,3.461,15.95,168.15,0.0221
felix,230,228,2,0.435,0.488,0.805,9,234,4.342,22.62,1012.77,0.133
ines,105,102,3,0.49,0.536,0.683,8,117,3.835,10.76,448.28,0.0589
gordon,117,114,3,0.46,0.531,0.72,4,118,3.543,11.25,417.57,0.0548

# by_document
document,transitions,gaps,overlaps,median_offset,mean_gap,mean_overlap,long_gaps,long_gap_share,overlaps_per_minute,turns,mean_turn_seconds,minutes
s01,186,173,13,0.41,0.511,0.959,13,0.0699,1.022,192,3.444,12.721
s02,141,137,4,0.5,0.644,0.77,16,0.1135,0.398,147,3.424,10.058
s03,148,142,6,0.43,0.534,1.147,11,0.0743,0.519,154,3.922,11.568
s04,139,134,5,0.48,0.562,0.8,11,0.0791,0.479,145,3.714,10.433
s05,133,125,8,0.46,0.559,1.055,12,0.0902,0.791,139,3.826,10.108
s06,177,171,6,0.46,0.541,0.962,11,0.0621,0.467,183,3.629,12.861
s07,163,151,12,0.42,0.59,1.007,12,0.0736,0.901,169,4.14,13.314
s08,169,165,4,0.44,0.541,1.03,10,0.0592,0.319,175,3.694,12.541
s09,151,146,5,0.42,0.554,0.974,14,0.0927,0.426,156,3.936,11.749
s10,131,128,3,0.45,0.503,0.607,5,0.0382,0.314,137,3.571,9.556
s11,180,172,8,0.4,0.483,0.969,8,0.0444,0.524,186,4.377,15.271
s12,186,179,7,0.43,0.491,1.08,9,0.0484,0.431,192,4.54,16.23

=== turn-timing on an untimed corpus says it does not apply
$ praxis run turn-timing corpora/samples/drama.xml --mode csv | tr -d '\r'
--- stdout
note
not applicable: the corpus has no timed utterances

=== participation and turn-timing on cmc-labbcat return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/cmc-labbcat --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/cmc-labbcat
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on dracor-gerdracor return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/dracor-gerdracor --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/dracor-gerdracor
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on dracor-greekdracor return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/dracor-greekdracor --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/dracor-greekdracor
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on dracor-romdracor return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/dracor-romdracor --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/dracor-romdracor
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on parlamint-es-ct return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/parlamint-es-ct --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/parlamint-es-ct
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on parlamint-es-ga return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/parlamint-es-ga --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/parlamint-es-ga
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on spoken-exmaralda-demo-iso-tei return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/spoken-exmaralda-demo-iso-tei --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/spoken-exmaralda-demo-iso-tei
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on spoken-labbcat return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/spoken-labbcat --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/spoken-labbcat
--- stdout
participation rows
turn-timing rows

=== participation and turn-timing on spoken-teicorpo return rows or say why not
$ for s in participation turn-timing; do :; praxis run $s ${PRAXIS_SHARED:-../shared}/corpora/spoken-teicorpo --mode tsv > $TMPDIR/out.tsv || exit 1; test "$(grep -v '^#' $TMPDIR/out.tsv | grep -c .)" -ge 2 && echo "$s rows"; done
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/spoken-teicorpo
--- stdout
participation rows
turn-timing rows

=== an unknown parameter is refused before the run, naming script and parameter
$ praxis run participation corpora/alinsu -p min_utterance=3
--- stderr
praxis: script 'participation' has no parameter 'min_utterance' (parameters: min_utterances, speakers)
--- exit 2

=== a parameter of the wrong type is refused, naming the type expected
$ praxis run participation corpora/alinsu --param min_utterances=many
--- stderr
praxis: parameter 'min_utterances' of script 'participation' expects an integer, not 'many'
--- exit 2

=== a participant parameter must name a participant of the corpus
$ praxis run participation corpora/alinsu -p speakers=priya,nobody
--- stderr
praxis: parameter 'speakers' of script 'participation': no participant 'nobody' in the corpus
--- exit 2

=== a parameter may be namespaced by the script's name
$ praxis run tests/scripts/params.lua corpora/samples/spoken.xml -p params.count=3 -p sizes=4,5 -p strict=yes -p who=mar -p group=ros,tom --mode tsv
--- stdout
name	type	value
count	integer	3
group	table	ros,tom
label	string	none
ratio	float	0.5
sizes	table	4,5
strict	boolean	true
who	userdata	mar

=== a path parameter must be a readable file, and the script may read it
$ printf 'code,term\na,b\nc,d\n' > $TMPDIR/codes.csv && praxis run tests/scripts/params.lua corpora/samples/spoken.xml -p codebook=$TMPDIR/codes.csv --mode csv | tr -d '\r' | grep codebook_rows; praxis run tests/scripts/params.lua corpora/samples/spoken.xml -p codebook=$TMPDIR/none.csv; echo "exit $?"
--- stdout
codebook_rows,integer,2
exit 2
--- stderr-contains
parameter 'codebook' of script 'params': cannot read the file

=== a parameter given to a plain script is refused before the script runs
$ printf 'print("the top level ran")\nreturn 1\n' > $TMPDIR/plain.lua && praxis run $TMPDIR/plain.lua corpora/samples/spoken.xml -p x=1
--- stdout
--- stderr-contains
plain.lua takes no parameters: it returns no spec
--- exit 2

=== bad run options are usage errors
$ praxis run participation --timeout soon; echo "exit $?"; praxis run participation --mode html; echo "exit $?"; praxis run participation -p nothing; echo "exit $?"; praxis run participation --max-memory -1; echo "exit $?"
--- stdout
exit 2
exit 2
exit 2
exit 2
--- stderr-contains
--timeout needs a number of seconds (0: no limit), not 'soon'
--mode is table, csv, tsv, json or markdown, not 'html'
a parameter is NAME=VALUE, not 'nothing'
--max-memory needs a number of megabytes (0: no limit), not '-1'

=== an unknown script name is a usage error
$ praxis run no-such-script corpora/samples/spoken.xml
--- stderr-contains
no script named 'no-such-script'
--- exit 2

=== --out writes each table as CSV and JSON and a manifest; again gives identical tables
$ praxis run participation corpora/alinsu --out $TMPDIR/a 2>/dev/null && praxis run participation corpora/alinsu --out $TMPDIR/b 2>/dev/null && ls $TMPDIR/a && cmp $TMPDIR/a/by_participant.csv $TMPDIR/b/by_participant.csv && cmp $TMPDIR/a/by_document_participant.json $TMPDIR/b/by_document_participant.json && echo identical
--- stdout
by_document_participant.csv
by_document_participant.json
by_participant.csv
by_participant.json
manifest.json
identical

=== --out prints nothing and says where the results are
$ praxis run participation corpora/samples/spoken.xml --out $TMPDIR/a
--- stdout
--- stderr-contains
praxis: participation: results and manifest in
/a

=== the manifest names the script, its checksum, parameters, seed, corpus files with checksums, outputs and times
$ praxis run participation corpora/samples/spoken.xml -p min_utterances=2 --out $TMPDIR/a 2>/dev/null && sed -e 's/"[0-9T:-]*Z"/TIME/' -e 's/"file": "[^"]*scripts/"file": "SCRIPTS/' -e 's/"[0-9a-f]\{64\}"/SHA/' $TMPDIR/a/manifest.json | awk '/"outputs"/ {skip = 1} !skip {print} skip && /^  \],/ {skip = 0}'; for f in scripts/descriptive/participation.lua corpora/samples/spoken.xml; do grep -q "$(sha256sum $f | cut -c1-64)" $TMPDIR/a/manifest.json && echo "$f: checksum recorded"; done
--- stdout
{
  "script": {"name": "participation", "file": "SCRIPTS/descriptive/participation.lua", "sha256": SHA},
  "praxis_version": "0.1.0",
  "parameters": {
    "min_utterances": 2,
    "speakers": null
  },
  "seed": 1,
  "sandbox": true,
  "limits": {"timeout_seconds": null, "max_memory_mb": null},
  "corpus": [
    {"path": "corpora/samples/spoken.xml", "bytes": 3309, "sha256": SHA}
  ],
  "inputs": [],
  "started": TIME,
  "finished": TIME
}
scripts/descriptive/participation.lua: checksum recorded
corpora/samples/spoken.xml: checksum recorded

=== the manifest's output checksums are those of the files written
$ praxis run participation corpora/samples/spoken.xml --out $TMPDIR/a 2>/dev/null && cd $TMPDIR/a && grep '"file": "by' manifest.json | sed 's/.*"file": "\([^"]*\)".*"sha256": "\([0-9a-f]*\)".*/\2  \1/' | sha256sum -c
--- stdout
by_participant.csv: OK
by_participant.json: OK
by_document_participant.csv: OK
by_document_participant.json: OK

=== the same seed gives identical results, another seed others; the manifests differ only in times
$ for r in 1:a 1:b 2:c; do :; praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml --seed ${r%:*} --out $TMPDIR/${r#*:} 2>/dev/null; done; cmp $TMPDIR/a/result.csv $TMPDIR/b/result.csv && echo same; cmp -s $TMPDIR/a/result.csv $TMPDIR/c/result.csv || echo different; diff $TMPDIR/a/manifest.json $TMPDIR/b/manifest.json | grep '^[<>]' | grep -v '"started"\|"finished"' | wc -l
--- stdout
same
different
0

=== the default seed is 1, recorded, and seeds math.random and praxis.random
$ praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml -p n=3 --mode csv | tr -d '\r'; praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml -p n=3 --seed 1 --mode csv | tr -d '\r' | tail -1
--- stdout
draw,math_random,praxis_random,coin
1,757150,79558,false
2,83432,690901,true
3,142754,680372,true
3,142754,680372,true

=== a script's results print as json and markdown
$ praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml -p n=2 --mode json; praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml -p n=1 --mode markdown
--- stdout
[{"draw":1,"math_random":757150,"praxis_random":79558,"coin":false},
{"draw":2,"math_random":83432,"praxis_random":690901,"coin":true}]
| draw | math_random | praxis_random | coin |
| ---: | ---: | ---: | --- |
| 1 | 757,150 | 79,558 | false |

=== praxis.run returns a script's results in Lua, parameters given as strings or values
$ praxis -e 'local r = praxis.run("participation", {speakers = "priya", min_utterances = "1"}); return r.by_participant:row(1).words, #r.by_document_participant'
--- stdout
3377
10

=== praxis.run refuses an unknown parameter with an error
$ praxis -e 'return praxis.run("participation", {nope = 1})'
--- stderr-contains
script 'participation' has no parameter 'nope'
--- exit 1

=== praxis.sha256 agrees with sha256sum on lengths around the block size and on a megabyte
$ for n in 0 1 3 55 56 57 63 64 65 119 120 127 128 1000 1048576; do head -c $n /dev/zero | tr '\0' 'q' | sha256sum | cut -c1-64; done > $TMPDIR/want && praxis -e 'for _, n in ipairs{0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 1048576} do print(praxis.sha256(string.rep("q", n))) end' corpora/samples/spoken.xml > $TMPDIR/got && cmp $TMPDIR/want $TMPDIR/got && echo equal && praxis -e 'return praxis.sha256("abc")' corpora/samples/spoken.xml
--- stdout
equal
"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

=== praxis.random draws like math.random: a float, 1..m, m..n
$ praxis -e 'praxis.randomseed(5); local a = praxis.random(); local b = praxis.random(3); local c = praxis.random(-2, 2); praxis.randomseed(5); return a >= 0 and a < 1, b >= 1 and b <= 3, c >= -2 and c <= 2, praxis.random() == a' corpora/samples/spoken.xml
--- stdout
true
true
true
true

=== a script can require a module of scripts/lib
$ mkdir -p $TMPDIR/s/lib && printf 'return {twice = function(x) return 2 * x end}\n' > $TMPDIR/s/lib/util.lua && printf 'local u = require("util")\nlocal t = require("turns")\nreturn u.twice(21), t.round(1.23456, 2)\n' > $TMPDIR/s/r.lua && praxis run $TMPDIR/s/r.lua corpora/samples/spoken.xml
--- stdout
42
1.23

=== a plain script still prints and returns values, with arg and corpus
$ printf 'print(corpus.name, #arg)\nreturn "ok"\n' > $TMPDIR/p.lua && praxis run $TMPDIR/p.lua corpora/samples/spoken.xml
--- stdout
spoken	1
"ok"

=== the example script of the README runs in the sandbox
$ praxis run docs/examples/first-analysis.lua corpora/alinsu | head -2
--- stdout-contains
speaker      s01   s02
