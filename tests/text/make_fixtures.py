#!/usr/bin/python3
"""The independent computation of the repertoire measures.

This script computes keyness (G2, p, Log Ratio, %DIFF, per million),
collocation strength (expected, MI, t, G2, log Dice) and lexical diversity
(MATTR, MTLD) on real text, the Alinsu corpus bundled in corpora/alinsu,
without any of Praxis's C code: it reads the TEI with lxml, cuts words with
its own regular expression, counts with Python's collections, and evaluates
each measure from its definition (MATTR window by window with a set, the
chi-square tail from the incomplete gamma function rather than erfc). It
writes tests/text/measures_fixture.h, which tests/unit/measures.c checks
core/measures.c against to 1e-9.

The C test feeds the same counts and term-id sequences to the core; what is
compared is the arithmetic of the measures, computed twice by different
means. Run it again only when the corpus or a definition changes:

    /usr/bin/python3 tests/text/make_fixtures.py
"""

import math
import os
import re
import unicodedata
from collections import Counter

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "corpora", "alinsu")
OUT = os.path.join(HERE, "measures_fixture.h")
TEI = "{http://www.tei-c.org/ns/1.0}"

# letters and digits, joined by an inner apostrophe or hyphen
WORD = re.compile(r"[^\W_]+(?:['\u2019\-\u2010\u2011][^\W_]+)*")
SKIP = {TEI + "desc", TEI + "vocal", TEI + "incident", TEI + "kinesic",
        TEI + "note", TEI + "gap"}


def utterance_text(u):
    """The spoken words of a <u>: its text and tails, not the
    descriptions of events inside it."""
    parts = [u.text or ""]
    for child in u:
        if child.tag not in SKIP:
            parts.append(utterance_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def fold(w):
    return unicodedata.normalize("NFC", w.casefold())


def read_corpus():
    """[(speaker, [folded words])] for every utterance, sessions in order."""
    utts = []
    for name in sorted(os.listdir(CORPUS)):
        if not re.fullmatch(r"s\d\d\.xml", name):
            continue
        tree = etree.parse(os.path.join(CORPUS, name))
        for u in tree.iter(TEI + "u"):
            who = (u.get("who") or "").lstrip("#")
            words = [fold(w) for w in WORD.findall(utterance_text(u))]
            utts.append((who, words))
    return utts


# ---- chi-square with 1 df: Q(1/2, x/2), the regularised upper incomplete gamma

def gamma_q(a, x):
    if x <= 0:
        return 1.0
    if x < a + 1:
        # series for P(a, x)
        term = total = 1.0 / a
        k = a
        while True:
            k += 1
            term *= x / k
            total += term
            if abs(term) < abs(total) * 1e-17:
                break
        return 1.0 - total * math.exp(-x + a * math.log(x) - math.lgamma(a))
    # continued fraction for Q(a, x), modified Lentz
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    i = 1
    while True:
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-17:
            break
        i += 1
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def chi2_1df_p(x):
    return gamma_q(0.5, x / 2.0)


def g2_cells(observed, expected):
    return 2.0 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o > 0)


# ---- keyness

def keyness(a, b, n1, n2):
    total = a + b
    e = [n1 * total / (n1 + n2), n2 * total / (n1 + n2)]
    g2 = g2_cells([a, b], e)
    if a / n1 < b / n2:
        g2 = -g2
    ra = (a if a else 0.5) / n1
    rb = (b if b else 0.5) / n2
    return dict(pm=a / n1 * 1e6, pm_ref=b / n2 * 1e6, g2=g2, p=chi2_1df_p(abs(g2)),
                log_ratio=math.log2(ra / rb), pct_diff=(ra - rb) / rb * 100)


# ---- collocation

def collocation(o, f_node, f_coll, n, span):
    r1 = f_node * span
    rows = [r1, n - r1]
    cols = [f_coll, n - f_coll]
    cells = [o, r1 - o, f_coll - o, n - r1 - f_coll + o]
    exp = [rows[0] * cols[0] / n, rows[0] * cols[1] / n,
           rows[1] * cols[0] / n, rows[1] * cols[1] / n]
    e = exp[0]
    g2 = g2_cells(cells, exp)
    if o < e:
        g2 = -g2
    return dict(expected=e, mi=math.log2(o / e), t=(o - e) / math.sqrt(o), g2=g2,
                log_dice=14 + math.log2(2 * o / (f_node + f_coll)))


# ---- diversity

def mattr(seq, w):
    if len(seq) < w:
        return -1.0
    types = sum(len(set(seq[i:i + w])) for i in range(len(seq) - w + 1))
    return types / (w * (len(seq) - w + 1))


def mtld_pass(seq, threshold):
    factors = 0.0
    seen = set()
    tokens = 0
    for t in seq:
        tokens += 1
        seen.add(t)
        if len(seen) / tokens <= threshold:
            factors += 1.0
            seen = set()
            tokens = 0
    if tokens:
        factors += (1.0 - len(seen) / tokens) / (1.0 - threshold)
    return len(seq) / factors


def mtld(seq, threshold):
    f = mtld_pass(seq, threshold)
    b = mtld_pass(seq[::-1], threshold)
    return f, b, (f + b) / 2


# ---- the fixture

def fmt(x):
    return repr(float(x))


def main():
    utts = read_corpus()
    by_speaker = {}
    for who, words in utts:
        by_speaker.setdefault(who, []).extend(words)
    speakers = sorted(by_speaker, key=lambda s: -len(by_speaker[s]))

    # keyness: the most talkative speaker against everyone else
    target = speakers[0]
    ct = Counter(by_speaker[target])
    cr = Counter(w for s in speakers if s != target for w in by_speaker[s])
    n1, n2 = sum(ct.values()), sum(cr.values())
    scored = sorted(set(ct) | set(cr), key=lambda w: (-keyness(ct[w], cr[w], n1, n2)["g2"], w))
    picked = scored[:6] + scored[-4:]
    picked += [next(w for w in scored if ct[w] == 0 and w not in picked)]   # absent from the target
    picked += [next(w for w in scored if cr[w] == 0 and w not in picked)]   # absent from the reference
    key_rows = []
    for w in picked:
        k = keyness(ct[w], cr[w], n1, n2)
        key_rows.append((w, ct[w], cr[w], n1, n2, k))

    # collocations of the most frequent content-looking node, 4 left, 4 right,
    # never across utterances
    total = Counter(w for _, words in utts for w in words)
    n = sum(total.values())
    node = "claim"
    left = right = 4
    co = Counter()
    for _, words in utts:
        for i, w in enumerate(words):
            if w != node:
                continue
            for j in range(max(0, i - left), min(len(words), i + right + 1)):
                if j != i and words[j] != node:
                    co[words[j]] += 1
    coll_rows = []
    for w, o in sorted(co.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
        c = collocation(o, total[node], total[w], n, left + right)
        coll_rows.append((w, o, total[node], total[w], n, left + right, c))

    # diversity: three speakers' first 1500 tokens and a short stretch
    seqs = [(s, by_speaker[s][:1500]) for s in speakers[:3]]
    seqs.append((speakers[-1], by_speaker[speakers[-1]][:40]))
    vocab = {}
    flat = []
    spans = []
    for s, seq in seqs:
        spans.append((s, len(flat), len(seq)))
        for w in seq:
            flat.append(vocab.setdefault(w, len(vocab)))
    div_rows = []
    for s, first, length in spans:
        seq = flat[first:first + length]
        for window, threshold in ((50, 0.72), (10, 0.6), (100, 0.72)):
            f, b, m = mtld(seq, threshold)
            div_rows.append((s, first, length, window, threshold, mattr(seq, window), f, b, m))

    with open(OUT, "w", encoding="utf-8") as out:
        w = out.write
        w("/* measures_fixture.h - written by tests/text/make_fixtures.py, the\n"
          " * independent computation in Python of the repertoire measures on the\n"
          " * Alinsu corpus (corpora/alinsu). Do not edit: run the script again. */\n")
        w("#ifndef MEASURES_FIXTURE_H\n#define MEASURES_FIXTURE_H\n\n#include <stdint.h>\n\n")
        w("/* %s (%d tokens) against the other speakers (%d tokens) */\n" % (target, n1, n2))
        w("typedef struct fx_keyness_row {\n    const char *term;\n"
          "    double a, b, n1, n2, pm, pm_ref, g2, p, log_ratio, pct_diff;\n} fx_keyness_row;\n")
        w("static const fx_keyness_row fx_keyness[] = {\n")
        for t, a, b, x1, x2, k in key_rows:
            w("    {\"%s\", %d, %d, %d, %d, %s, %s, %s, %s, %s, %s},\n" % (
                t, a, b, x1, x2, fmt(k["pm"]), fmt(k["pm_ref"]), fmt(k["g2"]), fmt(k["p"]),
                fmt(k["log_ratio"]), fmt(k["pct_diff"])))
        w("};\n\n")
        w("/* collocates of \"%s\" within %d tokens left and %d right, in utterances */\n"
          % (node, left, right))
        w("typedef struct fx_colloc_row {\n    const char *collocate;\n"
          "    double o, f_node, f_coll, n, span, expected, mi, t, g2, log_dice;\n"
          "} fx_colloc_row;\n")
        w("static const fx_colloc_row fx_colloc[] = {\n")
        for t, o, fn, fc, x, span, c in coll_rows:
            w("    {\"%s\", %d, %d, %d, %d, %d, %s, %s, %s, %s, %s},\n" % (
                t, o, fn, fc, x, span, fmt(c["expected"]), fmt(c["mi"]), fmt(c["t"]),
                fmt(c["g2"]), fmt(c["log_dice"])))
        w("};\n\n")
        w("/* tokens of each speaker in document order, as ids of first appearance;\n"
          " * mattr -1 where the text is shorter than the window */\n")
        w("#define FX_VOCAB %d\n" % len(vocab))
        w("typedef struct fx_diversity_row {\n    const char *speaker;\n"
          "    uint32_t first, n, window;\n"
          "    double threshold, mattr, mtld_fwd, mtld_bwd, mtld;\n} fx_diversity_row;\n")
        w("static const fx_diversity_row fx_diversity[] = {\n")
        for s, first, length, window, thr, ma, f, b, m in div_rows:
            w("    {\"%s\", %d, %d, %d, %s, %s, %s, %s, %s},\n" % (
                s, first, length, window, fmt(thr), fmt(ma), fmt(f), fmt(b), fmt(m)))
        w("};\n")
        w("static const uint32_t fx_tokens[%d] = {\n" % len(flat))
        for i in range(0, len(flat), 16):
            w("    " + ", ".join(str(x) for x in flat[i:i + 16]) + ",\n")
        w("};\n\n#endif\n")


if __name__ == "__main__":
    main()
