#!/bin/sh
# run.sh - runs the REPL tests (tests/repl/*.sh but lib.sh and run.sh),
# each in its own tmux server, and closes with N passed, N failed, N skipped.
# Usage: tests/repl/run.sh [PRAXIS] [NAME...]
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRAXIS=${1:-./praxis}
[ $# -gt 0 ] && shift
case $PRAXIS in /*) ;; *) PRAXIS=$ROOT/$PRAXIS ;; esac
export ROOT PRAXIS
p=0; f=0; s=0
if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP all: tmux is not installed (apt-get install tmux)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
for t in "$ROOT"/tests/repl/*.sh; do
    name=$(basename "$t" .sh)
    case $name in lib|run) continue ;; esac
    if [ $# -gt 0 ]; then
        want=0
        for n in "$@"; do [ "$n" = "$name" ] && want=1; done
        [ $want -eq 1 ] || continue
    fi
    REPL_TMP=$(mktemp -d)
    export REPL_TMP
    out=$(cd "$ROOT" && sh "$t" 2>&1)
    rc=$?
    rm -rf "$REPL_TMP"
    case $rc in
    0) p=$((p + 1)); echo "ok   $name" ;;
    77) s=$((s + 1)); echo "SKIP $name: $out" ;;
    *) f=$((f + 1)); echo "FAIL $name"; echo "$out" ;;
    esac
done
echo "$p passed, $f failed, $s skipped"
[ $f -eq 0 ]
