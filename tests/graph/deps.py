"""deps.py - the file-level call graph of core/, from the objects' symbols.

Usage: python3 tests/graph/deps.py build/core/*.o

An object depends on another when it leaves undefined (nm: U) a symbol the
other defines. Prints each object's dependencies among the others, then any
cycle; exits 1 when there is one. The graph module (graph*.o) must stay
acyclic: graph.o and graph_write.o depend on none of the other graph files.
"""
import os
import subprocess
import sys


def symbols(path):
    out = subprocess.run(["nm", path], check=True, capture_output=True, text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
        elif len(parts) == 3 and parts[1] in "TDBRGSV":   # global text, data, bss, rodata
            defined.add(parts[2])
    return defined, undefined


def main(paths):
    names = [os.path.basename(p) for p in paths]
    table = {n: symbols(p) for n, p in zip(names, paths)}
    deps = {}
    for n in names:
        deps[n] = sorted(m for m in names if m != n and table[n][1] & table[m][0])
        print("%s -> %s" % (n, " ".join(deps[n]) or "(none)"))
    # depth-first search for a back edge
    state, stack, cycles = {}, [], []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in deps[n]:
            if state.get(m) == 1:
                cycles.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in names:
        if n not in state:
            visit(n)
    for c in cycles:
        print("cycle: " + " -> ".join(c))
    print("no cycle" if not cycles else "%d cycle(s)" % len(cycles))
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
