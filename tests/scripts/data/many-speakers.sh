#!/bin/sh
# Writes a TEI file of N speakers (default 400) in two groups, each
# utterance by a speaker drawn by a fixed linear congruential sequence, so
# that the next-speaker network is dense and a brokerage null model over
# it runs for minutes: the hostile tests stop long C calls with it.
# Usage: many-speakers.sh FILE [N]
out=$1
n=${2:-400}
awk -v n="$n" 'BEGIN {
  print "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>many</title></titleStmt>"
  print "<publicationStmt><p>generated</p></publicationStmt><sourceDesc><p>generated</p></sourceDesc></fileDesc>"
  print "<profileDesc><particDesc><listPerson>"
  for (i = 1; i <= n; i++) printf "<person xml:id=\"s%d\" sex=\"%s\"/>\n", i, (i % 2 ? "F" : "M")
  print "</listPerson></particDesc></profileDesc></teiHeader><text><body><div>"
  x = 7
  for (k = 0; k < 40 * n; k++) {
    x = (x * 1103515245 + 12345) % 2147483648
    printf "<u who=\"#s%d\">yes</u>\n", 1 + int(x / 65536) % n
  }
  print "</div></body></text></TEI>"
}' > "$out"
