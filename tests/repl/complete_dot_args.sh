# the arguments of dot-commands complete: paths after .open (and .read,
# .output, .once), the modes after .mode, on/off after .timer
. tests/repl/lib.sh
start
type '.open corp'; key Tab
wait_for '^praxis> \.open corpora/$' 5 || fail ".open corp did not complete to a path"
type 'alin'; key Tab
wait_for '^praxis> \.open corpora/alinsu/$' 5 || fail ".open corpora/alin did not complete"
key Enter
wait_for '^corpus alinsu: 12 documents' || fail "the completed .open did not load the corpus"
prompt
type '.read tests/repl/sess'; key Tab
wait_for '^praxis> \.read tests/repl/session\.praxis$' 5 || fail ".read did not complete a file"
key C-c
prompt
type '.mode cs'; key Tab
wait_for '^praxis> \.mode csv $' 5 || fail ".mode cs did not complete to csv"
key C-c
prompt
type '.timer of'; key Tab
wait_for '^praxis> \.timer off $' 5 || fail ".timer of did not complete to off"
