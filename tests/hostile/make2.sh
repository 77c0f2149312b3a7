#!/bin/sh
# make2.sh OUTDIR - writes the inputs of tests/cli/hostile2.t into OUTDIR
# (build/hostile2; never committed): unreadable inputs, symbolic links that
# loop or lead out of the folder, 10,000 small files, a folder with refused
# files at two levels, and ParlaMint-like roots whose xi:include is hostile.
# Idempotent: a second run with this script unchanged does nothing.
set -eu
OUT=${1:?usage: make2.sh OUTDIR}
SELF=$0
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
STAMP="$OUT/.stamp"
if [ -f "$STAMP" ] && [ "$STAMP" -nt "$SELF" ] && [ -p "$OUT/unread/fifo.xml" ]; then
    exit 0
fi
rm -rf "$OUT/unread" "$OUT/dirfile.xml" "$OUT/links" "$OUT/outlink" "$OUT/many" \
       "$OUT/mixed" "$OUT/xi" "$STAMP"

NS='xmlns="http://www.tei-c.org/ns/1.0"'
XI='xmlns:xi="http://www.w3.org/2001/XInclude"'
HEAD="<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></teiHeader>"
good() {  # good FILE SPEAKER WORDS
    printf '<TEI %s>%s<text><body><u who="#%s">%s</u></body></text></TEI>\n' \
        "$NS" "$HEAD" "$2" "$3" >"$1"
}

# 1. unreadable inputs in a folder: a FIFO no one writes, named like a TEI
#    file (opening it for reading would block), next to one good file
mkdir -p "$OUT/unread"
mkfifo "$OUT/unread/fifo.xml"
good "$OUT/unread/good.xml" a "still here"
# ... and a folder named like a file: walked as a folder
mkdir -p "$OUT/unread/folder.xml"
good "$OUT/unread/folder.xml/inner.xml" b "inside a folder named like a file"

# 2. a folder named like a file, given on its own: it holds no *.xml
mkdir -p "$OUT/dirfile.xml"
printf 'not TEI\n' >"$OUT/dirfile.xml/README.md"

# 3. symbolic links in a folder: a loop a -> b -> a, a link to the folder
#    above, a link to the folder itself, a link to a file inside (followed)
#    and a link named .xml that points at itself
mkdir -p "$OUT/links/sub"
good "$OUT/links/real.xml" a "one two"
good "$OUT/links/sub/deep.xml" b "three"
ln -s b "$OUT/links/a"
ln -s a "$OUT/links/b"
ln -s .. "$OUT/links/up"
ln -s . "$OUT/links/self"
ln -s real.xml "$OUT/links/alias.xml"
ln -s self.xml "$OUT/links/self.xml"

# 4. a link that leads out of the folder, to /etc/passwd
mkdir -p "$OUT/outlink"
good "$OUT/outlink/good.xml" a "inside"
ln -s /etc/passwd "$OUT/outlink/passwd.xml"

# 5. 10,000 small files, 100 folders of 100 (one speaker each of s0..s9,
#    three words each)
mkdir -p "$OUT/many"
awk -v out="$OUT/many" -v ns="$NS" -v head="$HEAD" 'BEGIN {
    for (d = 0; d < 100; d++) {
        dir = sprintf("%s/d%02d", out, d)
        system("mkdir -p " dir)
        for (f = 0; f < 100; f++) {
            path = sprintf("%s/f%02d.xml", dir, f)
            printf "<TEI %s>%s<text><body><u who=\"#s%d\">word %d %d</u></body></text></TEI>\n",
                ns, head, f % 10, d, f > path
            close(path)
        }
    }
}'

# 6. good files with a refused one at the top and one in a subfolder
mkdir -p "$OUT/mixed/sub"
good "$OUT/mixed/a.xml" a "file a speaks"
printf '<TEI %s>%s<text><body>\n<u who="#b">unclosed\n</body></text></TEI>\n' \
    "$NS" "$HEAD" >"$OUT/mixed/b.xml"
good "$OUT/mixed/sub/c.xml" c "file c speaks"
printf '<TEI %s>%s<text><body>\n<u who="#d">caf&eacute;</u>\n</body></text></TEI>\n' \
    "$NS" "$HEAD" >"$OUT/mixed/sub/d.xml"
good "$OUT/mixed/sub/e.xml" e "file e speaks"

# 7. xi:include, hostile: each root is a ParlaMint-like teiCorpus in its own
#    folder; the href sits on line 3
xiroot() {  # xiroot FILE INCLUDE_ELEMENT
    mkdir -p "$(dirname "$1")"
    printf '<teiCorpus %s %s>\n%s\n%s\n</teiCorpus>\n' "$NS" "$XI" "$HEAD" "$2" >"$1"
}
mkdir -p "$OUT/xi"
good "$OUT/xi/outside.xml" z "outside the corpus folder"
xiroot "$OUT/xi/dotdot/root.xml" '<xi:include href="../../../../../../../../etc/passwd"/>'
xiroot "$OUT/xi/dotdot-tei/root.xml" '<xi:include href="../outside.xml"/>'
xiroot "$OUT/xi/absolute/root.xml" '<xi:include href="/etc/passwd"/>'
xiroot "$OUT/xi/http/root.xml" '<xi:include href="http://127.0.0.1:9/sitting.xml"/>'
xiroot "$OUT/xi/loop/A.xml" '<xi:include href="B.xml"/>'
xiroot "$OUT/xi/loop/B.xml" '<xi:include href="A.xml"/>'
xiroot "$OUT/xi/missing/root.xml" '<xi:include href="gone.xml"/>'
xiroot "$OUT/xi/fallback/root.xml" "<xi:include href=\"gone.xml\"><xi:fallback><TEI>$HEAD<text><body><u who=\"#f\">the fallback speaks</u></body></text></TEI></xi:fallback></xi:include>"
xiroot "$OUT/xi/symlink/root.xml" '<xi:include href="passwd.xml"/>'
ln -s /etc/passwd "$OUT/xi/symlink/passwd.xml"
xiroot "$OUT/xi/fifo/root.xml" '<xi:include href="fifo.xml"/>'
mkfifo "$OUT/xi/fifo/fifo.xml"
xiroot "$OUT/xi/ok/root.xml" '<xi:include href="sitting.xml"/>'
good "$OUT/xi/ok/sitting.xml" s "included and loaded"

touch "$STAMP"
