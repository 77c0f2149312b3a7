-- table_spec.lua - praxis tables beyond the core: group_by, join,
-- add_column, reading files back, selections as tables.

local T = praxis.table

local function tmpfile(ext)
  local p = os.tmpname()
  os.remove(p)
  return p .. "." .. ext
end

local function turns()
  return T.new({ "speaker", "doc", "words" }, {
    { "priya", "s01", 10 }, { "felix", "s01", 4 }, { "priya", "s02", 6 },
    { "felix", "s02", 8 }, { "priya", "s02", 2 }, { "ines", "s03", nil },
  })
end

describe("group_by", function()
  it("counts rows per group, in order of first appearance", function()
    local g = turns():group_by("speaker", { n = { "count" } })
    expect(g:columns()).to_equal({ "speaker", "n" })
    expect(g:column("speaker")).to_equal({ "priya", "felix", "ines" })
    expect(g:column("n")).to_equal({ 3, 2, 1 })
  end)
  it("computes every aggregate over non-nil values", function()
    local g = turns():group_by("speaker", {
      total = { "sum", "words" }, avg = { "mean", "words" }, lo = { "min", "words" },
      hi = { "max", "words" }, mid = { "median", "words" }, spread = { "sd", "words" },
      said = { "count", "words" },
    })
    expect(g:columns()).to_equal({ "speaker", "avg", "hi", "lo", "mid", "said", "spread", "total" })
    local priya = g:row(1)
    expect(priya.total).to_be(18)
    expect(priya.avg).to_be(6.0)
    expect(priya.lo).to_be(2)
    expect(priya.hi).to_be(10)
    expect(priya.mid).to_be(6)
    expect(priya.spread).to_be_near(4.0, 1e-12)
    local ines = g:row(3)
    expect(ines.said).to_be(0)
    expect(ines.total).to_be(0)
    expect(ines.avg).to_be_nil()
    expect(g:row(2).mid).to_be(6.0)
  end)
  it("groups by several columns", function()
    local g = turns():group_by({ "speaker", "doc" }, { n = { "count" } })
    expect(#g).to_be(5)
    expect(g:row(3)).to_equal({ speaker = "priya", doc = "s02", n = 2 })
  end)
  it("groups handles by their identity", function()
    local t = corpus.utterances:table{ "speaker" }
    local g = t:group_by("speaker", { turns = { "count" } })
    expect(#g).to_be(10)
    expect(g:row(1).speaker.id).to_be("marta")
    expect(g:row(1).turns).to_be(284)
  end)
  it("says what is wrong", function()
    expect_error(function() turns():group_by("who") end, "group_by: no column 'who'")
    expect_error(function() turns():group_by("speaker", { x = { "mode", "words" } }) end,
      "aggregate 'x' must be")
    expect_error(function() turns():group_by("speaker", { x = { "sum" } }) end, "needs a column")
    expect_error(function() turns():group_by("doc", { x = { "sum", "speaker" } }) end,
      "sum of 'speaker' needs numbers")
  end)
end)

describe("join", function()
  local roles = T.new({ "speaker", "role" }, { { "priya", "newcomer" }, { "felix", "manager" } })
  it("inner keeps matching rows, one per match", function()
    local j = turns():join(roles, "speaker")
    expect(j:columns()).to_equal({ "speaker", "doc", "words", "role" })
    expect(#j).to_be(5)
    expect(j:row(2).role).to_be("manager")
  end)
  it("left keeps every row", function()
    local j = turns():join(roles, "speaker", { how = "left" })
    expect(#j).to_be(6)
    expect(j:row(6).role).to_be_nil()
  end)
  it("matches columns of other names, and handles with ids", function()
    local j = corpus.utterances:table{ "id", "speaker" }:join(
      corpus.participants:table{ "id", "role" }, { speaker = "id" })
    expect(#j).to_be(2000)
    expect(j:columns()).to_equal({ "id", "speaker", "role" })
    expect(#j:where{ role = "newcomer" }).to_be(#corpus.participants["priya"].utterances)
  end)
  it("renames clashing columns", function()
    local a = T.new({ "k", "v" }, { { 1, "a" } })
    local b = T.new({ "k", "v" }, { { 1, "b" } })
    expect(a:join(b, "k"):columns()).to_equal({ "k", "v", "v_2" })
  end)
  it("refuses unknown columns and modes", function()
    expect_error(function() turns():join(roles, "doc") end, "join: no column 'doc'")
    expect_error(function() turns():join(roles, "speaker", { how = "outer" }) end, "how must be")
  end)
end)

describe("add_column", function()
  it("adds computed values in a copy", function()
    local t = turns()
    local u = t:add_column("double", function(r) return r.words and r.words * 2 end)
    expect(u:column("double")[1]).to_be(20)
    expect(#t:columns()).to_be(3)
    expect(u:kind("double")).to_be("integer")
  end)
  it("adds a list, or replaces a column", function()
    local u = turns():add_column("words", { 1, 2, 3, 4, 5, 6 })
    expect(u:columns()).to_equal({ "speaker", "doc", "words" })
    expect(u:column("words")[6]).to_be(6)
    expect_error(function() turns():add_column("x", { 1 }) end, "1 values for a table of 6 rows")
  end)
end)

describe("read_table", function()
  local nasty = T.new({ "name", "n", "x", "note" }, {
    { 'Castellani, "Bruno"', 1, 0.1, "two\nlines" },
    { "plain", -20000, 1e-300, "tab\there" },
    { "pipe | bar", 3, nil, "" },
  })
  for _, fmt in ipairs({ "csv", "json", "tsv", "md" }) do
    it("reads back what write wrote (" .. fmt .. ")", function()
      local p = tmpfile(fmt)
      nasty:write(p)
      local back = praxis.read_table(p)
      os.remove(p)
      expect(back:columns()).to_equal({ "name", "n", "x", "note" })
      expect(#back).to_be(3)
      expect(back:column("n")).to_equal({ 1, -20000, 3 })
      expect(back:kind("n")).to_be("integer")
      expect(back:row(3).name).to_be("pipe | bar")
      if fmt == "csv" or fmt == "json" then
        expect(back:row(1).name).to_be('Castellani, "Bruno"')
        expect(back:row(1).note).to_be("two\nlines")
        expect(back:row(2).x).to_be(1e-300)
        expect(back:row(2).note).to_be("tab\there")
      end
    end)
  end
  it("writes NaN as an empty field (csv, tsv), read back as missing", function()
    local t = T.new({ "who", "z" }, { { "a", 0 / 0 }, { "b", 1.5 } })
    for _, fmt in ipairs({ "csv", "tsv" }) do
      local p = tmpfile(fmt)
      t:write(p)
      local f = io.open(p); local text = f:read("a"); f:close()
      expect(text:find("nan", 1, true)).to_be_nil()
      local back = praxis.read_table(p)
      os.remove(p)
      expect(back:row(1).z).to_be_nil()
      expect(back:row(2).z).to_be(1.5)
      expect(back:kind("z")).to_be("number")
    end
  end)
  it("reads RFC 4180 quoting and CRLF", function()
    local t = praxis.read_table(FIXTURES .. "turns.csv")
    expect(#t).to_be(3)
    expect(t:row(2).speaker).to_be("Castellani, Bruno")
    expect(t:row(3).speaker).to_be('say "hi"')
    expect(t:row(3).share).to_be_nil()
    expect(t:kind("share")).to_be("number")
  end)
  it("keeps text with types = false, and reports a missing file", function()
    local t = praxis.read_table(FIXTURES .. "turns.csv", { types = false })
    expect(t:row(1).turns).to_be("249")
    local r, err = praxis.read_table("no/such.csv")
    expect(r).to_be_nil()
    expect(err).to_contain("no/such.csv")
  end)
  it("refuses bad input with where it is", function()
    local p = tmpfile("json")
    local f = io.open(p, "w"); f:write('[{"a": 1}, {"a": tru}]'); f:close()
    expect_error(function() praxis.read_table(p) end, "bad JSON at byte")
    os.remove(p)
    expect_error(function() praxis.read_table("x.xls") end, "cannot tell the format")
  end)
end)

describe("selections as tables", function()
  it("makes a column per property", function()
    local t = corpus.utterances:table{ "id", "speaker", "start_time", "text" }
    expect(#t).to_be(2000)
    expect(t:columns()).to_equal({ "id", "speaker", "start_time", "text" })
    expect(t:row(1).speaker).to_be(corpus.utterances[1].speaker)
    expect(t:kind("start_time")).to_be("number")
  end)
  it("counts selections and takes functions", function()
    local t = corpus.participants:table{ "id", "utterances", words = function(p) return #p.documents end }
    expect(t:row(1).utterances).to_be(284)
    expect(t:columns()).to_equal({ "id", "utterances", "words" })
  end)
  it("has defaults per kind", function()
    expect(corpus.documents:table():columns()).to_equal({ "id", "title", "date", "kind" })
  end)
  it("writes handles as ids", function()
    local p = tmpfile("csv")
    corpus.utterances:head(2):write(p)
    local f = io.open(p); local text = f:read("a"); f:close()
    os.remove(p)
    expect(text).to_match("^id,document,speaker,start_time,text\r\ns01%.u1,s01,marta,")
  end)
  it("refuses what is not a property", function()
    expect_error(function() corpus.utterances:table{ "id", "colour" } end, "colour")
  end)
end)

describe("plots", function()
  local t = T.new({ "who", "doc", "n", "t" }, {
    { "priya", "s01", 5, 1 }, { "felix", "s01", 3, 2 }, { "priya", "s02", 7, 3 }, { "felix", "s02", 1, 4 },
  })
  local function count(s, pat)
    local n = 0
    for _ in s:gmatch(pat) do n = n + 1 end
    return n
  end
  for _, kind in ipairs({ "bar", "line", "scatter", "heatmap" }) do
    it("draws one mark per data point (" .. kind .. ")", function()
      local svg = praxis.plot.svg(t, { kind = kind, x = kind == "heatmap" and "doc" or (kind == "bar" and "who" or "t"),
        y = kind == "heatmap" and "who" or "n", group = kind ~= "heatmap" and "doc" or nil, value = kind == "heatmap" and "n" or nil,
        title = "Turns <" .. kind .. ">", units = { y = "turns" } })
      expect(count(svg, 'class="mark"')).to_be(4)
      expect(svg).to_contain("Turns &lt;" .. kind .. "&gt;")
      if kind ~= "heatmap" then expect(svg).to_contain("n (turns)") end
      expect(svg).to_contain('class="legend')
    end)
  end
  it("draws in the terminal", function()
    local s = praxis.plot.text(t, { kind = "bar", x = "who", y = "n" })
    expect(s).to_contain("█")
    expect(praxis.plot.sparkline({ 1, 2, 3, 8 })).to_be("▁▂▃█")
  end)
  it("says what is wrong", function()
    expect_error(function() t:plot{ kind = "pie" } end, "kind must be")
    expect_error(function() t:plot{ x = "who", y = "nope" } end, "no column 'nope'")
    expect_error(function() t:plot{ kind = "bar", x = "n", y = "who" } end, "y must be numbers")
    expect_error(function() t:plot{ x = "who", y = "n", to = "x.gif" } end, "cannot tell the format")
  end)
end)

describe("printing", function()
  it("never prints an address", function()
    local values = { {}, { a = {} }, print, praxis.open, coroutine.create(print), io.stdout,
      turns(), { turns() }, corpus.utterances:by("speaker"), praxis, praxis.table }
    for _, v in ipairs(values) do
      local s = praxis.format(v)
      expect(s:find("0x%x+") == nil).to_be(true)
    end
    expect(praxis.format(praxis.open)).to_be("<function praxis.open>")
    expect(praxis.format(corpus.utterances.where)).to_be("<function selection:where>")
  end)
  it("prints tables in the REPL's modes", function()
    local t = T.new({ "a", "b" }, { { 1, "x,y" } })
    expect(praxis.format(t, "csv")).to_be('a,b\n1,"x,y"')
    expect(praxis.format(t, "json")).to_be('[{"a":1,"b":"x,y"}]')
  end)
end)
