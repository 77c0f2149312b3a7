#!/usr/bin/python3
"""Shape statistics of a spoken TEI corpus made by gen_spoken.py.

Usage: corpus_stats.py FILE|DIR...

Counts tokens (whitespace-separated words of the text inside u, desc texts
excluded), the share of tokens holding a non-ASCII letter, the spoken
elements (pause, vocal, anchor, seg, incident) per token, utterance lengths,
overlaps, and checks that every who/start/end/synch pointer resolves inside
its file.  Exit status 1 if a pointer dangles.
"""

import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SPOKEN = {NS + n for n in ("pause", "vocal", "anchor", "seg", "incident")}


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in sorted(os.walk(a)):
                for n in sorted(names):
                    if n.endswith(".xml"):
                        yield os.path.join(root, n)
        else:
            yield a


def utterance_tokens(u):
    """Tokens of u's text, skipping text inside desc."""
    out = []

    def walk(e):
        if e.tag != NS + "desc":
            if e.text:
                out.extend(e.text.split())
            for c in e:
                walk(c)
        if e is not u and e.tail:
            out.extend(e.tail.split())

    walk(u)
    return out


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    ntok = nonascii = nelem = nu = nover = nfiles = nbytes = 0
    lengths = []
    speakers = set()
    dangling = 0
    for path in files(argv):
        nfiles += 1
        nbytes += os.path.getsize(path)
        tree = ET.parse(path)
        ids = {e.get(XML_ID) for e in tree.iter() if e.get(XML_ID)}
        for e in tree.iter():
            if e.tag in SPOKEN:
                nelem += 1
            for att in ("who", "start", "end", "synch"):
                v = e.get(att)
                if v is not None and v[1:] not in ids:
                    dangling += 1
            if e.tag == NS + "person":
                speakers.add(e.get(XML_ID))
            if e.tag == NS + "u":
                nu += 1
                if e.get("trans") == "overlap":
                    nover += 1
                toks = utterance_tokens(e)
                lengths.append(len(toks))
                ntok += len(toks)
                nonascii += sum(1 for t in toks
                                if any(ord(c) > 127 and c.isalpha() for c in t))
    if not nu:
        print("no utterances found", file=sys.stderr)
        return 1
    lengths.sort()
    print("files                 %d (%.1f MiB)" % (nfiles, nbytes / 1048576))
    print("speakers declared     %d distinct ids" % len(speakers))
    print("utterances            %d (%.1f%% overlap)" % (nu, 100.0 * nover / nu))
    print("tokens                %d" % ntok)
    print("tokens per u          mean %.1f, median %d, min %d, max %d"
          % (ntok / nu, lengths[nu // 2], lengths[0], lengths[-1]))
    print("non-ASCII tokens      %.1f%%" % (100.0 * nonascii / ntok))
    print("spoken elements       %d = one per %.1f tokens"
          % (nelem, ntok / max(1, nelem)))
    print("dangling pointers     %d" % dangling)
    return 1 if dangling else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
