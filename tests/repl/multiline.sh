# a function over several lines, with the continuation prompt
. tests/repl/lib.sh
start
line 'function twice(x)'
wait_for '^   \.\.\.> $' 5 || fail "no continuation prompt"
line '  return 2 * x'
line 'end'
line 'twice(21)'
wait_for '^42$' || fail "the function was not defined"
