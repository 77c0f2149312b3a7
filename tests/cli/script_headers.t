A script's header is its help (praxis help NAME): the example rows under
@output must be what the script prints on the bundled corpus.

=== the @output rows of each script header are printed by a run on alinsu
$ for f in scripts/*/*.lua; do
>   grep -q '^--- @output$' "$f" || continue
>   name=$(basename "$f" .lua)
>   out=$(praxis run "$name" corpora/alinsu 2>&1)
>   awk '/^--- @output$/ {on = 1; next} on && /^--- (@|…)/ {on = 0} on {sub(/^--- /, ""); sub(/ *…$/, ""); print}' "$f" |
>   while IFS= read -r l; do
>     printf '%s\n' "$out" | grep -qF -- "$l" || echo "$name: not printed: $l"
>   done
>   echo "$name checked"
> done
--- stdout
participation checked
turn-timing checked
