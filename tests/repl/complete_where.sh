# inside where{...}, the keys complete: where{}'s own conditions and the
# properties of the items
. tests/repl/lib.sh
start
type 'corpus.utterances:where{spe'; key Tab
# speaker and speakers: the common part
wait_for '^praxis> corpus\.utterances:where\{speaker$' 5 || fail "where{spe did not complete to speaker"
line ' = "priya"}'
wait_for '^249 utterances' || fail "the completed where did not run"
prompt
# a second key, after a comma: after= is where{}'s own
type 'corpus.utterances:where{speaker = "priya", aft'; key Tab
wait_for '^praxis> corpus\.utterances:where\{speaker = "priya", after$' 5 || fail "a key after a comma did not complete"
key C-c
prompt
# on participants, their conditions and fields
type 'corpus.participants:where{spe'; key Tab
wait_for '^praxis> corpus\.participants:where\{speaking$' 5 || fail "participants' where{spe did not complete to speaking"
key C-c
prompt
type 'corpus.participants:where{ro'; key Tab
wait_for '^praxis> corpus\.participants:where\{role$' 5 || fail "participants' where{ro did not complete to role"
