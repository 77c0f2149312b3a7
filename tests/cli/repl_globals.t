The REPL keeps working when a chunk replaces the globals it is built on.

=== the REPL goes on after praxis = nil
$ praxis -i -q
--- stdin
praxis = nil
1 + 1
.mode csv
corpus.participants:head(1)
--- stdout
praxis> praxis = nil
praxis> 1 + 1
2
praxis> .mode csv
praxis> corpus.participants:head(1)
id,name,role,sex
marta,Marta Okafor,supervisor,female
praxis> 
