Golden tests of `praxis check`: one file per problem in
corpora/samples/broken (every code with its position), the flavour samples,
the code list, usage errors, and every real corpus under ../shared/corpora
(warnings at most).

=== check: every problem of the broken samples, with position and code
$ set -o pipefail; praxis check corpora/samples/broken | sed "s|$PWD|REPO|g"
--- stdout
corpora/samples/broken/include-escape.xml:2:2: error: xi:include href="../../../LICENSE" is refused: LICENSE lies outside the corpus folder REPO/corpora/samples/broken [include-escape]
corpora/samples/broken/include-loop.xml:2:2: error: xi:include href="include-loop.xml" loops: that file is already being read (it includes this one) [include-loop]
corpora/samples/broken/include-missing.xml:2:2: error: xi:include href="no-such-sitting.xml": corpora/samples/broken/no-such-sitting.xml: No such file or directory [include-missing]
corpora/samples/broken/include-refused.xml:2:2: error: xi:include href="http://example.org/sitting.xml" is refused: it is a URI; Praxis includes only files inside the corpus folder, named by a relative path [include-refused]
corpora/samples/broken/bad-date.xml:1:235: warning: the date "sometime in spring" is in no form Praxis reads (ISO 8601, "14 October 1993", "14-OCT-1993"); give it a @when [bad-date]
corpora/samples/broken/bad-time.xml:2:54: warning: @absolute="noon-ish" is neither seconds, a clock time nor a date-time [bad-time]
corpora/samples/broken/blank-who.xml:2:13: warning: an utterance has no @who (or a blank one); it is credited to the participant 'unknown' [blank-who]
corpora/samples/broken/dangling-addressee.xml:2:13: warning: the addressee 'nobody' is no participant; it is left out [dangling-addressee]
corpora/samples/broken/dangling-reply.xml:3:1: warning: @replyTo names 'p0', which is no utterance of this document (a pointer never leaves its document) [dangling-reply]
corpora/samples/broken/dangling-time.xml:3:7: error: @end names '#T9', which is no <when> of this document's timeline; the utterance stays untimed [dangling-time]
corpora/samples/broken/empty-utterance.xml:3:1: warning: empty utterance (no words, no events) [empty-utterance]
corpora/samples/broken/id-names-differ.xml:6:1: warning: the person 'm' is named 'Marie Stuart' here and 'Marie Curie' at corpora/samples/broken/id-names-differ.xml:3:1; one id is one participant across the corpus, so both are taken for 'Marie Curie' (give different people different ids) [id-names-differ]
corpora/samples/broken/no-date.xml:1:1: warning: document 'no-date' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
corpora/samples/broken/not-tei.xml:1:1: error: not a TEI document: the root element is <html>; Praxis reads TEI (root TEI or teiCorpus, or a listPerson/listOrg component) [refused]
corpora/samples/broken/not-well-formed.xml:2:46: error: not well-formed XML: the end tag </body> does not match the open element <u> (opened on line 2) (libxml2 error 76); check it with `xmllint --noout FILE` [refused]
corpora/samples/broken/repeated-id.xml:1:1: warning: 1 utterance repeats an xml:id of this document; it is named DOCID.uN instead [repeated-id]
corpora/samples/broken/time-backwards.xml:4:1: warning: this utterance starts at 00:00:00.0, before the utterance before it in its segment (00:00:05.0); check the order or the timeline [time-backwards]
corpora/samples/broken/undeclared-who.xml:2:13: warning: @who names 'zed', who is declared in no listPerson or particDesc; Praxis adds a participant 'zed' with no attributes (declare a <person xml:id="zed"> to give a name and attributes) [undeclared-who]
corpora/samples/broken/unknown-element.xml:2:27: warning: <smiley> is not a TEI P5 element (2 times); its content is read as if the tags were not there [unknown-element]
checked 19 files: 7 errors, 12 warnings
--- exit 3

=== check: one broken file alone exits 3 on its error
$ praxis check corpora/samples/broken/dangling-time.xml
--- stdout
corpora/samples/broken/dangling-time.xml:3:7: error: @end names '#T9', which is no <when> of this document's timeline; the utterance stays untimed [dangling-time]
checked 1 file: 1 error, 0 warnings
--- exit 3

=== check: warnings only exit 0
$ praxis check corpora/samples/broken/undeclared-who.xml corpora/samples/broken/time-backwards.xml
--- stdout
corpora/samples/broken/undeclared-who.xml:2:13: warning: @who names 'zed', who is declared in no listPerson or particDesc; Praxis adds a participant 'zed' with no attributes (declare a <person xml:id="zed"> to give a name and attributes) [undeclared-who]
corpora/samples/broken/time-backwards.xml:4:1: warning: this utterance starts at 00:00:00.0, before the utterance before it in its segment (00:00:05.0); check the order or the timeline [time-backwards]
checked 2 files: 0 errors, 2 warnings

=== check: the CMC, ISO and ParlaMint samples
$ praxis check corpora/samples/cmc.xml corpora/samples/iso.xml corpora/samples/parla
--- stdout
corpora/samples/cmc.xml:35:5: warning: @replyTo names 'p9', which is no utterance of this document (a pointer never leaves its document) [dangling-reply]
checked 7 files: 0 errors, 1 warning

=== check: an error inside an included file gives the include chain
$ mkdir -p $TMPDIR/p/s && printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n <xi:include href="s/a.xml"/>\n</teiCorpus>\n' > $TMPDIR/p/root.xml && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<u who="#x">hi</u></body></text></TEI>\n' > $TMPDIR/p/s/a.xml && cd $TMPDIR && praxis check p
--- stdout
p/root.xml:2:2 > p/s/a.xml:1:1: warning: document 'a' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
p/root.xml:2:2 > p/s/a.xml:2:1: warning: @who names 'x', who is declared in no listPerson or particDesc; Praxis adds a participant 'x' with no attributes (declare a <person xml:id="x"> to give a name and attributes) [undeclared-who]
checked 2 files: 0 errors, 2 warnings

=== check: a refused included file is reported with the chain, the root loads
$ mkdir -p $TMPDIR/p && printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n <xi:include href="a.xml"/>\n <xi:include href="b.xml"/>\n</teiCorpus>\n' > $TMPDIR/p/root.xml && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<u who="#x">hi</u></body></text>\n' > $TMPDIR/p/a.xml && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><creation><date when="2020"/></creation><particDesc><person xml:id="y"/></particDesc></profileDesc></teiHeader><text><body><u who="#y">fine</u></body></text></TEI>\n' > $TMPDIR/p/b.xml && cd $TMPDIR && praxis check p; praxis info --json p
--- stdout
p/root.xml:2:2 > p/a.xml:2:33: error: the file ends inside the document: 1 element is still open (the innermost is <TEI>, opened on line 1); is the file cut short? [refused]
checked 3 files: 1 error, 0 warnings
{"corpus":"p","files":3,"refused":1,"components":1,"bytes":476,"documents":1,"participants":1,"speaking_participants":1,"utterances":1,"tokens":1,"types":1,"segments":1,"events":0,"timed_utterances":0,"timed_seconds":0.000,"dates":{"first":"2020","last":"2020"},"kinds":{"spoken":1},"warnings":0,"errors":0}

=== check: a fallback answers a missing include
$ mkdir -p $TMPDIR/p && printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader><profileDesc><creation><date when="2020"/></creation><particDesc><listPerson><person xml:id="a"/></listPerson></particDesc></profileDesc></teiHeader><text><body>\n<xi:include href="gone.xml"><xi:fallback><u who="#a">from the fallback</u></xi:fallback></xi:include>\n</body></text></TEI>\n' > $TMPDIR/p/root.xml && cd $TMPDIR && praxis check p && praxis -e 'print(corpus.utterances[1].text)' p
--- stdout
checked 1 file: 0 errors, 0 warnings
from the fallback

=== check: --codes lists every code
$ praxis check --codes
--- stdout
refused             error    the file cannot be read safely (not well-formed, hostile, not TEI, a limit) and was left out
include-missing     error    an xi:include names a file that does not exist or cannot be read, and has no xi:fallback
include-escape      error    an xi:include names a file outside the corpus folder (or no regular file)
include-loop        error    an xi:include names a file that is already being read (it includes itself)
include-depth       error    xi:include is nested more than 8 deep
include-refused     error    an xi:include Praxis does not follow: @xpointer, parse="text", a URI or absolute path, no @href
dangling-time       error    @start, @end or @synch names no <when> of the document's timeline
undeclared-who      warning  @who names an id that no person or personGrp declares
id-names-differ     warning  two documents declare one person id with different names; one id is one participant (plays excepted)
blank-who           warning  an utterance has no @who, or a blank one; it is credited to 'unknown'
repeated-id         warning  utterances of a document repeat an xml:id; they are named DOCID.uN
empty-utterance     warning  an utterance holds no words and no events
dangling-reply      warning  @replyTo names no utterance of its own document
dangling-addressee  warning  @toWhom (or an addressee) names no participant
time-backwards      warning  an utterance starts before the utterance before it in its segment
no-date             warning  a document has no date (setting, recording or creation date)
bad-date            warning  a header date is in no form Praxis reads
bad-time            warning  a <when>'s @absolute is neither seconds, a clock time nor a date-time
unknown-element     warning  an element name that is not a TEI P5 element (counted, one line per name)

=== check: no corpus is a usage error
$ praxis check
--- stderr-contains
praxis check: no corpus given
--- exit 2

=== check: an unknown option is a usage error
$ praxis check --frobnicate corpora/samples/iso.xml
--- stderr-contains
praxis check: unknown option '--frobnicate'
--- exit 2

=== check: every real corpus passes with warnings at most (every file under ../shared/corpora, read as one corpus)
$ praxis check ${PRAXIS_SHARED:-../shared}/corpora > $TMPDIR/out; echo "exit $?"; grep -c ': error: ' $TMPDIR/out; tail -n 1 $TMPDIR/out | grep -o ' 0 errors'
--- skip-unless test -d ${PRAXIS_SHARED:-../shared}/corpora
--- stdout
exit 0
0
 0 errors
