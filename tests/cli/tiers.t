Annotation layers belong to their speaker: TEI-CORPO's header declares each
tier with its parent (notesStmt/note[@type="TEMPLATE_DESC"]); a unit whose
@who names a dependent tier is the speaker's, and a person declared for a
dependent tier is no participant of its own. The fixture and its expected
counts are described in tests/fixtures/teicorpo-tiers.xml.

=== tiers: words@A and phones@A are layers of Anna's tier ortho@A, not speakers
$ praxis -e 'for _, p in ipairs(corpus.participants) do print(p.id, p.name, #p.utterances) end print(corpus.utterances[7].speakers[1].id, corpus.utterances[7].addressees[1].id)' tests/fixtures/teicorpo-tiers.xml
--- stdout
ortho@A	Anna	7
ortho@B	Ben	1
pho	pho	0
ortho@B	ortho@A

=== tiers: no undeclared speaker comes of a layer
$ praxis info --json tests/fixtures/teicorpo-tiers.xml
--- stdout-contains
"participants":3,"speaking_participants":2,"utterances":8,
