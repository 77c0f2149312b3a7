When no document could be loaded and something failed (every file that
should give a document was refused, or an include root whose includes are
all missing or refused), every command that loads a corpus exits 3 and says
why; a load of components alone (a listPerson file) is a corpus with no
document, and no failure.

=== nodocs: info on an include root whose includes all fail exits 3 and prints the errors
$ mkdir -p $TMPDIR/r && printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>\n<xi:include href="gone.xml"/>\n<xi:include href="bad.xml"/>\n</teiCorpus>\n' > $TMPDIR/r/root.xml && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#a">x</w></body></text></TEI>\n' > $TMPDIR/r/bad.xml && cd $TMPDIR && praxis info --json r/root.xml
--- stdout-contains
"documents":0,
--- stderr
praxis: refused r/root.xml:3:1 > r/bad.xml:1:67: not well-formed XML: the end tag </w> does not match the open element <u> (opened on line 1) (libxml2 error 76); check it with `xmllint --noout FILE`
praxis: r/root.xml:2:1: error: xi:include href="gone.xml": r/gone.xml: No such file or directory [include-missing]
praxis: no document could be loaded (2 errors)
--- exit 3

=== nodocs: the same root's folder, through -e, run and the REPL's start: exit 3, no code run
$ mkdir -p $TMPDIR/r && printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>\n<xi:include href="gone.xml"/>\n</teiCorpus>\n' > $TMPDIR/r/root.xml && printf 'print("ran")\n' > $TMPDIR/s.lua && cd $TMPDIR && { "$PRAXIS" -e 'print("ran")' r; echo "e $?"; "$PRAXIS" run s.lua r; echo "run $?"; "$PRAXIS" --interactive -q r; echo "repl $?"; } 2>&1
--- stdin
print("ran")
--- stdout
praxis: r/root.xml:2:1: error: xi:include href="gone.xml": r/gone.xml: No such file or directory [include-missing]
praxis: no document could be loaded (1 error)
e 3
praxis: r/root.xml:2:1: error: xi:include href="gone.xml": r/gone.xml: No such file or directory [include-missing]
praxis: no document could be loaded (1 error)
run 3
praxis: r/root.xml:2:1: error: xi:include href="gone.xml": r/gone.xml: No such file or directory [include-missing]
praxis: no document could be loaded (1 error)
repl 3

=== nodocs: a listPerson alone is a corpus of components: exit 0
$ mkdir -p $TMPDIR/c && printf '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="a"/></listPerson>\n' > $TMPDIR/c/people.xml && cd $TMPDIR && praxis info --json c && "$PRAXIS" -e 'print(#corpus.documents, #corpus.participants)' c
--- stdout-contains
"components":1,
"documents":0,
0	1
--- stderr

=== nodocs: a listPerson and a refused file: no document, one error: exit 3
$ mkdir -p $TMPDIR/c && printf '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="a"/></listPerson>\n' > $TMPDIR/c/people.xml && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>\n' > $TMPDIR/c/cut.xml && cd $TMPDIR && praxis -e 'print("ran")' c
--- stderr-contains
praxis: refused c/cut.xml:
praxis: no document could be loaded (1 error)
--- exit 3
