-- plot.lua - plots of praxis tables: SVG written here (PNG through
-- rsvg-convert when it is installed), or text bars and sparklines in the
-- terminal. t:plot{kind = "line"|"bar"|"scatter"|"heatmap", x =, y =,
-- group =, value =, title =, units =, to = "file.svg"|"file.png"}.
local praxis = ...

local P = {}

-- Series styles. Colours: Okabe & Ito's eight (distinguishable with every
-- common colour blindness), then five of Paul Tol's that differ from them.
-- Past the colours, the next round of series changes the dash pattern of
-- lines, the marker of points and the hatching of bars together: 13 x 6 =
-- 78 series look different from each other (then the styles repeat).
local PALETTE = { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
  "#F0E442", "#000000", "#332288", "#882255", "#999933", "#661100", "#888888" }
local DASHES = { "", "8 4", "2 3", "8 3 2 3", "14 4", "8 3 2 3 2 3" }
local MARKERS = { "circle", "square", "triangle", "diamond", "down", "cross" }
-- hatching of bars: none, then stripes at these angles (crossed for the last)
local HATCHES = { false, 45, -45, 0, 90, 45 }

-- The style of the i-th series (1-based): colour, dash, marker, variant.
local function style(i)
  local n = #PALETTE
  local v = ((i - 1) // n) % #DASHES + 1
  return { colour = PALETTE[(i - 1) % n + 1], dash = DASHES[v], marker = MARKERS[v], variant = v, index = i }
end

local KINDS = { line = true, bar = true, scatter = true, heatmap = true }

-- ---------------------------------------------------------------- data

local function text_of(v)
  if v == nil then return "" end
  return praxis.table.cell_text(v, true)
end

local function check(t, opts)
  if not praxis.table.is(t) then error("plot: expected a praxis table", 3) end
  opts = opts or {}
  if type(opts) ~= "table" then error("plot: options are a table: t:plot{x = ..., y = ...}", 3) end
  local cols = {}
  for _, c in ipairs(t:columns()) do cols[c] = true end
  local function need(key, c)
    if c == nil then return end
    if not cols[c] then
      error(string.format("plot: no column '%s' for %s (columns: %s)", tostring(c), key,
        table.concat(t:columns(), ", ")), 4)
    end
  end
  local kind = opts.kind
  if kind == nil then
    local xk = opts.x and t:kind(opts.x)
    kind = (xk == "integer" or xk == "number") and "line" or "bar"
  end
  if not KINDS[kind] then
    error("plot: kind must be \"line\", \"bar\", \"scatter\" or \"heatmap\", not " .. tostring(kind), 3)
  end
  local names = t:columns()
  local o = { kind = kind, title = opts.title, to = opts.to, width = opts.width or 640,
    height = opts.height or 400 }
  o.x = opts.x or names[1]
  o.y = opts.y or names[2]
  if kind == "heatmap" then o.value = opts.value end
  o.group = opts.group
  for _, key in ipairs({ "x", "y", "group", "value" }) do
    need(key, o[key])
  end
  if o.y == nil then error("plot: a table of one column needs y = (a second column)", 3) end
  local units = opts.units
  if type(units) == "string" then units = { y = units } end
  o.units = units or {}
  o.xlabel = opts.xlabel or (o.x .. (o.units.x and " (" .. o.units.x .. ")" or ""))
  o.ylabel = opts.ylabel or (o.y .. (o.units.y and " (" .. o.units.y .. ")" or ""))
  if kind == "heatmap" then
    local v = o.value or "count"
    o.vlabel = v .. (o.units.value and " (" .. o.units.value .. ")" or "")
  end
  -- rows
  local xs, ys, gs, vs = t:column(o.x), t:column(o.y), o.group and t:column(o.group), o.value and t:column(o.value)
  o.rows = {}
  for r = 1, #t do
    local row = { x = xs[r], y = ys[r], g = gs and text_of(gs[r]) or nil, v = vs and vs[r] or nil }
    local numeric_y = kind ~= "heatmap"
    if numeric_y and row.y ~= nil and type(row.y) ~= "number" then
      error(string.format("plot: y must be numbers; row %d of '%s' holds %s", r, o.y,
        string.format("%q", text_of(row.y))), 3)
    end
    if (kind == "line" or kind == "scatter") and row.x ~= nil and type(row.x) ~= "number" then
      row.xcat = text_of(row.x)
    end
    if row.v ~= nil and type(row.v) ~= "number" then
      error(string.format("plot: value must be numbers; row %d of '%s' holds %q", r, o.value,
        text_of(row.v)), 3)
    end
    if row.x ~= nil and (row.y ~= nil or kind == "heatmap") then o.rows[#o.rows + 1] = row end
  end
  -- groups in order of appearance
  o.groups, o.gindex = {}, {}
  for _, row in ipairs(o.rows) do
    local g = row.g or ""
    if not o.gindex[g] then o.groups[#o.groups + 1] = g; o.gindex[g] = #o.groups end
  end
  -- categorical x for bars, heatmaps, and lines or scatters over text
  local any_cat = false
  for _, row in ipairs(o.rows) do if row.xcat then any_cat = true end end
  if kind == "bar" or kind == "heatmap" or any_cat then
    o.xcats, o.xindex = {}, {}
    for _, row in ipairs(o.rows) do
      local c = text_of(row.x)
      if not o.xindex[c] then o.xcats[#o.xcats + 1] = c; o.xindex[c] = #o.xcats end
      row.xi = o.xindex[c]
    end
  end
  if kind == "heatmap" then
    o.ycats, o.yindex = {}, {}
    for _, row in ipairs(o.rows) do
      local c = text_of(row.y)
      if not o.yindex[c] then o.ycats[#o.ycats + 1] = c; o.yindex[c] = #o.ycats end
      row.yi = o.yindex[c]
    end
    -- one cell per (x, y): the sum of value, or the count of rows
    local cells, order = {}, {}
    for _, row in ipairs(o.rows) do
      local k = row.xi .. "," .. row.yi
      if not cells[k] then
        cells[k] = { xi = row.xi, yi = row.yi, x = text_of(row.x), y = text_of(row.y), v = 0 }
        order[#order + 1] = cells[k]
      end
      cells[k].v = cells[k].v + (o.value and (row.v or 0) or 1)
    end
    o.cells = order
  end
  return o
end

-- Round numbers for ticks (Heckbert's "nice numbers").
local function nice(x, round)
  if x <= 0 then return 1 end
  local e = math.floor(math.log(x, 10))
  local f = x / 10 ^ e
  local nf
  if round then
    nf = f < 1.5 and 1 or f < 3 and 2 or f < 7 and 5 or 10
  else
    nf = f <= 1 and 1 or f <= 2 and 2 or f <= 5 and 5 or 10
  end
  return nf * 10 ^ e
end

local function ticks(lo, hi, n)
  if lo == hi then lo, hi = lo - 1, hi + 1 end
  local range = nice(hi - lo, false)
  local step = nice(range / ((n or 5) - 1), true)
  local first = math.floor(lo / step) * step
  local last = math.ceil(hi / step) * step
  local out = {}
  for v = first, last + step / 2, step do out[#out + 1] = math.abs(v) < step * 1e-9 and 0 or v end
  return out, first, last
end

local function tick_text(v)
  if math.type(v) == "integer" then return tostring(v) end
  if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%d", v) end
  local s = string.format("%.6g", v)
  return s
end

local function esc(s)
  return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

local function num(v) return string.format("%.2f", v):gsub("%.?0+$", "") end

-- A marker of size r at (x, y). Shapes other than the circle are paths that
-- start at an absolute point and go on by relative steps, so one shape is
-- one path whatever its place. The cross is stroked, the others filled.
local function marker(shape, x, y, r, colour, class, extra, title)
  local body = title and "<title>" .. title .. "</title>" or ""
  if shape == "circle" then
    return string.format('<circle class="%s" cx="%s" cy="%s" r="%s" fill="%s"%s>%s</circle>\n', class,
      num(x), num(y), num(r), colour, extra or "", body)
  end
  local d
  if shape == "square" then
    local a = r * 0.9
    d = string.format("M%s,%s h%s v%s h%s z", num(x - a), num(y - a), num(2 * a), num(2 * a), num(-2 * a))
  elseif shape == "triangle" or shape == "down" then
    local k = shape == "triangle" and 1 or -1
    d = string.format("M%s,%s l%s,%s h%s z", num(x), num(y - k * 1.2 * r), num(1.1 * r), num(k * 1.9 * r),
      num(-2.2 * r))
  elseif shape == "diamond" then
    local a = 1.3 * r
    d = string.format("M%s,%s l%s,%s l%s,%s l%s,%s z", num(x), num(y - a), num(a), num(a), num(-a), num(a),
      num(-a), num(-a))
  else -- cross
    local a = r
    return string.format('<path class="%s" d="M%s,%s l%s,%s m0,%s l%s,%s" fill="none" stroke="%s" ' ..
      'stroke-width="2"%s>%s</path>\n', class, num(x - a), num(y - a), num(2 * a), num(2 * a), num(-2 * a),
      num(-2 * a), num(2 * a), colour, extra or "", body)
  end
  return string.format('<path class="%s" d="%s" fill="%s"%s>%s</path>\n', class, d, colour, extra or "", body)
end

-- The fill of bars in style st: its colour, or its hatching (a pattern
-- that hatch_defs declares).
local function bar_fill(st)
  if not HATCHES[st.variant] then return st.colour end
  return "url(#hatch-" .. st.index .. ")"
end

local function hatch_defs(styles)
  local out = {}
  for _, st in ipairs(styles) do
    local angle = HATCHES[st.variant]
    if angle then
      local cross = st.variant == #HATCHES and '<rect width="6" height="2.5" fill="' .. st.colour .. '"/>' or ""
      out[#out + 1] = string.format('<pattern id="hatch-%d" width="6" height="6" patternUnits="userSpaceOnUse" ' ..
        'patternTransform="rotate(%d)"><rect width="6" height="6" fill="white"/>' ..
        '<rect width="2.5" height="6" fill="%s"/>%s</pattern>\n', st.index, angle, st.colour, cross)
    end
  end
  if #out == 0 then return "" end
  return "<defs>\n" .. table.concat(out) .. "</defs>\n"
end

-- Estimated width of text at 12 px (0.62 em a character, a little wider
-- than the average sans-serif glyph).
local function text_px(s) return 7.5 * (utf8.len(s) or #s) end

-- The legend of the series: the group column's name, then one entry per
-- series showing its whole style (a stretch of line with its marker, a
-- marker, or a bar's fill) and its name.
local function series_legend(o, styles, lx, top, swatch)
  local out = { '<g class="legend">\n', string.format('<text class="legend-title" x="%d" y="%d" ' ..
    'font-weight="bold">%s</text>\n', lx, top + 10, esc(o.group or "")) }
  local function add(x) out[#out + 1] = x end
  for i, g in ipairs(o.groups) do
    local y = top + 20 + (i - 1) * 18
    local st = styles[i]
    add('<g class="legend-entry">')
    if o.kind == "line" then
      add(string.format('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>', lx, y + 6,
        lx + swatch, y + 6, st.colour, st.dash ~= "" and ' stroke-dasharray="' .. st.dash .. '"' or ""))
      add((marker(st.marker, lx + swatch / 2, y + 6, 3, st.colour, "legend-mark"):gsub("\n$", "")))
    elseif o.kind == "scatter" then
      add((marker(st.marker, lx + 6, y + 6, 4, st.colour, "legend-mark"):gsub("\n$", "")))
    else
      add(string.format('<rect x="%d" y="%d" width="12" height="12" fill="%s"%s/>', lx, y, bar_fill(st),
        HATCHES[st.variant] and ' stroke="' .. st.colour .. '"' or ""))
    end
    add(string.format('<text class="legend-label" x="%d" y="%d">%s</text></g>\n', lx + swatch + 6, y + 11,
      esc(g)))
  end
  add('</g>\n')
  return table.concat(out)
end

-- ---------------------------------------------------------------- SVG

--- The SVG text of a plot of t (see t:plot for the options).
function P.svg(t, opts)
  local o = check(t, opts)
  local W, H = o.width, o.height
  local legend = (#o.groups > 1 or (o.groups[1] or "") ~= "") and o.kind ~= "heatmap"
  local left, right, top, bottom = 78, legend and 150 or 24, o.title and 46 or 24, 64
  if o.kind == "heatmap" then right = 110 end
  local styles = {}
  for i = 1, #o.groups do styles[i] = style(i) end
  -- the legend's swatch is a stretch of line for line plots, else a square
  local swatch = o.kind == "line" and 26 or 12
  if legend then
    -- room for the longest label, and for every entry below the title
    local widest = text_px(o.group or "")
    for _, g in ipairs(o.groups) do widest = math.max(widest, swatch + 6 + text_px(g)) end
    right = math.max(right, math.ceil(16 + widest + 12))
    H = math.max(H, top + 20 + #o.groups * 18 + 8)
  end
  W = math.max(W, left + 200 + right)
  local pw, ph = W - left - right, H - top - bottom
  local out = {}
  local function add(...) out[#out + 1] = table.concat({ ... }) end
  add('<?xml version="1.0" encoding="UTF-8"?>\n')
  add(string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" ' ..
    'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">\n', W, H, W, H))
  add(string.format('<rect width="%d" height="%d" fill="white"/>\n', W, H))
  if o.kind == "bar" then add(hatch_defs(styles)) end
  if o.title then
    add(string.format('<text class="title" x="%s" y="26" text-anchor="middle" font-size="16" ' ..
      'font-weight="bold">%s</text>\n', num(left + pw / 2), esc(o.title)))
  end
  -- scales
  local sx, sy, xt, yt
  local ylo, yhi = math.huge, -math.huge
  if o.kind ~= "heatmap" then
    for _, row in ipairs(o.rows) do ylo = math.min(ylo, row.y); yhi = math.max(yhi, row.y) end
    if ylo == math.huge then ylo, yhi = 0, 1 end
    if o.kind == "bar" then ylo = math.min(0, ylo); yhi = math.max(0, yhi) end
    local t0, t1
    yt, t0, t1 = ticks(ylo, yhi, 6)
    sy = function(v) return top + ph - (v - t0) / (t1 - t0) * ph end
  end
  if o.xcats then
    local n = #o.xcats
    local band = pw / math.max(n, 1)
    sx = function(i) return left + (i - 0.5) * band end
    xt = {}
    for i, c in ipairs(o.xcats) do xt[i] = { sx(i), c } end
    o.band = band
  elseif o.kind ~= "heatmap" then
    local xlo, xhi = math.huge, -math.huge
    for _, row in ipairs(o.rows) do xlo = math.min(xlo, row.x); xhi = math.max(xhi, row.x) end
    if xlo == math.huge then xlo, xhi = 0, 1 end
    local ts, t0, t1 = ticks(xlo, xhi, 6)
    sx = function(v) return left + (v - t0) / (t1 - t0) * pw end
    xt = {}
    for i, v in ipairs(ts) do xt[i] = { sx(v), tick_text(v) } end
  end
  -- grid and axes
  add('<g class="axes" stroke="#333" stroke-width="1">\n')
  add(string.format('<line x1="%d" y1="%d" x2="%d" y2="%d"/>\n', left, top + ph, left + pw, top + ph))
  add(string.format('<line x1="%d" y1="%d" x2="%d" y2="%d"/>\n', left, top, left, top + ph))
  add('</g>\n')
  local function rotate_labels()
    if not o.xcats then return false end
    local longest = 0
    for _, c in ipairs(o.xcats) do longest = math.max(longest, utf8.len(c) or #c) end
    return longest * 7 > (o.band or 0)
  end
  local rot = rotate_labels()
  add('<g class="ticks" fill="#333">\n')
  if xt then
    local every = 1
    if o.xcats and #o.xcats > 40 then every = math.ceil(#o.xcats / 40) end
    for i, tk in ipairs(xt) do
      add(string.format('<line class="tick" x1="%s" y1="%d" x2="%s" y2="%d" stroke="#333"/>\n',
        num(tk[1]), top + ph, num(tk[1]), top + ph + 5))
      if (i - 1) % every == 0 then
        if rot then
          add(string.format('<text class="tick-label" x="%s" y="%d" text-anchor="end" ' ..
            'transform="rotate(-40 %s %d)">%s</text>\n', num(tk[1]), top + ph + 16, num(tk[1]),
            top + ph + 16, esc(tk[2])))
        else
          add(string.format('<text class="tick-label" x="%s" y="%d" text-anchor="middle">%s</text>\n',
            num(tk[1]), top + ph + 18, esc(tk[2])))
        end
      end
    end
  end
  if yt then
    for _, v in ipairs(yt) do
      local y = sy(v)
      add(string.format('<line class="tick" x1="%d" y1="%s" x2="%d" y2="%s" stroke="#333"/>\n',
        left - 5, num(y), left, num(y)))
      add(string.format('<line class="grid" x1="%d" y1="%s" x2="%d" y2="%s" stroke="#ddd"/>\n',
        left, num(y), left + pw, num(y)))
      add(string.format('<text class="tick-label" x="%d" y="%s" text-anchor="end">%s</text>\n',
        left - 8, num(y + 4), esc(tick_text(v))))
    end
  end
  add('</g>\n')
  add(string.format('<text class="axis-label" x="%s" y="%d" text-anchor="middle">%s</text>\n',
    num(left + pw / 2), H - 8, esc(o.xlabel)))
  add(string.format('<text class="axis-label" x="16" y="%s" text-anchor="middle" ' ..
    'transform="rotate(-90 16 %s)">%s</text>\n', num(top + ph / 2), num(top + ph / 2), esc(o.ylabel)))
  -- marks
  local function style_of(g) return styles[o.gindex[g or ""] or 1] end
  local function mark_title(row, sep)
    local g = row.g and row.g ~= "" and esc(row.g) .. ": " or ""
    return g .. esc(text_of(row.x)) .. sep .. esc(text_of(row.y))
  end
  add('<g class="marks">\n')
  if o.kind == "bar" then
    local ng = #o.groups
    local bw = o.band * 0.8 / ng
    for _, row in ipairs(o.rows) do
      local gi = o.gindex[row.g or ""]
      local x = sx(row.xi) - o.band * 0.4 + (gi - 1) * bw
      local y0, y1 = sy(0), sy(row.y)
      local st = style_of(row.g)
      add(string.format('<rect class="mark" x="%s" y="%s" width="%s" height="%s" fill="%s"%s>' ..
        '<title>%s</title></rect>\n', num(x), num(math.min(y0, y1)), num(math.max(bw - 1, 1)),
        num(math.abs(y1 - y0)), bar_fill(st), HATCHES[st.variant] and ' stroke="' .. st.colour .. '"' or "",
        mark_title(row, ": ")))
    end
  elseif o.kind == "line" or o.kind == "scatter" then
    local function px(row) return o.xcats and sx(row.xi) or sx(row.x) end
    if o.kind == "line" then
      for _, g in ipairs(o.groups) do
        local pts = {}
        for _, row in ipairs(o.rows) do
          if (row.g or "") == g then pts[#pts + 1] = { px(row), sy(row.y) } end
        end
        table.sort(pts, function(a, b) return a[1] < b[1] end)
        local s = {}
        for i, p in ipairs(pts) do s[i] = num(p[1]) .. "," .. num(p[2]) end
        local st = style_of(g)
        add(string.format('<polyline class="line" fill="none" stroke="%s" stroke-width="2"%s points="%s"/>\n',
          st.colour, st.dash ~= "" and ' stroke-dasharray="' .. st.dash .. '"' or "", table.concat(s, " ")))
      end
    end
    for _, row in ipairs(o.rows) do
      local st = style_of(row.g)
      add(marker(st.marker, px(row), sy(row.y), o.kind == "line" and 3 or 4, st.colour, "mark",
        o.kind == "scatter" and ' fill-opacity="0.75"' or "", mark_title(row, ", ")))
    end
  else -- heatmap
    local nx, ny = #o.xcats, #o.ycats
    local cw, ch = pw / math.max(nx, 1), ph / math.max(ny, 1)
    local vmax, vmin = -math.huge, math.huge
    for _, c in ipairs(o.cells) do vmax = math.max(vmax, c.v); vmin = math.min(vmin, c.v) end
    local function shade(v)
      local f = vmax > vmin and (v - vmin) / (vmax - vmin) or 1
      local r = math.floor(247 - f * (247 - 8))
      local g = math.floor(251 - f * (251 - 48))
      local b = math.floor(255 - f * (255 - 107))
      return string.format("#%02x%02x%02x", r, g, b)
    end
    for _, c in ipairs(o.cells) do
      add(string.format('<rect class="mark" x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="white">' ..
        '<title>%s, %s: %s</title></rect>\n', num(left + (c.xi - 1) * cw), num(top + (c.yi - 1) * ch),
        num(cw), num(ch), shade(c.v), esc(c.x), esc(c.y), esc(tick_text(c.v))))
    end
    for i, c in ipairs(o.ycats) do
      add(string.format('<text class="tick-label" x="%d" y="%s" text-anchor="end">%s</text>\n',
        left - 6, num(top + (i - 0.5) * ch + 4), esc(c)))
    end
    -- colour scale as the legend
    local lx = left + pw + 20
    add(string.format('<g class="legend"><text class="legend-title" x="%d" y="%d">%s</text>\n', lx, top + 10,
      esc(o.vlabel)))
    for i = 0, 4 do
      local v = vmin + (vmax - vmin) * (4 - i) / 4
      add(string.format('<rect x="%d" y="%d" width="14" height="14" fill="%s"/>' ..
        '<text class="legend-label" x="%d" y="%d">%s</text>\n', lx, top + 20 + i * 18, shade(v), lx + 20,
        top + 32 + i * 18, esc(tick_text(math.floor(v * 100 + 0.5) / 100))))
    end
    add('</g>\n')
  end
  add('</g>\n')
  if legend then add(series_legend(o, styles, left + pw + 16, top, swatch)) end
  add('</svg>\n')
  return table.concat(out)
end

-- ---------------------------------------------------------------- terminal

local BLOCKS = { "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█" }
local SPARKS = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" }

local function width_of(s) return utf8.len(s) or #s end
local function padr(s, w) return s .. string.rep(" ", math.max(0, w - width_of(s))) end
local function padl(s, w) return string.rep(" ", math.max(0, w - width_of(s))) .. s end
local function cut(s, w)
  if width_of(s) <= w then return s end
  return s:sub(1, (utf8.offset(s, w) or #s + 1) - 1) .. "…"
end

local function bar_of(v, max, w)
  if max <= 0 or v <= 0 then return "" end
  local eighths = math.floor(v / max * w * 8 + 0.5)
  local full = eighths // 8
  local rest = eighths % 8
  return string.rep("█", full) .. (rest > 0 and BLOCKS[rest] or "")
end

--- A sparkline of a list of numbers: ▁▂▄█▆ (nil values as spaces); lists
--- longer than `width` are averaged into `width` characters.
--- @usage praxis.plot.sparkline({1, 5, 2, 8, 3})
function P.sparkline(values, width)
  local xs = {}
  local n = #values
  for i = 1, n do xs[i] = values[i] end
  if width and n > width then
    -- averages of buckets
    local out = {}
    for b = 1, width do
      local lo, hi = math.floor((b - 1) * n / width) + 1, math.floor(b * n / width)
      local s, k = 0, 0
      for i = lo, hi do if xs[i] then s = s + xs[i]; k = k + 1 end end
      out[b] = k > 0 and s / k or nil
    end
    xs, n = out, width
  end
  local lo, hi = math.huge, -math.huge
  for i = 1, n do if xs[i] then lo = math.min(lo, xs[i]); hi = math.max(hi, xs[i]) end end
  local out = {}
  for i = 1, n do
    local v = xs[i]
    if v == nil then out[i] = " "
    elseif hi == lo then out[i] = SPARKS[4]
    else out[i] = SPARKS[math.floor((v - lo) / (hi - lo) * 7 + 0.5) + 1] end
  end
  return table.concat(out)
end

--- The text of a plot for the terminal.
function P.text(t, opts)
  local o = check(t, opts)
  local W = praxis._term and praxis._term.width() or 80
  W = math.min(W, 120)
  local lines = {}
  if o.title then lines[#lines + 1] = o.title end
  if o.kind == "bar" then
    local labels, lw, vw, max = {}, 0, 0, 0
    for i, row in ipairs(o.rows) do
      labels[i] = cut(text_of(row.x) .. (row.g and row.g ~= "" and " / " .. row.g or ""), 28)
      lw = math.max(lw, width_of(labels[i]))
      vw = math.max(vw, #praxis.table.cell_text(row.y))
      max = math.max(max, row.y)
    end
    local bw = math.max(10, math.min(60, W - lw - vw - 4))
    for i, row in ipairs(o.rows) do
      lines[#lines + 1] = padr(labels[i], lw) .. "  " .. padr(bar_of(row.y, max, bw), bw) .. " " ..
        padl(praxis.table.cell_text(row.y), vw)
    end
    lines[#lines + 1] = string.rep(" ", lw + 2) .. o.ylabel
  elseif o.kind == "line" then
    local lw = 0
    for _, g in ipairs(o.groups) do lw = math.max(lw, width_of(g)) end
    for _, g in ipairs(o.groups) do
      local pts = {}
      for _, row in ipairs(o.rows) do
        if (row.g or "") == g then pts[#pts + 1] = row end
      end
      if not o.xcats then table.sort(pts, function(a, b) return a.x < b.x end) end
      local ys, lo, hi = {}, math.huge, -math.huge
      for i, row in ipairs(pts) do ys[i] = row.y; lo = math.min(lo, row.y); hi = math.max(hi, row.y) end
      local spark = P.sparkline(ys, math.max(10, W - lw - 30))
      lines[#lines + 1] = (lw > 0 and padr(g, lw) .. "  " or "") .. spark ..
        string.format("  %s..%s", tick_text(lo), tick_text(hi))
    end
    local first, last = o.rows[1], o.rows[#o.rows]
    if first then
      lines[#lines + 1] = (lw > 0 and string.rep(" ", lw + 2) or "") .. o.ylabel .. " over " .. o.xlabel
    end
  elseif o.kind == "scatter" then
    local gw, gh = math.min(60, W - 12), 12
    local xlo, xhi, ylo, yhi = math.huge, -math.huge, math.huge, -math.huge
    for _, row in ipairs(o.rows) do
      local x = o.xcats and row.xi or row.x
      xlo, xhi = math.min(xlo, x), math.max(xhi, x)
      ylo, yhi = math.min(ylo, row.y), math.max(yhi, row.y)
    end
    local grid = {}
    for r = 1, gh do grid[r] = {} for c = 1, gw do grid[r][c] = " " end end
    local marks = { "•", "o", "x", "+", "*", "#", "@", "%" }
    for _, row in ipairs(o.rows) do
      local x = o.xcats and row.xi or row.x
      local c = xhi > xlo and math.floor((x - xlo) / (xhi - xlo) * (gw - 1) + 0.5) + 1 or 1
      local r = yhi > ylo and gh - math.floor((row.y - ylo) / (yhi - ylo) * (gh - 1) + 0.5) or gh
      grid[r][c] = marks[((o.gindex[row.g or ""] or 1) - 1) % #marks + 1]
    end
    local yw = math.max(#tick_text(yhi), #tick_text(ylo))
    for r = 1, gh do
      local label = r == 1 and tick_text(yhi) or r == gh and tick_text(ylo) or ""
      lines[#lines + 1] = (padl(label, yw) .. " │" .. table.concat(grid[r])):gsub("%s+$", "")
    end
    lines[#lines + 1] = string.rep(" ", yw) .. " └" .. string.rep("─", gw)
    if xlo ~= math.huge then
      local l, r = tick_text(xlo), tick_text(xhi)
      lines[#lines + 1] = string.rep(" ", yw + 2) .. l .. string.rep(" ", math.max(1, gw - #l - #r)) .. r
    end
    lines[#lines + 1] = string.rep(" ", yw + 2) .. o.ylabel .. " by " .. o.xlabel
    if #o.groups > 1 then
      local parts = {}
      for i, g in ipairs(o.groups) do parts[i] = marks[(i - 1) % #marks + 1] .. " " .. g end
      lines[#lines + 1] = string.rep(" ", yw + 2) .. table.concat(parts, "  ")
    end
  else -- heatmap
    local shades = { " ", "░", "▒", "▓", "█" }
    local vmax = 0
    local at = {}
    for _, c in ipairs(o.cells) do vmax = math.max(vmax, c.v); at[c.xi .. "," .. c.yi] = c.v end
    local yw = 0
    for _, c in ipairs(o.ycats) do yw = math.max(yw, width_of(cut(c, 20))) end
    for yi, yc in ipairs(o.ycats) do
      local s = {}
      for xi = 1, #o.xcats do
        local v = at[xi .. "," .. yi]
        local k = (v and vmax > 0) and math.floor(v / vmax * 4 + 0.5) + 1 or 1
        if v and v > 0 and k == 1 then k = 2 end
        s[xi] = shades[k]:rep(2)
      end
      lines[#lines + 1] = (padr(cut(yc, 20), yw) .. " " .. table.concat(s)):gsub("%s+$", "")
    end
    lines[#lines + 1] = string.rep(" ", yw + 1) .. o.xlabel .. " →  (" .. #o.xcats .. " columns; " ..
      o.vlabel .. " up to " .. tick_text(vmax) .. ")"
  end
  return table.concat(lines, "\n")
end

-- ---------------------------------------------------------------- output

local function write_file(path, data)
  local open = praxis.output_open or io.open
  local f, err = open(path, "wb")
  if not f then error("plot: " .. tostring(err), 4) end
  f:write(data)
  f:close()
end

--- Is rsvg-convert (for PNG) installed?
function P.can_png()
  local ok = os.execute("command -v rsvg-convert >/dev/null 2>&1")
  return ok == true or ok == 0
end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

--- Plots a table: in the terminal without `to`, else to an SVG or PNG
--- file (returns its name).
function P.plot(t, opts)
  opts = opts or {}
  local to = opts.to
  if to == nil then
    io.write(P.text(t, opts), "\n")
    return
  end
  if type(to) ~= "string" then error("plot: to = a file name (.svg or .png)", 2) end
  local ext = (to:match("%.(%w+)$") or ""):lower()
  if ext ~= "svg" and ext ~= "png" then
    error("plot: cannot tell the format of '" .. to .. "' (name it .svg or .png)", 2)
  end
  local svg = P.svg(t, opts)
  if ext == "svg" then
    write_file(to, svg)
    return to
  end
  if not P.can_png() then
    error("plot: PNG needs rsvg-convert (Debian: apt-get install librsvg2-bin); .svg works without it", 2)
  end
  local tmp_svg, tmp_png = os.tmpname(), os.tmpname()
  local f = assert(io.open(tmp_svg, "wb"))
  f:write(svg)
  f:close()
  local ok = os.execute("rsvg-convert -f png -o " .. shell_quote(tmp_png) .. " " .. shell_quote(tmp_svg))
  os.remove(tmp_svg)
  if not ok then os.remove(tmp_png) error("plot: rsvg-convert failed", 2) end
  local g = assert(io.open(tmp_png, "rb"))
  local png = g:read("a")
  g:close()
  os.remove(tmp_png)
  write_file(to, png)
  return to
end

for kind in pairs(KINDS) do
  P[kind] = function(t, opts)
    opts = opts or {}
    local o = {}
    for k, v in pairs(opts) do o[k] = v end
    o.kind = kind
    return P.plot(t, o)
  end
end

praxis.plot = setmetatable(P, { __call = function(_, t, opts) return P.plot(t, opts) end })
return P
