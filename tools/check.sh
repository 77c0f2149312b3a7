#!/bin/sh
# Runs the test suites and closes with one line: N passed, N failed, N skipped.
# Usage: tools/check.sh [suite...]
#   suites: unit layout portable lua cli repl corpora asan valgrind (all by default)
# Each suite's runner ends with its own "N passed, N failed, N skipped" line
# and prints "SKIP name: reason" for every test it skips; this script adds
# the counts up, and its summary names the stages that ran and every
# skipped test. PRAXIS_SHARED (default ../shared) is where the tests look
# for the shared real corpora (PRAXIS_SHARED/corpora).
PYTHON=${PYTHON:-/usr/bin/python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
OUT=build/results
mkdir -p "$OUT"
suites=${*:-"unit layout portable lua cli repl corpora asan valgrind"}
total_p=0; total_f=0; total_s=0; failed_suites=""; stages=""
: > "$OUT/skipped.txt"
export PRAXIS_SHARED=${PRAXIS_SHARED:-../shared}

run_suite() {
    name=$1; shift
    echo "== $name"
    "$@" >"$OUT/$name.log" 2>&1
    rc=$?
    # show failures and skips, then the closing line
    grep -E "^(FAIL|SKIP|not ok|  )|failed|Error|error:" "$OUT/$name.log" | grep -v " 0 failed" | head -60
    line=$(grep -E "[0-9]+ passed, [0-9]+ failed" "$OUT/$name.log" | tail -1)
    [ -n "$line" ] || line="0 passed, 1 failed, 0 skipped"
    echo "$name: $(echo "$line" | grep -oE '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?')"
    p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    s=$(echo "$line" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+'); s=${s:-0}
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
    [ "$f" -ne 0 ] && failed_suites="$failed_suites $name (see $OUT/$name.log)"
    stages="$stages
  $name: $p passed, $f failed, $s skipped"
    grep -E "^SKIP " "$OUT/$name.log" | sed "s/^SKIP /  $name: /" >>"$OUT/skipped.txt"
}

unit_runner() {
    bin=$1
    p=0; f=0; s=0
    for t in "$bin"/*; do
        [ -x "$t" ] || continue
        echo "-- $(basename "$t")"
        out=$("$t" 2>&1); rc=$?
        echo "$out"
        line=$(echo "$out" | grep -E "[0-9]+ passed, [0-9]+ failed" | tail -1)
        tp=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'); tp=${tp:-0}
        tf=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+'); tf=${tf:-1}
        ts=$(echo "$line" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+'); ts=${ts:-0}
        [ $rc -ne 0 ] && [ "$tf" -eq 0 ] && tf=1
        p=$((p + tp)); f=$((f + tf)); s=$((s + ts))
    done
    echo "$p passed, $f failed, $s skipped"
    [ "$f" -eq 0 ]
}

for suite in $suites; do
    case $suite in
    unit) run_suite unit unit_runner build/unit ;;
    layout) run_suite layout sh tools/layout.sh ;;
    lua) rm -rf "$OUT/lua-out"; run_suite lua ./praxis run --trust --out "$OUT/lua-out" tests/lua/run.lua ;;
    # tests/limits/ waits a minute for the real default time limit and
    # for the hard stop: in this suite only, not again under ASan or valgrind
    cli) run_suite cli "$PYTHON" tools/clitest.py --timeout 120 --praxis ./praxis tests/cli/*.t tests/limits/*.t ;;
    corpora) run_suite corpora bash tests/corpora/real_counts.sh ./praxis ;;
    repl) run_suite repl sh tests/repl/run.sh ./praxis ;;
    asan)
        echo "== building with AddressSanitizer + UndefinedBehaviorSanitizer"
        if make --no-print-directory asan >"$OUT/asan-build.log" 2>&1; then
            export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
            export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
            run_suite asan-unit unit_runner build/asan/unit
            rm -rf "$OUT/asan-lua-out"; run_suite asan-lua build/asan/praxis run --trust --out "$OUT/asan-lua-out" tests/lua/run.lua
            run_suite asan-cli "$PYTHON" tools/clitest.py --praxis build/asan/praxis tests/cli/*.t
            unset ASAN_OPTIONS UBSAN_OPTIONS
        else
            cat "$OUT/asan-build.log" | tail -20
            total_f=$((total_f + 1)); failed_suites="$failed_suites asan-build"
            stages="$stages
  asan-build: failed (see $OUT/asan-build.log)"
        fi ;;
    portable)
        # the word scanner's portable path (no SSE2): the text and utterance
        # unit tests, which hold it to px_tokenize
        echo "== building the portable word scanner (PX_NO_SIMD)"
        if make --no-print-directory portable >"$OUT/portable-build.log" 2>&1; then
            run_suite portable unit_runner build/portable/unit
        else
            tail -20 "$OUT/portable-build.log"
            total_f=$((total_f + 1)); failed_suites="$failed_suites portable-build"
            stages="$stages
  portable-build: failed (see $OUT/portable-build.log)"
        fi ;;
    valgrind) run_suite valgrind "$PYTHON" tools/clitest.py --valgrind --praxis ./praxis tests/cli/*.t ;;
    *) echo "unknown suite $suite"; exit 2 ;;
    esac
done
echo
echo "stages run:$stages"
if [ -s "$OUT/skipped.txt" ]; then
    echo "skipped tests ($(wc -l <"$OUT/skipped.txt")):"
    cat "$OUT/skipped.txt"
fi
[ -n "$failed_suites" ] && echo "failed suites:$failed_suites"
echo "$total_p passed, $total_f failed, $total_s skipped"
[ "$total_f" -eq 0 ]
