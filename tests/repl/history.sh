# history survives a restart, one entry per multi-line chunk
. tests/repl/lib.sh
start
line 'answer = 42'
line 'function f()'
line '  return answer'
line 'end'
line '.quit'
sleep 0.5
[ -s "$REPL_TMP/history" ] || fail "no history file written"
start
key Up
wait_for '^   \.\.\.> end$|^  return answer$' 5 || fail "the multi-line chunk is not one entry"
key C-c
key Up Up
wait_for '^praxis> answer = 42$' 5 || fail "the earlier entry is not in the history"
