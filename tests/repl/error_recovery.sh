# an error shows the message, and the REPL goes on
. tests/repl/lib.sh
start
line 'local x = nil; return x.field'
wait_for "stdin:1: attempt to index a nil value \(local 'x'\)" || fail "no error message"
line 'corpus.utterances:where(42)'
wait_for "stdin:1: bad argument #1 to 'where'" || fail "no position for an error in a C function"
line '"still here"'
wait_for '^"still here"$' || fail "the REPL did not recover"
