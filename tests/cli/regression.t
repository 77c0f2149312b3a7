Regressions: each case loads an input kept under tests/regression/ that once
crashed, hung, leaked or misbehaved (most found by the fuzzer, see
tests/fuzz/README.md), and asserts the fixed behaviour.

=== regression fuzz_001: a TEI nested in a body after an earlier one ended no longer hangs (div parent cycle)
# The second nested TEI started a document whose div records reused the
# numbers of the open body's: a div became its own parent and counting
# units up the chain never ended.
$ timeout 10 "$PRAXIS" info tests/regression/fuzz_001.xml; echo "exit $?"
--- stdout
corpus                 fuzz_001
files                  1, 213 bytes
documents              2
participants           2
speaking participants  2
utterances             2
tokens                 2 (2 distinct word forms)
segments               2
events                 0
dates                  none
timed                  no
kinds                  spoken 2
warnings               4 (praxis check lists them)
exit 0
--- stderr

=== regression fuzz_002: bytes that do not match the declared encoding: one refusal line, no libxml2 noise on stderr
# libxml2 printed "encoding error : input conversion failed ..." and
# "I/O error : encoder error" on stderr through its generic channel.
$ praxis info tests/regression/fuzz_002.xml
--- stderr
praxis: refused tests/regression/fuzz_002.xml:2:66: the bytes do not match the file's declared encoding (libxml2 error 81); the file must be UTF-8 (or declare its encoding): convert it with `iconv`
praxis: nothing could be loaded
--- exit 3

=== regression fuzz_003: unknown element names are reported after the parse without reading freed memory
# The warnings for elements that are no TEI P5 element were written after
# the parser, and the dictionary holding their names, had been freed
# (heap-use-after-free under ASan; the asan and valgrind suites run this).
$ praxis -e 'for _, w in ipairs(corpus.warnings) do print(w.source .. ": " .. w.severity .. ": " .. w.message .. " [" .. w.code .. "]") end return #corpus.utterances' tests/regression/fuzz_003.xml
--- stdout
tests/regression/fuzz_003.xml:1:1: warning: document 'fuzz_003' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
tests/regression/fuzz_003.xml:3:67: warning: <emoji> is not a TEI P5 element (2 times); its content is read as if the tags were not there [unknown-element]
tests/regression/fuzz_003.xml:4:1: warning: <posting> is not a TEI P5 element (1 time); Praxis reads it as the older form it is [unknown-element]
tests/regression/fuzz_003.xml:3:1: warning: @who names 'u7', who is declared in no listPerson or particDesc; Praxis adds a participant 'u7' with no attributes (declare a <person xml:id="u7"> to give a name and attributes) [undeclared-who]
tests/regression/fuzz_003.xml:4:1: warning: @who names 'u9', who is declared in no listPerson or particDesc; Praxis adds a participant 'u9' with no attributes (declare a <person xml:id="u9"> to give a name and attributes) [undeclared-who]
2
--- stderr

=== regression fuzz_004: an empty xml:id on an utterance after another id no longer writes through an unset index
# Checking repeated ids, the slot of the empty string ("", id 0) was never
# set when the first id of the document was not empty; an empty xml:id then
# read it and wrote to a random utterance (SEGV under ASan). The empty id
# now counts as a repeated one: the utterance is named DOCID.uN.
$ praxis -e 'local t = {} for _, u in ipairs(corpus.utterances) do t[#t+1] = u.id end for _, w in ipairs(corpus.warnings) do print(w.source .. ": " .. w.severity .. ": " .. w.message .. " [" .. w.code .. "]") end return table.concat(t, " ")' tests/regression/fuzz_004.xml
--- stdout
tests/regression/fuzz_004.xml:1:1: warning: document 'd' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
tests/regression/fuzz_004.xml:1:1: warning: 1 utterance repeats an xml:id of this document; it is named DOCID.uN instead [repeated-id]
tests/regression/fuzz_004.xml:3:1: warning: @who names 'x', who is declared in no listPerson or particDesc; Praxis adds a participant 'x' with no attributes (declare a <person xml:id="x"> to give a name and attributes) [undeclared-who]
"a d.u2 b"
--- stderr

=== regression fuzz_005: a refused include whose utterances grew the importer's word list no longer frees it twice
# The words of utterances are cut at the end of each document from a list
# that grows while parsing. When an included file was refused, the
# importer was put back as it was at the include, list pointer included:
# the pointer freed when the list grew inside the include came back (an
# invalid write on the next utterance, then "free(): double free", exit
# 134), and the grown list leaked. bad.xml holds 200 utterances, then
# content after its root.
$ praxis info tests/regression/fuzz_005/root.xml
--- stdout
corpus                 root
title                  root
files                  2 (1 component, 1 refused), 5,609 bytes
documents              2
participants           2
speaking participants  2
utterances             3
tokens                 8 (6 distinct word forms)
segments               2
events                 0
dates                  none
timed                  no
kinds                  spoken 2
warnings               4 (praxis check lists them)
--- stderr
praxis: refused tests/regression/fuzz_005/root.xml:4:1 > tests/regression/fuzz_005/bad.xml:203:1: not well-formed XML: Extra content at the end of the document (libxml2 error 5); check it with `xmllint --noout FILE`

=== regression fuzz_005: the refusal of a file included below its includer counts only its own open elements
$ set -o pipefail; printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#c">cut' >"$TMPDIR/cut.xml" && printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n<xi:include href="cut.xml"/>\n</teiCorpus>\n' >"$TMPDIR/root.xml" && praxis check "$TMPDIR/root.xml" | sed "s|$TMPDIR/||g"
--- stdout
root.xml:2:1 > cut.xml:1:69: error: the file ends inside the document: 4 elements are still open (the innermost is <u>, opened on line 1); is the file cut short? [refused]
checked 2 files: 1 error, 0 warnings
--- exit 3
