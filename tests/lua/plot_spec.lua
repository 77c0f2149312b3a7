-- plot_spec.lua - series in SVG plots look different from each other,
-- however many there are (up to 78: 13 colours x 6 dash patterns, markers
-- or hatchings), and their legend stays inside the drawing.

local T = praxis.table

-- n series of 5 points each: x = 1..5, y = series + x, group "series NN"
local function series(n)
  local rows = {}
  for s = 1, n do
    for x = 1, 5 do rows[#rows + 1] = { x, s + x, string.format("series %02d", s) } end
  end
  return T.new({ "x", "y", "who" }, rows)
end

local function count_distinct(list)
  local seen, n = {}, 0
  for _, v in ipairs(list) do
    if not seen[v] then seen[v] = true; n = n + 1 end
  end
  return n
end

-- an element with the attributes that place it removed: what is left is its style
local function style_of(element)
  local s = element:gsub('%sc?[xy][12]?="[-%d.]+"', ""):gsub('%swidth="[-%d.]+"', ""):gsub('%sheight="[-%d.]+"', "")
  s = s:gsub('d="M[-%d.]+,[-%d.]+', 'd="M'):gsub("<title>.-</title>", "")
  return s
end

-- the style of every legend entry (swatch and marker, without the label)
local function legend_styles(svg)
  local out = {}
  for entry in svg:gmatch('<g class="legend%-entry">(.-)</g>') do
    out[#out + 1] = style_of(entry:gsub("<text.-</text>", ""))
  end
  return out
end

describe("plot series styles", function()
  it("gives 14 and 30 lines 14 and 30 different strokes (colour, dash)", function()
    for _, n in ipairs{ 14, 30 } do
      local svg = praxis.plot.svg(series(n), { kind = "line", x = "x", y = "y", group = "who" })
      local strokes = {}
      for attrs in svg:gmatch('<polyline class="line"([^>]*)') do
        strokes[#strokes + 1] = (attrs:match('stroke="([^"]*)"') or "") .. "/" ..
          (attrs:match('stroke%-dasharray="([^"]*)"') or "solid")
      end
      expect(#strokes).to_be(n)
      expect(count_distinct(strokes)).to_be(n)
      local legend = legend_styles(svg)
      expect(#legend).to_be(n)
      expect(count_distinct(legend)).to_be(n)
    end
  end)

  it("keeps the first eight colours (Okabe & Ito) and solid lines", function()
    local svg = praxis.plot.svg(series(8), { kind = "line", x = "x", y = "y", group = "who" })
    expect(svg).to_contain('stroke="#0072B2" stroke-width="2" points=')
    expect(svg).to_contain('stroke="#000000" stroke-width="2" points=')
    expect(svg:find("stroke-dasharray", 1, true)).to_be_nil()
  end)

  it("gives 30 scatter series 30 different marks (colour, shape)", function()
    local svg = praxis.plot.svg(series(30), { kind = "scatter", x = "x", y = "y", group = "who" })
    local by = {}
    for element, who in svg:gmatch('(<%a+ class="mark"[^>]*><title>(series %d+):.-</title>)') do
      by[who] = by[who] or {}
      by[who][style_of(element)] = true
    end
    local keys = {}
    for who, styles in pairs(by) do
      local n = 0
      for k in pairs(styles) do n = n + 1; keys[#keys + 1] = k end
      expect(n).to_be(1)   -- one look per series
    end
    expect(#keys).to_be(30)
    expect(count_distinct(keys)).to_be(30)
    expect(count_distinct(legend_styles(svg))).to_be(30)
  end)

  it("gives 16 bar series 16 different fills, hatched past 13 colours", function()
    local rows = {}
    for s = 1, 16 do rows[#rows + 1] = { "a", s, "g" .. s } end
    local svg = praxis.plot.svg(T.new({ "cat", "n", "g" }, rows), { kind = "bar", x = "cat", y = "n", group = "g" })
    local fills = {}
    for fill in svg:gmatch('<rect class="mark"[^>]* fill="([^"]*)"') do fills[#fills + 1] = fill end
    expect(#fills).to_be(16)
    expect(count_distinct(fills)).to_be(16)
    for _, f in ipairs(fills) do
      local id = f:match("^url%(#(.-)%)$")
      if id then expect(svg).to_contain('<pattern id="' .. id .. '"') end
    end
    expect(count_distinct(legend_styles(svg))).to_be(16)
  end)

  it("keeps a legend of 30 long labels inside the drawing", function()
    local rows = {}
    for s = 1, 30 do rows[#rows + 1] = { s, s, "a rather long group name, number " .. s } end
    local svg = praxis.plot.svg(T.new({ "x", "y", "g" }, rows), { kind = "scatter", x = "x", y = "y", group = "g" })
    local W, H = svg:match('viewBox="0 0 ([%d.]+) ([%d.]+)"')
    W, H = tonumber(W), tonumber(H)
    local n = 0
    for x, y, label in svg:gmatch('<text class="legend%-label" x="([%d.]+)" y="([%d.]+)">([^<]*)</text>') do
      n = n + 1
      -- 0.6 em a character at 12 px
      expect(tonumber(x) + 7.2 * utf8.len(label) <= W).to_be(true)
      expect(tonumber(y) <= H).to_be(true)
    end
    expect(n).to_be(30)
  end)
end)
