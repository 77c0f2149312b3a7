Self-test of tools/clitest.py: these cases need only bash, echo, printf, cat,
false and the runner itself, so they pass before the praxis binary exists.
The last cases run clitest.py on small case files written to $TMPDIR and
check that it reports mismatches, timeouts, skips and updates.

=== echo prints one line
$ echo hello
--- stdout
hello

=== a missing final newline is normalised
$ printf 'a\nb'
--- stdout
a
b

=== trailing blank lines of the output are normalised too
$ printf 'a\n\n\n'
--- stdout
a

=== stdin is fed to the command
$ cat
--- stdin
first line
  second line, indented
--- stdout
first line
  second line, indented

=== without a stdin section the command reads /dev/null
$ cat
--- stdout

=== stdout-contains checks substrings of any line
$ printf 'alpha beta\ngamma delta\nepsilon\n'
--- stdout-contains
beta
gamma d

epsilon

=== exact stderr and a non-zero exit status
$ echo 'oops' >&2; false
--- stderr
oops
--- exit 1

=== stderr-contains with exit status 3
$ printf 'praxis: refused x.xml:1:1: not TEI\npraxis: nothing loaded\n' >&2; exit 3
--- stderr-contains
refused x.xml:1:1
nothing loaded
--- exit 3

=== the environment is fixed
$ echo "$LC_ALL|$TZ|$NO_COLOR|$COLUMNS"
--- stdout
C.UTF-8|UTC|1|100

=== HOME and XDG folders lie in a fresh temporary folder
$ case "$XDG_CONFIG_HOME$XDG_DATA_HOME$XDG_CACHE_HOME$XDG_STATE_HOME" in *"$HOME"/.c*) echo inside;; esac; echo done
--- stdout
inside
done

=== an env section adds variables
$ echo "[$GREETING][$EMPTY]"
--- env
GREETING=hello world
EMPTY=
--- stdout
[hello world][]

=== commands run from the repository root
$ test -f tools/clitest.py && test -d tests/cli && echo root
--- stdout
root

=== a multi-line command continues with "> " lines
$ printf '%s\n' one \
>   two
> echo three
--- stdout
one
two
three

=== a mismatch in stdout is reported with a diff and exit 1
$ cat > "$TMPDIR/fail.t" <<'EOF'
> === deliberately wrong
> $ printf 'same\nactual line\n'
> --- stdout
> same
> expected line
> EOF
> /usr/bin/python3 tools/clitest.py "$TMPDIR/fail.t"
--- stdout-contains
FAIL deliberately wrong
fail.t:1
$ printf 'same\nactual line\n'
stdout differs:
+++ actual stdout
 same
-expected line
+actual line
0 passed, 1 failed, 0 skipped
--- exit 1

=== a wrong exit status, a missing substring and stderr are reported
$ cat > "$TMPDIR/fail.t" <<'EOF'
> # comment before the first case
> === passes
> $ echo fine
> --- stdout
> fine
>
> === exits 2
> $ echo out; echo err-text >&2; exit 2
> --- stdout-contains
> not there
> --- exit 0
> EOF
> /usr/bin/python3 tools/clitest.py "$TMPDIR/fail.t"
--- stdout-contains
FAIL exits 2
fail.t:7
exit status: expected 0, got 2
stdout does not contain: not there
err-text
1 passed, 1 failed, 0 skipped
--- exit 1

=== the praxis word is replaced in command position only
$ printf '=== replaced\n$ praxis A praxis; \x70raxis B | \x70raxis C && \x70raxis D\n--- stdout\nA praxis\nC\nD\n' > "$TMPDIR/word.t"
> /usr/bin/python3 tools/clitest.py --praxis /bin/echo "$TMPDIR/word.t"
--- stdout
1 passed, 0 failed, 0 skipped

=== PRAXIS in the environment names the binary
$ printf '=== p\n$ praxis x\n--- stdout\nx\n' > "$TMPDIR/env.t"
> PRAXIS=/bin/echo /usr/bin/python3 tools/clitest.py "$TMPDIR/env.t"
--- stdout
1 passed, 0 failed, 0 skipped

=== skip-unless skips visibly, and --filter selects cases
$ printf '=== needs nothing\n--- skip-unless false\n$ false\n\n=== other\n$ false\n' > "$TMPDIR/skip.t"
> /usr/bin/python3 tools/clitest.py --filter needs "$TMPDIR/skip.t"
--- stdout
SKIP needs nothing: `false` failed
0 passed, 0 failed, 1 skipped

=== a case that runs too long is killed and fails
$ printf '=== slow\n$ echo started; sleep 20\n' > "$TMPDIR/slow.t"
> /usr/bin/python3 tools/clitest.py --timeout 1 "$TMPDIR/slow.t"
--- stdout-contains
FAIL slow
timed out after 1 s
0 passed, 1 failed, 0 skipped
--- exit 1

=== --update rewrites a failing stdout section in place
$ printf '=== regenerate\n$ printf "new\\nlines\\n"\n--- stdout\nold\n\n=== keep\n$ echo same\n--- stdout\nsame\n' > "$TMPDIR/up.t"
> cd "$TMPDIR"
> /usr/bin/python3 "$OLDPWD/tools/clitest.py" --update up.t
> while IFS= read -r line; do printf '|%s\n' "$line"; done < up.t
> /usr/bin/python3 "$OLDPWD/tools/clitest.py" up.t
--- stdout
UPDATED regenerate (up.t:1): stdout
1 case updated
2 passed, 0 failed, 0 skipped
|=== regenerate
|$ printf "new\nlines\n"
|--- stdout
|new
|lines
|
|=== keep
|$ echo same
|--- stdout
|same
2 passed, 0 failed, 0 skipped

=== a malformed case file is a failure
$ printf '=== no command\n--- stdout\nx\n' > "$TMPDIR/bad.t"
> /usr/bin/python3 tools/clitest.py "$TMPDIR/bad.t"
--- stdout-contains
has no "$ command" line
0 passed, 1 failed, 0 skipped
--- exit 1

=== --valgrind wraps the praxis word and passes a clean program
$ printf '=== vg\n$ praxis hi | cat\n--- stdout\nhi\n--- stderr\nnot compared under valgrind\n' > "$TMPDIR/vg.t"
> /usr/bin/python3 tools/clitest.py --valgrind --praxis /bin/echo "$TMPDIR/vg.t"
--- skip-unless command -v valgrind
--- stdout
1 passed, 0 failed, 0 skipped
