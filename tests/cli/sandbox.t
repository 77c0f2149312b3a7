The sandbox of `praxis run` (STYLE.md 9.6, docs/scripts.md): every hostile
script in tests/scripts/hostile/ fails with exit 1 and a message naming the
rule, and leaves nothing behind in the folder it ran in (no output folder,
no file). Each case runs in a fresh folder $TMPDIR/w.

=== sandbox: os.execute is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/os-execute.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: os.execute is not available in a sandboxed script

=== sandbox: io.open is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/io-open.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: io.open is not available in a sandboxed script

=== sandbox: io.popen is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/io-popen.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: io.popen is not available in a sandboxed script

=== sandbox: load of bytecode (mode b) is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/load-bytecode.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: load with mode "b": a sandboxed script loads text chunks only

=== sandbox: load of bytecode (default mode) is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/load-bytecode-default.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: load of a binary chunk (bytecode)

=== sandbox: string.dump is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/string-dump.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: string.dump is not available in a sandboxed script

=== sandbox: string.dump through a string's method is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/string-dump-method.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: string.dump is not available

=== sandbox: package.loadlib is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/package-loadlib.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: package is not available in a sandboxed script

=== sandbox: require of io is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/require-io.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: require 'io' is not allowed

=== sandbox: require of os is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/require-os.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: require 'os' is not allowed

=== sandbox: debug is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/debug.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: debug is not available in a sandboxed script

=== sandbox: dofile of /etc/passwd is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/dofile.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: dofile is not available in a sandboxed script

=== sandbox: praxis.open of a path not given is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/open-other.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: praxis.open("/etc"): a sandboxed script reads only the corpora given

=== sandbox: patching getmetatable("").__index is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/string-metatable.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: the metatable of strings is protected

=== sandbox: patching the corpus's metatable is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/handle-metatable.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: the metatable of praxis.Corpus is protected (changing '__index')

=== sandbox: patching an utterance's metatable is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/utterance-metatable.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: the metatable of praxis.Utterance is protected

=== sandbox: praxis.output("../x") is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/output-dotdot.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: praxis.output("../escaped.txt"): '..' is not allowed

=== sandbox: praxis.output of an absolute name is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/output-absolute.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: praxis.output("/tmp/escaped.txt"): absolute names are not allowed

=== sandbox: assigning to _G's fields is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/assign-G.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
hostile/assign-G.lua:1: assignment to global 'leak': a sandboxed script cannot create or change globals

=== sandbox: assigning to _G is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/assign-G2.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
assignment to global '_G'

=== sandbox: rawset on _G is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/rawset-G.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: rawset on the global environment

=== sandbox: creating a global is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/create-global.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
assignment to global 'count'

=== sandbox: reading an undefined global is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/undefined.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
hostile/undefined.lua:2: undefined variable 'partcipant'

=== sandbox: code at load time before the spec is returned is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/load-time.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
hostile/load-time.lua:2: sandbox violation: praxis.output while the spec is read

=== sandbox: an endless loop at load time stops within the load budget is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/load-time-loop.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
load-time-loop: time limit reached: the script ran for more than 1 s (the time allowed to read a shared script's spec)

=== sandbox: io inside run() is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/run-escape.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
hostile/run-escape.lua:3: sandbox violation: io.open is not available

=== sandbox: an endless loop is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/loop.lua $R/corpora/samples/spoken.xml --timeout 1; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
loop: time limit reached: the script ran for more than 1 s (--timeout SECONDS raises it)

=== sandbox: an endless loop inside pcall is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/loop-pcall.lua $R/corpora/samples/spoken.xml --timeout 1; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
loop-pcall: time limit reached

=== sandbox: an endless loop inside a coroutine.wrap under pcall is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/loop-coroutine.lua $R/corpora/samples/spoken.xml --timeout 1; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
loop-coroutine: time limit reached

=== sandbox: an endless loop inside coroutine.resume is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/loop-coroutine2.lua $R/corpora/samples/spoken.xml --timeout 1; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
loop-coroutine2: time limit reached

=== sandbox: a table bomb is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/table-bomb.lua $R/corpora/samples/spoken.xml --max-memory 64; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
table-bomb: memory limit reached: Praxis used more than 64 MB (--max-memory MB raises it)

=== sandbox: a table bomb inside pcall is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/table-bomb-pcall.lua $R/corpora/samples/spoken.xml --max-memory 64; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
table-bomb-pcall: memory limit reached

=== sandbox: a string.rep bomb is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/string-rep-bomb.lua $R/corpora/samples/spoken.xml --max-memory 64; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
string-rep-bomb: memory limit reached

=== sandbox: a string concatenation bomb is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/string-concat-bomb.lua $R/corpora/samples/spoken.xml --max-memory 64; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
string-concat-bomb: memory limit reached

=== sandbox: collectgarbage("stop") is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/collectgarbage-stop.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: collectgarbage("stop") is not allowed (only "count")

=== sandbox: a __gc metamethod is refused and leaves nothing behind
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run $R/tests/scripts/hostile/gc-metamethod.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
--- stderr-contains
sandbox violation: __gc metamethods are not allowed

=== sandbox: praxis.output through a symbolic link planted in the output folder is refused
$ mkdir -p $TMPDIR/w/out && cd $TMPDIR/w && R=$OLDPWD && ln -s $TMPDIR/w/victim out/planted.txt; praxis run $R/tests/scripts/hostile/output-symlink.lua $R/corpora/samples/spoken.xml --out out; echo "exit $?"; ls -A . out
--- stdout
exit 1
.:
out

out:
planted.txt
--- stderr-contains
sandbox violation: praxis.output("planted.txt"): it is a symbolic link in the output folder; refused

=== sandbox: a symbolic link planted where a result goes is refused, and the run leaves nothing
$ mkdir -p $TMPDIR/w/out && cd $TMPDIR/w && R=$OLDPWD && ln -s $TMPDIR/w/victim out/result.csv; praxis run $R/tests/scripts/random-draws.lua $R/corpora/samples/spoken.xml --out out; echo "exit $?"; ls -A . out
--- stdout
exit 1
.:
out

out:
result.csv
--- stderr-contains
sandbox violation: praxis.output("result.csv"): it is a symbolic link in the output folder; refused

=== sandbox: a folder planted as a symbolic link inside the output folder is not followed
$ mkdir -p $TMPDIR/w/out $TMPDIR/w/elsewhere && cd $TMPDIR/w && R=$OLDPWD && ln -s $TMPDIR/w/elsewhere out/sub && printf 'praxis.output("sub/x.txt"):write("x")\n' > s.lua; praxis run s.lua $R/corpora/samples/spoken.xml --out out; echo "exit $?"; ls -A elsewhere
--- stdout
exit 1
--- stderr-contains
sandbox violation: praxis.output("sub/x.txt"): a part of the name is a symbolic link or not a folder

=== sandbox: an endless loop under --timeout 2 stops within 10 seconds (valgrind's start included), naming the limit
$ start=$(date +%s); praxis run tests/scripts/hostile/loop.lua corpora/samples/spoken.xml --timeout 2; echo "exit $?"; end=$(date +%s); test $((end - start)) -le 10 && echo "stopped within 10 s"
--- stdout
exit 1
stopped within 10 s
--- stderr
praxis: loop: time limit reached: the script ran for more than 2 s (--timeout SECONDS raises it)

=== sandbox: a failing run removes what it wrote into the folder it made
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD && printf 'praxis.output("a.txt"):write("x")\nerror("late failure")\n' > s.lua; praxis run s.lua $R/corpora/samples/spoken.xml; echo "exit $?"; ls -A
--- stdout
exit 1
s.lua
--- stderr-contains
s.lua:2: late failure

=== sandbox: a plain script may write with praxis.output into a new folder named after it, with a manifest
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD && printf 'local f = praxis.output("notes/a.txt")\nf:write("hello")\nf:close()\n' > s.lua; praxis run s.lua $R/corpora/samples/spoken.xml 2>/dev/null; echo "exit $?"; ls -d s-*-* | sed 's/[0-9]/N/g'; cat s-*/notes/a.txt; echo; ls s-*
--- stdout
exit 0
s-NNNNNNNN-NNNNNN
hello
manifest.json
notes

=== sandbox: a praxis table written with t:write goes into the output folder
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD && printf 'praxis.table.new({"a"}, {{1}}):write("t.csv")\nreturn "written"\n' > s.lua; praxis run s.lua $R/corpora/samples/spoken.xml --out o 2>/dev/null; echo "exit $?"; cat o/t.csv | tr -d '\r'
--- stdout
exit 0
a
1

=== sandbox: the scripts' libraries are copies: patching them changes nothing outside
$ printf 'string.upper = nil\ntable.concat = nil\nprint(("x"):upper(), #praxis.table.new({"a"}, {{1}}))\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml
--- stdout
X	1

=== sandbox: getmetatable of a handle gives its name and nothing else
$ printf 'local mt = getmetatable(corpus.utterances[1])\nprint(mt.__name, getmetatable(_G), getmetatable(string))\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml
--- stdout
praxis.Utterance	the environment of a sandboxed script	false

=== sandbox: a script's own metatables work as usual
$ printf 'local V = {}\nV.__index = V\nV.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end\nlocal v = setmetatable({x = 1}, V) + setmetatable({x = 2}, V)\nprint(v.x, getmetatable(v) == V)\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml
--- stdout
3	true

=== sandbox: a script may read the corpus it was given and a path parameter, not another file
$ printf 'local c = praxis.open("corpora/samples/spoken.xml")\nprint(#c.utterances)\nlocal d = praxis.open("corpora/samples/drama.xml")\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml
--- stdout-contains
12
--- stderr-contains
sandbox violation: praxis.open("corpora/samples/drama.xml")
--- exit 1

=== sandbox: --trust lifts it
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run --trust $R/tests/scripts/hostile/io-open.lua $R/corpora/samples/spoken.xml; echo "exit $?"; cat pwned
--- stdout
exit 0
x

=== sandbox: a script closing its corpus does not close the caller's
$ praxis -e 'local f = io.open(os.getenv("TMPDIR") .. "/c.lua", "w"); f:write("corpus:close()\nreturn 1\n"); f:close(); praxis.run(os.getenv("TMPDIR") .. "/c.lua"); return #corpus.documents' corpora/samples/spoken.xml
--- stdout
1

=== sandbox: collectgarbage("count") is allowed
$ printf 'print(type(collectgarbage("count")))\n' > $TMPDIR/s.lua && praxis run $TMPDIR/s.lua corpora/samples/spoken.xml
--- stdout
number
