-- graph_draw_spec.lua - the network drawing (g:draw) keeps everything it
-- draws inside its viewBox, and draws the two edges of a reciprocated
-- pair as two distinct lines, each with its arrowhead.
--
-- Text extents are estimated at 0.6 em per character (DejaVu Sans, the
-- usual sans-serif, averages about 0.55 em on these labels).

local MANY = "tests/graph/draw/many.xml"   -- 13 pairs: 13 communities, 13 reciprocated pairs

local function viewbox(svg)
  local w, h = svg:match('viewBox="0 0 ([%d.]+) ([%d.]+)"')
  return tonumber(w), tonumber(h)
end

local function group(svg, class)
  return svg:match('<g class="' .. class .. '"[^>]*>(.-)\n  </g>') or ""
end

-- every <text> of s, with its x, y, font size and content
local function texts(s, size)
  local out = {}
  for attrs, body in s:gmatch("<text([^>]*)>([^<]*)</text>") do
    local fs = tonumber(attrs:match('font%-size="([%d.]+)"')) or size
    out[#out + 1] = { x = tonumber(attrs:match(' x="([-%d.]+)"')), y = tonumber(attrs:match(' y="([-%d.]+)"')),
      size = fs, text = body }
  end
  return out
end

local function expect_inside(t, W, H)
  local width = 0.6 * t.size * utf8.len(t.text)
  if not (t.x >= 0 and t.x + width <= W and t.y - t.size >= 0 and t.y <= H) then
    error(string.format("%q at (%g, %g), about %g px wide, leaves the %g x %g drawing", t.text, t.x,
      t.y, width, W, H), 2)
  end
end

local function expect_all_inside(svg)
  local W, H = viewbox(svg)
  local legend = group(svg, "legend")
  local n = 0
  for _, t in ipairs(texts(legend, 12)) do expect_inside(t, W, H); n = n + 1 end
  for x, y in legend:gmatch('<rect x="([-%d.]+)" y="([-%d.]+)" width="12"') do
    expect(tonumber(x) + 12 <= W and tonumber(y) + 12 <= H).to_be(true)
  end
  for _, t in ipairs(texts(group(svg, "labels"), 11)) do expect_inside(t, W, H) end
  local title = svg:match('(<text x="[%d.]+" y="30" font%-size="18">[^<]*</text>)')
  if title then expect_inside(texts(title, 18)[1], W, H) end
  return n
end

-- the lines of the edges, by their title "a -> b"
local function lines(svg)
  local out = {}
  for attrs, title in group(svg, "edges"):gmatch("<line([^>]*)><title>([^<]*)</title>") do
    local a, b = title:match("^(.-) %-> (.-):")
    local l = { a = a, b = b, arrow = attrs:find('marker-end="url(#arrow)"', 1, true) ~= nil }
    for _, k in ipairs{ "x1", "y1", "x2", "y2" } do l[k] = tonumber(attrs:match(k .. '="([-%d.]+)"')) end
    out[#out + 1] = l
  end
  return out
end

-- distance of the midpoint of m from the straight line through l
local function apart(l, m)
  local dx, dy = l.x2 - l.x1, l.y2 - l.y1
  local mx, my = (m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2
  return math.abs(dx * (my - l.y1) - dy * (mx - l.x1)) / math.sqrt(dx * dx + dy * dy)
end

describe("network drawings", function()
  it("keep the legend inside the default 800 x 600 drawing (alinsu: strength up to 509)", function()
    local g = praxis.open("corpora/alinsu").utterances:interactions("next"):graph()
    local svg = g:draw(nil, { seed = 1 })
    -- heading, 2 communities, 3 notes; "node area: strength (max 509)" is
    -- 29 characters, about 209 px: it no longer starts at x = 620
    expect(expect_all_inside(svg)).to_be(6)
    expect(svg).to_contain("node area: strength (max 509)")
  end)

  it("grow to hold a legend of many communities in a low drawing", function()
    local g = praxis.open(MANY).utterances:interactions("next"):graph()
    expect(g:component_count()).to_be(13)
    for _, opts in ipairs{ { seed = 1 }, { seed = 1, height = 200 }, { seed = 1, width = 300, height = 150 },
      { seed = 2, title = "Thirteen pairs who talk only with each other: a title longer than the drawing is wide, which the drawing grows to hold" } } do
      local svg = g:draw(nil, opts)
      -- heading, 10 colours, "communities 11-13", 3 notes
      expect(expect_all_inside(svg)).to_be(15)
      expect(svg).to_contain("communities 11-13")
      local W, H = viewbox(svg)
      expect(W >= (opts.width or 800) and H >= (opts.height or 600)).to_be(true)
    end
  end)

  it("draw both edges of a reciprocated pair, apart, each with an arrowhead", function()
    for _, source in ipairs{ MANY, "corpora/alinsu" } do
      local g = praxis.open(source).utterances:interactions("next"):graph()
      local svg = g:draw(nil, { seed = 3 })
      expect(svg).to_contain('markerUnits="userSpaceOnUse"')   -- arrowheads in pixels, not stroke widths
      local ls, by = lines(svg), {}
      expect(#ls).to_be(g:edge_count())
      for _, l in ipairs(ls) do by[l.a .. ">" .. l.b] = l end
      local pairs_seen = 0
      for _, l in ipairs(ls) do
        local back = by[l.b .. ">" .. l.a]
        expect(l.arrow).to_be(true)
        if back and l.a < l.b then
          pairs_seen = pairs_seen + 1
          -- side by side: at least 3 px between the two lines
          expect(apart(l, back)).to_be_at_least(3)
          expect(apart(back, l)).to_be_at_least(3)
        end
      end
      expect(pairs_seen).to_be_at_least(source == MANY and 13 or 20)
    end
  end)
end)
