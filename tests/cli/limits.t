Limits of `praxis run` (docs/scripts.md, "Limits"). A script file that is
not installed with Praxis runs under default limits: the cases shorten them
with PRAXIS_TEST_DEFAULT_LIMITS (docs/DESIGN.md, Testing); one case waits
for the real 60 s once. Every limit ends the run with exit 1 and a message
naming the limit and the option that raises it, and leaves nothing behind.

=== limits: an endless loop stops at the default time limit, naming it and --timeout
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/loop.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stdout
exit 1
--- stderr
praxis: loop: time limit reached: the script ran for more than 1 s (the default for a script not installed with Praxis: --timeout SECONDS raises it, --timeout 0 lifts it)

=== limits: an endless loop inside pcall stops at the default time limit
$ praxis run tests/scripts/hostile/loop-pcall.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr-contains
loop-pcall: time limit reached: the script ran for more than 1 s (the default
--- exit 1

=== limits: an endless loop inside xpcall stops at the default time limit
$ praxis run tests/scripts/hostile/loop-xpcall.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr-contains
loop-xpcall: time limit reached: the script ran for more than 1 s (the default
--- exit 1

=== limits: an endless loop inside coroutine.wrap stops at the default time limit
$ praxis run tests/scripts/hostile/loop-coroutine.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr-contains
loop-coroutine: time limit reached: the script ran for more than 1 s (the default
--- exit 1

=== limits: an endless loop inside coroutine.resume stops at the default time limit
$ praxis run tests/scripts/hostile/loop-coroutine2.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr-contains
loop-coroutine2: time limit reached: the script ran for more than 1 s (the default
--- exit 1

=== limits: a table bomb stops at the default memory limit, naming it and --max-memory
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/table-bomb.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stdout
exit 1
--- stderr
praxis: table-bomb: memory limit reached: Praxis used more than 100 MB (the default for a script not installed with Praxis: --max-memory MB raises it, --max-memory 0 lifts it)

=== limits: a table bomb inside pcall stops at the default memory limit
$ praxis run tests/scripts/hostile/table-bomb-pcall.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
table-bomb-pcall: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: string.rep of 1 GiB stops at the default memory limit
$ praxis run tests/scripts/hostile/string-rep-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
string-rep-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: string.rep caught by pcall again and again stops at the default memory limit
$ praxis run tests/scripts/hostile/rep-bomb-pcall.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
rep-bomb-pcall: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: a string that doubles by concatenation stops at the default memory limit
$ praxis run tests/scripts/hostile/string-concat-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
string-concat-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: a string that grows through table.concat stops at the default memory limit
$ praxis run tests/scripts/hostile/concat-table-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
concat-table-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: a string that grows through string.format stops at the default memory limit
$ praxis run tests/scripts/hostile/format-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
format-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: networks kept in a loop (core and igraph memory, outside the Lua heap) stop at the default memory limit
$ praxis run tests/scripts/hostile/graph-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
graph-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: corpora opened in a loop (the core's memory) stop at the default memory limit
$ praxis run tests/scripts/hostile/corpus-bomb.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr-contains
corpus-bomb: memory limit reached: Praxis used more than 100 MB (the default
--- exit 1

=== limits: one long C call (a brokerage null model of a million rounds, minutes of work) stops at the time limit
$ sh tests/scripts/data/many-speakers.sh $TMPDIR/many.xml && start=$(date +%s); praxis run tests/scripts/hostile/long-c-call.lua $TMPDIR/many.xml; echo "exit $?"; end=$(date +%s); test $((end - start)) -le 20 && echo "stopped within 20 s"
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stdout
exit 1
stopped within 20 s
--- stderr-contains
long-c-call: time limit reached: the script ran for more than 1 s (the default

=== limits: --timeout raises the default time limit
$ printf 'local t = os.clock() while os.clock() - t < 1.5 do end\nprint("done")\n' > $TMPDIR/slow.lua && praxis run $TMPDIR/slow.lua corpora/samples/spoken.xml --timeout 30
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stdout
done

=== limits: --timeout 0 lifts the default time limit
$ printf 'local t = os.clock() while os.clock() - t < 1.5 do end\nprint("done")\n' > $TMPDIR/slow.lua && praxis run $TMPDIR/slow.lua corpora/samples/spoken.xml --timeout 0
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stdout
done

=== limits: --max-memory raises the default memory limit
$ printf 'local s = string.rep(string.rep("x", 1024), 110 << 10)\nprint(#s)\n' > $TMPDIR/big.lua && praxis run $TMPDIR/big.lua corpora/samples/spoken.xml --max-memory 1000
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stdout
115343360

=== limits: --max-memory 0 lifts the default memory limit
$ printf 'local s = string.rep(string.rep("x", 1024), 110 << 10)\nprint(#s)\n' > $TMPDIR/big.lua && praxis run $TMPDIR/big.lua corpora/samples/spoken.xml --max-memory 0
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stdout
115343360

=== limits: without --max-memory the same string meets the default memory limit
$ printf 'local s = string.rep(string.rep("x", 1024), 110 << 10)\nprint(#s)\n' > $TMPDIR/big.lua && praxis run $TMPDIR/big.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=60s,100MB
--- stderr
praxis: big: memory limit reached: Praxis used more than 100 MB (the default for a script not installed with Praxis: --max-memory MB raises it, --max-memory 0 lifts it)
--- exit 1

=== limits: a lower --timeout is named as the option, not as the default
$ praxis run tests/scripts/hostile/loop.lua corpora/samples/spoken.xml --timeout 1
--- env
PRAXIS_TEST_DEFAULT_LIMITS=30s,1000MB
--- stderr
praxis: loop: time limit reached: the script ran for more than 1 s (--timeout SECONDS raises it)
--- exit 1

=== limits: a spec may lower the time limit
$ printf 'return {name = "lowered", summary = "s", categories = {"safe"}, limits = {timeout = 1},\n  run = function() while true do end end}\n' > $TMPDIR/lowered.lua && praxis run $TMPDIR/lowered.lua corpora/samples/spoken.xml --timeout 30
--- stderr
praxis: lowered: time limit reached: the script ran for more than 1 s (the script's own limit, limits.timeout in its spec)
--- exit 1

=== limits: a spec cannot raise the time limit
$ printf 'return {name = "raised", summary = "s", categories = {"safe"}, limits = {timeout = 1000},\n  run = function() while true do end end}\n' > $TMPDIR/raised.lua && praxis run $TMPDIR/raised.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr-contains
raised: time limit reached: the script ran for more than 1 s (the default
--- exit 1

=== limits: a spec's limits must be numbers above 0
$ printf 'return {name = "badlim", summary = "s", categories = {"safe"}, limits = {timeout = -1},\n  run = function() end}\n' > $TMPDIR/badlim.lua && praxis run $TMPDIR/badlim.lua corpora/samples/spoken.xml
--- stderr-contains
`limits` holds timeout (seconds) and max_memory (MB), numbers above 0; not timeout = -1
--- exit 1

=== limits: --trust runs a script file without the default limits
$ printf 'local t = os.clock() while os.clock() - t < 1.5 do end\nprint("done")\n' > $TMPDIR/slow.lua && praxis run --trust $TMPDIR/slow.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stdout
done

=== limits: the scripts installed with Praxis run without the default limits
$ praxis run participation corpora/samples/spoken.xml --out $TMPDIR/o 2>/dev/null; echo "exit $?"; grep '"limits"' $TMPDIR/o/manifest.json
--- env
PRAXIS_TEST_DEFAULT_LIMITS=0.001s,1MB
--- stdout
exit 0
  "limits": {"timeout_seconds": null, "max_memory_mb": null},

=== limits: the manifest records the limits a script file ran under
$ printf 'return {name = "m", summary = "s", categories = {"safe"}, run = function() return praxis.table.new({"a"}, {{1}}) end}\n' > $TMPDIR/m.lua && praxis run $TMPDIR/m.lua corpora/samples/spoken.xml --out $TMPDIR/o 2>/dev/null; grep '"limits"' $TMPDIR/o/manifest.json | sed -e 's/"memory_backstop": "[^"]*"/"memory_backstop": B/'
--- env
PRAXIS_TEST_DEFAULT_LIMITS=30s,500MB
--- stdout
  "limits": {"timeout_seconds": 30, "max_memory_mb": 500, "memory_backstop": B},

=== limits: -e runs without limits unless --timeout or --max-memory are given
$ praxis -e 'local t = os.clock() while os.clock() - t < 1.2 do end return "done"'; praxis -e 'while true do end' --timeout 1; echo "exit $?"; praxis -e 'return #string.rep("x", 1 << 30)' --max-memory 100; echo "exit $?"
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,100MB
--- stdout
"done"
exit 1
exit 1
--- stderr
praxis: time limit reached: the code ran for more than 1 s (--timeout SECONDS raises it)
praxis: memory limit reached: Praxis used more than 100 MB (--max-memory MB raises it)

=== limits: the REPL takes no limit options
$ praxis --timeout 5 </dev/null
--- stderr-contains
--timeout and --max-memory go with run or -e, not the REPL
--- exit 2

=== limits: a malformed PRAXIS_TEST_DEFAULT_LIMITS is a usage error
$ praxis run tests/scripts/hostile/loop.lua corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=soon
--- stderr
praxis: PRAXIS_TEST_DEFAULT_LIMITS is SECONDS,MEGABYTES such as "2s,200MB", not 'soon'
--- exit 2

=== limits: praxis run --help states the default limits and the exit status of a limit
$ praxis run --help | grep -E "60 s|2048 MB|time or memory"
--- stdout
--trust is given, under a limit of 60 s and 2048 MB (2 GiB); --timeout and
exit status: 0 ok, 1 script error, sandbox violation or a time or memory

=== limits: the real defaults: a string of 2 GiB is refused at once at 2048 MB
$ printf 'local s = string.rep("x", (1 << 31) - 1)\nprint(#s)\n' > $TMPDIR/huge.lua && praxis run $TMPDIR/huge.lua corpora/samples/spoken.xml
--- stderr
praxis: huge: memory limit reached: Praxis used more than 2048 MB (the default for a script not installed with Praxis: --max-memory MB raises it, --max-memory 0 lifts it)
--- exit 1

=== limits: a memory limit lowers the address-space limit during the run, except under AddressSanitizer, and the manifest says which
$ printf 'for l in io.lines("/proc/self/limits") do if l:match("^Max address space") then print(l) end end\nreturn praxis.table.new({"a"}, {{1}})\n' > $TMPDIR/lim.lua && praxis run --trust --max-memory 500 $TMPDIR/lim.lua corpora/samples/spoken.xml --out $TMPDIR/o > $TMPDIR/lim.txt 2>/dev/null; b=$(grep -o '"memory_backstop": "[^"]*"' $TMPDIR/o/manifest.json); if [ -n "$ASAN_OPTIONS" ]; then echo "$b" | grep -q "none: an AddressSanitizer build" && echo "backstop as expected"; else echo "$b" | grep -q '"RLIMIT_AS"' && grep -Eq "^Max address space +[0-9]+ " $TMPDIR/lim.txt && echo "backstop as expected"; fi
--- stdout
backstop as expected

=== limits: the address-space limit of a run is lifted again when it ends
$ printf 'return praxis.table.new({"a"}, {{1}})\n' > $TMPDIR/one.lua && praxis -e 'praxis.run(os.getenv("TMPDIR") .. "/one.lua", {}, {max_memory = 500, trust = true}) for l in io.lines("/proc/self/limits") do if l:match("^Max address space") then print(l:match("unlimited%s+unlimited") and "restored" or l) end end' corpora/samples/spoken.xml
--- stdout
restored

=== limits: a script found by name outside Praxis's own scripts (PRAXIS_PATH) runs under the default limits
$ mkdir -p $TMPDIR/mine && printf 'return {name = "spin", summary = "s", categories = {"safe"}, run = function() while true do end end}\n' > $TMPDIR/mine/spin.lua && export PRAXIS_PATH=$TMPDIR/mine; praxis run spin corpora/samples/spoken.xml
--- env
PRAXIS_TEST_DEFAULT_LIMITS=1s,1000MB
--- stderr
praxis: spin: time limit reached: the script ran for more than 1 s (the default for a script not installed with Praxis: --timeout SECONDS raises it, --timeout 0 lifts it)
--- exit 1
