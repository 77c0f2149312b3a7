# lib.sh - helpers for REPL tests through a pseudo-terminal (tmux).
# Sourced by each tests/repl/*.sh; the runner sets PRAXIS (absolute path
# of the binary) and REPL_TMP (a fresh folder for this test).
#
#   start [ARGS...]        praxis ARGS in a 120x50 terminal, waits for the prompt
#   type TEXT              types TEXT literally (no Enter)
#   key KEY...             tmux key names: Enter Tab C-c Up ...
#   line TEXT              type TEXT, then Enter
#   wait_for PATTERN [S]   until the screen matches the grep -E pattern (S seconds, 10)
#   prompt                 until the last line is an empty prompt
#   screen                 the screen and its scrollback
#   fail MESSAGE           print the screen and exit 1
#   skip REASON            exit 77
SOCK="praxis-test-$$"
SESSION=repl
tm() { tmux -L "$SOCK" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; }
trap cleanup EXIT

start() {
    tm kill-server >/dev/null 2>&1
    # a clean environment: no history or progress bar from the caller
    tm -f /dev/null new-session -d -s "$SESSION" -x 120 -y 50 \
        env -i PATH="$PATH" HOME="$REPL_TMP" TERM=xterm LC_ALL=C.UTF-8 TZ=UTC \
        PRAXIS_HISTORY="$REPL_TMP/history" INPUTRC=/dev/null \
        ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
        sh -c 'cd "$1" && shift && exec "$@"; echo "praxis exited $?"; sleep 30' sh "$ROOT" "$PRAXIS" "$@"
    tm set-option -t "$SESSION" history-limit 5000 >/dev/null
    wait_for '^praxis> ' 20 || fail "no prompt"
}
type() { tm send-keys -t "$SESSION" -l "$1"; }
key() { tm send-keys -t "$SESSION" "$@"; }
line() { type "$1"; key Enter; }
screen() { tm capture-pane -p -J -S -5000 -t "$SESSION"; }
wait_for() {
    pat=$1; secs=${2:-10}
    end=$(( $(date +%s) + secs ))
    while [ "$(date +%s)" -le "$end" ]; do
        screen | grep -Eq -- "$pat" && return 0
        sleep 0.1
    done
    return 1
}
prompt() {
    end=$(( $(date +%s) + 10 ))
    while [ "$(date +%s)" -le "$end" ]; do
        # readline needs a moment to take the terminal over after the prompt
        last_line | grep -Eq '^(praxis>|   \.\.\.>) ?$' && sleep 0.3 && return 0
        sleep 0.1
    done
    fail "no prompt"
}
# the last line of the screen that is not empty
last_line() { screen | grep -v '^[[:space:]]*$' | tail -1; }
fail() {
    echo "  $1"
    echo "  --- screen"
    screen | grep -v '^[[:space:]]*$' | tail -30 | sed 's/^/  | /'
    exit 1
}
skip() { echo "  $1"; exit 77; }
