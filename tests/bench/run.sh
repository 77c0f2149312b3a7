#!/usr/bin/env bash
# Praxis import benchmark.  See tests/bench/README.md.
#
# Usage: tests/bench/run.sh PRAXIS_BINARY
#
# Environment:
#   BENCH_RUNS  timed runs per contender (default 5, at least 1)
#   BENCH_MB    corpus size in MiB (default 100)
#   BENCH_SEED  generator seed (default 7)
#   BENCH_PARLA_MB    ParlaMint-like corpus size in MiB (default 500; 0 skips part 2)
#   BENCH_PARLA_SEED  its generator seed (default 11)
#   CC          C compiler for the helpers (default cc)
#   PYTHON      interpreter for the generator (default /usr/bin/python3)
#
# Exit status: 0 every target holds, 1 a target failed, 2 the benchmark could
# not run (bad usage, build or generation failure, a contender failed).

set -euo pipefail

die() { echo "run.sh: $*" >&2; exit 2; }

[ $# -eq 1 ] || die "usage: tests/bench/run.sh PRAXIS_BINARY"

PRAXIS=$1
# A path relative to the caller's directory keeps working after the cd below.
case $PRAXIS in
    */*) [ -x "$PRAXIS" ] || die "$PRAXIS: not an executable file"
         PRAXIS=$(cd "$(dirname -- "$PRAXIS")" && pwd)/$(basename -- "$PRAXIS") ;;
    *)   command -v -- "$PRAXIS" >/dev/null || die "$PRAXIS: not found in PATH" ;;
esac

RUNS=${BENCH_RUNS:-5}
MB=${BENCH_MB:-100}
SEED=${BENCH_SEED:-7}
PARLA_MB=${BENCH_PARLA_MB:-500}
PARLA_SEED=${BENCH_PARLA_SEED:-11}
CC=${CC:-cc}
PYTHON=${PYTHON:-/usr/bin/python3}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ $PARLA_MB =~ ^[0-9]+$ ]] || die "BENCH_PARLA_MB must be a whole number"

HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

OUT=build/bench
CORPUS=$OUT/spoken
mkdir -p "$OUT"

command -v xmllint >/dev/null || die "xmllint not found (apt-get install libxml2-utils)"
command -v pkg-config >/dev/null || die "pkg-config not found"

# ---- helpers: rebuilt when their source is newer ----
build() {  # build NAME EXTRA_FLAGS...
    local name=$1; shift
    local src=$HERE/$name.c bin=$OUT/$name
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
        echo "building $bin" >&2
        "$CC" -std=c11 -O2 -Wall -Wextra -Werror -o "$bin" "$src" "$@" \
            || die "cannot build $bin"
    fi
}
build rss
pkg-config --exists libxml-2.0 \
    || die "pkg-config: libxml-2.0 not found (apt-get install libxml2-dev)"
read -r -a XML_FLAGS <<<"$(pkg-config --cflags --libs libxml-2.0)"
build sax_baseline "${XML_FLAGS[@]}"
RSS=$OUT/rss
SAX=$OUT/sax_baseline

# ---- corpus: regenerated when missing or the generator/parameters changed ----
STAMP_WANT="$(sha256sum "$HERE/gen_spoken.py" | cut -d' ' -f1) mb=$MB seed=$SEED"
if [ ! -d "$CORPUS" ] || [ "$(cat "$CORPUS.stamp" 2>/dev/null)" != "$STAMP_WANT" ]; then
    echo "generating $CORPUS ($MB MiB, seed $SEED)" >&2
    rm -rf "$CORPUS" "$CORPUS.tmp" "$CORPUS.stamp"
    "$PYTHON" "$HERE/gen_spoken.py" "$CORPUS.tmp" --mb "$MB" --seed "$SEED" >&2 \
        || die "corpus generation failed"
    mv "$CORPUS.tmp" "$CORPUS"
    echo "$STAMP_WANT" > "$CORPUS.stamp"
fi

shopt -s nullglob
FILES=("$CORPUS"/*.xml)
[ ${#FILES[@]} -gt 0 ] || die "$CORPUS holds no .xml files"
BYTES=$(cat "${FILES[@]}" | wc -c)   # also warms the page cache

# ---- contenders ----
NAMES=("praxis info" "bare SAX2" "xmllint --stream")
run_contender() {  # run_contender INDEX ERRFILE
    case $1 in
        0) "$RSS" "$PRAXIS" info "$CORPUS" 2>"$2" ;;
        1) "$RSS" "$SAX" "$CORPUS" 2>"$2" ;;
        2) "$RSS" xmllint --stream --noout "${FILES[@]}" 2>"$2" ;;
    esac
}

ERR=$OUT/run.err
RESULTS=$OUT/results.tsv
printf 'run\tcontender\twall_s\tpeak_rss_kib\tstatus\n' > "$RESULTS"
declare -a WALL RSSK
for i in 0 1 2; do WALL[i]=""; RSSK[i]=""; done

# One untimed pass of the baseline first: checks the corpus is well-formed.
"$RSS" "$SAX" "$CORPUS" 2>"$ERR" || { cat "$ERR" >&2; die "corpus does not parse"; }

echo "running $RUNS rounds of ${#NAMES[@]} contenders, one at a time..." >&2
for ((r = 1; r <= RUNS; r++)); do
    for i in 0 1 2; do
        status=0
        run_contender "$i" "$ERR" || status=$?
        line=$(tail -n 1 "$ERR")
        read -r w k s <<<"$line" || true
        if [ "$status" -ne 0 ] || ! [[ ${w:-} =~ ^[0-9.]+$ ]]; then
            echo "--- stderr of ${NAMES[i]} (round $r) ---" >&2
            tail -n 20 "$ERR" >&2
            die "${NAMES[i]} failed (exit status $status)"
        fi
        WALL[i]+="$w "
        RSSK[i]+="$k "
        printf '%d\t%s\t%s\t%s\t%s\n' "$r" "${NAMES[i]}" "$w" "$k" "$s" >> "$RESULTS"
    done
    echo "  round $r/$RUNS done" >&2
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {
    if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'; }
maximum() { tr ' ' '\n' | grep . | sort -g | tail -n 1; }

declare -a MED PEAK
for i in 0 1 2; do
    MED[i]=$(median <<<"${WALL[i]}")
    PEAK[i]=$(maximum <<<"${RSSK[i]}")
done

# ---- report ----
echo
awk -v b="$BYTES" -v n="${#FILES[@]}" -v r="$RUNS" 'BEGIN {
    printf "Corpus: %s, %d files, %d bytes (%.1f MiB); %d timed runs per contender, medians\n\n",
        "build/bench/spoken", n, b, b / 1048576, r }'
printf '%-18s %10s %10s %14s\n' "contender" "median s" "MB/s" "peak RSS MiB"
for i in 0 1 2; do
    awk -v name="${NAMES[i]}" -v t="${MED[i]}" -v b="$BYTES" -v k="${PEAK[i]}" 'BEGIN {
        printf "%-18s %10.3f %10.1f %14.1f\n", name, t, b / 1e6 / t, k / 1024 }'
done
echo

# speed ratio = praxis throughput / other throughput = other time / praxis time
read -r SPEED_SAX SPEED_LINT RSS_MIB DISK_MIB RSS_RATIO < <(awk \
    -v p="${MED[0]}" -v s="${MED[1]}" -v x="${MED[2]}" -v k="${PEAK[0]}" -v b="$BYTES" \
    'BEGIN { printf "%.4f %.4f %.1f %.1f %.4f\n", s / p, x / p, k / 1024, b / 1048576, (k * 1024) / b }')

SPEED_OK=$(awk -v v="$SPEED_SAX" 'BEGIN { print (v >= 0.5) ? 1 : 0 }')
RSS_OK=$(awk -v v="$RSS_RATIO" 'BEGIN { print (v <= 1.5) ? 1 : 0 }')
verdict() { if [ "$1" = 1 ]; then echo "ok"; else echo "FAIL"; fi; }

printf 'Praxis / bare SAX2 speed = %.2fx (target >= 0.5x)  %s\n' "$SPEED_SAX" "$(verdict "$SPEED_OK")"
printf 'Praxis / xmllint --stream speed = %.2fx (for reference)\n' "$SPEED_LINT"
printf 'Praxis peak RSS = %.1f MiB vs corpus on disk = %.1f MiB: %.2fx (target <= 1.5x)  %s\n' \
    "$RSS_MIB" "$DISK_MIB" "$RSS_RATIO" "$(verdict "$RSS_OK")"
echo
CPU=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//')
LIBXML=$(xmllint --version 2>&1 | head -n 1 | grep -o '[0-9][0-9]*$' \
    | awk '{ printf "%d.%d.%d", $1 / 10000, ($1 / 100) % 100, $1 % 100 }')
echo "Machine: nproc=$(nproc), CPU: ${CPU:-unknown}, libxml2 ${LIBXML:-unknown} (xmllint --version)"
echo "Raw runs: $RESULTS"

rc=0
if [ "$SPEED_OK" != 1 ]; then
    printf 'TARGET FAILED: speed: Praxis runs at %.2fx bare SAX2, below 0.5x\n' "$SPEED_SAX"
    rc=1
fi
if [ "$RSS_OK" != 1 ]; then
    printf 'TARGET FAILED: memory: Praxis peak RSS is %.2fx the corpus size, above 1.5x\n' "$RSS_RATIO"
    rc=1
fi

# ---- part 2: memory on a 500 MiB ParlaMint-like corpus (tests/bench/README.md) ----
# The corpus root includes its lists and sittings with xi:include; while
# ./praxis does not resolve XInclude (probed on a two-file corpus), the
# folder is loaded instead (the same files, the root read as a component).
if [ "$PARLA_MB" != 0 ]; then
    PARLA=$OUT/parla
    PSTAMP_WANT="$(sha256sum "$HERE/gen_parla.py" | cut -d' ' -f1) mb=$PARLA_MB seed=$PARLA_SEED"
    if [ ! -d "$PARLA" ] || [ "$(cat "$PARLA.stamp" 2>/dev/null)" != "$PSTAMP_WANT" ]; then
        echo "generating $PARLA ($PARLA_MB MiB, seed $PARLA_SEED)" >&2
        rm -rf "$PARLA" "$PARLA.tmp" "$PARLA.stamp" "$PARLA.gen"
        "$PYTHON" "$HERE/gen_parla.py" "$PARLA.tmp" --mb "$PARLA_MB" --seed "$PARLA_SEED" \
            2>"$PARLA.gen" || { cat "$PARLA.gen" >&2; die "ParlaMint-like corpus generation failed"; }
        mv "$PARLA.tmp" "$PARLA"
        echo "$PSTAMP_WANT" > "$PARLA.stamp"
    fi
    PROBE=$OUT/xiprobe
    mkdir -p "$PROBE"
    printf '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/><xi:include href="s.xml"/></teiCorpus>\n' >"$PROBE/root.xml"
    printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#a">probe</u></body></text></TEI>\n' >"$PROBE/s.xml"
    if "$PRAXIS" info --json "$PROBE/root.xml" 2>/dev/null | grep -q '"utterances":1,'; then
        PTARGET=$PARLA/ParlaMint-XX.xml; PMODE="the root, through xi:include"
    else
        PTARGET=$PARLA; PMODE="the folder (this praxis does not resolve xi:include)"
    fi
    PBYTES=$(find "$PARLA" -name '*.xml' -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }')
    PFILES=$(find "$PARLA" -name '*.xml' -type f | wc -l)
    find "$PARLA" -name '*.xml' -type f -exec cat {} + >/dev/null   # warm the page cache
    WANT_U=$(grep -o '[0-9]* utterances' "$PARLA.gen" | grep -o '^[0-9]*' || true)
    GOT_U=$("$PRAXIS" info --json "$PTARGET" 2>"$ERR" | grep -o '"utterances":[0-9]*' | grep -o '[0-9]*$' || true)
    [ -n "$GOT_U" ] || { tail -n 20 "$ERR" >&2; die "praxis info $PTARGET failed"; }
    status=0
    "$RSS" "$PRAXIS" info "$PTARGET" 2>"$ERR" || status=$?
    read -r PW PK _ <<<"$(tail -n 1 "$ERR")" || true
    if [ "$status" -ne 0 ] || ! [[ ${PW:-} =~ ^[0-9.]+$ ]]; then
        tail -n 20 "$ERR" >&2
        die "praxis info $PTARGET failed (exit status $status)"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' 1 "praxis info parla" "$PW" "$PK" "$status" >> "$RESULTS"
    echo
    awk -v b="$PBYTES" -v n="$PFILES" -v m="$PMODE" 'BEGIN {
        printf "ParlaMint-like corpus: %s, %d files, %d bytes (%.1f MiB); loaded: %s\n",
            "build/bench/parla", n, b, b / 1048576, m }'
    printf 'utterances loaded: %s (generated: %s)\n' "$GOT_U" "${WANT_U:-?}"
    read -r P_RSS_MIB P_DISK_MIB P_RATIO P_MBS < <(awk -v k="$PK" -v b="$PBYTES" -v t="$PW" \
        'BEGIN { printf "%.1f %.1f %.4f %.1f\n", k / 1024, b / 1048576, (k * 1024) / b, b / 1e6 / t }')
    P_OK=$(awk -v v="$P_RATIO" 'BEGIN { print (v <= 1.5) ? 1 : 0 }')
    printf 'praxis info: %.3f s, %.1f MB/s\n' "$PW" "$P_MBS"
    printf 'Praxis peak RSS = %.1f MiB vs corpus on disk = %.1f MiB: %.2fx (target <= 1.5x)  %s\n' \
        "$P_RSS_MIB" "$P_DISK_MIB" "$P_RATIO" "$(verdict "$P_OK")"
    if [ "$P_OK" != 1 ]; then
        printf 'TARGET FAILED: memory (ParlaMint-like): Praxis peak RSS is %.2fx the corpus size, above 1.5x\n' "$P_RATIO"
        rc=1
    fi
    if [ -n "$WANT_U" ] && [ "$GOT_U" != "$WANT_U" ]; then
        printf 'TARGET FAILED: ParlaMint-like: %s utterances loaded, %s generated\n' "$GOT_U" "$WANT_U"
        rc=1
    fi
fi
[ $rc -eq 0 ] && echo "All targets met."
exit $rc
