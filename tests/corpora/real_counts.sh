#!/bin/bash
# Real corpora against XPath counts.
#
# usage: tests/corpora/real_counts.sh PRAXIS_BINARY
#        tests/corpora/real_counts.sh --print-counts   (the XPath table only)
#
# For every *.xml file under ../shared/corpora and every folder there (a
# folder as one corpus), this script counts documents, utterances,
# participants and speaking participants with `xmllint --xpath`
# (namespace-agnostic, by local-name()), following SEMANTICS (Documents,
# Participants, Utterances), and compares them with the keys of
# `PRAXIS info --json TARGET`.  A teiCorpus root that uses xi:include is
# counted with `xmllint --xinclude`; in a folder, the files a root includes
# count through it only (SEMANTICS "Roots first").  One test per (target, key):
#   ok TARGET key=N
#   FAIL TARGET key: praxis N, xpath M
# and a closing line `N passed, N failed, N skipped`; exit 1 on a failure.
# Without ../shared/corpora (PRAXIS_SHARED/corpora when PRAXIS_SHARED is
# set) the whole suite is skipped (exit 0), with a SKIP line.
#
# The counts come from the XPath expressions below; the embedded python3
# only parses xmllint's attribute output and does set arithmetic on it.

set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2
CORPORA=${PRAXIS_SHARED:-../shared}/corpora
PY=/usr/bin/python3

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PRAXIS_BINARY | --print-counts" >&2
    exit 2
fi
PRINT_ONLY=0
PRAXIS=
if [ "$1" = --print-counts ]; then
    PRINT_ONLY=1
else
    PRAXIS=$1
    # A relative path names a file relative to the caller's directory.
    case $PRAXIS in
        /*) ;;
        */*) PRAXIS=$(cd "$OLDPWD" && cd "$(dirname "$PRAXIS")" 2>/dev/null \
                        && pwd)/$(basename "$PRAXIS") ;;
    esac
fi

if [ ! -d "$CORPORA" ]; then
    echo "SKIP real corpora: $CORPORA not found"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
if ! command -v xmllint >/dev/null 2>&1; then
    echo "SKIP real corpora: xmllint not installed (apt-get install libxml2-utils)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi

# ---------------------------------------------------------------------------
# The XPath rules (XPath 1.0, every element matched by local name so that the
# TEI namespace, or its absence, does not matter).

el() { printf '*[local-name()="%s"]' "$1"; }

# documents: every TEI element (a header-only teiCorpus gives 0).
X_DOCS="//$(el TEI)"
# utterances: sp inside text (drama); u that is not part of an ISO block
# (annotationBlock, or the drafts' annotatedU and annotationGrp) and each
# block; post and posting (CMC); each element once, whatever its @who holds.
BLOCK="*[local-name()='annotationBlock' or local-name()='annotatedU' or local-name()='annotationGrp']"
X_UTT="//$(el text)//$(el sp) | //$(el u)[not(ancestor::$BLOCK)] | //$BLOCK | //$(el post) | //$(el posting)"
# utterances whose @who is missing or blank: the `unknown` participant.
X_BLANK="($X_UTT)[not(@who) or normalize-space(@who)='']"
# declared participants: person and personGrp in a particDesc of a
# teiHeader or in a listPerson outside the text (component files), not in a
# castList and not inside another person.
PERS="*[local-name()='person' or local-name()='personGrp']"
X_DECL="//$PERS[ancestor::$(el particDesc) or ancestor::$(el listPerson)[not(ancestor::$(el text))]][not(ancestor::$(el castList) or ancestor::$PERS)]"
# their ids: xml:id, else (TEI Corpo) the first alt/@type inside; and the
# speaker references of the utterances.
X_DECL_IDS="($X_DECL)/@xml:id | ($X_DECL)[not(@xml:id)]/descendant::$(el alt)[@type][1]/@type"
X_WHO="($X_UTT)/@who"
# TEI-CORPO's tiers (docs/DESIGN.md: annotation layers belong to their speaker):
# each note of notesStmt/note[@type="TEMPLATE_DESC"] is a tier with a code
# and a parent; a tier whose parent is another declared tier is a layer of
# the top tier above it. Persons declared for layers are no participants,
# and a @who naming a layer names its top tier.
X_TIERS="//$(el note)[@type='TEMPLATE_DESC']/$(el note)"

XI=()   # set to (--xinclude) while a root is dumped
xcount() {   # xcount XPATH FILE -> the number
    xmllint --nonet "${XI[@]}" --xpath "count($1)" "$2" 2>/dev/null
}
xlist() {    # xlist XPATH FILE -> serialised attributes (empty set: nothing)
    local out rc
    out=$(xmllint --nonet "${XI[@]}" --xpath "$1" "$2" 2>/dev/null)
    rc=$?
    # 10: "XPath set is empty"; anything else other than 0 is a real error.
    if [ $rc -ne 0 ] && [ $rc -ne 10 ]; then
        return 1
    fi
    [ -n "$out" ] && printf '%s\n' "$out"
    return 0
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/real_counts.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

# dump FILE -> a folder under $WORK holding the raw XPath results of FILE:
#   counts: "documents utterances blank_who declared"
#   decl:   xml:id="..." of declared person/personGrp
#   who:    who="..." of utterances
#   tiers:  the serialised tier notes of TEMPLATE_DESC
# Sets DUMP to the folder's path (no subshell, so the cache survives).
NDUMP=0
DUMP=
declare -A DUMPED
dump() {
    local f=$1 d
    if [ -n "${DUMPED[$f]:-}" ]; then
        DUMP=${DUMPED[$f]}
        return 0
    fi
    NDUMP=$((NDUMP + 1))
    d=$WORK/dump.$NDUMP
    mkdir "$d"
    XI=()
    if is_root "$f"; then XI=(--xinclude); fi
    if ! xmllint --nonet "${XI[@]}" --noout "$f" 2>"$d/error"; then
        echo "real_counts: xmllint cannot parse $f:" >&2
        cat "$d/error" >&2
        return 1
    fi
    printf '%s %s %s %s\n' \
        "$(xcount "$X_DOCS" "$f")" \
        "$(xcount "$X_UTT" "$f")" \
        "$(xcount "$X_BLANK" "$f")" \
        "$(xcount "$X_DECL" "$f")" > "$d/counts" || return 1
    xlist "$X_DECL_IDS" "$f" > "$d/decl" || return 1
    xlist "$X_WHO" "$f" > "$d/who" || return 1
    xlist "$X_TIERS" "$f" > "$d/tiers" || return 1
    DUMPED[$f]=$d
    DUMP=$d
}

# combine DUMPDIR... -> "documents participants speaking_participants
# utterances" for the corpus made of those files (identity by id across
# them).  Set arithmetic only; the numbers and lists come from xmllint.
combine() {
    "$PY" - "$@" <<'PYEOF'
import html, re, sys

ATTR = re.compile(r'([A-Za-z_][\w:.-]*)="([^"]*)"')

def values(path):
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        return [html.unescape(v) for _, v in ATTR.findall(f.read())]

def ref(token):
    # "#id", "id", "file.xml#id" and "prefix:id" all name id.
    if '#' in token:
        return token.rsplit('#', 1)[-1]
    return token.rsplit(':', 1)[-1]

TIER_FIELD = re.compile(r'<note type="(code|parent)">([^<]*)</note>')

def tier_roots(path):
    # code -> its top tier, for the tiers of one file: each tier note
    # starts with a bare <note> and holds a code and a parent note.
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        chunks = f.read().split('<note>')
    parent = {}
    for chunk in chunks:
        fields = {k: html.unescape(v).strip() for k, v in TIER_FIELD.findall(chunk)}
        if fields.get('code'):
            parent[fields['code']] = fields.get('parent', '-')
    def root(code):
        seen = set()
        while code in parent and parent[code] in parent and code not in seen:
            seen.add(code)
            code = parent[code]
        return code
    return root

documents = utterances = blank = undeclared_persons = 0
declared = set()
speakers = set()
for d in sys.argv[1:]:
    with open(d + '/counts') as f:
        n_docs, n_utt, n_blank, n_decl = (int(float(x)) for x in f.read().split())
    documents += n_docs
    utterances += n_utt
    blank += n_blank
    root = tier_roots(d + '/tiers')
    ids = [v.strip() for v in values(d + '/decl')]
    # persons declared for a layer tier are not counted (nor as unnamed)
    layers = len([i for i in ids if i and root(i) != i])
    n_decl -= layers
    ids = [i for i in ids if not i or root(i) == i]
    # xml:id or the alt code: one id per declared element at most
    declared.update(i for i in ids if i)
    # person/personGrp without an xml:id: each is a participant of its own.
    undeclared_persons += n_decl - len([i for i in ids if i])
    for who in values(d + '/who'):
        speakers.update(root(ref(t)) for t in who.split() if ref(t))

unknown = 1 if blank else 0
participants = len(declared) + undeclared_persons + len(speakers - declared) + unknown
speaking = len(speakers) + unknown
print(documents, participants, speaking, utterances)
PYEOF
}

# ---------------------------------------------------------------------------
# Targets: every file, and every folder as one corpus.

TARGETS=()          # path as given to praxis
declare -A MEMBERS  # target -> newline-separated list of its xml files

# xi:include in either of XInclude's namespace names (as the importer reads)
X_XI='//*[local-name()="include" and (namespace-uri()="http://www.w3.org/2001/XInclude" or namespace-uri()="http://www.w3.org/2003/XInclude")]'

is_root() {  # a teiCorpus that uses xi:include
    [ "$(xmllint --nonet --xpath 'local-name(/*)' "$1" 2>/dev/null)" = teiCorpus ] &&
        [ "$(xmllint --nonet --xpath "count($X_XI)" "$1" 2>/dev/null)" != 0 ]
}

# included FILE -> the files a root includes (href resolved against it)
included() {
    local dir href
    dir=$(dirname "$1")
    xmllint --nonet --xpath "$X_XI/@href" "$1" 2>/dev/null |
        "$PY" -c '
import html, os, re, sys
d = sys.argv[1]
for v in re.findall(r"href=\"([^\"]*)\"", sys.stdin.read()):
    print(os.path.normpath(os.path.join(d, html.unescape(v))))
' "$dir"
}

for dir in "$CORPORA"/*/; do
    dir=${dir%/}
    files=$(find "$dir" -name '*.xml' -type f | LC_ALL=C sort)
    [ -n "$files" ] || continue
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        TARGETS+=("$f")
        MEMBERS[$f]=$f
    done <<< "$files"
    # the folder: roots, and the files no root includes
    skip=
    while IFS= read -r f; do
        if is_root "$f"; then skip+=$(included "$f")$'\n'; fi
    done <<< "$files"
    members=
    while IFS= read -r f; do
        if ! grep -qxF "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" <<< "$(while IFS= read -r x; do [ -n "$x" ] && echo "$(cd "$(dirname "$x")" 2>/dev/null && pwd)/$(basename "$x")"; done <<< "$skip")"; then
            members+=$f$'\n'
        fi
    done <<< "$files"
    TARGETS+=("$dir")
    MEMBERS[$dir]=$members
done

KEYS=(documents participants speaking_participants utterances)
passed=0
failed=0
skipped=0

if [ "$PRINT_ONLY" = 1 ]; then
    printf '%-70s %9s %12s %9s %10s\n' target documents participants speaking utterances
fi

for t in "${TARGETS[@]}"; do
    dumps=()
    expected=()
    ok=1
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        if ! dump "$f"; then ok=0; break; fi
        dumps+=("$DUMP")
    done <<< "${MEMBERS[$t]}"
    if [ $ok = 1 ]; then
        read -r -a expected <<< "$(combine "${dumps[@]}")"
    fi
    if [ $ok = 0 ] || [ ${#expected[@]} -ne 4 ]; then
        for k in "${KEYS[@]}"; do
            echo "FAIL $t $k: xpath counts could not be computed"
            failed=$((failed + 1))
        done
        continue
    fi
    if [ "$PRINT_ONLY" = 1 ]; then
        printf '%-70s %9s %12s %9s %10s\n' "$t" "${expected[@]}"
        continue
    fi

    json=$("$PRAXIS" info --json "$t" 2>"$WORK/stderr")
    status=$?
    actual=$(printf '%s' "$json" | "$PY" -c '
import json, sys
keys = sys.argv[1:]
try:
    obj = json.load(sys.stdin)
except ValueError:
    obj = None
out = []
for k in keys:
    v = obj.get(k) if isinstance(obj, dict) else None
    out.append(str(v) if isinstance(v, int) and not isinstance(v, bool) else "-")
print(" ".join(out))
' "${KEYS[@]}")
    read -r -a got <<< "$actual"
    for i in "${!KEYS[@]}"; do
        k=${KEYS[$i]}
        n=${got[$i]:--}
        m=${expected[$i]}
        if [ $status -eq 0 ] && [ "$n" = "$m" ]; then
            echo "ok $t $k=$m"
            passed=$((passed + 1))
        else
            if [ $status -ne 0 ]; then
                n="none (exit $status: $(head -n 1 "$WORK/stderr"))"
            elif [ "$n" = - ]; then
                n="none (no integer \"$k\" in the JSON)"
            fi
            echo "FAIL $t $k: praxis $n, xpath $m"
            failed=$((failed + 1))
        fi
    done
done

if [ "$PRINT_ONLY" = 1 ]; then
    exit 0
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
