#!/usr/bin/python3
"""The interaction-network pipeline of tests/bench/graph.sh, in Python.

  graph_pipeline.py run DIR      import DIR/*.xml with lxml iterparse (elements
                                 cleared as they are read), derive `next`
                                 interactions as Praxis does, build the weighted
                                 directed graph with networkx, then exact
                                 betweenness_centrality, core_number and
                                 louvain_communities (seed 1) on the undirected
                                 version with weights summed. Prints timings.
  graph_pipeline.py gen DIR [--utterances N] [--people P] [--partners K] [--seed S]
                                 writes the synthetic corpus: P participants,
                                 each with about K partners (a random symmetric
                                 partner graph), N utterances in files of 10,000
                                 and topics of 100, the next speaker drawn from
                                 the current speaker's partners.

The `next` rule: within each typed div (the segment), in document order, a
turn whose first speaker differs from the previous turn's gives an edge from
the previous speaker to this one; runs of one speaker collapse; a turn with no
speaker takes part in nothing but still separates its neighbours.
"""
import glob
import os
import random
import sys
import time

TEI = "{http://www.tei-c.org/ns/1.0}"


def run(folder):
    from lxml import etree
    import networkx as nx

    t0 = time.perf_counter()
    weights = {}
    utterances = 0
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.xml"), recursive=True)):
        stack = []          # open typed divs: [previous speaker]
        body_prev = [None]
        for event, el in etree.iterparse(path, events=("start", "end")):
            tag = el.tag
            if event == "start":
                if (tag.startswith(TEI + "div") and el.get("type")):
                    stack.append([None])
                continue
            if tag == TEI + "u":
                utterances += 1
                who = (el.get("who") or "").split()
                spk = who[0].lstrip("#") if who else None
                state = stack[-1] if stack else body_prev
                prev = state[0]
                if prev is not None and spk != prev[0]:
                    if prev[0] is not None and spk is not None:
                        key = (prev[0], spk)
                        weights[key] = weights.get(key, 0) + 1
                state[0] = (spk,)
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]
            elif tag.startswith(TEI + "div") and el.get("type"):
                stack.pop()
                el.clear()
    t1 = time.perf_counter()
    G = nx.DiGraph()
    G.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    bc = nx.betweenness_centrality(G)
    t2 = time.perf_counter()
    core = nx.core_number(G)
    t3 = time.perf_counter()
    U = nx.Graph()
    for a, b, w in G.edges(data="weight"):
        if U.has_edge(a, b):
            U[a][b]["weight"] += w
        else:
            U.add_edge(a, b, weight=w)
    comms = nx.community.louvain_communities(U, weight="weight", seed=1)
    t4 = time.perf_counter()
    print("utterances %d nodes %d edges %d communities %d max_core %d" %
          (utterances, G.number_of_nodes(), G.number_of_edges(), len(comms),
           max(core.values()) if core else 0))
    print("seconds import+interactions %.3f betweenness %.3f coreness %.3f louvain %.3f "
          "total %.3f" % (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
    del bc


def gen(folder, n, people, partners, seed):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    ids = ["p%04d" % i for i in range(people)]
    nbrs = [set() for _ in range(people)]
    for i in range(people):
        picks = 0
        while picks < partners // 2:     # each picks K/2 new partners: about K each
            j = rng.randrange(people)
            if j != i and j not in nbrs[i]:
                nbrs[i].add(j)
                nbrs[j].add(i)
                picks += 1
    nbrs = [sorted(s) for s in nbrs]
    words = ["well", "yes", "no", "the", "claim", "file", "right", "so", "maybe", "ok"]
    persons = "".join('          <person xml:id="%s"><persName>Person %s</persName></person>\n'
                      % (p, p[1:]) for p in ids)
    per_file, per_topic = 10000, 100
    nfiles = (n + per_file - 1) // per_file
    cur = rng.randrange(people)
    done = 0
    for f in range(nfiles):
        fid = "g%03d" % (f + 1)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="%s">\n'
            '  <teiHeader>\n    <fileDesc><titleStmt><title>Synthetic %s</title></titleStmt>'
            '<publicationStmt><p>generated</p></publicationStmt>'
            '<sourceDesc><p>tests/bench/graph_pipeline.py</p></sourceDesc></fileDesc>\n'
            '    <profileDesc>\n      <particDesc>\n        <listPerson>\n' % (fid, fid),
            persons,
            '        </listPerson>\n      </particDesc>\n    </profileDesc>\n  </teiHeader>\n'
            '  <text>\n    <body>\n']
        k = 0
        while k < per_file and done < n:
            out.append('      <div type="topic">\n')
            for _ in range(per_topic):
                if k >= per_file or done >= n:
                    break
                cur = rng.choice(nbrs[cur])
                text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
                out.append('        <u xml:id="%s.u%d" who="#%s">%s</u>\n'
                           % (fid, k + 1, ids[cur], text))
                k += 1
                done += 1
            out.append('      </div>\n')
        out.append('    </body>\n  </text>\n</TEI>\n')
        with open(os.path.join(folder, fid + ".xml"), "w", encoding="utf-8") as fh:
            fh.write("".join(out))
    print("generated %d utterances, %d participants, %.1f partners each, %d files in %s"
          % (done, people, sum(len(s) for s in nbrs) / people, nfiles, folder))


def main(argv):
    if len(argv) >= 3 and argv[1] == "run":
        run(argv[2])
    elif len(argv) >= 3 and argv[1] == "gen":
        opts = {"--utterances": 400000, "--people": 2000, "--partners": 20, "--seed": 11}
        i = 3
        while i + 1 < len(argv) + 1 and i < len(argv):
            opts[argv[i]] = int(argv[i + 1])
            i += 2
        gen(argv[2], opts["--utterances"], opts["--people"], opts["--partners"],
            opts["--seed"])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
