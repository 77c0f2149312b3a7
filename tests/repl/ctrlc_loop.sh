# Ctrl-C stops an endless Lua loop and returns to the prompt
. tests/repl/lib.sh
start
line 'while true do end'
sleep 0.5
key C-c
wait_for '^interrupted$' 5 || fail "the loop was not interrupted"
line '"alive"'
wait_for '^"alive"$' || fail "no prompt after the interrupt"
