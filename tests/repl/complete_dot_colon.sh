# "." completes fields (properties) only, ":" methods only
. tests/repl/lib.sh
start
line 'u = corpus.utterances[1]'
prompt
# Tab then a marker: readline handles the keys in order, so the line
# shows what Tab did before the marker
type 'u.te'; key Tab; type '#'
wait_for '^praxis> u\.text#$' 5 || fail "u.te did not complete to the field text"
key C-c
prompt
type 'u:te'; key Tab; type '#'
wait_for '^praxis> u:te#$' 5 || fail "u:te completed a field after ':'"
key C-c
prompt
type 'corpus.utterances.whe'; key Tab; type '#'
wait_for '^praxis> corpus\.utterances\.whe#$' 5 || fail "a method completed after '.'"
key C-c
prompt
type 'corpus.utterances:whe'; key Tab; type '#'
wait_for '^praxis> corpus\.utterances:where#$' 5 || fail "corpus.utterances:whe did not complete to where"
key C-c
prompt
type 'corpus.su'; key Tab; type '#'
wait_for '^praxis> corpus\.su#$' 5 || fail "the method summary completed after '.'"
key C-c
prompt
type 'corpus:su'; key Tab; type '#'
wait_for '^praxis> corpus:summary#$' 5 || fail "corpus:su did not complete to summary"
