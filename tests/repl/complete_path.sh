# inside a string, Tab completes file paths
. tests/repl/lib.sh
start
type 'p = "corpora/alin'; key Tab
wait_for '^praxis> p = "corpora/alinsu/' 5 || fail "the path did not complete"
