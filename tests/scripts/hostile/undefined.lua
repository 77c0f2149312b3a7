local n = #corpus.utterances
print(partcipant)
