The hard stop of the time limit: a script stuck in one C call that polls
nothing (table.sort of 20 million numbers) is ended by Praxis 5 s past the
deadline, with exit 1 and a message. Run in the cli stage only: under
AddressSanitizer or valgrind the script would not reach the sort in time.

=== limits: a C call that polls nothing is ended 5 s past the deadline
$ start=$(date +%s); praxis run tests/scripts/hostile/sort-stuck.lua corpora/samples/spoken.xml --timeout 3; echo "exit $?"; end=$(date +%s); test $((end - start)) -ge 7 && test $((end - start)) -le 12 && echo "ended between 7 and 12 s"
--- stdout
exit 1
ended between 7 and 12 s
--- stderr-contains
praxis: time limit reached, and the script did not stop at it (inside a long C call): Praxis exits (--timeout and --max-memory set the limits)
