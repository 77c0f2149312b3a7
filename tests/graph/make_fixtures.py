#!/usr/bin/python3
"""Writes the DraCor network fixtures of tests/lua/graph_spec.lua.

For every play in ../shared/corpora/dracor-*/ (corpus.xml excepted) this
computes the co-presence network the way dracor-metrics does
(github.com/dracor-org/dracor-metrics, app/main.py: one node per speaker of
a segment, an edge for each pair of speakers of a segment weighted by the
number of segments they share, networkx for every measure; diameter and
average path length over the finite, non-zero shortest path lengths) and
writes tests/graph/dracor/<play>.lua, a Lua table the spec compares with.

The segments are found here with lxml, independently of Praxis, following
DraCor's rule (Praxis docs/semantics.md, "Segments"): no div or div1 in the body
-> the body; else any div2[@type="scene"] -> those and the div1 that hold
sp and no div2; else any div1 -> every div1; else the div that hold sp, or
are scenes without sp. A segment's speakers are the @who ids of the sp
elements whose nearest enclosing segment it is.

Usage: /usr/bin/python3 tests/graph/make_fixtures.py [SHARED_CORPORA_DIR]
"""
import glob
import os
import sys

import networkx as nx
from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def segments(root):
    body = root.find(".//" + TEI + "text/" + TEI + "body")
    if body is None:
        body = root.find(".//" + TEI + "body")
    divs = body.xpath(".//t:div | .//t:div1", namespaces=NS)
    if not divs:
        segs = [body]
    else:
        scenes2 = body.xpath(".//t:div2[@type='scene']", namespaces=NS)
        if scenes2:
            segs = scenes2 + body.xpath(".//t:div1[t:sp and not(.//t:div2)]", namespaces=NS)
        elif body.xpath(".//t:div1", namespaces=NS):
            segs = body.xpath(".//t:div1", namespaces=NS)
        else:
            segs = body.xpath(".//t:div[t:sp or (@type='scene' and not(.//t:sp))]",
                              namespaces=NS)
    segset = set(segs)
    speakers = {id(s): [] for s in segs}
    order = []
    for sp in body.iter(TEI + "sp"):
        anc = sp.getparent()
        while anc is not None and anc not in segset:
            anc = anc.getparent()
        if anc is None:
            continue
        for ref in (sp.get("who") or "").split():
            who = ref.lstrip("#")
            if who and who not in speakers[id(anc)]:
                speakers[id(anc)].append(who)
    # document order of the segments
    pos = {el: i for i, el in enumerate(body.iter())}
    pos[body] = -1
    return [speakers[id(s)] for s in sorted(segs, key=lambda e: pos[e])]


def metrics(segs):
    G = nx.Graph()
    weights = {}
    for speakers in segs:
        if len(speakers) == 1:
            G.add_node(speakers[0])
        for i, a in enumerate(speakers):
            for b in speakers[i + 1:]:
                e = tuple(sorted((a, b)))
                weights[e] = weights.get(e, 0) + 1
    G.add_weighted_edges_from([(a, b, w) for (a, b), w in weights.items()])
    degree = dict(G.degree())
    maxd = max(degree.values())
    lengths = [d for _, row in nx.shortest_path_length(G) for d in row.values() if d > 0]
    wd = dict(G.degree(weight="weight"))
    bc = nx.betweenness_centrality(G)
    cc = nx.closeness_centrality(G)
    try:
        ec = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-9)
    except nx.PowerIterationFailedConvergence:
        ec = {}
    return {
        "size": G.number_of_nodes(),
        "numEdges": G.number_of_edges(),
        "density": nx.density(G),
        "averageDegree": sum(degree.values()) / G.number_of_nodes(),
        "maxDegree": maxd,
        "maxDegreeIds": sorted(n for n, d in degree.items() if d == maxd),
        "averageClustering": nx.average_clustering(G),
        "averagePathLength": sum(lengths) / len(lengths) if lengths else 0,
        "diameter": max(lengths) if lengths else 0,
        "numConnectedComponents": nx.number_connected_components(G),
        "numOfSegments": len(segs),
        "nodes": {n: {"degree": degree[n], "weightedDegree": wd[n], "betweenness": bc[n],
                      "closeness": cc[n], "eigenvector": ec.get(n)} for n in G.nodes},
    }


def lua_value(v, indent=""):
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "nil"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "{" + ", ".join(lua_value(x) for x in v) + "}"
    inner = indent + "  "
    parts = []
    for k in sorted(v):
        parts.append('%s["%s"] = %s,' % (inner, k, lua_value(v[k], inner)))
    return "{\n" + "\n".join(parts) + "\n" + indent + "}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..",
                                                                 "shared", "corpora")
    out = os.path.join(here, "dracor")
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(shared, "dracor-*", "*.xml"))):
        if os.path.basename(path) == "corpus.xml":
            continue
        root = etree.parse(path).getroot()
        m = metrics(segments(root))
        name = os.path.splitext(os.path.basename(path))[0]
        rel = os.path.join(os.path.basename(os.path.dirname(path)), os.path.basename(path))
        with open(os.path.join(out, name + ".lua"), "w", encoding="utf-8") as f:
            f.write("-- %s: DraCor co-presence network metrics of ../shared/corpora/%s,\n"
                    "-- made by tests/graph/make_fixtures.py (lxml %s, networkx %s), following\n"
                    "-- dracor-metrics' definitions. Do not edit: rerun the script.\n"
                    % (name, rel, etree.__version__, nx.__version__))
            m["play"] = name
            m["file"] = rel
            f.write("return " + lua_value(m) + "\n")
        print("wrote", os.path.join("tests/graph/dracor", name + ".lua"))


if __name__ == "__main__":
    main()
