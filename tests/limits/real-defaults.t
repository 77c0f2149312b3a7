The real default time limit of `praxis run`, once: this case waits a
minute, so tools/check.sh runs it in the cli suite only (not again under
AddressSanitizer or valgrind). tests/cli/limits.t holds the other cases.

=== limits: the real defaults: an endless loop stops after 60 s (this case takes a minute)
$ start=$(date +%s); praxis run tests/scripts/hostile/loop.lua corpora/samples/spoken.xml; echo "exit $?"; end=$(date +%s); test $((end - start)) -ge 60 && test $((end - start)) -le 70 && echo "stopped between 60 and 70 s"
--- stdout
exit 1
stopped between 60 and 70 s
--- stderr
praxis: loop: time limit reached: the script ran for more than 60 s (the default for a script not installed with Praxis: --timeout SECONDS raises it, --timeout 0 lifts it)
