# an absolute path completes as a whole, in a string and after .open
. tests/repl/lib.sh
start
type "p = \"$ROOT/corpora/alin"; key Tab
wait_for "^praxis> p = \"$ROOT/corpora/alinsu/\$" 5 || fail "the absolute path in a string did not complete"
key C-c
prompt
type ".open $ROOT/corpora/alin"; key Tab
wait_for "^praxis> \\.open $ROOT/corpora/alinsu/\$" 5 || fail "the absolute path after .open did not complete"
key Enter
wait_for '^corpus alinsu: 12 documents' || fail ".open with the completed path did not load the corpus"
