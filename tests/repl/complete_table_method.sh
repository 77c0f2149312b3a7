# after ":" on a praxis table, its methods complete; fields after "."
. tests/repl/lib.sh
start
line 't = corpus.utterances:table{"id", "speaker"}'
prompt
type 't:group_'; key Tab
wait_for '^praxis> t:group_by$' 5 || fail "t:group_ did not complete to t:group_by"
line '("speaker")'
wait_for '^\(10 rows\)' || fail "group_by did not run"
prompt
type 'corpus.utterances[1].spe'; key Tab
wait_for '^praxis> corpus\.utterances\[1\]\.speaker' 5 || fail "a field of an utterance did not complete"
