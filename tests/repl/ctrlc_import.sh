# Ctrl-C stops the import of a large corpus and returns to the prompt
. tests/repl/lib.sh
BIG=$ROOT/build/repl-big
if [ ! -f "$BIG.stamp" ]; then
    /usr/bin/python3 "$ROOT/tests/bench/gen_spoken.py" "$BIG" --mb 200 >/dev/null 2>&1 ||
        skip "cannot generate the large corpus"
    touch "$BIG.stamp"
fi
start
line "big = praxis.open(\"$BIG\")"
sleep 1
key C-c
wait_for 'interrupted' 20 || fail "the import was not interrupted"
wait_for '^praxis> $' 5 || fail "no prompt after the interrupt"
line 'big == nil, #corpus.documents'
wait_for '^12$' || fail "the REPL is not usable after the interrupt"
