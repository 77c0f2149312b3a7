#!/bin/sh
# Regenerates the REPL tour in README.md from docs/tour.txt, or checks it.
# Usage: tools/readme.sh [--check] [PRAXIS]
set -e
cd "$(dirname "$0")/.."
check=0
[ "$1" = "--check" ] && { check=1; shift; }
praxis=${1:-./praxis}
tour=$(mktemp)
trap 'rm -f "$tour" "$tour.new" "$tour.scripts"' EXIT
{
    echo '```text'
    echo '$ make run'
    PRAXIS_NO_PROGRESS=1 "$praxis" --interactive <docs/tour.txt 2>&1 | sed -e 's/[[:space:]]*$//'
    echo '```'
} >"$tour"
{
    echo '```text'
    echo '$ praxis scripts'
    "$praxis" scripts 2>&1 | sed -e 's/[[:space:]]*$//'
    echo '```'
} >"$tour.scripts"
awk -v tour="$tour" -v scripts="$tour.scripts" '
    /<!-- tour:begin -->/ { print; while ((getline line < tour) > 0) print line; skip = 1; next }
    /<!-- tour:end -->/ { skip = 0 }
    /<!-- scripts:begin -->/ { print; while ((getline line < scripts) > 0) print line; skip = 1; next }
    /<!-- scripts:end -->/ { skip = 0 }
    !skip { print }
' README.md >"$tour.new"
if [ $check -eq 1 ]; then
    if cmp -s README.md "$tour.new"; then echo "README tour matches what Praxis prints"; exit 0; fi
    echo "README tour drifted from what Praxis prints (run: make readme):"
    diff -u README.md "$tour.new" | head -40
    exit 1
fi
cp "$tour.new" README.md
echo "README.md tour regenerated"
