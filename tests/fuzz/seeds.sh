#!/bin/sh
# seeds.sh OUTDIR - writes the seed corpus of the TEI fuzzer into OUTDIR
# (build/fuzz/seeds; generated, never committed): the bundled sample files
# and the first files of alinsu, then small hand-written inputs for every
# kind of document and every refusal, and multi-file inputs whose parts are
# separated as tei_fuzz.c splits them ("\n@@FILE@@\n": root.xml, a.xml,
# b.xml, sub/c.xml) so that xi:include between them is exercised.
# Idempotent: rewrites the same files.
set -eu
OUT=${1:?usage: seeds.sh OUTDIR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"

for f in "$ROOT"/corpora/samples/*.xml "$ROOT"/corpora/alinsu/alinsu.xml \
         "$ROOT"/corpora/alinsu/s01.xml "$ROOT"/corpora/alinsu/s05.xml; do
    [ -f "$f" ] || continue
    # keep seeds under the fuzzer's -max_len
    head -c 65536 "$f" >"$OUT/sample-$(basename "$(dirname "$f")")-$(basename "$f")"
done

NS='xmlns="http://www.tei-c.org/ns/1.0"'
XI='xmlns:xi="http://www.w3.org/2001/XInclude"'
HEAD="<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></teiHeader>"
SEP='
@@FILE@@
'
seed() { printf '%s' "$2" >"$OUT/$1"; }

seed spoken-min.xml "<TEI $NS>$HEAD<text><body><u who=\"#a\">hello there</u><u who=\"#b\" xml:id=\"u2\">hi</u></body></text></TEI>"
seed spoken-timeline.xml "<TEI $NS xml:id=\"d\">$HEAD<text><body><timeline unit=\"s\" origin=\"#T0\"><when xml:id=\"T0\" absolute=\"2024-01-15T09:02:00\"/><when xml:id=\"T1\" interval=\"1.5\" since=\"#T0\"/><when xml:id=\"T2\" interval=\"3\" since=\"#T1\"/></timeline><div type=\"session\"><u who=\"#a\" start=\"#T0\" end=\"#T1\">one <pause dur=\"PT0.5S\"/> two<anchor synch=\"#T1\"/></u><vocal who=\"#b\"><desc>laughs</desc></vocal><u who=\"#b\" start=\"#T1\" end=\"#T2\" trans=\"overlap\"><seg type=\"clause\">three</seg></u><incident><desc>door</desc></incident></div></body></text></TEI>"
seed people.xml "<TEI $NS>$HEAD<teiHeader><profileDesc><particDesc><listPerson><person xml:id=\"a\" sex=\"F\" age=\"37\"><persName>Ana</persName></person><person xml:id=\"b\"><sex value=\"M\"/><age value=\"3.0\"/><persName><forename>Bo</forename><surname>B</surname></persName><affiliation role=\"member\" ref=\"#p1\" from=\"2018-06-22\" to=\"2022-05-12\" ana=\"#DZ.8\"/></person><personGrp xml:id=\"g\" role=\"audience\"/></listPerson></particDesc></profileDesc></teiHeader><text><body><u who=\"#a #b\" toWhom=\"#g\">x</u><u who=\"\">y</u><u>z</u></body></text></TEI>"
seed drama.xml "<TEI $NS xml:lang=\"en\">$HEAD<text><front><castList><castItem><role xml:id=\"anna\">Anna</role></castItem></castList></front><body><div type=\"act\"><head>I</head><div type=\"scene\"><sp who=\"#anna\"><speaker>ANNA</speaker><p>Where is it?</p><stage>exit</stage></sp><sp who=\"#ben #anna\"><l>Here.</l></sp></div></div></body></text></TEI>"
seed cmc.xml "<TEI $NS>$HEAD<text><body><div type=\"thread\"><post xml:id=\"c1\" who=\"#u7\" when-iso=\"2020-03-01T10:00:00Z\"><p>hi all</p></post><post xml:id=\"c2\" who=\"#u8\" replyTo=\"#c1\" when=\"2020-03-01T10:01:00\"><p>brb</p></post><posting who=\"#u9\" synch=\"#t1\"><p>x</p></posting></div></body></text></TEI>"
seed iso.xml "<TEI $NS>$HEAD<text><timeline unit=\"ms\"><when xml:id=\"T0\"/><when xml:id=\"T1\" interval=\"1200\" since=\"#T0\"/></timeline><body><annotationBlock who=\"#A\" start=\"#T0\" end=\"#T1\"><u><seg type=\"utterance\"><w>ja</w> <w>genau</w></seg></u><spanGrp type=\"pos\"><span from=\"#T0\" to=\"#T1\">ADV</span></spanGrp></annotationBlock></body></text></TEI>"
seed debate.xml "<TEI $NS xml:id=\"S1\"><teiHeader><fileDesc><titleStmt><title>Sitting</title></titleStmt></fileDesc><profileDesc><settingDesc><setting><date when=\"2022-04-06\"/></setting></settingDesc></profileDesc></teiHeader><text ana=\"#covid\"><body><div type=\"debateSection\"><head>Item 1</head><note type=\"speaker\">PRESIDENT:</note><u xml:id=\"s1.u1\" who=\"#Z\" ana=\"#chair\"><seg xml:id=\"s1.seg1\">The session is open.</seg></u><u xml:id=\"s1.u2\" who=\"#N\" ana=\"#regular\"><seg>Thank you.</seg><kinesic type=\"signal\"><desc>applause</desc></kinesic><gap reason=\"inaudible\"/><seg>more</seg></u><note type=\"time\">17.15</note></div></body></text></TEI>"
seed teicorpus.xml "<teiCorpus $NS>$HEAD<TEI>$HEAD<text><body><u who=\"#a\">one</u></body></text></TEI><TEI>$HEAD<text><body><u who=\"#a\">two</u></body></text></TEI></teiCorpus>"
seed listorg.xml "<listOrg $NS><org xml:id=\"p1\" role=\"politicalParty\"><orgName full=\"yes\">Party</orgName><orgName full=\"abb\">P</orgName><event from=\"2005-04-02\"/></org></listOrg>"
seed doctype-dtd.xml "<?xml version=\"1.0\"?><!DOCTYPE TEI SYSTEM \"tei_all.dtd\"><TEI $NS>$HEAD<text><body><u who=\"#a\">x &lt; &#65; &amp;</u></body></text></TEI>"
seed doctype-entity.xml "<!DOCTYPE TEI [<!ENTITY x \"y\"><!ENTITY % p SYSTEM \"/etc/passwd\">%p;]><TEI $NS><text><body><u>&x;</u></body></text></TEI>"
seed undeclared-entity.xml "<TEI $NS><text><body><u who=\"#a\">caf&eacute;</u></body></text></TEI>"
seed cdata-pi.xml "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?pi x?><TEI $NS><!-- c --><text><body><u who=\"#a\"><![CDATA[a<b]]> don't state-of-the-art</u></body></text></TEI>"
seed latin1.xml "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><TEI $NS><text><body><u who=\"#a\">caf$(printf '\351')</u></body></text></TEI>"
seed truncated.xml "<TEI $NS><text><body><u who=\"#a\">tw"

# multi-file: a ParlaMint-like root with components and sittings
seed multi-parla.xml "<teiCorpus $NS $XI xml:id=\"ParlaMint-XX\"><teiHeader><profileDesc><particDesc><xi:include href=\"a.xml\"/><xi:include href=\"b.xml\"/></particDesc></profileDesc></teiHeader><xi:include href=\"sub/c.xml\"/></teiCorpus>$SEP<listOrg $NS><org xml:id=\"p1\" role=\"parliamentaryGroup\"><orgName full=\"yes\">G</orgName></org></listOrg>$SEP<listPerson $NS><person xml:id=\"N\"><persName><surname>N</surname></persName><affiliation role=\"member\" ref=\"#p1\" from=\"2020\"/></person></listPerson>$SEP<TEI $NS xml:id=\"c\">$HEAD<text><body><div type=\"debateSection\"><u who=\"#N\" xml:id=\"c.u1\"><seg>Hello.</seg></u></div></body></text></TEI>"
seed multi-loop.xml "<teiCorpus $NS $XI><xi:include href=\"a.xml\"/></teiCorpus>$SEP<teiCorpus $NS $XI><xi:include href=\"root.xml\"/><xi:include href=\"a.xml\"/></teiCorpus>"
seed multi-escape.xml "<teiCorpus $NS $XI><xi:include href=\"../etc/passwd\"/><xi:include href=\"/etc/passwd\"/><xi:include href=\"http://127.0.0.1:9/x.xml\"/><xi:include href=\"sub/../a.xml\" parse=\"text\"/><xi:include href=\"a.xml\" xpointer=\"x\"/></teiCorpus>$SEP<TEI $NS>$HEAD<text><body><u who=\"#a\">a</u></body></text></TEI>"
seed multi-fallback.xml "<teiCorpus $NS $XI><xi:include href=\"missing.xml\"><xi:fallback><TEI>$HEAD<text><body><u who=\"#a\">fb</u></body></text></TEI></xi:fallback></xi:include><xi:include href=\"gone.xml\"/></teiCorpus>$SEP<TEI $NS>$HEAD</TEI>"
seed multi-sub.xml "<teiCorpus $NS $XI><xi:include href=\"sub/c.xml\"/></teiCorpus>$SEP<TEI $NS>$HEAD<text><body><u who=\"#a\">a</u></body></text></TEI>$SEP<TEI $NS>$HEAD<text><body><u who=\"#b\">b</u></body></text></TEI>$SEP<teiCorpus $NS $XI xml:base=\"../\"><xi:include href=\"../a.xml\"/><xi:include href=\"../b.xml\"/><xi:include href=\"c.xml\"/></teiCorpus>"
