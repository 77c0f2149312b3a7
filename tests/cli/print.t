How each kind of value prints at the REPL (praxis.show): handles as
sentences, selections as a count and their first rows, praxis tables
aligned to the width, plain tables nested and truncated, functions by
name; never an address.

=== a corpus prints its counts
$ praxis --batch
--- stdin
return corpus
--- stdout
corpus alinsu: 12 documents, 10 participants, 2,000 utterances

=== a document, a participant, an utterance and a segment print as sentences
$ praxis --batch
--- stdin
return corpus.documents[1], corpus.participants["priya"], corpus.utterances[5], corpus.segments[1]
--- stdout
document s01 "Claims team meeting, 15 January 2024" (spoken, 2024-01-15, 196 utterances)
participant priya "Priya Raman" (alinsu)
utterance 5 of s01 by dolores at 00:00:17: "You say that every January, Bruno."
segment s01.s1 (topic) of s01, 21 utterances

=== a selection prints its count and its first ten rows
$ praxis --batch
--- stdin
return corpus.utterances:where{speaker = "priya"}
--- stdout
249 utterances
  utterance 10 of s01 by priya at 00:00:42: "Hi. Um, yeah, hi. I'm Priya."
  utterance 12 of s01 by priya at 00:00:49: "Mhm."
  utterance 45 of s01 by priya at 00:03:13: "Um, sorry, is the forty-five per person, or—"
  utterance 49 of s01 by priya at 00:03:25: "Okay."
  utterance 51 of s01 by priya at 00:03:32: "Thanks."
  utterance 86 of s01 by priya at 00:05:46: "Is it—will the training cover that bit?"
  utterance 89 of s01 by priya at 00:05:53: "Mhm."
  utterance 108 of s01 by priya at 00:07:12: "Hi."
  utterance 162 of s01 by priya at 00:10:14: "Oh. Um, there's a wedding in April. My cousin's. It's the Fr..."
  utterance 164 of s01 by priya at 00:10:22: "Okay, thank you."
  ... 239 more

=== a small selection, a selection of one and an empty one
$ praxis --batch
--- stdin
return corpus.documents:head(2), corpus.participants:where{id = "tom"}, corpus.participants:where{role = "nobody"}
--- stdout
2 documents
  document s01 "Claims team meeting, 15 January 2024" (spoken, 2024-01-15, 196 utterances)
  document s02 "Talk at the coffee point, 31 January 2024" (spoken, 2024-01-31, 147 utterances)
1 participant
  participant tom "Tom Nowak" (alinsu)
0 participants

=== groups print their keys and counts
$ praxis --batch
--- stdin
return corpus.utterances:where{speaker = "felix"}:by("document")
--- stdout
groups
  s01: 17 utterances
  s03: 16 utterances
  s04: 47 utterances
  s05: 14 utterances
  s07: 12 utterances
  s08: 49 utterances
  s09: 9 utterances
  s10: 43 utterances
  s11: 10 utterances
  s12: 21 utterances

=== a praxis table prints aligned, with its row count
$ praxis --batch
--- stdin
return praxis.table.new({"speaker", "turns", "share", "note"}, {{"priya", 249, 0.1245, "newcomer"}, {"felix", 1238, 0.61904}, {"ines", -3, 1e-9, "a \"quoted\"\ttab"}})
--- stdout
speaker  turns   share  note
-------  -----  ------  --------------
priya      249  0.1245  newcomer
felix    1,238   0.619
ines        -3   1e-09  a "quoted" tab
(3 rows)

=== a long table shows twenty rows and how many there are
$ praxis --batch
--- stdin
return corpus.utterances:table{"id", "speaker", "start_time"}
--- stdout
id       speaker  start_time
-------  -------  ----------
s01.u1   marta           0.0
s01.u2   bruno          5.26
s01.u3   dolores       10.53
s01.u4   bruno         16.61
s01.u5   dolores       17.05
s01.u6   kwame         21.54
s01.u7   bruno         25.17
s01.u8   marta         30.29
s01.u9   marta         38.95
s01.u10  priya         42.57
s01.u11  marta         46.06
s01.u12  priya         49.93
s01.u13  marta         51.87
s01.u14  sean          56.53
s01.u15  kwame         58.32
s01.u16  bruno         61.86
s01.u17  dolores       66.89
s01.u18  marta          70.9
s01.u19  dolores       79.09
s01.u20  sean          82.54
(2,000 rows, 20 shown)

=== a wide table is fitted to COLUMNS by dropping columns
$ praxis --batch
--- env
COLUMNS=60
--- stdin
return corpus.utterances:head(3):table{"id", "document", "speaker", "start_time", "end_time", "text"}
--- stdout
id      document  speaker  start_time  end_time
------  --------  -------  ----------  --------
s01.u1  s01       marta           0.0      5.09
s01.u2  s01       bruno          5.26     10.01
s01.u3  s01       dolores       10.53     17.23
(3 rows; 5 of 6 columns shown)

=== plain tables print nested, truncated, with cycles marked
$ praxis --batch
--- stdin
local t = {1, 2.5, "three", true, {a = {b = {c = {d = 1}}}}, ["key with space"] = 1}
local c = {} c.self = c
local long = {} for i = 1, 30 do long[i] = i end
return t, c, long, {}, {x = {}}
--- stdout
{1, 2.5, "three", true, {a = {b = {...}}}, ["key with space"] = 1}
{self = {...cycle...}}
{
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  16,
  17,
  18,
  19,
  20,
  ... (30 items)
}
{}
{x = {}}

=== functions print by the name help knows, never as an address
$ praxis --batch
--- stdin
return praxis.open, corpus.utterances.where, print, string.format, help, function() end
--- stdout
<function praxis.open>
<function selection:where>
<function print>
<function string.format>
<function help>
<function stdin:1>

=== other values: nil, booleans, numbers, strings, coroutines, files, tables inside tables
$ praxis --batch
--- stdin
return nil, false, 3, 2.5, 1e300, "a\nb", coroutine.create(print), io.stdout, {praxis.table.new({"a"}, {{1}})}
--- stdout
nil
false
3
2.5
1e+300
"a\nb"
<coroutine>
<file>
{<table: 1 row; a>}

=== a module prints its functions by name
$ praxis --batch
--- stdin
return praxis.plot
--- stdout
{
  bar = <function praxis.plot.bar>,
  can_png = <function praxis.plot.can_png>,
  heatmap = <function praxis.plot.heatmap>,
  line = <function praxis.plot.line>,
  plot = <function praxis.plot.plot>,
  scatter = <function praxis.plot.scatter>,
  sparkline = <function praxis.plot.sparkline>,
  svg = <function praxis.plot.svg>,
  text = <function praxis.plot.text>
}

=== a handle of a closed corpus prints what it is, not an error
$ praxis --batch
--- stdin
local c = praxis.open("corpora/samples/spoken.xml")
local u = c.utterances[1]
c:close()
return {u}
--- stdout
{<utterance: attempt to use a closed corpus>}

=== no value prints an address
$ praxis --batch
--- stdin
local vs = {{}, print, praxis, praxis.table, corpus.utterances:by("speaker"), io.stdout, coroutine.create(print), {f = print}}
for _, v in ipairs(vs) do assert(not praxis.format(v):find("0x"), praxis.format(v)) end
return "none"
--- stdout
"none"
