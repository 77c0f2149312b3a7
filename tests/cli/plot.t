Plots: every kind rendered to SVG, which parses (xmllint), holds one mark
per data point, the title, the axis labels and the legend, and turns into
a PNG with rsvg-convert; the terminal versions.

=== a bar plot to SVG: one bar per row, title, axes, legend; and PNG
$ cd "$TMPDIR" && praxis -e 'local t = corpus.utterances:table{"document", "speaker"}:where(function(r) return r.speaker.id == "priya" or r.speaker.id == "felix" end):group_by({"document", "speaker"}, {turns = {"count"}}); print(#t); t:plot{kind = "bar", x = "document", y = "turns", group = "speaker", title = "Turns per session", units = {y = "utterances"}, to = "bar.svg"}' && xmllint --noout bar.svg && echo parses && grep -o 'class="mark"' bar.svg | wc -l && grep -c -e 'Turns per session' -e 'turns (utterances)' -e '>document<' -e '>priya<' -e '>felix<' bar.svg && rsvg-convert -o bar.png bar.svg && file -b bar.png | cut -d, -f1
--- stdout
20
parses
20
5
PNG image data
--- skip-unless command -v xmllint && command -v rsvg-convert && command -v file

=== a line plot to SVG: one mark per point, one line per group
$ cd "$TMPDIR" && praxis -e 'local t = praxis.table.new({"month", "turns", "who"}, {{1, 5, "a"}, {2, 7, "a"}, {3, 4, "a"}, {1, 2, "b"}, {2, 9, "b"}}); t:plot{kind = "line", x = "month", y = "turns", group = "who", title = "Trend", units = {x = "month", y = "turns"}, to = "line.svg"}' && xmllint --noout line.svg && grep -o 'class="mark"' line.svg | wc -l && grep -o '<polyline' line.svg | wc -l && grep -c -e '>Trend<' -e 'month (month)' -e 'turns (turns)' -e 'class="legend-label"' line.svg && rsvg-convert -o line.png line.svg && echo png
--- stdout
5
2
5
png
--- skip-unless command -v xmllint && command -v rsvg-convert

=== a scatter plot to SVG: one mark per row
$ cd "$TMPDIR" && praxis -e 'local t = corpus.utterances:where{speaker = "priya"}:table{"start_time", "word_count"}; print(#t:where(function(r) return r.start_time ~= nil end)); t:plot{kind = "scatter", x = "start_time", y = "word_count", title = "Length over time", units = {x = "s"}, to = "scatter.svg"}' && xmllint --noout scatter.svg && grep -o 'class="mark"' scatter.svg | wc -l && grep -c -e '>Length over time<' -e 'start_time (s)' -e '>word_count<' scatter.svg && rsvg-convert -o scatter.png scatter.svg && echo png
--- stdout
249
249
3
png
--- skip-unless command -v xmllint && command -v rsvg-convert

=== a heatmap to SVG: one cell per (x, y), a colour legend
$ cd "$TMPDIR" && praxis -e 'local t = corpus.utterances:table{"document", "speaker"}:group_by({"document", "speaker"}, {turns = {"count"}}); print(#t); t:plot{kind = "heatmap", x = "document", y = "speaker", value = "turns", title = "Who speaks where", to = "heat.svg"}' && xmllint --noout heat.svg && grep -o 'class="mark"' heat.svg | wc -l && grep -c -e '>Who speaks where<' -e '>document<' -e '>speaker<' -e '>turns<' heat.svg && rsvg-convert -o heat.png heat.svg && echo png
--- stdout
78
78
4
png
--- skip-unless command -v xmllint && command -v rsvg-convert

=== PNG straight from plot
$ cd "$TMPDIR" && praxis -e 'praxis.table.new({"x", "y"}, {{"a", 1}, {"b", 2}}):plot{kind = "bar", x = "x", y = "y", to = "direct.png"}' && file -b direct.png | cut -d, -f1
--- stdout
PNG image data
--- skip-unless command -v rsvg-convert && command -v file

=== in the terminal: bars, sparklines, a scatter grid, a heatmap
$ praxis --batch
--- stdin
local t = praxis.table.new({"who", "n", "t"}, {{"priya", 8, 1}, {"felix", 3, 2}, {"ines", 5, 3}, {"tom", 1, 4}})
t:plot{kind = "bar", x = "who", y = "n", title = "Turns"}
t:plot{kind = "line", x = "t", y = "n", title = "Trend"}
t:plot{kind = "scatter", x = "t", y = "n"}
corpus.utterances:table{"document", "speaker"}:plot{kind = "heatmap", x = "document", y = "speaker", title = "Who speaks where"}
--- stdout
Turns
priya  ████████████████████████████████████████████████████████████ 8
felix  ██████████████████████▌                                      3
ines   █████████████████████████████████████▌                       5
tom    ███████▌                                                     1
       n
Trend
█▃▅▁  1..8
n over t
8 │•
  │
  │
  │
  │
  │                                       •
  │
  │
  │                    •
  │
  │
1 │                                                           •
  └────────────────────────────────────────────────────────────
   1                                                          4
   n by t
Who speaks where
marta   ▓▓░░▒▒  ▒▒░░▓▓░░▓▓  ▒▒▓▓
bruno   ▒▒▓▓▒▒  ░░▒▒▒▒░░▒▒  ▒▒▒▒
dolores ▓▓▒▒▒▒  ▒▒██▒▒░░▒▒  ░░▒▒
kwame   ▒▒▒▒▒▒  ░░▒▒▒▒░░░░  ░░░░
priya   ░░░░░░  ░░▒▒▒▒░░▒▒  ████
sean    ▒▒▒▒▒▒  ░░▒▒▒▒░░░░  ░░░░
felix   ░░  ░░██░░  ░░██░░▓▓░░▒▒
ines          ██      ▒▒  ██
gordon        ██      ▒▒  ██
tom                         ▓▓░░
        document →  (12 columns; count up to 53)

=== plot errors say what to do
$ praxis -e 'praxis.table.new({"x", "y"}, {{"a", 1}}):plot{kind = "pie"}'
--- stderr-contains
plot: kind must be "line", "bar", "scatter" or "heatmap", not pie
--- exit 1
