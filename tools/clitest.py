#!/usr/bin/python3
"""Golden CLI test runner for Praxis.

usage: clitest.py [--praxis PATH] [--valgrind] [--filter SUBSTR] [--update]
                  [--timeout SECONDS] [-v] FILE.t...

Each FILE.t holds one or more cases; the format is described in
tests/cli/README.md.  Commands run with `bash -c` from the repository root
(the folder above tools/), in a scrubbed environment with a fresh HOME.
The last line printed is `N passed, N failed, N skipped`; the exit status
is 1 when any case failed, 2 on a usage error.

Standard library only (Debian's /usr/bin/python3).
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEFAULT_TIMEOUT = 30.0

# Section headers that the parser recognises.  A line that starts with
# "--- " but names none of these is ordinary content of the section it is
# in (so that expected output may contain, for instance, a diff header).
SECTION_RE = re.compile(
    r'^--- (stdin|stdout-contains|stdout|stderr-contains|stderr|env|exit|skip-unless)'
    r'(?:[ \t]+(.*?))?[ \t]*$')
CASE_RE = re.compile(r'^=== (.*?)\s*$')

# Sections whose whole content is a block of text.
BLOCK_SECTIONS = ('stdin', 'stdout', 'stdout-contains', 'stderr',
                  'stderr-contains', 'env')
# Sections whose value is given on the header line itself.
INLINE_SECTIONS = ('exit', 'skip-unless')

# The `praxis` word is replaced at the start of the command and after
# these separators: | ; && || ( and a newline (multi-line commands).
PRAXIS_WORD_RE = re.compile(
    r'(^|\|\||\||;|&&|\(|\n)([ \t]*)praxis(?=[ \t]|$|[;|&)\n])')

VALGRIND_ARGS = ['valgrind', '--quiet', '--leak-check=full',
                 '--show-leak-kinds=definite,indirect',
                 '--errors-for-leak-kinds=definite,indirect',
                 '--error-exitcode=99']
VALGRIND_SUPP = 'tests/valgrind.supp'
VALGRIND_EXIT = 99

ENCODING = 'utf-8'
ERRORS = 'surrogateescape'


class ParseError(Exception):
    def __init__(self, path, lineno, message):
        Exception.__init__(self, '%s:%d: %s' % (path, lineno, message))


class Section:
    """One `--- NAME` block of a case.

    `lines` is the content without trailing blank lines; `first` and `end`
    are 0-based indexes into the file's lines delimiting that content (used
    by --update to rewrite it in place).
    """

    def __init__(self, name, value, header_index):
        self.name = name
        self.value = value
        self.header_index = header_index
        self.lines = []
        self.first = header_index + 1
        self.end = header_index + 1

    def text(self):
        """The content as text with exactly one trailing newline (or '')."""
        return normalise('\n'.join(self.lines))


class Case:
    def __init__(self, path, lineno, name):
        self.path = path
        self.lineno = lineno
        self.name = name
        self.command = None
        self.sections = {}

    def where(self):
        return '%s:%d' % (self.path, self.lineno)


def normalise(text):
    """Strip trailing newlines and add exactly one if anything is left."""
    text = text.rstrip('\n')
    return text + '\n' if text else ''


def read_lines(path):
    with open(path, 'rb') as f:
        data = f.read().decode(ENCODING, ERRORS)
    return data.split('\n')


def parse_file(path, lines):
    """Parse the lines of a case file into a list of Case objects."""
    cases = []
    case = None
    section = None
    n = len(lines)
    # A trailing '' produced by split() on the final newline is not a line.
    if n and lines[-1] == '':
        n -= 1

    def close_section():
        if section is None or section.name not in BLOCK_SECTIONS:
            return
        body = lines[section.first:i]
        while body and body[-1].strip() == '':
            body.pop()
        section.lines = body
        section.end = section.first + len(body)

    i = 0
    while i < n:
        line = lines[i]
        m = CASE_RE.match(line)
        if m:
            close_section()
            section = None
            if case is not None:
                finish_case(case)
            if not m.group(1):
                raise ParseError(path, i + 1, 'a case needs a name after ===')
            case = Case(path, i + 1, m.group(1))
            cases.append(case)
            i += 1
            continue
        if case is None:
            # Free text before the first case: a file comment.
            i += 1
            continue
        m = SECTION_RE.match(line) if line.startswith('--- ') else None
        if m:
            close_section()
            name, value = m.group(1), (m.group(2) or '')
            if name in case.sections:
                raise ParseError(path, i + 1,
                                 'section "%s" given twice in case "%s"'
                                 % (name, case.name))
            if name in INLINE_SECTIONS and not value:
                raise ParseError(path, i + 1,
                                 '"--- %s" needs a value on the same line'
                                 % name)
            if name in BLOCK_SECTIONS and value:
                raise ParseError(path, i + 1,
                                 'unexpected text after "--- %s"' % name)
            section = Section(name, value, i)
            case.sections[name] = section
            if name in INLINE_SECTIONS:
                section = None
            i += 1
            continue
        if section is not None:
            i += 1       # content; collected by close_section()
            continue
        # Between the === line and the first section.
        if line.startswith('$ ') or line == '$':
            if case.command is not None:
                raise ParseError(path, i + 1,
                                 'case "%s" has a second "$" line (continue a '
                                 'command with "> " lines)' % case.name)
            parts = [line[2:]]
            while i + 1 < n and (lines[i + 1].startswith('> ')
                                 or lines[i + 1] == '>'):
                i += 1
                parts.append(lines[i][2:])
            case.command = '\n'.join(parts)
        elif line.startswith('--- '):
            raise ParseError(path, i + 1, 'unknown section "%s"' % line)
        elif line.strip() and not line.lstrip().startswith('#'):
            raise ParseError(path, i + 1,
                             'expected "$ command", "--- section" or "# '
                             'comment", got: %s' % line)
        i += 1
    close_section()
    if case is not None:
        finish_case(case)
    return cases


def finish_case(case):
    if case.command is None or not case.command.strip():
        raise ParseError(case.path, case.lineno,
                         'case "%s" has no "$ command" line' % case.name)
    exit_section = case.sections.get('exit')
    if exit_section is not None:
        try:
            case.expected_exit = int(exit_section.value)
        except ValueError:
            raise ParseError(case.path, exit_section.header_index + 1,
                             'exit status must be an integer, got "%s"'
                             % exit_section.value)
    else:
        case.expected_exit = 0
    case.extra_env = {}
    env_section = case.sections.get('env')
    if env_section is not None:
        for k, line in enumerate(env_section.lines):
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            key, eq, value = line.partition('=')
            key = key.strip()
            if not eq or not re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', key):
                raise ParseError(case.path, env_section.first + k + 1,
                                 'env lines are KEY=VALUE, got: %s' % line)
            case.extra_env[key] = value


class Runner:
    def __init__(self, args):
        self.args = args
        self.praxis = resolve_praxis(args.praxis)
        self.valgrind = args.valgrind
        self.timeout = args.timeout
        self.verbose = args.verbose
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.updated = 0
        self.edits = {}     # path -> list of (first, end, new_lines)
        self.praxis_word = shlex.quote(self.praxis)
        if self.valgrind:
            vg = list(VALGRIND_ARGS)
            if os.path.isfile(os.path.join(ROOT, VALGRIND_SUPP)):
                vg.append('--suppressions=' + os.path.join(ROOT, VALGRIND_SUPP))
            self.valgrind_prefix = vg

    # -- environment ------------------------------------------------------

    def case_env(self, case, tmp):
        home = os.path.join(tmp, 'home')
        env = {}
        # Only what a test needs from the caller: the search path, the
        # sanitizer settings of `make asan` and where the shared corpora
        # are (PRAXIS_SHARED); everything else is fixed.
        for key in ('PATH', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS',
                    'MSAN_OPTIONS', 'PRAXIS_SHARED'):
            if key in os.environ:
                env[key] = os.environ[key]
        env.setdefault('PATH', '/usr/local/bin:/usr/bin:/bin')
        xdg = {
            'XDG_CONFIG_HOME': os.path.join(home, '.config'),
            'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
            'XDG_STATE_HOME': os.path.join(home, '.local', 'state'),
            'XDG_CACHE_HOME': os.path.join(home, '.cache'),
            'XDG_RUNTIME_DIR': os.path.join(tmp, 'runtime'),
        }
        for d in [home, os.path.join(tmp, 'tmp')] + list(xdg.values()):
            os.makedirs(d, mode=0o700, exist_ok=True)
        env.update(xdg)
        env.update({
            'LC_ALL': 'C.UTF-8',
            'TZ': 'UTC',
            'HOME': home,
            'TMPDIR': os.path.join(tmp, 'tmp'),
            'NO_COLOR': '1',
            'COLUMNS': '100',
            'PRAXIS': self.praxis,
        })
        env.update(case.extra_env)
        return env

    def expand(self, command, tmp):
        """Replace the word `praxis` in command position by the binary."""
        word = self.praxis_word
        if self.valgrind:
            log = os.path.join(tmp, 'valgrind.%p.log')
            word = ' '.join(shlex.quote(a) for a in
                            self.valgrind_prefix + ['--log-file=' + log,
                                                    self.praxis])
        return PRAXIS_WORD_RE.sub(lambda m: m.group(1) + m.group(2) + word,
                                  command)

    # -- running ------------------------------------------------------------

    def run_shell(self, command, env, stdin_text, timeout):
        """Run command with bash -c; returns (status, out, err, timed_out)."""
        stdin = subprocess.DEVNULL if stdin_text is None else subprocess.PIPE
        proc = subprocess.Popen(['bash', '-c', command], cwd=ROOT, env=env,
                                stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                start_new_session=True)
        data = None
        if stdin_text is not None:
            data = stdin_text.encode(ENCODING, ERRORS)
        timed_out = False
        try:
            out, err = proc.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            kill_group(proc)
            out, err = proc.communicate()
        status = proc.returncode
        if status < 0:
            status = 128 - status      # as a shell would report a signal
        return (status, out.decode(ENCODING, ERRORS),
                err.decode(ENCODING, ERRORS), timed_out)

    def run_case(self, case):
        tmp = tempfile.mkdtemp(prefix='clitest.')
        try:
            return self._run_case(case, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def _run_case(self, case, tmp):
        env = self.case_env(case, tmp)
        skip = case.sections.get('skip-unless')
        if skip is not None:
            status, _, _, timed_out = self.run_shell(skip.value, env, None,
                                                     self.timeout)
            if status != 0 or timed_out:
                self.skipped += 1
                print('SKIP %s: `%s` failed' % (case.name, skip.value))
                return
        stdin = case.sections.get('stdin')
        stdin_text = stdin.text() if stdin is not None else None
        command = self.expand(case.command, tmp)
        status, out, err, timed_out = self.run_shell(command, env, stdin_text,
                                                     self.timeout)
        problems = []        # lines of explanation
        rewrites = []        # (section, actual text) for --update
        other_failure = False

        if timed_out:
            problems.append('timed out after %g s (killed)' % self.timeout)
            other_failure = True
        if status != case.expected_exit:
            problems.append('exit status: expected %d, got %d'
                            % (case.expected_exit, status))
            other_failure = True

        for stream, actual in (('stdout', out), ('stderr', err)):
            exact = case.sections.get(stream)
            if exact is not None and not (stream == 'stderr'
                                          and self.valgrind):
                expected_text = exact.text()
                actual_text = normalise(actual)
                if expected_text != actual_text:
                    problems.extend(diff_lines(stream, expected_text,
                                               actual_text))
                    rewrites.append((exact, actual_text))
            contains = case.sections.get(stream + '-contains')
            if contains is not None:
                missing = [l for l in contains.lines
                           if l.strip() and l not in actual]
                if missing:
                    other_failure = True
                    for l in missing:
                        problems.append('%s does not contain: %s'
                                        % (stream, l))
                    problems.append('actual %s:' % stream)
                    problems.extend(excerpt(actual))

        if self.valgrind:
            report = valgrind_report(tmp, err, status)
            if report:
                other_failure = True
                problems.append('valgrind reported errors:')
                problems.extend(report)

        if not problems:
            self.passed += 1
            if self.verbose:
                print('ok %s' % case.name)
            return

        if self.args.update and rewrites and not other_failure:
            if self.queue_rewrites(case, rewrites):
                self.updated += 1
                self.passed += 1
                print('UPDATED %s (%s): %s' % (
                    case.name, case.where(),
                    ', '.join(s.name for s, _ in rewrites)))
                return

        self.failed += 1
        print('FAIL %s' % case.name)
        print('  at %s' % case.where())
        for k, cmd_line in enumerate(case.command.split('\n')):
            print('  %s %s' % ('$' if k == 0 else '>', cmd_line))
        print('  exit status: expected %d, got %d%s'
              % (case.expected_exit, status,
                 ' (timed out)' if timed_out else ''))
        for p in problems:
            if p.startswith('exit status:'):
                continue
            print('  ' + p)
        if (status != case.expected_exit and 'stderr' not in case.sections
                and 'stderr-contains' not in case.sections and err):
            print('  stderr was:')
            for l in excerpt(err):
                print('  ' + l)
        if self.args.update and rewrites and other_failure:
            print('  (not updated: the case also fails on its exit status, '
                  'a -contains check or valgrind)')

    def queue_rewrites(self, case, rewrites):
        for section, text in rewrites:
            new_lines = text.rstrip('\n').split('\n') if text else []
            for l in new_lines:
                if CASE_RE.match(l) or SECTION_RE.match(l):
                    print('clitest: cannot update %s (%s): the %s line %r '
                          'would read as a case or section header'
                          % (case.name, case.where(), section.name, l))
                    return False
        for section, text in rewrites:
            new_lines = text.rstrip('\n').split('\n') if text else []
            self.edits.setdefault(case.path, []).append(
                (section.first, section.end, new_lines))
        return True

    def apply_updates(self):
        for path, edits in self.edits.items():
            lines = read_lines(path)
            for first, end, new_lines in sorted(edits, reverse=True):
                lines[first:end] = new_lines
            data = '\n'.join(lines)
            with open(path, 'wb') as f:
                f.write(data.encode(ENCODING, ERRORS))


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def diff_lines(stream, expected, actual):
    out = ['%s differs:' % stream]
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                'expected ' + stream, 'actual ' + stream,
                                lineterm='')
    out.extend(diff)
    return out


def excerpt(text, limit=40):
    lines = text.rstrip('\n').split('\n') if text else []
    if not lines:
        return ['  (empty)']
    shown = ['  | ' + l for l in lines[:limit]]
    if len(lines) > limit:
        shown.append('  | ... (%d more lines)' % (len(lines) - limit))
    return shown


def valgrind_report(tmp, err, status):
    """Lines describing valgrind errors of a case, [] when there were none."""
    report = []
    if status == VALGRIND_EXIT:
        report.append('  exit status %d (valgrind --error-exitcode)'
                      % VALGRIND_EXIT)
    for m in re.finditer(r'ERROR SUMMARY: (\d+) errors', err):
        if int(m.group(1)) > 0:
            report.append('  ' + m.group(0) + ' (in stderr)')
            break
    for name in sorted(os.listdir(tmp)):
        if not (name.startswith('valgrind.') and name.endswith('.log')):
            continue
        with open(os.path.join(tmp, name), 'rb') as f:
            log = f.read().decode(ENCODING, ERRORS)
        # --quiet leaves only errors in the log; lone warnings (such as
        # "Warning: set address range perms") are not failures.
        body = [l for l in log.split('\n')
                if re.sub(r'^==\d+==\s*', '', l).strip()]
        if any('Warning:' not in l for l in body):
            report.extend('  | ' + l for l in body[:60])
            if len(body) > 60:
                report.append('  | ... (%d more lines)' % (len(body) - 60))
    return report


def resolve_praxis(option):
    path = option or os.environ.get('PRAXIS') or './praxis'
    if '/' in path:
        # Relative to where clitest.py was started (the case runs in ROOT).
        path = os.path.abspath(path)
    return path


def main(argv):
    ap = argparse.ArgumentParser(
        prog='clitest.py',
        description='Run golden CLI test cases (tests/cli/*.t).')
    ap.add_argument('files', nargs='+', metavar='FILE.t')
    ap.add_argument('--praxis', metavar='PATH',
                    help='the praxis binary (default: $PRAXIS, else ./praxis)')
    ap.add_argument('--valgrind', action='store_true',
                    help='run praxis under valgrind memcheck')
    ap.add_argument('--filter', metavar='SUBSTR',
                    help='run only cases whose name or file contains SUBSTR')
    ap.add_argument('--update', action='store_true',
                    help='rewrite the stdout/stderr sections of failing '
                         'cases with the actual output')
    ap.add_argument('--timeout', type=float, default=DEFAULT_TIMEOUT,
                    metavar='SECONDS',
                    help='time limit per case (default %g)' % DEFAULT_TIMEOUT)
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='also print a line for every passing case')
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)

    if args.valgrind and shutil.which('valgrind') is None:
        print('clitest: --valgrind given but valgrind is not installed',
              file=sys.stderr)
        return 2
    if args.valgrind and args.update:
        print('clitest: --update cannot be combined with --valgrind',
              file=sys.stderr)
        return 2

    runner = Runner(args)
    if '/' in runner.praxis and not os.access(runner.praxis, os.X_OK):
        print('clitest: warning: %s is not an executable file'
              % runner.praxis, file=sys.stderr)

    for path in args.files:
        try:
            cases = parse_file(path, read_lines(path))
        except OSError as e:
            print('FAIL %s: cannot read: %s' % (path, e.strerror))
            runner.failed += 1
            continue
        except ParseError as e:
            print('FAIL %s' % e)
            runner.failed += 1
            continue
        for case in cases:
            if args.filter and args.filter not in case.name \
                    and args.filter not in path:
                continue
            runner.run_case(case)

    runner.apply_updates()
    if runner.updated:
        print('%d case%s updated' % (runner.updated,
                                     '' if runner.updated == 1 else 's'))
    print('%d passed, %d failed, %d skipped'
          % (runner.passed, runner.failed, runner.skipped))
    sys.stdout.flush()
    return 1 if runner.failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
