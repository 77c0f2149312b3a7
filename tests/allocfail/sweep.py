#!/usr/bin/python3
"""Allocation-failure sweeps: PRAXIS_FAIL_ALLOC=N makes the Nth allocation
that grows the Lua heap fail (lua/host/sandbox.c). For each scenario this
finds the allocations its operation makes and runs praxis once for each N
there (sampled in a long window; at most about 20 seconds of runs, the
most telling first, so that a loaded machine or valgrind stays within a
test case's time), checking that every run ends cleanly:
exit 0 (the failure was caught inside) or exit 1 with "praxis: ... not
enough memory", never a crash, a panic or (under ASan) a leak, whose exit
status is 86. Under valgrind, leaks show in valgrind's own report.

usage: sweep.py SCENARIO...   (run from the repository root)

The binary is the shell function `run` (exported by the calling test, so
that tools/clitest.py can put valgrind in front of it); $PRAXIS, run
directly (or ./praxis when it exists), finds the windows. Prints "SCENARIO: clean" per scenario; on a
problem, the runs that went wrong on stderr and exit status 1."""
import os
import subprocess
import sys
import time

SAMPLE = 'corpora/samples/spoken.xml'
# name -> (arguments, how the operation is switched on: env PX_OP=1, or
# a second argument list for the "before" run)
GRAPH = 'local g = corpus.utterances:interactions("next"):graph(); '
SCENARIOS = {
    # the corpus of the command line, boxed by the host
    'open-cli': (['-e', 'return', SAMPLE], ['-e', 'return', 'no/such/file.xml']),
    # praxis.open
    'open': (['-e', 'if os.getenv("PX_OP") then praxis.open("%s") end' % SAMPLE, SAMPLE], None),
    # where with sets, a phrase, generic keys and a function
    'where': (['-e', 'local s = corpus.utterances; if os.getenv("PX_OP") then '
               's = s:where{speaker = "ros", text = "well", lang = {"en", "fr"}}'
               ':where(function(u) return u.id end) end', SAMPLE], None),
    # g:draw() into a string (SVG through a memory stream)
    'draw': (['-e', GRAPH + 'if os.getenv("PX_OP") then g:draw() end', SAMPLE], None),
    # g:write() (GraphML and CSV through a memory stream, then a file)
    'write': (['-e', GRAPH + 'if os.getenv("PX_OP") then local d = os.getenv("TMPDIR") '
               'g:write(d .. "/g.graphml"); g:write(d .. "/g.csv") end', SAMPLE], None),
    # the script runner's realpath
    'realpath': (['-e', 'if os.getenv("PX_OP") then praxis._run.realpath("corpora") end',
                  SAMPLE], None),
}

PRAXIS = os.environ.get('PRAXIS', './praxis')
# the windows are found with the plain build when there is one (an ASan
# build makes the same Lua allocations, only slower)
FINDER = './praxis' if os.access('./praxis', os.X_OK) else PRAXIS
UNDER_VALGRIND = 'valgrind' in os.environ.get('BASH_FUNC_run%%', '')
TIMEOUT = 60
# a test case has 30 seconds (tools/clitest.py): the runs of a scenario
# stop after this many, the most telling first (see order)
BUDGET = 20.0


def env_for(n, op):
    env = dict(os.environ)
    env['PRAXIS_FAIL_ALLOC'] = str(n)
    if op:
        env['PX_OP'] = '1'
    else:
        env.pop('PX_OP', None)
    return env


def direct(args, n, op):
    """True when the run stopped because Lua's memory ran out."""
    p = subprocess.run([FINDER] + args, env=env_for(n, op), stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT)
    return b'not enough memory' in p.stderr


def total(args, op, lo=1, hi=1 << 13):
    """The number of allocations of a run: the smallest N it survives, less one."""
    while direct(args, hi, op):
        lo, hi = hi, hi * 2
    while lo < hi:
        mid = (lo + hi) // 2
        if direct(args, mid, op):
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def window(name):
    args, before = SCENARIOS[name]
    if before is None:
        t0 = total(args, False)
        t1 = total(args, True, lo=t0, hi=t0 + 256)
    else:
        t0 = total(before, False)
        t1 = total(args, False, lo=max(1, t0 - 64), hi=t0 + 256)
    return args, max(1, t0 - 4), t1


def pick(first, last):
    """Every N of a short window; in a long one the first and last 12 and
    evenly spread ones between; under valgrind, a few. In the order they
    run: the last ones first (where results are copied into Lua), then the
    first (where the operation makes its boxes), then the rest."""
    ns = list(range(first, last + 1))
    keep = 6 if UNDER_VALGRIND else 40
    edge = 2 if UNDER_VALGRIND else 12
    if len(ns) > keep:
        inner = ns[edge:-edge]
        step = max(1, len(inner) // (keep - 2 * edge))
        ns = sorted(set(ns[:edge] + inner[::step] + ns[-edge:]))
    order = ns[::-1][:4] + ns[:4]
    return order + [n for n in ns if n not in order]


def check(name):
    start = time.monotonic()
    args, first, last = window(name)
    bad = []
    p = subprocess.run([FINDER] + args, env=env_for(0, True), stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT)
    if p.returncode != 0:   # the operation itself must work
        bad.append('%s: fails without an allocation failure: exit %d\n%s'
                   % (name, p.returncode, p.stderr.decode('utf-8', 'replace')[-2000:]))
    ns = pick(first, last)
    ran = 0
    for n in ns:
        if ran and time.monotonic() - start > BUDGET:
            break
        ran += 1
        p = subprocess.run(['bash', '-c', 'run "$@"', 'run'] + args, env=env_for(n, True),
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        err = p.stderr.decode('utf-8', 'replace')
        clean = p.returncode == 0 or (p.returncode == 1 and err.startswith('praxis: ')
                                      and 'not enough memory' in err
                                      and 'unprotected' not in err)
        if not clean:
            bad.append('%s: PRAXIS_FAIL_ALLOC=%d: exit %d\n%s' % (name, n, p.returncode,
                                                                 err[-2000:]))
    print('%s: N from %d to %d, %d of %d runs' % (name, first, last, ran, len(ns)),
          file=sys.stderr)
    if last <= first:
        bad.append('%s: no allocations found between %d and %d' % (name, first, last))
    return bad


def main():
    names = sys.argv[1:] or sorted(SCENARIOS)
    problems = []
    for name in names:
        if name not in SCENARIOS:
            print('sweep.py: unknown scenario %s (%s)' % (name, ', '.join(sorted(SCENARIOS))),
                  file=sys.stderr)
            return 2
        bad = check(name)
        problems += bad
        print('%s: %s' % (name, 'clean' if not bad else '%d bad runs' % len(bad)))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
