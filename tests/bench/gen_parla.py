#!/usr/bin/python3
"""Seeded generator of a ParlaMint-like corpus for the memory benchmark.

Usage: gen_parla.py OUTDIR [--mb 500] [--sittings 400] [--persons 700]
                           [--seed 11] [--jobs N]

Writes, in the layout of a ParlaMint corpus (TEI P5, UTF-8, no DOCTYPE):

  OUTDIR/ParlaMint-XX.xml              teiCorpus root: header whose particDesc
                                       xi:includes the two lists below, then one
                                       xi:include per sitting
  OUTDIR/ParlaMint-XX-listOrg.xml      listOrg: the parliament with its terms
                                       (listEvent), parliamentary groups and
                                       parties, the government
  OUTDIR/ParlaMint-XX-listPerson.xml   listPerson: --persons persons with
                                       persName, sex, birth, idno and dated
                                       affiliations (member of a term, of a
                                       group; some change group mid-term)
  OUTDIR/YYYY/ParlaMint-XX_YYYY-MM-DD[-N].xml
                                       one TEI per sitting: text @ana, body of
                                       div type="debateSection" with head,
                                       note type="speaker"/"time", u @xml:id
                                       @who @ana (#chair, #regular, #guest) of
                                       seg paragraphs, kinesic, vocal and gap
                                       inside and between utterances

The sittings together hold about --mb MiB. Bytes depend only on the
arguments other than --jobs: every sitting draws from its own generator
seeded with (seed, sitting number), and the shared tables (vocabulary,
persons, organisations) from one seeded with the seed alone.
"""

import argparse
import datetime
import os
import random
import sys
from multiprocessing import Pool

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI_NS = "http://www.w3.org/2001/XInclude"
CORPUS = "ParlaMint-XX"

SYLLABLES = (
    "ka ta na pre za po ra vi do mo se ko li ne ni stva ja ri ve lo de "
    "sti ga bi me ci ro ju ma ki su zi tu ke pa vo zo du ze le ta go "
    "če ša ži ču še žu čo šo že ći"
).split()

FUNCTION = (
    "the and to of a in that it is we this for on with as be not are "
    "have by our which at but from they will all their has been would "
    "there can should must also more these so if an or about who what "
    "i you he she us very only other than when because into out"
).split()

POLITICAL = (
    "government minister ministry parliament assembly committee amendment "
    "proposal budget law act article paragraph session debate vote "
    "colleagues citizens country state public health education economy "
    "reform tax pension workers companies energy climate security "
    "agriculture municipality region opposition coalition member deputy "
    "president procedure report resolution financing investment crisis "
    "pandemic measures support development infrastructure court justice "
    "transparency corruption responsibility decision question answer "
    "proposals amendments colleague honourable dear respected"
).split()

OPENERS = (
    "Thank you, Mr President.", "Thank you for the floor.",
    "Honourable colleagues,", "Dear Minister,", "Respected members of parliament,",
    "Mr Speaker,", "Thank you very much.", "Madam President,",
)
CHAIR_LINES = (
    "The sitting is open.", "I give the floor to the Minister.",
    "Thank you. Next, please.", "We will now vote on the proposal.",
    "I ask for order in the chamber.", "The item is closed.",
    "We continue with the next item of the agenda.",
    "The floor is yours.", "Please conclude, your time is up.",
)
KINESIC = (("applause", "Applause."), ("signal", "Signal for end of speech."),
           ("gesture", "Points at the government benches."))
VOCAL = (("laughter", "Laughter."), ("interruption", "Interruption from the floor."),
         ("murmuring", "Murmuring in the chamber."), ("shouting", "Shouting."))
GAP = ("inaudible", "editorial", "noise")

SURNAMES = (
    "Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar "
    "Golob Turk Božič Kralj Korošec Zupan Bizjak Hribar Kotnik Rozman "
    "Kavčič Petek Žagar Kastelic Oblak Koželj Ferk Hočevar Košir Mežnar "
    "Jereb Medved Debeljak Černe Sever Pirc Lesjak Vrečko Jug Gregorič"
).split()
FORENAMES_F = ("Ana Maja Nina Eva Sara Mojca Petra Katja Mateja Tanja Urška Špela "
               "Barbara Irena Alenka Nataša Vesna Darja").split()
FORENAMES_M = ("Igor Marko Luka Janez Andrej Matej Tomaž Boris Aleš Primož Žiga "
               "Rok Jure Gregor Bojan Miha Dušan Zoran").split()

PARTIES = (("SD", "Social Democrats"), ("SDS", "Slovenian Democratic Party"),
           ("NSi", "New Slovenia"), ("LMŠ", "List of Marjan Šarec"),
           ("SMC", "Modern Centre Party"), ("Levica", "The Left"),
           ("DeSUS", "Democratic Party of Pensioners"), ("SNS", "Slovenian National Party"),
           ("SAB", "Party of Alenka Bratušek"), ("IMNS", "Italian and Hungarian Minorities"),
           ("NP", "Unaffiliated Members"), ("GS", "Freedom Movement"))
TERMS = ((7, "2014-08-01", "2018-06-21"), (8, "2018-06-22", "2022-05-12"),
         (9, "2022-05-13", "2026-05-12"))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shared_tables(seed, persons):
    """Vocabulary, sentence pool, persons and sitting dates: the same in every
    worker (seeded with the seed alone)."""
    rng = random.Random("parla-tables-%d" % seed)
    words = set()
    while len(words) < 2500:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    lexical = sorted(words) + POLITICAL * 6
    sentences = []
    for _ in range(6000):
        n = rng.randint(6, 24)
        ws = [rng.choice(FUNCTION) if rng.random() < 0.45 else rng.choice(lexical)
              for _ in range(n)]
        ws[0] = ws[0].capitalize()
        for k in range(2, n - 1):
            r = rng.random()
            if r < 0.06:
                ws[k] += ","
            elif r < 0.075:
                ws[k] = str(rng.randint(1, 2030))
        end = rng.choice((".", ".", ".", "?", "!"))
        sentences.append(esc(" ".join(ws) + end))
    # persons: unique ids SurnameForename (+ a number when taken)
    people = []
    taken = set()
    for i in range(persons):
        sex = "F" if rng.random() < 0.4 else "M"
        sur = rng.choice(SURNAMES)
        fore = rng.choice(FORENAMES_F if sex == "F" else FORENAMES_M)
        pid = sur + fore
        k = 2
        while pid in taken:
            pid = "%s%s%d" % (sur, fore, k)
            k += 1
        taken.add(pid)
        terms = sorted(rng.sample((7, 8, 9), rng.randint(1, 3)))
        party = rng.randrange(len(PARTIES))
        switch = rng.random() < 0.15
        people.append((pid, sur, fore, sex, 1940 + rng.randint(0, 60),
                       rng.randint(1, 12), rng.randint(1, 28), terms, party,
                       rng.randrange(len(PARTIES)) if switch else None,
                       rng.random() < 0.05))
    return sentences, people


def sitting_dates(n, seed):
    rng = random.Random("parla-dates-%d" % seed)
    day = datetime.date(2015, 1, 12)
    out = []
    for _ in range(n):
        # some days hold two sittings (named -2)
        if not out or rng.random() > 0.1:
            day += datetime.timedelta(days=rng.choice((1, 1, 2, 5, 7, 9)))
        out.append(day.isoformat())
    return out


def write_components(out, people):
    n = 0
    path = os.path.join(out, CORPUS + "-listOrg.xml")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<listOrg xmlns="%s" xml:id="%s-listOrg">\n' % (TEI_NS, CORPUS))
        w(' <org xml:id="DZ" role="parliament" ana="#parla.national #parla.lower">\n')
        w('  <orgName full="yes" xml:lang="en">National Assembly</orgName>\n')
        w('  <orgName full="abb" xml:lang="en">DZ</orgName>\n')
        w('  <event from="1990-05-10"><label xml:lang="en">existence</label></event>\n')
        w('  <listEvent>\n')
        for t, a, b in TERMS:
            w('   <event xml:id="DZ.%d" from="%s" to="%s"><label xml:lang="en">Term %d</label></event>\n'
              % (t, a, b, t))
        w('  </listEvent>\n </org>\n')
        w(' <org xml:id="GOV" role="government"><orgName full="yes" xml:lang="en">Government of the Republic</orgName></org>\n')
        for abb, full in PARTIES:
            w(' <org xml:id="party.%s" role="parliamentaryGroup">\n' % abb)
            w('  <orgName full="yes" xml:lang="en">%s</orgName>\n' % esc(full))
            w('  <orgName full="abb">%s</orgName>\n' % abb)
            w('  <event from="1991-06-25"><label xml:lang="en">existence</label></event>\n </org>\n')
        w('</listOrg>\n')
    n += os.path.getsize(path)
    path = os.path.join(out, CORPUS + "-listPerson.xml")
    term = {t: (a, b) for t, a, b in TERMS}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<listPerson xmlns="%s" xml:id="%s-listPerson">\n' % (TEI_NS, CORPUS))
        for (pid, sur, fore, sex, by, bm, bd, terms, party, switch, minister) in people:
            w(' <person xml:id="%s">\n' % pid)
            w('  <persName><surname>%s</surname><forename>%s</forename></persName>\n' % (sur, fore))
            w('  <sex value="%s"/>\n  <birth when="%04d-%02d-%02d"/>\n' % (sex, by, bm, bd))
            w('  <idno type="URI" subtype="wikimedia">https://sl.wikipedia.org/wiki/%s_%s</idno>\n'
              % (fore, sur))
            for t in terms:
                a, b = term[t]
                w('  <affiliation role="member" ref="#DZ" from="%s" to="%s" ana="#DZ.%d">'
                  '<roleName xml:lang="en">Member of Parliament</roleName></affiliation>\n'
                  % (a, b, t))
                p = PARTIES[party][0]
                if switch is not None and t == terms[-1]:
                    mid = "%s-03-01" % (int(a[:4]) + 2)
                    w('  <affiliation role="member" ref="#party.%s" from="%s" to="%s" ana="#DZ.%d"/>\n'
                      % (p, a, mid, t))
                    w('  <affiliation role="member" ref="#party.%s" from="%s" to="%s" ana="#DZ.%d"/>\n'
                      % (PARTIES[switch][0], mid, b, t))
                else:
                    w('  <affiliation role="member" ref="#party.%s" from="%s" to="%s" ana="#DZ.%d"/>\n'
                      % (p, a, b, t))
            if minister:
                w('  <affiliation role="minister" ref="#GOV" from="2018-09-13" to="2020-03-13"/>\n')
            w(' </person>\n')
        w('</listPerson>\n')
    n += os.path.getsize(path)
    return n


# set in each worker by init_worker (fork shares them, spawn recomputes)
SENTENCES = PEOPLE = DATES = None
ARGS = None


def init_worker(args):
    global SENTENCES, PEOPLE, DATES, ARGS
    ARGS = args
    SENTENCES, PEOPLE = shared_tables(args.seed, args.persons)
    DATES = sitting_names(args.sittings, args.seed)


def sitting_names(n, seed):
    names, count = [], {}
    for d in sitting_dates(n, seed):
        count[d] = count.get(d, 0) + 1
        names.append((d, "%s_%s" % (CORPUS, d) + ("" if count[d] == 1 else "-%d" % count[d])))
    return names


def write_sitting(i):
    args = ARGS
    rng = random.Random("parla-sitting-%d-%d" % (args.seed, i))
    date, sid = DATES[i]
    year = date[:4]
    target = args.target
    sents = SENTENCES
    people = PEOPLE
    chair = people[rng.randrange(len(people))][0]
    mps = [p[0] for p in rng.sample(people, min(len(people), rng.randint(25, 90)))]
    path = os.path.join(args.out, year, sid + ".xml")
    parts = []
    a = parts.append
    a('<?xml version="1.0" encoding="UTF-8"?>\n')
    a('<TEI xmlns="%s" xml:id="%s" xml:lang="sl" ana="#parla.sitting #reference">\n' % (TEI_NS, sid))
    a(' <teiHeader>\n  <fileDesc>\n   <titleStmt><title type="main" xml:lang="en">'
      'Slovenian parliamentary corpus ParlaMint-XX, sitting %s</title>'
      '<meeting n="%s" corresp="#DZ" ana="#parla.sitting">%s</meeting></titleStmt>\n'
      % (date, sid, date))
    a('   <publicationStmt><p>Generated for the Praxis benchmark.</p></publicationStmt>\n'
      '   <sourceDesc><p>Synthetic.</p></sourceDesc>\n  </fileDesc>\n')
    a('  <profileDesc><settingDesc><setting><name type="place">Ljubljana</name>'
      '<date when="%s">%s</date></setting></settingDesc></profileDesc>\n </teiHeader>\n' % (date, date))
    covid = "#covid" if date >= "2020-03" else "#reference"
    a(' <text ana="%s">\n  <body>\n' % covid)
    size = sum(len(p.encode("utf-8")) for p in parts)
    nu = nseg = 0
    closing = '  </body>\n </text>\n</TEI>\n'
    while size < target:
        chunk = []
        mark = 0            # chunk[:mark] is counted in size
        c = chunk.append
        c('   <div type="debateSection">\n    <head>Item %d of the agenda</head>\n'
          % (nu // 40 + 1))
        c('    <note type="time">(The sitting continued at %02d.%02d.)</note>\n'
          % (rng.randint(9, 19), rng.randint(0, 59)))
        for _ in range(rng.randint(20, 60)):
            size += sum(len(x.encode("utf-8")) for x in chunk[mark:])
            mark = len(chunk)
            if size >= target:
                break
            nu += 1
            if rng.random() < 0.18:
                who, ana, lines = chair, "#chair", None
            else:
                who = rng.choice(mps)
                ana = "#guest" if rng.random() < 0.04 else "#regular"
                lines = 1
            c('    <note type="speaker">%s:</note>\n' % who.upper())
            c('    <u xml:id="%s.u%d" who="#%s" ana="%s">\n' % (sid, nu, who, ana))
            if lines is None:
                nseg += 1
                c('     <seg xml:id="%s.seg%d">%s %s</seg>\n'
                  % (sid, nseg, rng.choice(CHAIR_LINES), " ".join(rng.choices(sents, k=rng.randint(0, 3)))))
            else:
                for k in range(rng.randint(1, 7)):
                    nseg += 1
                    body = " ".join(rng.choices(sents, k=rng.randint(2, 14)))
                    if k == 0:
                        body = rng.choice(OPENERS) + " " + body
                    c('     <seg xml:id="%s.seg%d">%s</seg>\n' % (sid, nseg, body))
                    r = rng.random()
                    if r < 0.08:
                        t, d = rng.choice(VOCAL)
                        c('     <vocal type="%s"><desc xml:lang="en">%s</desc></vocal>\n' % (t, d))
                    elif r < 0.12:
                        c('     <gap reason="%s"><desc xml:lang="en">[inaudible]</desc></gap>\n'
                          % rng.choice(GAP))
                if rng.random() < 0.3:
                    c('     <kinesic type="signal"><desc xml:lang="en">Signal for end of speech.</desc></kinesic>\n')
            c('    </u>\n')
            r = rng.random()
            if r < 0.12:
                t, d = rng.choice(KINESIC)
                c('    <kinesic type="%s"><desc xml:lang="en">%s</desc></kinesic>\n' % (t, d))
            elif r < 0.17:
                t, d = rng.choice(VOCAL)
                c('    <vocal type="%s"><desc xml:lang="en">%s</desc></vocal>\n' % (t, d))
            elif r < 0.19:
                c('    <note type="vote-ayes">%d</note><note type="vote-noes">%d</note>\n'
                  % (rng.randint(20, 60), rng.randint(0, 40)))
        c('   </div>\n')
        size += sum(len(x.encode("utf-8")) for x in chunk[mark:])
        parts.append("".join(chunk))
    parts.append(closing)
    data = "".join(parts).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return "%s/%s.xml" % (year, sid), len(data), nu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=500)
    ap.add_argument("--sittings", type=int, default=400)
    ap.add_argument("--persons", type=int, default=700)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if args.sittings < 1 or args.persons < 1 or args.mb <= 0:
        ap.error("--mb, --sittings and --persons must be positive")
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    args.target = int(args.mb * 1048576 / args.sittings)
    sentences, people = shared_tables(args.seed, args.persons)
    comp = write_components(args.out, people)
    names = sitting_names(args.sittings, args.seed)
    for year in sorted({d[:4] for d, _ in names}):
        os.makedirs(os.path.join(args.out, year), exist_ok=True)
    if args.jobs > 1:
        with Pool(args.jobs, initializer=init_worker, initargs=(args,)) as pool:
            results = pool.map(write_sitting, range(args.sittings), chunksize=4)
    else:
        init_worker(args)
        results = [write_sitting(i) for i in range(args.sittings)]
    root = os.path.join(args.out, CORPUS + ".xml")
    with open(root, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<teiCorpus xmlns="%s" xmlns:xi="%s" xml:id="%s" xml:lang="sl">\n' % (TEI_NS, XI_NS, CORPUS))
        w(' <teiHeader>\n  <fileDesc>\n   <titleStmt><title type="main" xml:lang="en">'
          'Slovenian parliamentary corpus ParlaMint-XX (synthetic)</title></titleStmt>\n'
          '   <publicationStmt><p>Generated for the Praxis benchmark.</p></publicationStmt>\n'
          '   <sourceDesc><p>Synthetic.</p></sourceDesc>\n  </fileDesc>\n')
        w('  <profileDesc>\n   <particDesc>\n')
        w('    <xi:include href="%s-listOrg.xml"/>\n' % CORPUS)
        w('    <xi:include href="%s-listPerson.xml"/>\n' % CORPUS)
        w('   </particDesc>\n  </profileDesc>\n </teiHeader>\n')
        for rel, _, _ in results:
            w(' <xi:include href="%s"/>\n' % rel)
        w('</teiCorpus>\n')
    total = comp + os.path.getsize(root) + sum(n for _, n, _ in results)
    print("%s: %d sittings, %d utterances, %d persons, %d bytes (%.1f MiB)"
          % (args.out, len(results), sum(u for _, _, u in results), len(people),
             total, total / 1048576), file=sys.stderr)


if __name__ == "__main__":
    main()
