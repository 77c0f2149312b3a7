The praxis executable: options, -e, run, the REPL through a pipe, exit codes.

=== --version names the version
$ praxis --version
--- stdout-contains
praxis 0.1.0 (Lua 5.4

=== --help shows usage, options and examples
$ praxis --help
--- stdout-contains
usage: praxis [options] [CORPUS...]
praxis run FILE [CORPUS...]
examples:
praxis -e 'print(corpus)'
exit status: 0 ok, 1 script error, 2 usage error, 3 data error

=== an unknown option is a usage error
$ praxis --frobnicate
--- stderr
praxis: unknown option '--frobnicate'
Try 'praxis --help'.
--- exit 2

=== -e without code is a usage error
$ praxis -e
--- stderr-contains
-e needs Lua code
--- exit 2

=== run without a file is a usage error
$ praxis run
--- stderr-contains
run needs a script file
--- exit 2

=== -e and run together are refused
$ praxis run x.lua -e 'print(1)'
--- stderr-contains
give either -e CODE or run FILE, not both
--- exit 2

=== print(corpus) prints the bundled corpus's counts
$ praxis -e 'print(corpus)'
--- stdout
corpus alinsu: 12 documents, 10 participants, 2,000 utterances

=== the bundled corpus is found from any working folder
$ cd / && praxis -e 'print(corpus.name, #corpus.documents)'
--- stdout
alinsu	12

=== every alinsu participant with its count
$ praxis -e 'for p in corpus.participants:each() do print(p.id, #p.utterances) end'
--- stdout
marta	284
bruno	261
dolores	264
kwame	216
sean	198
priya	249
tom	52
felix	238
ines	119
gordon	119

=== -e prints what the chunk returns
$ praxis -e 'return 1 + 1, "two"'
--- stdout
2
"two"

=== -e prints a handle as a sentence
$ praxis -e 'return corpus.utterances[1]' corpora/samples/spoken.xml
--- stdout-contains
utterance 1 of

=== a runtime error exits 1 with the message and a traceback
$ praxis -e 'local x = nil; return x.field'
--- stderr-contains
praxis: (command line):1: attempt to index a nil value (local 'x')
stack traceback:
--- exit 1

=== a syntax error exits 1
$ praxis -e 'return ('
--- stderr-contains
praxis: (command line):1:
--- exit 1

=== an unknown field names the fields there are
$ praxis -e 'return corpus.utterances[1].speeker'
--- stderr-contains
an utterance has no field or method 'speeker' (fields: id, text, speaker
--- exit 1

=== a missing corpus path is a data error naming it
$ praxis -e 'print(1)' no/such/folder
--- stderr
praxis: no/such/folder: No such file or directory; give a TEI file or a folder of them
--- exit 3

=== a corpus of nothing loadable is a data error
$ printf 'not xml' > $TMPDIR/bad.xml && praxis -e 'print(1)' $TMPDIR/bad.xml
--- stderr-contains
praxis: refused
bad.xml:1:1: not XML
praxis: nothing could be loaded
--- exit 3

=== a refusal among good files is reported and the rest loads
$ mkdir $TMPDIR/c && cp corpora/samples/spoken.xml $TMPDIR/c/ && printf '<TEI>' > $TMPDIR/c/zz.xml && praxis -e 'print(#corpus.documents)' $TMPDIR/c
--- stdout
1
--- stderr-contains
praxis: refused
zz.xml
--- exit 0

=== --strict makes any refusal a data error
$ mkdir $TMPDIR/c && cp corpora/samples/spoken.xml $TMPDIR/c/ && printf '<TEI>' > $TMPDIR/c/zz.xml && praxis --strict -e 'print(#corpus.documents)' $TMPDIR/c
--- stderr-contains
praxis: refused
--- exit 3

=== the dracor plays: utterances equal the XPath count of sp
$ praxis -e 'print(#corpus.utterances)' ${PRAXIS_SHARED:-../shared}/corpora/dracor-gerdracor
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora/dracor-gerdracor
--- stdout
3844

=== run executes a script file with the corpus and arg (the words after the script)
$ printf 'print(#corpus.documents, arg[1], arg[2], arg[3], arg[0]:match("s.lua$"))\nreturn "done"\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml corpora/samples/drama.xml
--- stdout
2	corpora/samples/spoken.xml	corpora/samples/drama.xml	nil	s.lua
"done"

=== -e sees the corpus paths in arg
$ praxis -e 'return #arg, arg[1]' corpora/samples/spoken.xml
--- stdout
1
"corpora/samples/spoken.xml"

=== run of a missing file exits 1 naming it
$ praxis run $TMPDIR/nope.lua
--- stderr-contains
cannot open
nope.lua
--- exit 1

=== run of a script that fails exits 1 with its line
$ printf 'local a = 1\nerror("bad data here")\n' > $TMPDIR/f.lua && praxis run $TMPDIR/f.lua
--- stderr-contains
f.lua:2: bad data here
--- exit 1

=== run refuses bytecode
$ printf '\033Lua' > $TMPDIR/b.lua && praxis run $TMPDIR/b.lua
--- stderr-contains
attempt to load a binary chunk
--- exit 1

=== stdin that is not a terminal runs as a script, without banner or prompts
$ praxis
--- stdin
local n = #corpus.documents
print("documents", n)
--- stdout
documents	12

=== an error in a piped script makes the exit status 1
$ praxis
--- stdin
print("before")
error("stop")
print("after")
--- stdout
before
--- stderr-contains
praxis: stdin:2: stop
--- exit 1

=== --interactive through a pipe shows the banner, prompts, values and continues after errors
$ praxis --interactive corpora/samples/spoken.xml
--- stdin
1 + 2
=corpus.name
for i = 1, 2 do
  print(i)
end
error("oops")
"still here"
--- stdout-contains
Praxis 0.1.0
corpus loaded as `corpus`
praxis> 1 + 2
3
praxis> =corpus.name
"spoken"
praxis> for i = 1, 2 do
   ...>   print(i)
   ...> end
1
2
praxis> error("oops")
praxis> "still here"
"still here"
--- stderr-contains
stdin:1: oops

=== --batch reads stdin with no banner even with --interactive
$ praxis --batch --interactive
--- stdin
print(#corpus.participants)
--- stdout
10

=== plain tables print nested, never as table: 0x
$ praxis -e 'return {1, 2, name = "x", sub = {a = true}}'
--- stdout
{1, 2, name = "x", sub = {a = true}}

=== a selection prints its count and first rows
$ praxis -e 'return corpus.documents:head(2)'
--- stdout
2 documents
  document s01 "Claims team meeting, 15 January 2024" (spoken, 2024-01-15, 196 utterances)
  document s02 "Talk at the coffee point, 31 January 2024" (spoken, 2024-01-31, 147 utterances)

=== make install puts a praxis that runs from anywhere
$ make -s install PREFIX=/usr DESTDIR=$TMPDIR/inst >/dev/null 2>&1 && cd /tmp && PRAXIS_HOME= $TMPDIR/inst/usr/bin/praxis -e 'print(corpus.name)' 2>&1 | head -3; test -x $TMPDIR/inst/usr/bin/praxis && test -d $TMPDIR/inst/usr/share/praxis/corpora/alinsu && echo installed
--- stdout
alinsu
installed
