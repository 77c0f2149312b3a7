Shape of the graph module (core/graph*.c) and what it may do: it opens no
file (every file a script writes goes through the host's sandbox), its
files stay small and depend on each other one way only.

=== graph: no core object opens a file by name for writing (fopen, freopen, fdopen, creat)
$ nm -A build/core/*.o | grep -E ' U (fopen|fopen64|freopen|freopen64|fdopen|creat|creat64)$'; echo "exit $?"
--- stdout
exit 1

=== graph: the graph module writes and draws onto the caller's stream only
$ grep -c -E 'px_graph_write\(|px_graph_draw\(' core/px_graph.h lua/bind/l_graph.c
--- stdout
core/px_graph.h:0
lua/bind/l_graph.c:0
--- exit 1

=== graph: no file of the graph module over 1,200 lines, no function over 120
$ for f in core/graph*.c core/graph_impl.h; do n=$(wc -l < $f); [ $n -le 1200 ] || echo "$f: $n lines"; awk -v f=$f '/^[a-z].*\)$|^[a-z].*\($|^[a-z].*,$/ { head = FNR } /^\{/ { start = head ? head : FNR } /^\}/ { if (start && FNR - start + 1 > 120) print f ":" start ": " FNR - start + 1 " lines"; start = 0; head = 0 }' $f; done; echo checked
--- stdout
checked

=== graph: the graph module's objects call each other without a cycle
$ /usr/bin/python3 tests/graph/deps.py build/core/graph*.o
--- stdout
graph.o -> (none)
graph_draw.o -> graph.o graph_write.o
graph_extra.o -> graph.o
graph_write.o -> (none)
no cycle
