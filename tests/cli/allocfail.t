Allocation-failure sweeps (tests/allocfail/sweep.py): PRAXIS_FAIL_ALLOC=N
makes the Nth allocation of the Lua heap fail; each case runs praxis for
every N among the allocations of one operation (sampled under valgrind,
and within a time budget)
and checks that each run ends with a clean error and exit status 1 (or
succeeds), never a crash. Leaks show under ASan (exit 86, caught by the
sweep) and valgrind (its report, caught by the runner): `run` is praxis as
the runner gives it, valgrind included.

=== allocation failures: the corpus of the command line ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py open-cli
--- stdout
open-cli: clean

=== allocation failures: praxis.open ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py open
--- stdout
open: clean

=== allocation failures: a where loop ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py where
--- stdout
where: clean

=== allocation failures: g:draw() into a string ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py draw
--- stdout
draw: clean

=== allocation failures: g:write() to GraphML and CSV ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py write
--- stdout
write: clean

=== allocation failures: the script runner's realpath ends cleanly, nothing leaks
$ run() {
> praxis "$@"
> }
> export -f run
> /usr/bin/python3 tests/allocfail/sweep.py realpath
--- stdout
realpath: clean
