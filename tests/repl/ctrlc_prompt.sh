# Ctrl-C at the prompt clears the line (and a continuation) instead of leaving
. tests/repl/lib.sh
start
type 'this is not lua'
key C-c
wait_for 'this is not lua\^C$' 5 || fail "no ^C"
line 'for i = 1, 3 do'
key C-c
line '1 + 2'
wait_for '^3$' || fail "the REPL did not survive Ctrl-C at the prompt"
