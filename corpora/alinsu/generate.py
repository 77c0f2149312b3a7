#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the Alinsu sample corpus (TEI P5) and its README from scene files.

Usage:  /usr/bin/python3 corpora/alinsu/generate.py

The dialogue lives in corpora/alinsu/scenes/sNN.txt, one file per session.
This script turns each scene file into corpora/alinsu/sNN.xml, writes the
corpus header corpora/alinsu/alinsu.xml, checks the planted phenomena and
writes corpora/alinsu/README.md with numbers computed from the data.
Timing (utterance lengths, gaps, overlaps, pause lengths) comes from a
seeded random generator, so running the script twice gives identical files.

Scene file syntax
-----------------
Header lines "key: value" (title, date, start, locale, activity, kind),
then a line "---", then the body:

  == Heading                 starts a new topic (div type="topic")
  marta: Text.               an utterance by marta
  marta>priya: Text.         an utterance addressed to priya (toWhom)
  ~kwame: Text.              an utterance that overlaps the previous one
  [pause] / [pause 2.5]      a pause between utterances
  [v bruno,kwame laughs]     vocal event(s) between utterances
  [i phone rings]            incident between utterances
  [k priya nods]             kinesic between utterances
  # comment                  ignored

Inside an utterance:
  ((laughs)) ((sighs)) ...   vocal by the speaker
  ((v kwame laughs))         vocal by somebody else
  ((pause)) ((pause 1.2))    pause inside the utterance
  ((i door opens))           incident inside the utterance
"""

import os
import re
import random
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SCENES = os.path.join(HERE, "scenes")
SEED = 20240115
NEWCOMER = "priya"
BROKER = "felix"

ORGS = [
    ("claims", "Motor and Household Claims", "Claims"),
    ("siu", "Special Investigations Unit", "SIU"),
]

# id, forename, surname, sex, age, role, affiliations, description
PEOPLE = [
    ("marta", "Marta", "Okafor", "F", 51, "supervisor",
     [("claims", "member", "2009-03-01", "2016-05-31"),
      ("claims", "supervisor", "2016-06-01", None)],
     "Team supervisor; runs the Monday meeting and owns the weekly quota."),
    ("bruno", "Bruno", "Castellani", "M", 59, "old-timer",
     [("claims", "old-timer", "1998-09-14", None)],
     "Motor claims since before computers; jokes, allotment, Sunday-league referee."),
    ("dolores", "Dolores", "Figueroa", "F", 56, "old-timer",
     [("claims", "old-timer", "2003-04-07", None)],
     "Household claims; knows the policy wording by heart; bakes."),
    ("kwame", "Kwame", "Mensah", "M", 45, "old-timer",
     [("claims", "old-timer", "2008-01-21", None)],
     "Motor and household; the team's ClaimFlow champion; runs."),
    ("sean", "Sean", "Gallagher", "M", 33, "member",
     [("claims", "member", "2019-10-01", None)],
     "Mid-tenure handler; dry humour; cycles to work."),
    ("priya", "Priya", "Raman", "F", 26, "newcomer",
     [("claims", "newcomer", "2024-01-15", None)],
     "Joins on the day of session s01; studied geography; came from a phone-company call centre."),
    ("tom", "Tom", "Nowak", "M", 22, "temp",
     [("claims", "temp", "2024-07-08", "2024-09-30")],
     "Agency temp hired for the summer backlog and the audit; arrives in July."),
    ("felix", "Felix", "Adeyemi", "M", 41, "broker",
     [("claims", "member", "2010-05-04", "2017-02-28"),
      ("siu", "broker", "2017-03-01", None)],
     "SIU liaison; a former claims handler who sits in on claims meetings and carries cases and words between the units."),
    ("ines", "Ines", "Duarte", "F", 48, "investigator",
     [("siu", "investigator", "2012-11-05", None)],
     "Lead investigator in the SIU."),
    ("gordon", "Gordon", "Pike", "M", 61, "investigator",
     [("siu", "investigator", "2006-02-13", None)],
     "Investigator; ex-police; does the site visits."),
]
PERSON = {p[0]: p for p in PEOPLE}
UNIT = {p[0]: p[6][-1][0] for p in PEOPLE}  # current unit

# stem, gloss, expected coiner, expected coining session
JARGON = [
    ("quotazilla", "the weekly closing quota, as a monster", "sean", "s01"),
    ("yoyo", "a closed claim that comes back (reopened)", "bruno", "s02"),
    ("greenscreen", "ClaimFlow's green loading screen that will not go away", "kwame", "s03"),
    ("twinner", "a claim whose photos or invoices also turn up in another claim", "ines", "s04"),
    ("shoeboxer", "a claimant who sends a heap of unsorted receipts", "dolores", "s05"),
    ("pitstop", "the supervisor's ten-minute standing check-in during the surge", "marta", "s07"),
    ("puddler", "a flood claim for water that came up through the floor", "sean", "s07"),
    ("cobweb", "an open file with no diary activity for thirty days or more", "priya", "s09"),
]

VOCAL_WORDS = ("laugh", "cough", "sigh", "clear", "tut", "groan", "whistle",
               "sniff", "yawn", "chuckle", "snort", "gasp", "hum", "mutter",
               "sneeze", "giggle", "whoop", "blow", "exhale")

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
INLINE_RE = re.compile(r"\(\((.*?)\)\)")
UTT_RE = re.compile(r"^(~)?([a-z]+)(?:>([a-z]+))?:\s*(.*)$")
BACKCHANNELS = {"yeah", "mhm", "mm", "right", "okay", "ok", "yes", "sure",
                "uh-huh", "yep", "oh", "ah", "thanks", "cool", "no", "true",
                "hm", "mm-hm", "got", "it", "fair", "enough", "thank", "you",
                "sorry", "morning", "hi", "hiya", "yup"}


def die(msg):
    sys.stderr.write("generate.py: " + msg + "\n")
    sys.exit(1)


def attr(s):
    return escape(str(s), {'"': "&quot;"})


def tokens(text):
    return TOKEN_RE.findall(text.lower().replace("\u2019", "'"))


# ---------------------------------------------------------------- parsing

def parse_scene(path):
    sid = os.path.splitext(os.path.basename(path))[0]
    meta = {}
    body = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].strip() != "---":
        line = lines[i].strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
        i += 1
    for n, raw in enumerate(lines[i + 1:], start=i + 2):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = "%s:%d" % (os.path.basename(path), n)
        if line.startswith("=="):
            body.append(("topic", line[2:].strip()))
        elif line.startswith("["):
            if not line.endswith("]"):
                die(where + ": unclosed event")
            body.append(("event", parse_event(line[1:-1].strip(), None, where)))
        else:
            m = UTT_RE.match(line)
            if not m:
                die(where + ": cannot parse: " + line)
            overlap, who, to, text = m.groups()
            if who not in PERSON:
                die(where + ": unknown speaker " + who)
            if to and to not in PERSON:
                die(where + ": unknown addressee " + to)
            parts = []
            pos = 0
            for im in INLINE_RE.finditer(text):
                if im.start() > pos:
                    parts.append(("text", text[pos:im.start()]))
                parts.append(("event", parse_event(im.group(1).strip(), who, where)))
                pos = im.end()
            if pos < len(text):
                parts.append(("text", text[pos:]))
            plain = " ".join(p[1] for p in parts if p[0] == "text")
            if "(" in plain or ")" in plain or "[" in plain:
                die(where + ": stray bracket in: " + text)
            body.append(("u", dict(who=who, to=to, overlap=bool(overlap),
                                   parts=parts, text=plain, where=where)))
    for key in ("title", "date", "start", "locale", "activity", "kind"):
        if key not in meta:
            die("%s: header lacks %s" % (path, key))
    return sid, meta, body


def parse_event(spec, speaker, where):
    """Return a dict (kind, who, desc, dur) for an event spec."""
    head, _, rest = spec.partition(" ")
    if head == "pause":
        dur = float(rest) if rest else None
        return dict(kind="pause", who=[], desc="", dur=dur)
    if head == "i":
        return dict(kind="incident", who=[], desc=rest, dur=None)
    if head in ("v", "k"):
        whos, _, desc = rest.partition(" ")
        wl = whos.split(",")
        for w in wl:
            if w not in PERSON:
                die(where + ": unknown person in event: " + w)
        return dict(kind="vocal" if head == "v" else "kinesic", who=wl, desc=desc, dur=None)
    if speaker is None:
        die(where + ": event needs a kind: " + spec)
    if not spec.startswith(VOCAL_WORDS):
        die(where + ": unknown inline event: " + spec)
    return dict(kind="vocal", who=[speaker], desc=spec, dur=None)


# ---------------------------------------------------------------- timing

def time_session(sid, body, rng):
    """Attach start/end seconds to utterances and durations to pauses."""
    cur = 0.0          # latest end time so far
    prev = None        # previous utterance (start, end)
    pending = 0.0
    first = True
    for kind, item in body:
        if kind == "topic":
            if not first:
                pending += rng.uniform(1.0, 4.5)
        elif kind == "event":
            pending += event_time(item, rng)
        else:
            words = len(tokens(item["text"]))
            dur = 0.35 + words * rng.uniform(0.26, 0.36)
            for pk, pv in item["parts"]:
                if pk == "event":
                    dur += event_time(pv, rng, inside=True)
            if first:
                start = 0.0
            elif item["overlap"] and prev is not None:
                ps, pe = prev
                back = rng.uniform(0.35, 1.6)
                start = max(ps + 0.25 * (pe - ps), pe - back)
                if start >= pe:
                    start = pe - 0.1
            else:
                start = cur + rng.uniform(0.12, 0.75) + pending
            start = round(start, 2)
            end = round(start + dur, 2)
            item["start"], item["end"] = start, end
            prev = (start, end)
            cur = max(cur, end)
            pending = 0.0
            first = False
    return cur


def event_time(ev, rng, inside=False):
    kind = ev["kind"]
    if kind == "pause":
        if ev["dur"] is None:
            ev["dur"] = round(rng.uniform(0.6, 2.8) if not inside else rng.uniform(0.4, 1.6), 1)
        return ev["dur"]
    if kind == "incident":
        return rng.uniform(1.5, 5.0) if not inside else rng.uniform(0.8, 2.0)
    if kind == "vocal":
        return rng.uniform(0.5, 1.6)
    return rng.uniform(0.2, 0.8)


def fmt_secs(x):
    s = "%.2f" % x
    if s.endswith("0"):
        s = s[:-1]
    return s


def iso_dur(secs):
    secs = round(secs, 1)
    if secs >= 60:
        m = int(secs // 60)
        s = secs - 60 * m
        return "PT%dM%sS" % (m, ("%.1f" % s).rstrip("0").rstrip(".")) if s else "PT%dM" % m
    return "PT%sS" % ("%.1f" % secs).rstrip("0").rstrip(".")


# ---------------------------------------------------------------- writing TEI

def event_xml(ev):
    kind, who, desc = ev["kind"], ev["who"], ev["desc"]
    if kind == "pause":
        return ['<pause dur="%s"/>' % iso_dur(ev["dur"])]
    if kind == "incident":
        return ["<incident><desc>%s</desc></incident>" % escape(desc)]
    out = []
    for w in who:
        out.append('<%s who="#%s"><desc>%s</desc></%s>' % (kind, w, escape(desc), kind))
    return out


def write_session(sid, meta, body, total):
    # timeline points
    pts = sorted({0.0} | {u["start"] for k, u in body if k == "u"}
                 | {u["end"] for k, u in body if k == "u"})
    ids = {}
    for n, t in enumerate(pts):
        ids[t] = "%s.T%d" % (sid, n)
    d = meta["date"]
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="%s">' % sid)
    w("  <teiHeader>")
    w("    <fileDesc>")
    w("      <titleStmt><title>%s</title></titleStmt>" % escape(meta["title"]))
    w("      <publicationStmt><p>Part of Praxis. GPL-3.0-or-later.</p></publicationStmt>")
    w('      <sourceDesc><recordingStmt><recording type="audio" dur="%s"/></recordingStmt></sourceDesc>'
      % iso_dur(total))
    w("    </fileDesc>")
    w("    <profileDesc>")
    w('      <settingDesc><setting><date when="%s"/><locale>%s</locale><activity>%s</activity></setting></settingDesc>'
      % (attr(d), escape(meta["locale"]), escape(meta["activity"])))
    w("    </profileDesc>")
    w("  </teiHeader>")
    w("  <text>")
    w("    <body>")
    w('      <timeline unit="s" origin="#%s.T0">' % sid)
    w('        <when xml:id="%s.T0" absolute="%s"/>' % (sid, attr(meta["start"])))
    for t in pts[1:]:
        w('        <when xml:id="%s" interval="%s" since="#%s.T0"/>' % (ids[t], fmt_secs(t), sid))
    w("      </timeline>")
    n_topic = 0
    n_u = 0
    open_div = False
    for kind, item in body:
        if kind == "topic":
            if open_div:
                w("      </div>")
            n_topic += 1
            w('      <div type="topic" n="%d"><head>%s</head>' % (n_topic, escape(item)))
            open_div = True
            continue
        if not open_div:
            die(sid + ": content before the first topic")
        if kind == "event":
            for x in event_xml(item):
                w("        " + x)
            continue
        n_u += 1
        item["id"] = "%s.u%d" % (sid, n_u)
        a = 'xml:id="%s" who="#%s"' % (item["id"], item["who"])
        if item["to"]:
            a += ' toWhom="#%s"' % item["to"]
        a += ' start="#%s" end="#%s"' % (ids[item["start"]], ids[item["end"]])
        if item["overlap"]:
            a += ' trans="overlap"'
        content = []
        for pk, pv in item["parts"]:
            if pk == "text":
                content.append(escape(pv))
            else:
                content.append(" ".join(event_xml(pv)))
        w("        <u %s>%s</u>" % (a, "".join(content).strip()))
    if open_div:
        w("      </div>")
    w("    </body>")
    w("  </text>")
    w("</TEI>")
    with open(os.path.join(HERE, sid + ".xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    return n_topic


def write_header():
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:id="alinsu">')
    w("  <teiHeader>")
    w("    <fileDesc><titleStmt><title>Alinsu: talk in a claims office (fictional sample corpus)</title></titleStmt>")
    w("      <publicationStmt><p>Part of Praxis. GPL-3.0-or-later. Fictional: any resemblance to real people is coincidental.</p></publicationStmt>")
    w("      <sourceDesc><p>Written for Praxis as a teaching and test corpus.</p></sourceDesc></fileDesc>")
    w("    <profileDesc>")
    w("      <particDesc>")
    w("        <listOrg>")
    for oid, full, abb in ORGS:
        w('          <org xml:id="%s" role="unit"><orgName full="yes">%s</orgName><orgName full="abb">%s</orgName></org>'
          % (oid, escape(full), escape(abb)))
    w("        </listOrg>")
    w("        <listPerson>")
    for pid, fn, sn, sex, age, role, affs, _ in PEOPLE:
        w('          <person xml:id="%s" sex="%s" age="%d" role="%s">' % (pid, sex, age, role))
        w("            <persName><forename>%s</forename><surname>%s</surname></persName>" % (fn, sn))
        for org, arole, frm, to in affs:
            a = 'ref="#%s" role="%s" from="%s"' % (org, arole, frm)
            if to:
                a += ' to="%s"' % to
            w("            <affiliation %s/>" % a)
        w("          </person>")
    w("        </listPerson>")
    w("      </particDesc>")
    w("    </profileDesc>")
    w("  </teiHeader>")
    w("</teiCorpus>")
    with open(os.path.join(HERE, "alinsu.xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- analysis

def is_backchannel(u):
    t = tokens(u["text"])
    return 0 < len(t) <= 3 and all(x in BACKCHANNELS for x in t)


PROBLEMS = []


def analyse(sessions):
    facts = {}
    utts = []  # (sid, u) in corpus order
    for sid, meta, body, _ in sessions:
        for k, u in body:
            if k == "u":
                utts.append((sid, u))
    facts["n_utts"] = len(utts)
    vocab = set()
    n_tokens = 0
    for _, u in utts:
        t = tokens(u["text"])
        vocab.update(t)
        n_tokens += len(t)
    facts["n_types"] = len(vocab)
    facts["n_tokens"] = n_tokens
    facts["n_overlap"] = sum(1 for _, u in utts if u["overlap"])
    facts["n_towhom"] = sum(1 for _, u in utts if u["to"])

    # jargon
    jtab = []
    for stem, gloss, want_coiner, want_sid in JARGON:
        first = {}
        order = []
        coin = None
        for sid, u in utts:
            if any(tok.startswith(stem) for tok in tokens(u["text"])):
                if coin is None:
                    coin = (sid, u)
                if u["who"] not in first:
                    first[u["who"]] = (sid, u)
                    order.append(u["who"])
        if coin is None:
            PROBLEMS.append("jargon %s never used" % stem)
            continue
        if coin[1]["who"] != want_coiner or coin[0] != want_sid:
            PROBLEMS.append("jargon %s coined by %s in %s, expected %s in %s"
                            % (stem, coin[1]["who"], coin[0], want_coiner, want_sid))
        adopters = [(w, first[w][0], first[w][1]["id"]) for w in order[1:]]
        later = [a for a in adopters if a[1] > coin[0]]
        if len(later) < 3:
            PROBLEMS.append("jargon %s has only %d adopters in later sessions"
                            % (stem, len(later)))
        n_uses = sum(1 for sid, u in utts
                     if any(tok.startswith(stem) for tok in tokens(u["text"])))
        jtab.append(dict(stem=stem, gloss=gloss, coiner=coin[1]["who"], sid=coin[0],
                         uid=coin[1]["id"], adopters=adopters, uses=n_uses,
                         text=coin[1]["text"].strip()))
    facts["jargon"] = jtab

    # newcomer trajectory
    traj = []
    for sid, meta, body, _ in sessions:
        us = [u for k, u in body if k == "u"]
        mine = [u for u in us if u["who"] == NEWCOMER]
        if not mine:
            continue
        lens = [len(tokens(u["text"])) for u in mine]
        prevs = set()
        for a, b in zip(us, us[1:]):
            if b["who"] == NEWCOMER and a["who"] != NEWCOMER:
                prevs.add(a["who"])
        answered = 0
        for a, b in zip(us, us[1:]):
            if a["who"] == NEWCOMER and b["who"] != NEWCOMER and b["to"] == NEWCOMER:
                answered += 1
        traj.append(dict(
            sid=sid, n=len(mine), share=100.0 * len(mine) / len(us),
            mean=sum(lens) / len(lens), longest=max(lens),
            q=sum(1 for u in mine if u["text"].strip().endswith("?")),
            bc=sum(1 for u in mine if is_backchannel(u)),
            addressed=sum(1 for u in us if u["to"] == NEWCOMER),
            addresses=sorted({u["to"] for u in mine if u["to"]}),
            after=len(prevs), first=mine[0]["id"],
            to_priya=[u["id"] for u in us if u["to"] == NEWCOMER][:3],
        ))
    facts["traj"] = traj

    # broker
    btab = []
    tot_cross = tot_cross_b = 0
    for sid, meta, body, _ in sessions:
        us = [u for k, u in body if k == "u"]
        cross = cross_b = 0
        partners = {"claims": set(), "siu": set()}
        for a, b in zip(us, us[1:]):
            if a["who"] == b["who"]:
                continue
            for x, y in ((a, b), (b, a)):
                if x["who"] == BROKER:
                    partners[UNIT[y["who"]]].add(y["who"])
            if UNIT[a["who"]] != UNIT[b["who"]]:
                cross += 1
                if BROKER in (a["who"], b["who"]):
                    cross_b += 1
        to_cross = sum(1 for u in us if u["to"] and UNIT[u["to"]] != UNIT[u["who"]])
        to_cross_b = sum(1 for u in us if u["to"] and UNIT[u["to"]] != UNIT[u["who"]]
                         and BROKER in (u["who"], u["to"]))
        units = sorted({UNIT[u["who"]] for u in us})
        btab.append(dict(sid=sid, cross=cross, cross_b=cross_b,
                         partners={k: sorted(v) for k, v in partners.items()},
                         n_broker=sum(1 for u in us if u["who"] == BROKER),
                         units=units, to_cross=to_cross, to_cross_b=to_cross_b))
        tot_cross += cross
        tot_cross_b += cross_b
    facts["broker"] = btab
    facts["cross"] = (tot_cross, tot_cross_b)

    # carried terms: the broker's first use in front of the other unit,
    # then the first use by a member of the other unit
    carry = []
    for j in jtab:
        stem = j["stem"]
        src = UNIT[j["coiner"]]
        dst = "claims" if src == "siu" else "siu"
        broker_use = None
        first_other = None
        for sid, meta, body, _ in sessions:
            us = [u for k, u in body if k == "u"]
            present = {UNIT[u["who"]] for u in us if u["who"] != BROKER}
            for u in us:
                if not any(t.startswith(stem) for t in tokens(u["text"])):
                    continue
                if broker_use is None and u["who"] == BROKER and dst in present:
                    broker_use = (sid, meta["kind"], u)
                if first_other is None and u["who"] != BROKER and UNIT[u["who"]] == dst:
                    first_other = (sid, meta["kind"], u)
            if first_other:
                break
        if first_other is None:
            continue
        if broker_use is not None:
            bk = (broker_use[0], broker_use[2]["start"])
            fk = (first_other[0], first_other[2]["start"])
            if bk > fk:
                broker_use = None
        coin_kind = [m["kind"] for s_, m, b_, t_ in sessions if s_ == j["sid"]][0]
        carry.append(dict(stem=stem, src=src, dst=dst, coin=j["uid"], coin_kind=coin_kind,
                          broker=broker_use, first_other=first_other))
    facts["carry"] = carry
    return facts


# ---------------------------------------------------------------- README

def name(pid):
    p = PERSON[pid]
    return "%s %s" % (p[1], p[2])


def write_readme(sessions, facts):
    out = []
    w = out.append
    w("# Alinsu: talk in a claims office")
    w("")
    w("Alinsu is the sample corpus bundled with Praxis. It is fictional: %d" % len(sessions))
    w("recorded sessions (team meetings, talk at the coffee point and the desks,")
    w("two meetings of the fraud unit and one joint meeting) in the claims office")
    w("of an imaginary insurer, from January to August 2024. It is small enough")
    w("to read in an afternoon and")
    w("large enough to try every Praxis analysis on it: who talks to whom, who")
    w("moves from the edge of the group to its centre, which words a group makes")
    w("its own, and who carries them from one group to another.")
    w("")
    w("Any resemblance to real people, firms or claims is coincidental.")
    w("")
    w("## Files")
    w("")
    w("- `alinsu.xml`: the corpus header (`teiCorpus`): units and people.")
    w("- `s01.xml` to `s%02d.xml`: one TEI P5 document per session, with a" % len(sessions))
    w("  timeline, topics (`div type=\"topic\"`), timed utterances (`u`), pauses,")
    w("  vocal events, incidents, kinesics and overlaps (`trans=\"overlap\"`).")
    w("- `scenes/sNN.txt`: the dialogue as written, one file per session.")
    w("- `generate.py`: turns the scenes into the TEI files and writes this")
    w("  README. Run it with `/usr/bin/python3 corpora/alinsu/generate.py`;")
    w("  it is deterministic (seed %d for timing)." % SEED)
    w("")
    w("## Size")
    w("")
    w("| | |")
    w("|---|---|")
    w("| sessions | %d |" % len(sessions))
    w("| utterances | %d |" % facts["n_utts"])
    w("| word tokens | %d |" % facts["n_tokens"])
    w("| distinct word forms | %d |" % facts["n_types"])
    w("| overlapping utterances | %d |" % facts["n_overlap"])
    w("| utterances with `toWhom` | %d |" % facts["n_towhom"])
    w("")
    w("Word forms are lower-cased runs of letters and digits, with inner")
    w("apostrophes and hyphens (`don't`, `follow-up`).")
    w("")
    w("## People")
    w("")
    w("| id | name | unit | role | |")
    w("|---|---|---|---|---|")
    for pid, fn, sn, sex, age, role, affs, desc in PEOPLE:
        org = dict((o[0], o[2]) for o in ORGS)[affs[-1][0]]
        w("| `%s` | %s %s | %s | %s | %s |" % (pid, fn, sn, org, role, desc))
    w("")
    w("Felix has two affiliations in the header: Claims (2010 to 2017), then SIU.")
    w("")
    w("## Sessions")
    w("")
    w("| id | date | kind | title | utterances | speakers | length |")
    w("|---|---|---|---|---|---|---|")
    for sid, meta, body, total in sessions:
        us = [u for k, u in body if k == "u"]
        spk = sorted({u["who"] for u in us}, key=lambda x: [p[0] for p in PEOPLE].index(x))
        w("| %s | %s | %s | %s | %d | %s | %s |" % (
            sid, meta["date"], meta["kind"], meta["title"], len(us),
            ", ".join(spk), iso_dur(total)))
    w("")
    w("## Planted on purpose")
    w("")
    w("Three patterns were written into the dialogue so that analyses have")
    w("something to find. Every number below is computed from the TEI by")
    w("`generate.py`.")
    w("")
    w("### 1. The newcomer moves from the periphery to the core")
    w("")
    w("Priya Raman (`priya`) starts on the day of s01. Early on she says little,")
    w("mostly short questions and back-channels, and hardly anyone turns to her.")
    w("Flood maps (s07, s08) give her something the old-timers lack; by s09 she")
    w("builds the report that names the \"cobweb\" files, and in s11 and s12 she")
    w("trains the new temp, explains procedures to the SIU liaison and is asked")
    w("for help by the old-timers.")
    w("")
    w("| session | her utterances | share of session | mean words | longest | questions | back-channels | addressed to her | she addresses | speakers she follows | first utterance |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for t in facts["traj"]:
        w("| %s | %d | %.0f%% | %.1f | %d | %d | %d | %d | %s | %d | `%s` |" % (
            t["sid"], t["n"], t["share"], t["mean"], t["longest"], t["q"], t["bc"],
            t["addressed"], ", ".join(t["addresses"]) or "-", t["after"], t["first"]))
    w("")
    w("\"Addressed to her\" counts utterances with `toWhom=\"#priya\"`; \"speakers")
    w("she follows\" is the number of different people whose utterance comes")
    w("directly before one of hers.")
    w("")
    landmarks = landmarks_for(sessions)
    for line in landmarks:
        w(line)
    w("")
    w("### 2. Jargon: coined, then taken up")
    w("")
    w("Each term below is a word form that occurs nowhere in the corpus before")
    w("the utterance that coins it (any form starting with the stem counts:")
    w("`yoyo`, `yoyos`, `yoyo'd`). Adopters are listed with the first utterance")
    w("in which each of them uses the term.")
    w("")
    w("| term | meaning | coined by | session | utterance | adopters (first use) | uses |")
    w("|---|---|---|---|---|---|---|")
    for j in facts["jargon"]:
        ad = ", ".join("%s `%s`" % (a[0], a[2]) for a in j["adopters"])
        w("| %s | %s | %s | %s | `%s` | %s | %d |" % (
            j["stem"], j["gloss"], j["coiner"], j["sid"], j["uid"], ad, j["uses"]))
    w("")
    w("The coining utterances:")
    w("")
    for j in facts["jargon"]:
        w("- `%s` (%s): \"%s\"" % (j["uid"], j["coiner"], j["text"]))
    w("")
    w("Terms that cross from one unit to the other:")
    w("")
    uname = {"claims": "Claims", "siu": "SIU"}
    for c in facts["carry"]:
        b_ = c["broker"]
        fo = c["first_other"]
        line = "- **%s**: coined in %s at `%s` (%s)" % (
            c["stem"], uname[c["src"]], c["coin"], c["coin_kind"])
        if b_:
            line += ("; the broker uses it in front of %s at `%s` (%s);"
                     " the first %s member to use it is %s at `%s` (%s)." % (
                         uname[c["dst"]], b_[2]["id"], b_[1], uname[c["dst"]],
                         fo[2]["who"], fo[2]["id"], fo[1]))
        else:
            line += "; first used by a %s member, %s, at `%s` (%s)." % (
                uname[c["dst"]], fo[2]["who"], fo[2]["id"], fo[1])
        w(line)
    w("")
    w("The newcomer's term is `cobweb`; the term the broker brings from the SIU")
    w("to the claims unit is `twinner`.")
    w("")
    w("### 3. The broker links the units")
    w("")
    w("Felix Adeyemi (`felix`) is the only person who regularly talks with both")
    w("units. The table counts adjacent utterance pairs by speakers of different")
    w("units, and how many of these involve Felix.")
    w("")
    w("| session | units present | Felix's utterances | cross-unit adjacent pairs | of which with Felix | cross-unit `toWhom` | of which with Felix | Felix's claims partners | Felix's SIU partners |")
    w("|---|---|---|---|---|---|---|---|---|")
    for b in facts["broker"]:
        w("| %s | %s | %d | %d | %d | %d | %d | %s | %s |" % (
            b["sid"], ", ".join(b["units"]), b["n_broker"], b["cross"], b["cross_b"],
            b["to_cross"], b["to_cross_b"],
            ", ".join(b["partners"]["claims"]) or "-", ", ".join(b["partners"]["siu"]) or "-"))
    tc, tb = facts["cross"]
    w("")
    w("Over the whole corpus, %d of %d cross-unit adjacent pairs (%.0f%%) involve Felix."
      % (tb, tc, 100.0 * tb / tc if tc else 0))
    w("")
    w("## Format notes")
    w("")
    w("- Every `u` has `xml:id` (`sNN.uK`), `who`, `start` and `end`; `start`")
    w("  and `end` point to `when` elements of the same file's timeline.")
    w("- Timeline points are given as `interval` seconds `since` the origin")
    w("  `sNN.T0`, which carries the clock time in `absolute`.")
    w("- An utterance with `trans=\"overlap\"` starts before the previous one ends.")
    w("- Events: `pause` (with `dur`), `vocal` and `kinesic` (with `who`),")
    w("  `incident`; some sit inside utterances, some between them.")
    w("")
    w("## Licence")
    w("")
    w("Part of Praxis, GPL-3.0-or-later.")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


def landmarks_for(sessions):
    """A few utterance ids that show the trajectory, found in the data."""
    lines = []
    allu = [(sid, u) for sid, meta, body, _ in sessions for k, u in body if k == "u"]

    def first(pred):
        for sid, u in allu:
            if pred(sid, u):
                return u["id"]
        return None
    marks = [
        ("her first words", first(lambda s, u: u["who"] == NEWCOMER)),
        ("first utterance addressed to her (`toWhom`)",
         first(lambda s, u: u["to"] == NEWCOMER)),
        ("first time an old-timer asks her for help",
         first(lambda s, u: u["to"] == NEWCOMER and PERSON[u["who"]][5] == "old-timer"
               and u["text"].strip().endswith("?") and s >= "s07")),
        ("first utterance of hers longer than 25 words",
         first(lambda s, u: u["who"] == NEWCOMER and len(tokens(u["text"])) > 25)),
        ("she coins \"cobweb\"",
         first(lambda s, u: u["who"] == NEWCOMER and "cobwebs" in tokens(u["text"]))
         or first(lambda s, u: u["who"] == NEWCOMER and any(t.startswith("cobweb") for t in tokens(u["text"])))),
        ("she explains a procedure to the temp",
         first(lambda s, u: u["who"] == NEWCOMER and u["to"] == "tom"
               and len(tokens(u["text"])) >= 20)),
        ("she explains a procedure to the broker",
         first(lambda s, u: u["who"] == NEWCOMER and u["to"] == BROKER
               and len(tokens(u["text"])) >= 20)),
        ("the supervisor hands her a task in front of the team",
         first(lambda s, u: u["who"] == "marta" and u["to"] == NEWCOMER and s >= "s09")),
    ]
    lines.append("Landmarks:")
    lines.append("")
    for label, uid in marks:
        if uid:
            lines.append("- %s: `%s`" % (label, uid))
    return lines


# ---------------------------------------------------------------- main

def main():
    rng = random.Random(SEED)
    files = sorted(f for f in os.listdir(SCENES) if re.match(r"s\d\d\.txt$", f))
    if not files:
        die("no scene files")
    sessions = []
    for f in files:
        sid, meta, body = parse_scene(os.path.join(SCENES, f))
        total = time_session(sid, body, rng)
        sessions.append((sid, meta, body, total))
    write_header()
    for sid, meta, body, total in sessions:
        nt = write_session(sid, meta, body, total)
        if not 3 <= nt <= 6:
            die("%s has %d topics" % (sid, nt))
    facts = analyse(sessions)
    write_readme(sessions, facts)
    print("sessions %d, utterances %d, tokens %d, word forms %d, overlaps %d"
          % (len(sessions), facts["n_utts"], facts["n_tokens"], facts["n_types"],
             facts["n_overlap"]))
    for sid, meta, body, total in sessions:
        us = [u for k, u in body if k == "u"]
        ev = sum(1 for k, x in body if k == "event") + sum(
            1 for u in us for p in u["parts"] if p[0] == "event")
        print("  %s %-18s %4d utts %3d events %s" % (sid, meta["kind"], len(us), ev, iso_dur(total)))
    for j in facts["jargon"]:
        print("  %-12s %-8s %s %-9s adopters: %s" % (
            j["stem"], j["coiner"], j["sid"], j["uid"],
            ", ".join("%s@%s" % (a[0], a[2]) for a in j["adopters"])))
    for t in facts["traj"]:
        print("  priya %s n=%d mean=%.1f addressed=%d after=%d" % (
            t["sid"], t["n"], t["mean"], t["addressed"], t["after"]))
    print("  cross-unit pairs %d, with broker %d" % facts["cross"])
    for p in PROBLEMS:
        sys.stderr.write("generate.py: problem: " + p + "\n")
    if PROBLEMS:
        sys.exit(1)


if __name__ == "__main__":
    main()
