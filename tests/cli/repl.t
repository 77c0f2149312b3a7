The REPL through a pipe (--interactive): prompts, continuation, errors,
dot-commands, help.

=== a bare expression prints, =expr too, a statement prints nothing
$ praxis --interactive -q
--- stdin
1 + 1
=2 * 3
x = 5
x
--- stdout
praxis> 1 + 1
2
praxis> =2 * 3
6
praxis> x = 5
praxis> x
5
praxis> 

=== an incomplete chunk continues at the second prompt
$ praxis --interactive -q
--- stdin
function twice(n)
  return 2 * n
end
twice(21)
--- stdout
praxis> function twice(n)
   ...>   return 2 * n
   ...> end
praxis> twice(21)
42
praxis> 

=== an error shows the message and the line of the code; the REPL goes on
$ praxis --interactive -q
--- stdin
local x = nil; return x.field
for i = 1, 2 do
  local y = nil + i
end
corpus.utterances:where(42)
"still here"
--- stdout-contains
"still here"
--- stderr
stdin:1: attempt to index a nil value (local 'x')
stdin:2: attempt to perform arithmetic on a nil value
    2 |   local y = nil + i
stdin:1: bad argument #1 to 'where' (table of conditions or function expected, got number)

=== .traceback on shows the whole traceback
$ praxis --interactive -q
--- stdin
.traceback on
error("boom")
.traceback off
error("boom")
--- stderr
stdin:1: boom
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
stdin:1: boom

=== .mode changes how tables and selections print
$ praxis --interactive -q
--- stdin
t = praxis.table.new({"who", "n"}, {{"priya, p.", 2}, {"felix", 1}})
.mode csv
t
.mode tsv
t
.mode json
t
.mode markdown
corpus.documents:head(2)
.mode
.mode table
t
.mode xml
--- stdout
praxis> t = praxis.table.new({"who", "n"}, {{"priya, p.", 2}, {"felix", 1}})
praxis> .mode csv
praxis> t
who,n
"priya, p.",2
felix,1
praxis> .mode tsv
praxis> t
who	n
priya, p.	2
felix	1
praxis> .mode json
praxis> t
[{"who":"priya, p.","n":2},
{"who":"felix","n":1}]
praxis> .mode markdown
praxis> corpus.documents:head(2)
| id | title | date | kind |
| --- | --- | --- | --- |
| s01 | Claims team meeting, 15 January 2024 | 2024-01-15 | spoken |
| s02 | Talk at the coffee point, 31 January 2024 | 2024-01-31 | spoken |
praxis> .mode
mode markdown
praxis> .mode table
praxis> t
who        n
---------  -
priya, p.  2
felix      1
(2 rows)
praxis> .mode xml
praxis> 
--- stderr
mode: one of table, csv, tsv, json, markdown (not xml)

=== .once and .output send results to files
$ cd "$TMPDIR" && praxis --interactive -q && cat once.txt out.txt
--- stdin
.once once.txt
1 + 1
"on screen"
.output out.txt
"in the file"
3
.output
"on screen again"
--- stdout
praxis> .once once.txt
praxis> 1 + 1
praxis> "on screen"
"on screen"
praxis> .output out.txt
praxis> "in the file"
praxis> 3
praxis> .output
praxis> "on screen again"
"on screen again"
praxis> 
2
"in the file"
3

=== .read runs a file of Lua and dot-commands as if typed
$ praxis --interactive -q
--- stdin
.read tests/repl/session.praxis
twice(4)
--- stdout-contains
20
8

=== .read of a file that reads itself stops at the nesting limit
$ cd "$TMPDIR" && printf 'x = (x or 0) + 1\n.read loop.praxis\n' > loop.praxis && praxis --interactive -q
--- stdin
.read loop.praxis
x
--- stdout-contains
16
--- stderr-contains
.read: files nested more than 16 deep

=== .open replaces corpus
$ praxis --interactive -q
--- stdin
.open corpora/samples/spoken.xml
corpus.name
.open
.open no/such/place
--- stdout-contains
"spoken"
--- stderr-contains
open: which corpus?
no/such/place

=== .timer prints how long a chunk took, on stderr
$ praxis --interactive -q
--- stdin
.timer on
1
.timer off
--- stderr-contains
time: 0.0

=== unknown dot-commands are named; a unique prefix runs its command
$ praxis --interactive -q
--- stdin
.frobnicate
.tr on
--- stdout-contains
traceback on
--- stderr-contains
unknown command .frobnicate; .help lists them

=== .help lists the dot-commands and the tour; .help PATTERN searches
$ praxis --interactive -q
--- stdin
.help
.help group
--- stdout-contains
.mode table|csv|tsv|json|markdown
.once FILE
help(x)
table:group_by(cols, aggs)

=== help() gives the tour; help(x) and help("name") document with an example
$ praxis --interactive -q
--- stdin
help()
help(corpus.utterances.where)
help("read_table")
help(corpus)
help("no_such_thing_at_all")
--- stdout-contains
Praxis: explore transcripts of communities of practice in Lua.
selection:where(cond) -> praxis.Selection
example:
praxis.read_table(path, opts) -> praxis.Table|nil
praxis.Corpus — A loaded corpus
nothing documented as "no_such_thing_at_all"

=== .quit leaves
$ praxis --interactive -q
--- stdin
.quit
"not reached"
--- stdout
praxis> .quit
