The project defines what it uses itself: help, code and docs cite
docs/semantics.md and docs/methods.md, never design files outside the
repository, and every section they cite exists.

=== nothing cites the design files outside the repository
$ grep -rIlE --exclude-dir=.git --exclude-dir=build 'SEMANTICS\.md|METHODS\.md|shared/design' . | grep -v '^./tests/cli/doc_refs.t$'; echo done
--- stdout
done

=== every cited section of docs/methods.md and docs/semantics.md exists
$ grep -rIhoE --exclude-dir=.git --exclude-dir=build 'docs/methods\.md, sections? [0-9]+' . | grep -oE '[0-9]+$' | sort -u |
> while read -r n; do grep -q "^## $n\. " docs/methods.md || echo "docs/methods.md has no section $n"; done
> grep -rIhoE --exclude-dir=.git --exclude-dir=build 'docs/semantics\.md[ ,(]*"[^"]+"' . | sed 's/.*"\([^"]*\)"$/\1/' | sort -u |
> while read -r t; do grep -qx "## $t" docs/semantics.md || echo "docs/semantics.md has no section \"$t\""; done
> echo checked
--- stdout
checked

=== no example sorts by start_time, which restarts in every document (docs/semantics.md, "Time")
$ grep -rnE --include='*.md' --include='*.lua' 'sort\("start_time"' README.md docs lua/meta lua/lib scripts; echo done
--- stdout
done
