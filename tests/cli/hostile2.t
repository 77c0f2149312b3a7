Hostile and broken input, part 2: unreadable inputs, symbolic links that
loop or lead out of the folder, 10,000 small files, refusals at two levels
of a folder, and hostile xi:include. tests/hostile/make2.sh writes the
inputs into build/hostile2 (never committed; it does nothing when they are
already there). Refusals found while walking a folder are reported among
the files in the byte order of their paths, whatever order the file system
lists them in.

=== hostile2: a FIFO named like a TEI file in a folder is refused without opening it; a folder named like a file is walked
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && timeout 10 "$PRAXIS" info build/hostile2/unread; echo "exit $?"
--- stdout
corpus                 unread
files                  3 (1 refused), 389 bytes
documents              2
participants           2
speaking participants  2
utterances             2
tokens                 9 (8 distinct word forms)
segments               2
events                 0
dates                  none
timed                  no
kinds                  spoken 2
warnings               4 (praxis check lists them)
exit 0
--- stderr
praxis: refused build/hostile2/unread/fifo.xml: is not a regular file (a FIFO, socket or device); Praxis reads regular files only

=== hostile2: the FIFO named like a TEI file, given on its own, is refused (no hang)
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && timeout 10 "$PRAXIS" info build/hostile2/unread/fifo.xml; echo "exit $?"
--- stdout
exit 3
--- stderr
praxis: refused build/hostile2/unread/fifo.xml: is not a regular file (a FIFO, socket or device); Praxis reads regular files only
praxis: nothing could be loaded

=== hostile2: a folder named like a file (x.xml/) with no TEI file in it: nothing to load
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info build/hostile2/dirfile.xml/
--- stderr
praxis: no TEI file (*.xml) found
--- exit 3

=== hostile2: symbolic links: a loop a -> b -> a, a link to .. and to . and a self-link are reported, not followed; a link inside is read once
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && timeout 10 "$PRAXIS" info build/hostile2/links; echo "exit $?"
--- stdout
corpus                 links
files                  7 (5 refused), 358 bytes
documents              2
participants           2
speaking participants  2
utterances             2
tokens                 3 (3 distinct word forms)
segments               2
events                 0
dates                  none
timed                  no
kinds                  spoken 2
warnings               4 (praxis check lists them)
exit 0
--- stderr
praxis: refused build/hostile2/links/a: a symbolic link that leads nowhere (a loop of links, or a missing target) is not followed
praxis: refused build/hostile2/links/b: a symbolic link that leads nowhere (a loop of links, or a missing target) is not followed
praxis: refused build/hostile2/links/self: a symbolic link back to a folder that holds it (a loop) is not followed
praxis: refused build/hostile2/links/self.xml: a symbolic link that leads nowhere (a loop of links, or a missing target) is not followed
praxis: refused build/hostile2/links/up: a symbolic link that leads outside the folder is not followed

=== hostile2: the same folder under --strict exits 3
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info --strict build/hostile2/links >/dev/null 2>&1
--- exit 3

=== hostile2: a link to /etc/passwd inside the folder is reported and not followed
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info build/hostile2/outlink
--- stdout
corpus                 outlink
files                  2 (1 refused), 179 bytes
documents              1
participants           1
speaking participants  1
utterances             1
tokens                 1 (1 distinct word forms)
segments               1
events                 0
dates                  none
timed                  no
kinds                  spoken 1
warnings               2 (praxis check lists them)
--- stderr
praxis: refused build/hostile2/outlink/passwd.xml: a symbolic link that leads outside the folder is not followed

=== hostile2: nothing of /etc/passwd reaches the output
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info --json build/hostile2/outlink 2>&1 | grep -c 'root:'
--- stdout
0
--- exit 1

=== hostile2: 10,000 small files in 100 folders load, counted right, within 10 seconds
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && timeout 10 "$PRAXIS" info --json build/hostile2/many; echo "exit $?"
--- stdout
{"corpus":"many","files":10000,"refused":0,"components":0,"bytes":1838000,"documents":10000,"participants":10,"speaking_participants":10,"utterances":10000,"tokens":30000,"types":101,"segments":10000,"events":0,"timed_utterances":0,"timed_seconds":0.000,"dates":null,"kinds":{"spoken":10000},"warnings":10010,"errors":0}
exit 0
--- stderr

=== hostile2: a folder with a refused file at the top and one in a subfolder loads the three good ones
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info build/hostile2/mixed
--- stdout
corpus                 mixed
files                  5 (2 refused), 923 bytes
documents              3
participants           3
speaking participants  3
utterances             3
tokens                 9 (5 distinct word forms)
segments               3
events                 0
dates                  none
timed                  no
kinds                  spoken 3
warnings               6 (praxis check lists them)
--- stderr
praxis: refused build/hostile2/mixed/b.xml:3:1: not well-formed XML: the end tag </body> does not match the open element <u> (opened on line 2) (libxml2 error 76); check it with `xmllint --noout FILE`
praxis: refused build/hostile2/mixed/sub/d.xml:2:16: the entity '&eacute;' is not declared, and Praxis never expands entities; replace it with the character it stands for

=== hostile2: the same folder under --strict exits 3 and names both refused files
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info --strict build/hostile2/mixed >/dev/null
--- stderr
praxis: refused build/hostile2/mixed/b.xml:3:1: not well-formed XML: the end tag </body> does not match the open element <u> (opened on line 2) (libxml2 error 76); check it with `xmllint --noout FILE`
praxis: refused build/hostile2/mixed/sub/d.xml:2:16: the entity '&eacute;' is not declared, and Praxis never expands entities; replace it with the character it stands for
--- exit 3

# ---- xi:include (ParlaMint-like roots: build/hostile2/xi/NAME/root.xml
# holds one xi:include on line 3, column 1). Each case is skipped while
# ./praxis does not resolve XInclude: the probe loads xi/ok/root.xml, whose
# include of sitting.xml gives one utterance only when it is resolved.
# An include that fails is an error of the corpus, not a refusal of the
# root: the root loads, nothing of the target is read, and `praxis check`
# names the include's position (with the include chain) and exits 3. The
# repository's path is written REPO.

=== hostile2: xi:include of /etc/passwd through ../ is refused as an escape
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/dotdot/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/dotdot/root.xml:3:1: error: xi:include href="../../../../../../../../etc/passwd" is refused: ../../../../etc/passwd lies outside the corpus folder REPO/build/hostile2/xi/dotdot [include-escape]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: xi:include of a well-formed TEI file outside the root's folder (../outside.xml) is refused
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/dotdot-tei/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/dotdot-tei/root.xml:3:1: error: xi:include href="../outside.xml" is refused: build/hostile2/xi/outside.xml lies outside the corpus folder REPO/build/hostile2/xi/dotdot-tei [include-escape]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: xi:include of a link inside the folder that points at /etc/passwd is refused
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/symlink/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/symlink/root.xml:3:1: error: xi:include href="passwd.xml" is refused: build/hostile2/xi/symlink/passwd.xml lies outside the corpus folder REPO/build/hostile2/xi/symlink [include-escape]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: xi:include with an absolute href (/etc/passwd) is refused
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/absolute/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/absolute/root.xml:3:1: error: xi:include href="/etc/passwd" is refused: it is an absolute path; name the file relative to the including file [include-refused]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: xi:include with an http href is refused, no connection tried
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/http/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/http/root.xml:3:1: error: xi:include href="http://127.0.0.1:9/sitting.xml" is refused: it is a URI; Praxis includes only files inside the corpus folder, named by a relative path [include-refused]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: xi:include of a FIFO no one writes fails without opening it (no hang)
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/fifo/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/fifo/root.xml:3:1: error: xi:include href="fifo.xml": build/hostile2/xi/fifo/fifo.xml: is not a regular file (a FIFO, socket or device); Praxis reads regular files only [include-missing]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: an include loop A -> B -> A ends, reported with the include chain
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/loop/A.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/loop/A.xml:3:1 > build/hostile2/xi/loop/B.xml:3:1: error: xi:include href="A.xml" loops: that file is already being read (it includes this one) [include-loop]
checked 2 files: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: a missing include without xi:fallback is an error at the include
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/missing/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/missing/root.xml:3:1: error: xi:include href="gone.xml": build/hostile2/xi/missing/gone.xml: No such file or directory [include-missing]
checked 1 file: 1 error, 0 warnings
--- stderr
--- exit 3

=== hostile2: a missing include with xi:fallback loads the fallback, with no error
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/fallback/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/fallback/root.xml:3:42: warning: document 'root' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
build/hostile2/xi/fallback/root.xml:3:142: warning: @who names 'f', who is declared in no listPerson or particDesc; Praxis adds a participant 'f' with no attributes (declare a <person xml:id="f"> to give a name and attributes) [undeclared-who]
checked 1 file: 0 errors, 2 warnings
--- stderr

=== hostile2: a good include loads the sitting through the root, positions with the chain
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && set -o pipefail && praxis check build/hostile2/xi/ok/root.xml | sed "s|$PWD|REPO|g"
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
build/hostile2/xi/ok/root.xml:3:1 > build/hostile2/xi/ok/sitting.xml:1:1: warning: document 'sitting' has no date (settingDesc/setting/date, recordingStmt/recording/date or creation/date); analyses over time will not place it [no-date]
build/hostile2/xi/ok/root.xml:3:1 > build/hostile2/xi/ok/sitting.xml:1:137: warning: @who names 's', who is declared in no listPerson or particDesc; Praxis adds a participant 's' with no attributes (declare a <person xml:id="s"> to give a name and attributes) [undeclared-who]
checked 2 files: 0 errors, 2 warnings
--- stderr

=== hostile2: the escaping includes load nothing, and `info` counts the error; no document: exit 3
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && praxis info --json build/hostile2/xi/dotdot/root.xml
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout-contains
"refused":0,"components":1,
"documents":0,
"utterances":0,
"errors":1}
--- stderr-contains
lies outside the corpus folder
praxis: no document could be loaded (1 error)
--- exit 3

=== hostile2: nothing of /etc/passwd reaches the output through any include
$ sh tests/hostile/make2.sh build/hostile2 >/dev/null && for r in dotdot symlink absolute; do "$PRAXIS" check build/hostile2/xi/$r/root.xml; "$PRAXIS" info --json build/hostile2/xi/$r/root.xml; done 2>&1 | grep -c 'root:x:'
--- skip-unless sh tests/hostile/make2.sh build/hostile2 >/dev/null && "$PRAXIS" info --json build/hostile2/xi/ok/root.xml 2>/dev/null | grep -q '"utterances":1,'
--- stdout
0
--- exit 1
