#!/bin/sh
# The call graph between the files of core/, from their objects: an edge
# a -> b when a.o uses (U) a symbol that b.o defines (T, D, B, R).
# Exits 1, printing one cycle, when the graph has one; else prints
# "1 passed, 0 failed" (the closing line tools/check.sh reads).
# Usage: tools/callgraph.sh [object folder]   (default build/core)
cd "$(dirname "$0")/.." || exit 1
dir=${1:-build/core}
set -- "$dir"/*.o
if [ ! -f "$1" ]; then
    echo "no objects in $dir: build first (make praxis)"
    echo "0 passed, 1 failed"
    exit 1
fi
for o in "$@"; do
    f=$(basename "$o" .o)
    # an object left over from a source file that is gone is not counted
    [ "$dir" != build/core ] || [ -f "core/$f.c" ] || continue
    nm "$o" | awk -v f="$f" '$1 == "U" { print "U", f, $2; next }
                             NF == 3 && $2 ~ /^[TDBR]$/ { print "D", f, $3 }'
done | awk '
    $1 == "D" { def[$3] = $2; next }
    $1 == "U" { use[++nu] = $2 " " $3 }
    END {
        for (i = 1; i <= nu; i++) {
            split(use[i], p, " ")
            if (!(p[2] in def) || def[p[2]] == p[1]) continue
            e = p[1] SUBSEP def[p[2]]
            if (!(e in edge)) { edge[e] = p[2]; nodes[p[1]]; nodes[def[p[2]]] }
        }
        # depth-first search; a grey node met again closes a cycle
        for (n in nodes) colour[n] = 0
        for (n in nodes) if (!colour[n] && visit(n, 0)) exit 1
        print "the call graph between core files has no cycle"
        print "1 passed, 0 failed"
    }
    function visit(n, d,    m, k, e) {
        colour[n] = 1; stack[d] = n
        for (m in nodes) {
            e = n SUBSEP m
            if (!(e in edge)) continue
            if (colour[m] == 1) {
                print "FAIL: a cycle between core files:"
                for (k = 0; k <= d; k++) if (stack[k] == m) break
                for (; k <= d; k++) printf "  %s.c -> %s.c  (%s)\n", stack[k], (k < d ? stack[k + 1] : m), edge[stack[k] SUBSEP (k < d ? stack[k + 1] : m)]
                print "0 passed, 1 failed"
                return 1
            }
            if (!colour[m] && visit(m, d + 1)) return 1
        }
        colour[n] = 2
        return 0
    }'
