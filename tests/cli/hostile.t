Hostile input: every file that tests/hostile/make.sh writes into
build/hostile is refused as a whole (exit 3, nothing loaded) with one line
`praxis: refused FILE:LINE:COL: message`, the position pointing at the
construct that is refused; a DOCTYPE that only names a DTD is accepted and
the DTD is never read. Each case runs make.sh, which does nothing when the
files are already there (the first run writes about 200 MB, in under a
second). Positions were counted by hand from make.sh.

=== hostile: an external general entity (SYSTEM file:///etc/passwd) is refused where it is declared
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/xxe-general.xml
--- stderr
praxis: refused build/hostile/xxe-general.xml:2:17: the DOCTYPE declares the external entity 'xxe'; Praxis never expands entities (they can read files or explode in size). TEI P5 needs none: replace each reference with the character itself (e.g. a TEI P4 file with character entities: convert it to P5, or on a copy you trust run `xmllint --noent --dropdtd FILE > FILE.p5.xml`)
praxis: nothing could be loaded
--- exit 3

=== hostile: an external parameter entity is refused where it is declared
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/xxe-parameter.xml
--- stderr
praxis: refused build/hostile/xxe-parameter.xml:3:3: the DOCTYPE declares the parameter entity 'ext'; Praxis never expands entities (they can read files or explode in size). TEI P5 needs none: replace each reference with the character itself (e.g. a TEI P4 file with character entities: convert it to P5, or on a copy you trust run `xmllint --noent --dropdtd FILE > FILE.p5.xml`)
praxis: nothing could be loaded
--- exit 3

=== hostile: an internal entity declaration is refused too
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/internal-entity.xml
--- stderr
praxis: refused build/hostile/internal-entity.xml:1:16: the DOCTYPE declares the entity 'name'; Praxis never expands entities (they can read files or explode in size). TEI P5 needs none: replace each reference with the character itself (e.g. a TEI P4 file with character entities: convert it to P5, or on a copy you trust run `xmllint --noent --dropdtd FILE > FILE.p5.xml`)
praxis: nothing could be loaded
--- exit 3

=== hostile: billion laughs is refused at its first declaration
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/billion-laughs.xml
--- stderr
praxis: refused build/hostile/billion-laughs.xml:3:2: the DOCTYPE declares the entity 'lol0'; Praxis never expands entities (they can read files or explode in size). TEI P5 needs none: replace each reference with the character itself (e.g. a TEI P4 file with character entities: convert it to P5, or on a copy you trust run `xmllint --noent --dropdtd FILE > FILE.p5.xml`)
praxis: nothing could be loaded
--- exit 3

=== hostile: quadratic blowup (a 100 KB entity referenced 20,000 times) is refused at the declaration
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/quadratic.xml
--- stderr
praxis: refused build/hostile/quadratic.xml:2:16: the DOCTYPE declares the entity 'big'; Praxis never expands entities (they can read files or explode in size). TEI P5 needs none: replace each reference with the character itself (e.g. a TEI P4 file with character entities: convert it to P5, or on a copy you trust run `xmllint --noent --dropdtd FILE > FILE.p5.xml`)
praxis: nothing could be loaded
--- exit 3

=== hostile: a reference to an undeclared entity, without any DOCTYPE, is refused at its '&'
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/undeclared-entity.xml
--- stderr
praxis: refused build/hostile/undeclared-entity.xml:2:16: the entity '&eacute;' is not declared, and Praxis never expands entities; replace it with the character it stands for
praxis: nothing could be loaded
--- exit 3

=== hostile: 200,000 nested elements stop at the 513th level, pointing at its '<'
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/deep.xml
--- stderr
praxis: refused build/hostile/deep.xml:2:2553: elements are nested deeper than 512 levels, the limit of Praxis; real transcripts nest a few dozen levels
praxis: nothing could be loaded
--- exit 3

=== hostile: a 200 MB text node inside a u is refused at the u, without reading it all
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/huge-text.xml
--- stderr
praxis: refused build/hostile/huge-text.xml:3:1: the text of one utterance is longer than 4194304 bytes, the limit of Praxis; this is usually a whole text without turn markup: split it into several utterances, one element per turn
praxis: nothing could be loaded
--- exit 3

=== hostile: invalid UTF-8 inside a u is refused at the bad byte
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/invalid-utf8.xml
--- stderr
praxis: refused build/hostile/invalid-utf8.xml:2:16: not well-formed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xE9 0x20 0x61 0x75 (libxml2 error 9); the file must be UTF-8 (or declare its encoding): convert it with `iconv`
praxis: nothing could be loaded
--- exit 3

=== hostile: bytes the declared encoding (ASCII) cannot hold are named as such, not as a cut-short file
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/ascii-declared.xml
--- stderr
praxis: refused build/hostile/ascii-declared.xml:3:16: the bytes after this point are not ASCII, the encoding the file declares; convert the file to UTF-8 (iconv -f ENCODING -t UTF-8) or declare the encoding it is written in
praxis: nothing could be loaded
--- exit 3

=== hostile: an empty file is refused as empty
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/empty.xml
--- stderr
praxis: refused build/hostile/empty.xml:1:1: the file is empty
praxis: nothing could be loaded
--- exit 3

=== hostile: a file with only an XML declaration and a comment is refused: no element
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/no-element.xml
--- stderr
praxis: refused build/hostile/no-element.xml:3:1: the file holds no element (only an XML declaration, comments or white space)
praxis: nothing could be loaded
--- exit 3

=== hostile: a truncated file is refused at its end, naming the open element
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/truncated.xml
--- stderr
praxis: refused build/hostile/truncated.xml:3:15: the file ends inside the document: 4 elements are still open (the innermost is <u>, opened on line 3); is the file cut short?
praxis: nothing could be loaded
--- exit 3

=== hostile: a file that is not XML is refused as not XML
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/not-xml.xml
--- stderr
praxis: refused build/hostile/not-xml.xml:1:1: not XML: the file does not start with '<' (an XML declaration or an element); Praxis reads TEI XML, not plain-text transcripts
praxis: nothing could be loaded
--- exit 3

=== hostile: well-formed XML that is not TEI (html) is refused at its root
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/html.xml
--- stderr
praxis: refused build/hostile/html.xml:1:1: not a TEI document: the root element is <html>; Praxis reads TEI (root TEI or teiCorpus, or a listPerson/listOrg component)
praxis: nothing could be loaded
--- exit 3

=== hostile: 5,000 distinct element names stop past the limit, at the element that passes it
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/names.xml
--- stderr
praxis: refused build/hostile/names.xml:1994:1: more than 2000 distinct element and attribute names in one file, the limit of Praxis (TEI has about 600); this is not a TEI transcript
praxis: nothing could be loaded
--- exit 3

=== hostile: an external entity whose SYSTEM id is a FIFO is refused without opening it (no hang)
# Opening a FIFO that no one writes blocks: finishing under `timeout`
# proves that nothing opened it (timeout would exit 124).
$ sh tests/hostile/make.sh build/hostile >/dev/null && timeout 10 "$PRAXIS" info build/hostile/xxe-fifo.xml; echo "exit $?"
--- stdout
exit 3
--- stderr-contains
praxis: refused build/hostile/xxe-fifo.xml:2:16: the DOCTYPE declares the external entity 'f'; Praxis never expands entities

=== hostile: a DOCTYPE naming a DTD at a nonexistent path is accepted and the DTD is never read
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info --json build/hostile/dtd-missing.xml
--- stdout-contains
"documents":1,"participants":1,"speaking_participants":1,"utterances":1,"tokens":2,
"refused":0,
--- stderr

=== hostile: a DOCTYPE whose DTD is a FIFO is accepted without opening it (no hang)
$ sh tests/hostile/make.sh build/hostile >/dev/null && timeout 10 "$PRAXIS" info --json build/hostile/dtd-fifo.xml; echo "exit $?"
--- stdout-contains
"documents":1,"participants":1,"speaking_participants":1,"utterances":1,"tokens":2,
exit 0
--- stderr

=== hostile: a FIFO given as the input file is refused, not read (no hang)
$ sh tests/hostile/make.sh build/hostile >/dev/null && timeout 10 "$PRAXIS" info build/hostile/fifo; echo "exit $?"
--- stdout
exit 3
--- stderr
praxis: refused build/hostile/fifo: is not a regular file (a FIFO, socket or device); Praxis reads regular files only
praxis: nothing could be loaded

=== hostile: the 200 MB file is refused within a few seconds
$ sh tests/hostile/make.sh build/hostile >/dev/null && timeout 5 "$PRAXIS" info build/hostile/huge-text.xml 2>/dev/null; echo "exit $?"
--- stdout
exit 3

=== hostile: a folder with one bad file among good ones loads the good ones and names the bad one
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info build/hostile/mixed
--- stdout
corpus                 mixed
files                  3 (1 refused), 551 bytes
documents              2
participants           2
speaking participants  2
utterances             2
tokens                 6 (4 distinct word forms)
segments               2
events                 0
dates                  none
timed                  no
kinds                  spoken 2
warnings               4 (praxis check lists them)
--- stderr
praxis: refused build/hostile/mixed/b.xml:3:1: not well-formed XML: the end tag </body> does not match the open element <u> (opened on line 2) (libxml2 error 76); check it with `xmllint --noout FILE`

=== hostile: the same folder under --strict exits 3 and still names the bad file
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info --strict build/hostile/mixed >/dev/null
--- stderr
praxis: refused build/hostile/mixed/b.xml:3:1: not well-formed XML: the end tag </body> does not match the open element <u> (opened on line 2) (libxml2 error 76); check it with `xmllint --noout FILE`
--- exit 3

=== hostile: every file of the hostile folder at once: the two DTD-only files load, the rest are refused
$ sh tests/hostile/make.sh build/hostile >/dev/null && praxis info --json build/hostile 2>&1 >/dev/null | grep -c '^praxis: refused '
--- stdout
18
