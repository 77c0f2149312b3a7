#!/bin/sh
# The layout rules of docs/DESIGN.md, checked: no C file in core/ or lua/
# over 1,200 lines, no C function over 120 lines, nothing in lua/bind/ that
# includes a header of lua/host/. Closes with "N passed, N failed".
# Usage: tools/layout.sh
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
MAX_FILE=1200
MAX_FUNC=120
p=0; f=0

pass() { p=$((p + 1)); }
fail() { f=$((f + 1)); echo "FAIL $*"; }

for file in core/*.c core/*.h lua/bind/*.c lua/bind/*.h lua/host/*.c lua/host/*.h; do
    [ -f "$file" ] || continue
    n=$(wc -l <"$file")
    if [ "$n" -gt "$MAX_FILE" ]; then
        fail "$file has $n lines (at most $MAX_FILE: split it by concern)"
    else
        pass
    fi
done

# A function runs from its signature (a line at column 0 with "(" and no
# ";") to the "}" at column 0 that closes it; the project's style puts
# both braces of a function at column 0.
long=$(for file in core/*.c lua/bind/*.c lua/host/*.c; do
    awk -v F="$file" -v MAX="$MAX_FUNC" '
        /^[A-Za-z_].*\(/ && !/;[ \t]*$/ { sig = NR; name = $0 }
        /^\{/ { start = sig }
        /^\}/ && start {
            len = NR - start + 1
            if (len > MAX) printf "%s:%d %s is %d lines (at most %d)\n", F, start, name, len, MAX
            start = 0
        }' "$file"
done)
if [ -n "$long" ]; then
    echo "$long" | while IFS= read -r line; do echo "FAIL $line"; done
    f=$((f + $(echo "$long" | wc -l)))
else
    pass
fi

# lua/bind/ knows nothing of the host: none of its files includes a
# header that lives in lua/host/.
for file in lua/bind/*.c lua/bind/*.h; do
    [ -f "$file" ] || continue
    bad=""
    for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file"); do
        [ -f "lua/host/$h" ] && bad="$bad $h"
    done
    if [ -n "$bad" ]; then
        fail "$file includes host headers:$bad (reach the host through the hooks of luax.h)"
    else
        pass
    fi
done

# the file-level call graph of core/ has no cycle (tools/callgraph.sh)
if [ -x tools/callgraph.sh ] || [ -f tools/callgraph.sh ]; then
    if out=$(sh tools/callgraph.sh build/core 2>&1); then pass; else fail "core call graph: $out"; fi
fi

echo "$p passed, $f failed, 0 skipped"
[ "$f" -eq 0 ]
