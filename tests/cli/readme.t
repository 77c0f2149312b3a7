The README must stay true: its tour is what Praxis prints, its examples run.

=== the README tour matches a fresh REPL transcript (make readme regenerates it)
$ sh tools/readme.sh --check "$PRAXIS"
--- stdout
README tour matches what Praxis prints

=== every praxis command line in the README runs and exits 0
$ sh tools/readme_examples.sh "$PRAXIS" | tail -1
--- stdout-contains
0 failed
