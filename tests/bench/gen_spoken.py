#!/usr/bin/python3
"""Seeded generator of a synthetic spoken TEI P5 corpus for the import benchmark.

Usage: gen_spoken.py OUTDIR [--mb 100] [--seed 7] [--file-mb 2.5] [--jobs N]

Writes OUTDIR/fNN.xml (TEI P5, UTF-8, no DOCTYPE) until the total size is at
least --mb MiB.  Output depends only on --mb, --seed and --file-mb: every file
is drawn from its own generator seeded with (seed, file index), so --jobs
changes the speed, never the bytes.

Shape of a file:
  teiHeader/profileDesc/particDesc/listPerson: the speakers of that file
    (ids spk001..spk300, with sex, age and name identical in every file);
  text/body/timeline: when T0 absolute, then every other point as an
    interval since T0 (xml:id on each);
  text/body/div[@type=session]: u elements (xml:id, who, start, end; some
    trans="overlap" starting before the previous u ends) holding tokens
    mixed with pause, vocal, anchor and seg; pause, vocal and incident
    also appear between utterances.
"""

import argparse
import math
import os
import random
import sys

TEI_NS = "http://www.tei-c.org/ns/1.0"
N_SPEAKERS = 300

ENGLISH = (
    "the and to of a in that it is was I you he she we they this have not "
    "but for on with as at be do what so there one all would about if "
    "know think really just like well yeah right okay mean going get got "
    "time people house street school train morning tomorrow yesterday "
    "market mother father children window kitchen money work weather rain "
    "because maybe actually never always something nothing anyway "
    "don't it's that's I'm you're can't didn't"
).split()

GERMAN_NONASCII = (
    "Straße Mädchen größer übermorgen Fußgänger müssen können Tür schön "
    "für über während Bäckerei Brötchen Frühstück Grüße dürfen Käse Löffel "
    "Märchen natürlich ähnlich Äpfel Öffnung Übung Gemüse Führerschein "
    "Geschäft Bürgermeister zurück fünf Fräulein Häuser Größe heißt weiß"
).split()

GERMAN_ASCII = (
    "und der die das ist nicht ich wir auch noch schon aber dann Haus "
    "gestern morgen Arbeit genau also halt eben ja nein doch Zeit"
).split()

GALICIAN_NONASCII = (
    "xeración señora coñecer mañá España Coruña ningún tamén máis está "
    "aquí alí só xa día cidade irmán nós vós neno camiño niño "
    "información canción después ónde próximo música fálame dáme "
    "compañeiro montaña sábado mércores xuño"
).split()

GALICIAN_ASCII = (
    "vivenda casa rapaz rapaza agora logo entón porque pero non si moito "
    "pouco home muller traballo escola praza onte vale bueno claro"
).split()

FILLERS = ["ehm", "uh", "mhm", "hm", "erm", "äh", "öhm", "eh"]
PUNCT_MID = [",", ",", ",", ";", ":"]
PUNCT_END = [".", ".", ".", "?", "?", "!", "..."]

VOCAL_DESC = ["laughs", "coughs", "sighs", "clears throat", "giggles",
              "sniffs", "yawns", "lacht", "ri"]
INCIDENT_DESC = ["door slams", "phone rings", "chair scrapes",
                 "recording interrupted", "traffic noise", "dog barks",
                 "cutlery clatters", "music in background"]

FIRST_F = ["Anna", "Maria", "Lena", "Jürgen-Marie", "Sophie", "Uxía", "Iria",
           "Sabela", "Brais-Ana", "Chloe", "Emma", "Grete", "Zoë", "Lúa",
           "Begoña", "Noémie", "Hannah", "Ruth", "Björk", "Sara"]
FIRST_M = ["Jürgen", "Lukas", "Xoán", "Brais", "Anxo", "Peter", "Tom",
           "Miguel", "Martín", "Óscar", "Jörg", "Stefan", "Iago", "Xurxo",
           "Daniel", "Henry", "Uwe", "Ramón", "Andrés", "Klaus"]
LAST = ["Müller", "Weiß", "Schäfer", "Groß", "Köhler", "Fernández", "Núñez",
        "Pereira", "Castro", "Otero", "Smith", "Jones", "Brown", "Vázquez",
        "Rodríguez", "Lehmann", "Böhm", "Carballo", "Wright", "Iglesias"]


# A long tail of rarer words, as real transcripts have (names, places,
# technical terms): 40,000 made-up forms from syllables, some with non-ASCII
# letters, drawn with Zipf's law (weight 1/rank).
SYLLABLES = ("ka ri mo sel tan vor bi lu gre fen dor pa xe mi cho nu "
             "bra sto wen ge hal rü mö sä ñu ção ße lé xú").split()
_LEXICON = None


def lexicon():
    global _LEXICON
    if _LEXICON is None:
        import bisect  # noqa: F401  (used by rare_word)
        rng = random.Random("lexicon")
        words, seen = [], set()
        while len(words) < 40000:
            w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                words.append(w)
        cum, total = [], 0.0
        for rank in range(1, len(words) + 1):
            total += 1.0 / rank
            cum.append(total)
        _LEXICON = (words, cum, total)
    return _LEXICON


def rare_word(rng):
    import bisect
    words, cum, total = lexicon()
    return words[min(bisect.bisect_left(cum, rng.random() * total), len(words) - 1)]


def esc_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_speakers(seed):
    """Return the 300 speaker records, identical for every file of a seed."""
    rng = random.Random("speakers:%d" % seed)
    speakers = []
    for i in range(1, N_SPEAKERS + 1):
        sex = rng.choice("FM")
        first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
        name = "%s %s" % (first, rng.choice(LAST))
        age = rng.randint(14, 92)
        # Preferred language mix: 0 English, 1 German, 2 Galician.
        lang = rng.choices((0, 1, 2), weights=(5, 3, 3))[0]
        speakers.append(("spk%03d" % i, sex, age, name, lang))
    return speakers


def speaker_xml(sp):
    sid, sex, age, name, _ = sp
    return ('        <person xml:id="%s" sex="%s" age="%d"><persName>%s'
            '</persName></person>\n' % (sid, sex, age, esc_text(name)))


class FileGen:
    """Generates one file; all randomness comes from self.rng."""

    def __init__(self, fid, rng, speakers):
        self.fid = fid
        self.rng = rng
        self.speakers = speakers
        self.whens = []      # timeline lines of T1, T2, ...
        self.when_bytes = 0  # their total length (ASCII: bytes)
        self.now = 0.0       # end of the latest utterance
        self.nu = 0          # utterance counter
        # Per-language vocabularies; the speaker's language dominates.
        self.vocab = [
            (ENGLISH, ENGLISH, GERMAN_NONASCII, GALICIAN_NONASCII),
            (GERMAN_ASCII, GERMAN_NONASCII, ENGLISH, GERMAN_ASCII),
            (GALICIAN_ASCII, GALICIAN_NONASCII, ENGLISH, GALICIAN_ASCII),
        ]

    def when(self, t):
        k = len(self.whens) + 1
        line = ('      <when xml:id="%s.T%d" interval="%.2f" since="#%s.T0"/>\n'
                % (self.fid, k, t, self.fid))
        self.whens.append(line)
        self.when_bytes += len(line)
        return "#%s.T%d" % (self.fid, k)

    def tokens(self, n, lang):
        """n tokens as a list of strings (punctuation attached)."""
        rng = self.rng
        r = rng.random
        pools = self.vocab[lang]
        out = []
        for _ in range(n):
            x = r()
            if x < 0.12:
                w = rare_word(rng)
            elif x < 0.55:
                w = rng.choice(pools[0])
            elif x < 0.80:
                w = rng.choice(pools[1])
            elif x < 0.90:
                w = rng.choice(pools[2])
            elif x < 0.95:
                w = rng.choice(pools[3])
            elif x < 0.99:
                w = rng.choice(FILLERS)
            else:
                w = rng.choice(("rock&roll", "<unclear>", "A&O", "4", "12",
                                "1990", "O'Brien", "\u201eja\u201c"))
                w = esc_text(w)
            y = r()
            if y < 0.06:
                w += rng.choice(PUNCT_MID)
            elif y < 0.075 and lang == 0:
                w = w.capitalize()
            out.append(w)
        if out and r() < 0.6:
            out[-1] += rng.choice(PUNCT_END)
        return out

    def utterance(self, sp, prev_end, overlap):
        """Return the u element as a string."""
        rng = self.rng
        r = rng.random
        sid, _, _, _, lang = sp
        n = max(1, min(40, int(rng.lognormvariate(2.35, 0.6))))
        dur = n * rng.uniform(0.22, 0.45) + 0.2
        if overlap:
            start_t = max(0.0, prev_end - rng.uniform(0.2, min(2.0, dur)))
        else:
            start_t = prev_end + rng.uniform(0.05, 1.2)
        end_t = start_t + dur
        start = self.when(start_t)
        self.nu += 1
        uid = "%s.u%d" % (self.fid, self.nu)
        toks = self.tokens(n, lang)
        parts = []
        i = 0
        # Inline elements between tokens: about one per 5 tokens.
        while i < n:
            x = r()
            if x < 0.075:
                parts.append('<pause dur="PT%.1fS"/>' % rng.uniform(0.2, 2.5))
            elif x < 0.105:
                parts.append('<vocal who="#%s"><desc>%s</desc></vocal>'
                             % (sid, rng.choice(VOCAL_DESC)))
            elif x < 0.145:
                t = start_t + dur * (i / n)
                parts.append('<anchor synch="%s"/>' % self.when(t))
            elif x < 0.195 and n - i >= 2:
                k = rng.randint(2, min(10, n - i))
                inner = toks[i:i + k]
                if k >= 4 and r() < 0.3:
                    inner = inner[:k // 2] + ['<pause/>'] + inner[k // 2:]
                parts.append('<seg type="clause">%s</seg>' % " ".join(inner))
                i += k
                continue
            parts.append(toks[i])
            i += 1
        if r() < 0.05:
            parts.append('<pause dur="PT%.1fS"/>' % rng.uniform(0.2, 1.5))
        end = self.when(end_t)
        attrs = 'xml:id="%s" who="#%s" start="%s" end="%s"' % (uid, sid, start, end)
        if overlap:
            attrs += ' trans="overlap"'
        return ("      <u %s>%s</u>\n" % (attrs, " ".join(parts)), end_t, n)

    def session(self, n, cast, budget, body, used):
        """Append one div; stop once it and its timeline points reach budget
        bytes.  Returns the bytes added to the body."""
        rng = self.rng
        r = rng.random
        size = 0
        when0 = self.when_bytes
        prev = None
        body.append('    <div type="session" n="%d">\n' % n)
        while size + self.when_bytes - when0 < budget:
            # Mostly alternate between cast members, sometimes same speaker.
            sp = rng.choice(cast)
            if prev is not None and sp is prev and r() < 0.7:
                sp = rng.choice(cast)
            used.add(sp[0])
            overlap = prev is not None and sp is not prev and r() < 0.08
            s, end_t, _ = self.utterance(sp, self.now, overlap)
            self.now = max(self.now, end_t)
            body.append(s)
            size += len(s.encode("utf-8"))
            prev = sp
            x = r()
            if x < 0.06:
                g = '      <pause dur="PT%.1fS"/>\n' % rng.uniform(0.5, 4.0)
            elif x < 0.085:
                g = ('      <vocal who="#%s"><desc>%s</desc></vocal>\n'
                     % (rng.choice(cast)[0], rng.choice(VOCAL_DESC)))
            elif x < 0.10:
                g = ('      <incident><desc>%s</desc></incident>\n'
                     % rng.choice(INCIDENT_DESC))
            else:
                continue
            body.append(g)
            size += len(g)
        body.append("    </div>\n")
        return size

    def head_open(self):
        fid = self.fid
        return [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            '<TEI xmlns="%s" xml:id="%s">\n' % (TEI_NS, fid),
            "  <teiHeader>\n    <fileDesc>\n",
            "      <titleStmt><title>Synthetic spoken corpus, transcript %s"
            "</title></titleStmt>\n" % fid,
            "      <publicationStmt><p>Generated for the Praxis import "
            "benchmark.</p></publicationStmt>\n",
            "      <sourceDesc><recordingStmt><recording type=\"audio\">"
            "<p>Invented recording.</p></recording></recordingStmt>"
            "</sourceDesc>\n",
            "    </fileDesc>\n    <profileDesc>\n      <particDesc>\n"
            "       <listPerson>\n",
        ]

    def head_close(self):
        fid = self.fid
        return ("       </listPerson>\n      </particDesc>\n"
                "    </profileDesc>\n  </teiHeader>\n  <text>\n"
                "   <body>\n"
                '    <timeline unit="s" origin="#%s.T0">\n'
                '      <when xml:id="%s.T0" absolute="00:00:00"/>\n'
                % (fid, fid))

    def generate(self, target_bytes):
        rng = self.rng
        used = set()
        body = []
        # Exact byte counts for everything: the loop stops at the first
        # session boundary at or past target_bytes (overshoot: one u).
        plen = {sp[0]: len(speaker_xml(sp).encode("utf-8"))
                for sp in self.speakers}
        head = self.head_open()
        tail = "    </timeline>\n   </body>\n  </text>\n</TEI>\n"
        fixed = len("".join(head).encode("utf-8")) + len(self.head_close()) \
            + len(tail)
        total = 0
        pbytes = 0
        nsess = 0
        while True:
            est = fixed + total + self.when_bytes + pbytes
            if est >= target_bytes:
                break
            cast = rng.sample(self.speakers, rng.randint(2, 7))
            budget = min(target_bytes // 6 + 1, target_bytes - est)
            nsess += 1
            total += self.session(nsess, cast, budget, body, used)
            pbytes = sum(plen[u] for u in used)
        for sp in self.speakers:
            if sp[0] in used:
                head.append(speaker_xml(sp))
        head.append(self.head_close())
        head.extend(self.whens)
        head.append("    </timeline>\n")
        tail = "   </body>\n  </text>\n</TEI>\n"
        return "".join(head) + "".join(body) + tail


def gen_file(job):
    outdir, index, width, seed, target_bytes = job
    fid = "f%0*d" % (width, index)
    speakers = build_speakers(seed)
    rng = random.Random("file:%d:%d" % (seed, index))
    text = FileGen(fid, rng, speakers).generate(target_bytes)
    data = text.encode("utf-8")
    path = os.path.join(outdir, fid + ".xml")
    tmp = path + ".tmp"
    with open(tmp, "wb", buffering=1 << 20) as f:
        f.write(data)
    os.replace(tmp, path)
    return len(data)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--mb", type=float, default=100.0,
                    help="total size in MiB (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--file-mb", type=float, default=2.5,
                    help="approximate size of each file in MiB (default 2.5)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (output does not depend on it)")
    a = ap.parse_args(argv)
    if a.mb <= 0 or a.file_mb <= 0:
        ap.error("--mb and --file-mb must be positive")
    total_bytes = int(a.mb * 1048576)
    nfiles = max(1, int(math.ceil(a.mb / a.file_mb)))
    per_file = int(math.ceil(total_bytes / nfiles))
    width = max(2, len(str(nfiles)))
    os.makedirs(a.outdir, exist_ok=True)
    jobs = [(a.outdir, i, width, a.seed, per_file) for i in range(1, nfiles + 1)]
    if a.jobs > 1 and nfiles > 1:
        import multiprocessing
        with multiprocessing.Pool(min(a.jobs, nfiles)) as pool:
            sizes = pool.map(gen_file, jobs, chunksize=1)
    else:
        sizes = [gen_file(j) for j in jobs]
    written = sum(sizes)
    # The size estimate is conservative, but guarantee "at least" anyway by
    # topping up with extra files if the total fell short.
    extra = nfiles
    while written < total_bytes:
        extra += 1
        written += gen_file((a.outdir, extra, width, a.seed, per_file))
        nfiles = extra
    print("%s: %d files, %d bytes (%.1f MiB), seed %d"
          % (a.outdir, nfiles, written, written / 1048576, a.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
