#!/bin/sh
# Runs every `./praxis ...` command line shown in README.md's code blocks;
# each must exit 0. Lines that need ../shared/corpora are skipped (with a
# message) when it is absent. Closes with "N passed, N failed, N skipped".
cd "$(dirname "$0")/.." || exit 1
praxis=${1:-./praxis}
p=0; f=0; s=0
tmp=$(mktemp)
awk '/^```/ { inblock = !inblock; next } inblock && /^\.\/praxis / { print }' README.md >"$tmp"
while IFS= read -r line; do
    cmd=$(printf '%s' "$line" | sed -e 's/[[:space:]]\{2,\}#.*$//' -e "s|^\./praxis|$praxis|")
    case $cmd in
    *../shared/*) if [ ! -d ../shared/corpora ]; then echo "SKIP $line: ../shared/corpora not found"; s=$((s + 1)); continue; fi ;;
    esac
    if sh -c "$cmd" >/dev/null 2>"$tmp.err"; then
        echo "ok   $line"; p=$((p + 1))
    else
        echo "FAIL $line"; sed 's/^/     /' "$tmp.err"; f=$((f + 1))
    fi
done <"$tmp"
rm -f "$tmp" "$tmp.err"
echo "$p passed, $f failed, $s skipped"
[ $f -eq 0 ]
