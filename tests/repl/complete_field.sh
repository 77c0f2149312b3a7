# corpus.par<TAB> completes to corpus.participants
. tests/repl/lib.sh
start
type 'corpus.par'; key Tab
wait_for '^praxis> corpus\.participants$' 5 || fail "corpus.par did not complete"
key Enter
wait_for '^10 participants' || fail "the completed line did not run"
