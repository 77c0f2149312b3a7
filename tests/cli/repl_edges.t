Edges of the REPL: globals replaced by a chunk, error values that are not
strings, dot-commands called from Lua.

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

=== an error value that is not a string is named, or shown through __tostring
$ praxis -i -q
--- stdin
error({})
error(setmetatable({}, {__tostring = function() return "my error" end}))
--- stderr
stdin:1: (error object is a table value)
stdin:1: my error

=== praxis.repl.dot names what it cannot run; an ambiguous prefix runs nothing; .exit is .quit
$ praxis -q -e 'praxis.repl.dot("nonsense"); praxis.repl.dot(".t on"); return praxis.repl.dot(".exit")'
--- stdout
true
--- stderr
unknown command nonsense; .help lists them
unknown command .t; .help lists them
