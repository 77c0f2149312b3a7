# after ":" on a selection, its methods complete
. tests/repl/lib.sh
start
line 's = corpus.utterances'
prompt
type 's:whe'; key Tab
wait_for '^praxis> s:where$' 5 || fail "s:whe did not complete to s:where"
line '{speaker = "priya"}'
wait_for '^249 utterances' || fail "the completed call did not run"
# two candidates: both are listed
type 's:h'; key Tab Tab
wait_for 'head' 5 || fail "no list of candidates"
