Parameters of shared scripts are checked before any work (docs/scripts.md,
"Parameters"): a value of the wrong type, outside the parameter's choices,
or naming an attribute no participant has exits 2 naming the parameter and
what it allows, and leaves nothing behind. Choices are checked before the
corpus loads: the missing corpus of some cases is never opened.

=== params: an unknown interaction rule is refused before the corpus loads, with the rules allowed
$ praxis run engagement /nonexistent/corpus -p rule=nope
--- stderr
praxis: parameter 'rule' of script 'engagement' allows auto, next, reply, address, mention or copresence, not 'nope'
--- exit 2

=== params: a null-model count of 1 (which gives no z-scores) is refused
$ praxis run engagement /nonexistent/corpus -p null=1
--- stderr
praxis: parameter 'null' of script 'engagement' allows 0 or 2 to 1000000, not '1'
--- exit 2

=== params: a negative null-model count is refused
$ praxis run engagement /nonexistent/corpus -p null=-5
--- stderr
praxis: parameter 'null' of script 'engagement' allows 0 or 2 to 1000000, not '-5'
--- exit 2

=== params: a null-model count that is not an integer is refused
$ praxis run engagement /nonexistent/corpus -p null=many
--- stderr
praxis: parameter 'null' of script 'engagement' expects an integer, not 'many'
--- exit 2

=== params: an unknown time slice and layout are refused
$ praxis run engagement /nonexistent/corpus -p by=year; echo "exit $?"; praxis run engagement /nonexistent/corpus -p layout=circle; echo "exit $?"
--- stdout
exit 2
exit 2
--- stderr
praxis: parameter 'by' of script 'engagement' allows document, segment or month, not 'year'
praxis: parameter 'layout' of script 'engagement' allows fr, kk or drl, not 'circle'

=== params: a group attribute that no participant has is refused before the script runs, listing those of the corpus
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run engagement $R/corpora/alinsu -p groups=party; echo "exit $?"; ls -A
--- stdout
exit 2
--- stderr
praxis: parameter 'groups' of script 'engagement': no participant in the corpus has the attribute 'party' (attributes in this corpus: affiliation, age, id, name, role, sex)

=== params: a group attribute of the corpus is accepted
$ mkdir $TMPDIR/w && cd $TMPDIR/w && R=$OLDPWD; praxis run engagement $R/corpora/alinsu -p groups=role -p null=0 --mode csv > out.txt; echo "exit $?"; grep -c '^# brokers' out.txt
--- stdout
exit 0
1

=== params: a negative threshold is refused (a number range without an upper end)
$ praxis run turn-timing /nonexistent/corpus -p long_gap=-1; echo "exit $?"; praxis run participation /nonexistent/corpus -p min_utterances=-2; echo "exit $?"
--- stdout
exit 2
exit 2
--- stderr
praxis: parameter 'long_gap' of script 'turn-timing' allows 0 or more, not '-1'
praxis: parameter 'min_utterances' of script 'participation' allows 0 or more, not '-2'

=== params: every item of a list parameter is checked against its choices
$ printf 'return {name = "pick", summary = "s", categories = {"safe"},\n  params = {cols = {type = {type = "list", of = "string"}, default = "a", choices = {"a", "b"}, doc = "d"}},\n  run = function() end}\n' > $TMPDIR/pick.lua && praxis run $TMPDIR/pick.lua /nonexistent/corpus -p cols=a,b,c
--- stderr
praxis: parameter 'cols' of script 'pick' allows a or b, not 'c'
--- exit 2

=== params: a spec whose default is not among its choices is an error of the script
$ printf 'return {name = "bad", summary = "s", categories = {"safe"},\n  params = {mode = {type = "string", default = "z", choices = {"a", "b"}, doc = "d"}},\n  run = function() end}\n' > $TMPDIR/bad.lua && praxis run $TMPDIR/bad.lua corpora/samples/spoken.xml
--- stderr-contains
parameter 'mode': the default z is not one of its choices (a or b)
--- exit 1

=== params: a range in choices is for numbers only
$ printf 'return {name = "bad", summary = "s", categories = {"safe"},\n  params = {mode = {type = "string", default = "a", choices = {{1, 2}}, doc = "d"}},\n  run = function() end}\n' > $TMPDIR/bad.lua && praxis run $TMPDIR/bad.lua corpora/samples/spoken.xml
--- stderr-contains
parameter 'mode': a range in `choices` is {min, max}, numbers, for an integer or number parameter
--- exit 1

=== params: an attribute parameter given to praxis.run is checked against the corpus
$ praxis -e 'local ok, e = pcall(praxis.run, "engagement", {groups = "party"}) print(ok, e)' corpora/alinsu
--- stdout-contains
false	parameter 'groups' of script 'engagement': no participant in the corpus has the attribute 'party'
