#!/usr/bin/env bash
# Praxis interaction-network benchmark.  See tests/bench/README.md.
#
# Usage: tests/bench/graph.sh PRAXIS_BINARY
#
# Two pipelines, each run by Praxis and by the same pipeline in Python
# (tests/bench/graph_pipeline.py: lxml iterparse with clear(), networkx) on
# the same files in the same run:
#   1. spoken: the 100 MiB corpus of the import benchmark (build/bench/spoken,
#      tests/bench/gen_spoken.py): import, `next` interactions, weighted
#      graph, exact betweenness, coreness, Louvain.       target >= 10x
#   2. synthetic: 400,000 utterances among 2,000 participants with about 20
#      partners each (graph_pipeline.py gen), where the algorithms dominate.
#                                                          target >= 20x
# and, on the synthetic edge list, Praxis's graph step against the same
# igraph calls made directly (tests/bench/graph_igraph.c).  target <= 1.5x
#
# Environment: BENCH_RUNS (timed Praxis runs, median; default 3),
# BENCH_PY_RUNS (timed Python runs, median; default 3), BENCH_MB
# (spoken corpus MiB, default 100), BENCH_SEED (default 7), CC, PYTHON.
# Exit status: 0 targets hold, 1 a target failed, 2 the benchmark could not run.

set -euo pipefail

die() { echo "graph.sh: $*" >&2; exit 2; }

[ $# -eq 1 ] || die "usage: tests/bench/graph.sh PRAXIS_BINARY"
PRAXIS=$1
case $PRAXIS in
    */*) [ -x "$PRAXIS" ] || die "$PRAXIS: not an executable file"
         PRAXIS=$(cd "$(dirname -- "$PRAXIS")" && pwd)/$(basename -- "$PRAXIS") ;;
    *)   command -v -- "$PRAXIS" >/dev/null || die "$PRAXIS: not found in PATH" ;;
esac

RUNS=${BENCH_RUNS:-3}
PY_RUNS=${BENCH_PY_RUNS:-3}
MB=${BENCH_MB:-100}
SEED=${BENCH_SEED:-7}
CC=${CC:-cc}
PYTHON=${PYTHON:-/usr/bin/python3}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ $PY_RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_PY_RUNS must be a positive integer"

HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
OUT=build/bench
mkdir -p "$OUT"

# ---- helpers ----
now() { date +%s.%N; }
DRIVER=$OUT/graph_igraph
if [ ! -x "$DRIVER" ] || [ "$HERE/graph_igraph.c" -nt "$DRIVER" ]; then
    read -r -a IG_FLAGS <<<"$(pkg-config --cflags --libs igraph)" || die "pkg-config: igraph not found"
    "$CC" -std=c11 -O2 -Wall -Wextra -o "$DRIVER" "$HERE/graph_igraph.c" "${IG_FLAGS[@]}" \
        || die "cannot build $DRIVER"
fi

# ---- corpora: the import benchmark's (same stamp as run.sh), and the synthetic one ----
SPOKEN=$OUT/spoken
STAMP_WANT="$(sha256sum "$HERE/gen_spoken.py" | cut -d' ' -f1) mb=$MB seed=$SEED"
if [ ! -d "$SPOKEN" ] || [ "$(cat "$SPOKEN.stamp" 2>/dev/null)" != "$STAMP_WANT" ]; then
    echo "generating $SPOKEN ($MB MiB, seed $SEED)" >&2
    rm -rf "$SPOKEN" "$SPOKEN.tmp" "$SPOKEN.stamp"
    "$PYTHON" "$HERE/gen_spoken.py" "$SPOKEN.tmp" --mb "$MB" --seed "$SEED" >&2 \
        || die "corpus generation failed"
    mv "$SPOKEN.tmp" "$SPOKEN"
    echo "$STAMP_WANT" > "$SPOKEN.stamp"
fi
SYNTH=$OUT/graph400k
SYNTH_WANT="$(sha256sum "$HERE/graph_pipeline.py" | cut -d' ' -f1)"
if [ ! -d "$SYNTH" ] || [ "$(cat "$SYNTH.stamp" 2>/dev/null)" != "$SYNTH_WANT" ]; then
    echo "generating $SYNTH" >&2
    rm -rf "$SYNTH" "$SYNTH.tmp" "$SYNTH.stamp"
    "$PYTHON" "$HERE/graph_pipeline.py" gen "$SYNTH.tmp" >&2 || die "generation failed"
    mv "$SYNTH.tmp" "$SYNTH"
    echo "$SYNTH_WANT" > "$SYNTH.stamp"
fi

# ---- the Praxis pipeline ----
LUA=$OUT/graph_pipeline.lua
cat > "$LUA" <<'LUAEOF'
-- written by tests/bench/graph.sh: the pipeline after import
local c0 = os.clock()
local ia = corpus.utterances:interactions("next")
local c1 = os.clock()
local g = ia:graph()
local b = g:betweenness()
local k = g:coreness()
local cm = g:communities{seed = 1}
local c2 = os.clock()
print(string.format("interactions %d nodes %d edges %d", #ia, g:node_count(), g:edge_count()))
print(string.format("graphstep %.4f", c2 - c1))
local edges = os.getenv("GRAPH_EDGES")
if edges and edges ~= "" then g:write(edges) end
LUAEOF

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {
    if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'; }

ERR=$OUT/graph.err
# Wall times of whole processes (start-up and import included).
# praxis_runs NAME DIR: sets P_WALL (median wall s), P_STEP (median graph step s), P_INFO
praxis_runs() {
    local walls="" steps="" out w
    for ((r = 1; r <= RUNS; r++)); do
        local t0 t1
        t0=$(now)
        out=$("$PRAXIS" run --trust "$LUA" "$2" 2>"$ERR") || { tail -20 "$ERR" >&2; die "praxis failed on $1"; }
        t1=$(now)
        w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        walls+="$w "
        steps+="$(echo "$out" | awk '/^graphstep/ {print $2}') "
        P_INFO=$(echo "$out" | head -n 1)
    done
    P_WALL=$(median <<<"$walls")
    P_STEP=$(median <<<"$steps")
}
# python_run DIR: sets Y_WALL (median wall s of PY_RUNS runs), Y_INFO
python_run() {
    local out t0 t1 walls=""
    for ((r = 1; r <= PY_RUNS; r++)); do
        t0=$(now)
        out=$("$PYTHON" "$HERE/graph_pipeline.py" run "$1" 2>"$ERR") \
            || { tail -20 "$ERR" >&2; die "the Python pipeline failed on $1"; }
        t1=$(now)
        walls+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') "
    done
    Y_WALL=$(median <<<"$walls")
    Y_INFO=$(echo "$out" | head -n 1)
}

echo "running Praxis ($RUNS runs each) and Python ($PY_RUNS runs each), medians..." >&2
praxis_runs spoken "$SPOKEN";  S_P=$P_WALL; S_INFO=$P_INFO
python_run "$SPOKEN";          S_Y=$Y_WALL; S_YINFO=$Y_INFO
GRAPH_EDGES=$OUT/graph400k_edges.csv praxis_runs synthetic "$SYNTH"
G_P=$P_WALL; G_STEP=$P_STEP; G_INFO=$P_INFO
python_run "$SYNTH";           G_Y=$Y_WALL; G_YINFO=$Y_INFO
steps=""
for ((r = 1; r <= RUNS; r++)); do
    steps+="$("$DRIVER" "$OUT/graph400k_edges.csv" | awk '/^seconds/ {print $2}') "
done
I_STEP=$(median <<<"$steps")

echo
echo "Pipeline: import, next interactions, weighted graph, exact betweenness, coreness, Louvain"
echo
printf '%-34s %12s %12s %9s %9s\n' "corpus" "Praxis s" "Python s" "ratio" "target"
R1=$(awk -v p="$S_P" -v y="$S_Y" 'BEGIN { printf "%.1f", y / p }')
R2=$(awk -v p="$G_P" -v y="$G_Y" 'BEGIN { printf "%.1f", y / p }')
R3=$(awk -v s="$G_STEP" -v i="$I_STEP" 'BEGIN { printf "%.2f", s / i }')
printf '%-34s %12.3f %12.3f %8sx %9s\n' "spoken ($SPOKEN)" "$S_P" "$S_Y" "$R1" ">= 10x"
printf '%-34s %12.3f %12.3f %8sx %9s\n' "synthetic ($SYNTH)" "$G_P" "$G_Y" "$R2" ">= 20x"
echo
echo "  spoken:    Praxis $S_INFO; Python $S_YINFO"
echo "  synthetic: Praxis $G_INFO; Python $G_YINFO"
echo
printf 'Graph step on the synthetic edge list: Praxis %.3f s, igraph directly %.3f s: %sx (target <= 1.5x)\n' \
    "$G_STEP" "$I_STEP" "$R3"
echo
CPU=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//')
echo "Machine: nproc=$(nproc), CPU: ${CPU:-unknown}; igraph $(pkg-config --modversion igraph), networkx $("$PYTHON" -c 'import networkx; print(networkx.__version__)')"

rc=0
awk -v r="$R1" 'BEGIN { exit !(r >= 10) }' || { echo "TARGET FAILED: spoken pipeline ${R1}x, below 10x"; rc=1; }
awk -v r="$R2" 'BEGIN { exit !(r >= 20) }' || { echo "TARGET FAILED: synthetic pipeline ${R2}x, below 20x"; rc=1; }
awk -v r="$R3" 'BEGIN { exit !(r <= 1.5) }' || { echo "TARGET FAILED: graph step ${R3}x igraph, above 1.5x"; rc=1; }
[ $rc -eq 0 ] && echo "All targets met."
exit $rc
