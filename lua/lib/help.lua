-- help.lua - documentation in the REPL: help(), help(x), help("name"),
-- .help pattern. One source: the LuaCATS files lua/meta/*.lua, compiled
-- into the binary (praxis._meta) and parsed here on first use. The same
-- entries feed tab completion (praxis.repl.complete) and docs/api.md
-- (tools/gendoc.lua).
local praxis = ...

local H = {}

local db            -- { classes = {name -> class}, entries = {full -> entry}, order = {...} }
local by_function   -- function -> entry, built on first use

-- ---------------------------------------------------------------- parsing

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- "praxis.Selection" -> "selection", the name a value of it is shown as
local function instance_name(class)
  return (class:match("([%w_]+)$") or class):lower()
end

local function new_class(name, file)
  return { name = name, file = file, summary = "", text = {}, fields = {}, methods = {},
    usage = {}, kind = "class" }
end

-- Reads one meta file into db.
local function parse(src, file)
  local aliases = {}       -- local variable -> class name
  local block = {}
  local function class_for(owner)
    return aliases[owner] or db.aliases[owner] or owner
  end
  local function doc_of(lines)
    local d = { summary = "", text = {}, params = {}, returns = {}, usage = {}, see = {} }
    local in_usage = false
    for _, l in ipairs(lines) do
      local tag, rest = l:match("^@(%w+)%s*(.*)$")
      if tag == "param" then
        local name, ty, desc = rest:match("^(%S+)%s+(%S+)%s*(.*)$")
        d.params[#d.params + 1] = { name = name or rest, type = ty or "any", desc = desc or "" }
        in_usage = false
      elseif tag == "return" then
        local ty, desc = rest:match("^(%S+)%s*(.*)$")
        d.returns[#d.returns + 1] = { type = ty or rest, desc = desc or "" }
        in_usage = false
      elseif tag == "usage" then
        d.usage[#d.usage + 1] = rest
        in_usage = true
      elseif tag == "see" then
        d.see[#d.see + 1] = rest
        in_usage = false
      elseif tag then
        in_usage = false     -- @class, @field, @meta, @type...: handled elsewhere
      elseif in_usage and l:match("%S") then
        -- an example's further lines, verbatim (indentation kept)
        d.usage[#d.usage] = d.usage[#d.usage] .. "\n" .. l:sub(2)
      else
        in_usage = false
        l = trim(l)
        -- the summary runs to the end of the first sentence
        if not d.summary_done and l ~= "" then
          d.summary = d.summary == "" and l or d.summary .. " " .. l
          if l:match("[.!?:]$") or #d.summary > 200 then d.summary_done = true end
        elseif d.summary ~= "" then
          d.summary_done = true
          d.text[#d.text + 1] = l
        end
      end
    end
    d.summary_done = nil
    while d.text[#d.text] == "" do d.text[#d.text] = nil end
    return d
  end

  local function flush(code)
    if #block == 0 then return end
    local lines = block
    block = {}
    -- a class declaration
    for _, l in ipairs(lines) do
      local cname = l:match("^@class%s+([%w_%.]+)")
      if cname then
        local c = db.classes[cname] or new_class(cname, file)
        db.classes[cname] = c
        if not c.seen then db.class_order[#db.class_order + 1] = cname; c.seen = true end
        local d = doc_of(lines)
        if d.summary ~= "" then c.summary, c.text = d.summary, d.text end
        for _, u in ipairs(d.usage) do c.usage[#c.usage + 1] = u end
        for _, fl in ipairs(lines) do
          local fname, ty, desc = fl:match("^@field%s+([%w_]+)%s+(%S+)%s*(.*)$")
          if fname then
            c.fields[#c.fields + 1] = fname
            local full = cname .. "." .. fname
            db.entries[full] = { kind = "field", class = cname, name = fname, full = full,
              type = ty, summary = desc, text = {}, params = {}, returns = {}, usage = {},
              see = {}, file = file }
            db.order[#db.order + 1] = full
          end
        end
        local alias = code and (code:match("^local%s+([%w_]+)%s*=") or code:match("^([%w_%.]+)%s*="))
        if alias then aliases[alias] = cname end
        return
      end
    end
    if not code then return end
    -- a function
    local path, args = code:match("^function%s+([%w_%.:]+)%s*%(([^)]*)%)")
    local owner, sep, name
    if path then
      owner, sep, name = path:match("^(.*)([%.:])([%w_]+)$")
      if not owner then owner, sep, name = nil, nil, path end
    else
      -- a documented value: praxis.version = "" / Class.field = ...
      local vpath = code:match("^([%w_%.]+)%s*=")
      if not vpath then return end
      owner, name = vpath:match("^(.*)%.([%w_]+)$")
      if not owner then name = vpath end
      sep = owner and "." or nil
    end
    local d = doc_of(lines)
    local cname = owner and class_for(owner) or nil
    local full = cname and (cname .. sep .. name) or name
    local e = { kind = path and "function" or "value", class = cname, name = name, sep = sep,
      full = full, args = args and trim(args) or nil, summary = d.summary, text = d.text,
      params = d.params, returns = d.returns, usage = d.usage, see = d.see, file = file }
    for _, l in ipairs(lines) do
      local ty = l:match("^@type%s+(%S+)")
      if ty then e.type = ty end
    end
    if db.entries[full] == nil then db.order[#db.order + 1] = full end
    db.entries[full] = e
    if cname then
      local c = db.classes[cname]
      if not c then
        c = new_class(cname, file)
        db.classes[cname] = c
        db.class_order[#db.class_order + 1] = cname
        c.seen = true
      end
      local known = false
      for _, m in ipairs(c.methods) do if m == name then known = true end end
      if not known then c.methods[#c.methods + 1] = name end
    end
  end

  for line in (src .. "\n"):gmatch("(.-)\r?\n") do
    local doc = line:match("^%-%-%-(.*)$")
    if doc then
      if doc:match("^@meta") then
        -- the file marker
      elseif doc:match("^@") then
        block[#block + 1] = trim(doc)             -- a tag: ---@param ...
      else
        -- text: "--- " then the line as written, kept with a leading
        -- space so that text starting with "@" is never read as a tag
        block[#block + 1] = " " .. (doc:gsub("^ ", "", 1):gsub("%s+$", ""))
      end
    else
      local code = trim(line)
      if code == "" then
        -- a blank line ends a class block only when nothing follows it
        if #block > 0 then
          local is_class = false
          for _, l in ipairs(block) do if l:match("^@class") then is_class = true end end
          if is_class then flush(nil) end
        end
      elseif not code:match("^%-%-") then
        flush(code)
        block = {}
      end
    end
  end
  flush(nil)
end

local function load_db()
  if db then return db end
  db = { classes = {}, entries = {}, order = {}, class_order = {}, aliases = {} }
  local files = {}
  for name in pairs(praxis._meta or {}) do files[#files + 1] = name end
  table.sort(files)
  -- the local names of classes, across files: a file may add methods to
  -- `Selection` declared in another (---@class praxis.Selection / local Selection = {})
  for _, name in ipairs(files) do
    local pending
    for line in (praxis._meta[name] .. "\n"):gmatch("(.-)\r?\n") do
      local cname = line:match("^%-%-%-@class%s+([%w_%.]+)")
      if cname then pending = cname
      elseif not line:match("^%-%-") and line:match("%S") then
        local alias = line:match("^local%s+([%w_]+)%s*=")
        if pending and alias then db.aliases[alias] = db.aliases[alias] or pending end
        pending = nil
      end
    end
  end
  for _, name in ipairs(files) do parse(praxis._meta[name], name) end
  return db
end

--- Reads more documentation in the meta format (for extensions).
function H.add(src, file)
  load_db()
  parse(src, file or "added")
  by_function = nil
end

-- ---------------------------------------------------------------- lookups

local function walk(path)
  local v = _G
  for part in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    v = rawget(v, part)
    if v == nil then return nil end
  end
  return v
end

-- Where the methods of a class live at run time.
local function method_tables(cname)
  local out = {}
  local reg = debug.getregistry()
  local mt = reg[cname]
  if type(mt) == "table" then
    if type(mt.__methods) == "table" then out[#out + 1] = mt.__methods end
    out[#out + 1] = mt
  end
  local v = walk(cname)
  if type(v) == "table" then out[#out + 1] = v end
  return out
end

--- The function a documented name stands for, when it exists.
function H.resolve(full)
  local e = load_db().entries[full]
  if not e then return nil end
  if not e.class then return walk(e.name) end
  for _, t in ipairs(method_tables(e.class)) do
    local f = rawget(t, e.name)
    if f ~= nil then return f end
  end
  return nil
end

local function function_map()
  if by_function then return by_function end
  by_function = {}
  for _, full in ipairs(load_db().order) do
    local e = db.entries[full]
    if e.kind == "function" then
      local f = H.resolve(full)
      if type(f) == "function" and not by_function[f] then by_function[f] = e end
    end
  end
  return by_function
end

-- How an entry is called: selection:where(cond), praxis.open(path)
local function signature(e)
  if e.kind == "field" then
    return instance_name(e.class) .. "." .. e.name
  end
  if e.kind == "value" then return e.full end
  local head
  if not e.class then head = e.name
  elseif e.sep == ":" then head = instance_name(e.class) .. ":" .. e.name
  else head = e.class .. "." .. e.name end
  return head .. "(" .. (e.args or "") .. ")"
end
H.signature = signature

--- The documented name of a function (for printing), or nil.
function H.name_of(f)
  local e = function_map()[f]
  if not e then return nil end
  if e.class and e.sep == ":" then return instance_name(e.class) .. ":" .. e.name end
  return e.full
end

--- The class name of a value: "praxis.Selection", "praxis.Table",
--- "praxis" for the module...; nil for a value Praxis does not document.
function H.class_of(v)
  local t = type(v)
  if v == praxis then return "praxis" end
  if t == "table" then
    for _, cname in ipairs(load_db().class_order) do
      if not cname:match("%.%u[%w_]*$") and cname ~= "praxis" and walk(cname) == v then
        return cname
      end
    end
  end
  if t == "table" or t == "userdata" then
    local mt = getmetatable(v)
    if type(mt) == "table" and type(mt.__name) == "string" and mt.__name:match("^praxis%.") then
      return mt.__name
    end
  end
  return nil
end

--- The documented member names of a class: "methods", "fields" or "all".
function H.members(cname, which)
  local c = load_db().classes[cname]
  local out = {}
  if not c then return out end
  if which ~= "methods" then for _, f in ipairs(c.fields) do out[#out + 1] = f end end
  if which ~= "fields" then
    for _, m in ipairs(c.methods) do
      local e = db.entries[cname .. ":" .. m] or db.entries[cname .. "." .. m]
      if which ~= "methods" or (e and e.kind == "function") then out[#out + 1] = m end
    end
  end
  return out
end

--- Every entry, in the order of the meta files: for tools/gendoc.lua.
function H.entries()
  load_db()
  local out = {}
  for _, full in ipairs(db.order) do out[#out + 1] = db.entries[full] end
  return out
end

-- the order of the reference: the module, the corpus and its handles,
-- selections, tables; the rest after them in the order of the meta files
local PREFERRED = { "praxis", "praxis.Corpus", "praxis.Document", "praxis.Participant",
  "praxis.Utterance", "praxis.Segment", "praxis.Selection", "praxis.Groups", "praxis.Table",
  "praxis.table", "praxis.plot", "praxis.help", "praxis.repl" }

--- Every class: the module and the core types first, then the others in
--- the order of the meta files.
function H.classes()
  load_db()
  local out, done = {}, {}
  for _, cname in ipairs(PREFERRED) do
    if db.classes[cname] then out[#out + 1] = db.classes[cname]; done[cname] = true end
  end
  for _, cname in ipairs(db.class_order) do
    if not done[cname] then out[#out + 1] = db.classes[cname] end
  end
  return out
end

-- Finds entries by a name: full, Class:name, class.name or name alone;
-- or a class.
local function find(name)
  load_db()
  if db.classes[name] then return nil, db.classes[name] end
  if db.entries[name] then return { db.entries[name] } end
  if db.classes["praxis." .. name] then return nil, db.classes["praxis." .. name] end
  local owner, _, member = name:match("^(.-)([%.:])([%w_]+)$")
  local out = {}
  if owner then
    for _, full in ipairs(db.order) do
      local e = db.entries[full]
      if e.name == member and e.class and (e.class == owner or e.class == "praxis." .. owner
          or e.class:match("([%w_]+)$"):lower() == owner:lower()) then
        out[#out + 1] = e
      end
    end
    if #out > 0 then return out end
  end
  for _, full in ipairs(db.order) do
    if db.entries[full].name == name then out[#out + 1] = db.entries[full] end
  end
  if #out > 0 then return out end
  for _, cname in ipairs(db.class_order) do
    if cname:match("([%w_]+)$"):lower() == name:lower() then return nil, db.classes[cname] end
  end
  return nil
end

-- ---------------------------------------------------------------- text

-- The first sentence, cut to fit one line of a listing.
function H.short(s, width)
  width = width or 72
  s = s:match("^(.-%.)%s") or s
  if #s > width then s = s:sub(1, width - 3):gsub("%s+%S*$", "") .. "..." end
  return s
end

local function wrap_lines(lines, indent)
  local out = {}
  for _, l in ipairs(lines) do out[#out + 1] = indent .. l end
  return out
end

--- The help text of an entry.
function H.entry_text(e)
  local lines = {}
  local head = signature(e)
  if e.kind == "field" or e.kind == "value" then
    if e.type then head = head .. "  (" .. e.type .. ")" end
  elseif #e.returns > 0 then
    local r = {}
    for i, x in ipairs(e.returns) do r[i] = x.type end
    head = head .. " -> " .. table.concat(r, ", ")
  end
  lines[#lines + 1] = head
  if e.summary ~= "" then lines[#lines + 1] = "  " .. e.summary end
  for _, l in ipairs(wrap_lines(e.text, "  ")) do lines[#lines + 1] = l end
  if #e.params > 0 then
    lines[#lines + 1] = ""
    local w = 0
    for _, p in ipairs(e.params) do w = math.max(w, #p.name) end
    for _, p in ipairs(e.params) do
      lines[#lines + 1] = string.format("  %-" .. w .. "s  %s  %s", p.name, p.type, p.desc)
    end
  end
  for _, r in ipairs(e.returns) do
    if r.desc ~= "" then lines[#lines + 1] = "  returns " .. r.type .. ": " .. r.desc end
  end
  if #e.usage > 0 then
    lines[#lines + 1] = ""
    lines[#lines + 1] = "  example:"
    for _, u in ipairs(e.usage) do
      for l in (u .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = "    " .. l end
    end
  end
  if #e.see > 0 then lines[#lines + 1] = "  see " .. table.concat(e.see, "; ") end
  return table.concat(lines, "\n")
end

--- The help text of a class: summary, fields, methods.
function H.class_text(c)
  local lines = { c.name .. (c.summary ~= "" and " — " .. c.summary or "") }
  for _, l in ipairs(wrap_lines(c.text, "  ")) do lines[#lines + 1] = l end
  local function list(title, names, get)
    if #names == 0 then return end
    lines[#lines + 1] = ""
    lines[#lines + 1] = title
    local w = 0
    for _, n in ipairs(names) do w = math.max(w, #n) end
    for _, n in ipairs(names) do
      local e = get(n)
      lines[#lines + 1] = string.format("  %-" .. w .. "s  %s", n, e and H.short(e.summary) or "")
    end
  end
  list("fields:", c.fields, function(n) return db.entries[c.name .. "." .. n] end)
  local methods = {}
  for _, m in ipairs(c.methods) do methods[#methods + 1] = m end
  list("functions:", methods, function(n)
    return db.entries[c.name .. ":" .. n] or db.entries[c.name .. "." .. n]
  end)
  if #c.usage > 0 then
    lines[#lines + 1] = ""
    lines[#lines + 1] = "example:"
    for _, u in ipairs(c.usage) do
      for l in (u .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = "  " .. l end
    end
  end
  lines[#lines + 1] = ""
  local short = c.name:match("([%w_]+)$")
  lines[#lines + 1] = string.format('help("%s:NAME") documents one of them.', short)
  return table.concat(lines, "\n")
end

H.tour = [[
Praxis: explore transcripts of communities of practice in Lua.

  corpus                          the loaded corpus (print it: type its name)
  corpus.participants             people; corpus.documents, corpus.utterances too
  p = corpus.participants["priya"]
  p.name, p.role, #p.utterances   fields are properties; methods are verbs: s:where{...}
  s = corpus.utterances:where{speaker = "priya", text = "cobweb"}
  s:by("document")                groups
  t = corpus.utterances:table{"id", "speaker", "start_time", "text"}
  t:group_by("speaker", {turns = {"count"}}):sort("turns", "desc")
  t:plot{kind = "bar", x = "speaker", y = "turns"}   in the terminal, or to = "x.svg"
  t:write("turns.csv")            csv, tsv, json, md; praxis.read_table reads them back

Help:
  help(x)                         any value or function: help(corpus.utterances)
  help("where")                   by name; help(praxis) lists the module
  .help PATTERN                   search the documentation
  Tab                             completes names, fields, methods and paths
  .help -all                      every dot-command: .open .read .mode .output .timer ...
]]

local function out(s) io.write(s, "\n") end

--- Prints documentation: help() the tour, help(x) of a value or
--- function, help("name") by name.
--- @usage help(corpus.utterances)
function H.help(x, ...)
  if select("#", ...) == 0 and x == nil then out((H.tour:gsub("\n$", ""))) return end
  if type(x) == "string" then
    local es, c = find(x)
    if c then out(H.class_text(c)) return end
    if es and #es == 1 then out(H.entry_text(es[1])) return end
    if es then
      local parts = {}
      for i, e in ipairs(es) do parts[i] = H.entry_text(e) end
      out(table.concat(parts, "\n\n"))
      return
    end
    local hits = H.search_entries(x)
    if #hits > 0 then
      out(string.format('no entry named "%s"; these mention it:', x))
      for _, e in ipairs(hits) do out(string.format("  %-34s %s", signature(e), H.short(e.summary, 60))) end
      return
    end
    out(string.format('help: nothing documented as "%s" (help() gives the tour, .help PATTERN searches)', x))
    return
  end
  if type(x) == "function" then
    local e = function_map()[x]
    if e then out(H.entry_text(e)) return end
    out("help: a function Praxis does not document (your own, or from Lua's standard library)")
    return
  end
  local cname = H.class_of(x)
  if cname and load_db().classes[cname] then
    local c = db.classes[cname]
    if type(x) == "userdata" then
      local ok, s = pcall(praxis.format, x)
      if ok then out(s:match("^[^\n]*")) out("") end
    end
    out(H.class_text(c))
    return
  end
  out(string.format("help: %s (a %s); help() gives the tour", praxis.format(x):match("^[^\n]*"), type(x)))
end

--- The entries whose name or text matches a pattern (case-insensitive,
--- plain text; a prefix of a name ranks first).
function H.search_entries(pattern)
  load_db()
  local p = pattern:lower()
  local first, second = {}, {}
  for _, full in ipairs(db.order) do
    local e = db.entries[full]
    if e.name:lower():sub(1, #p) == p or full:lower():find(p, 1, true) then
      first[#first + 1] = e
    else
      local text = (e.summary .. " " .. table.concat(e.text, " ")):lower()
      if text:find(p, 1, true) then second[#second + 1] = e end
    end
  end
  for _, e in ipairs(second) do first[#first + 1] = e end
  return first
end

--- .help [pattern]: the dot-commands and the tour, or a search.
function H.search(pattern)
  if pattern == nil or pattern == "" or pattern == "-all" then
    local cmds = praxis.repl and praxis.repl.commands or {}
    out("Dot-commands (each is also a Lua function in praxis.repl):")
    for _, c in ipairs(cmds) do
      out(string.format("  %-34s %s", "." .. c[1] .. (c[2] ~= "" and " " .. c[2] or ""), c[3]))
    end
    out("")
    out(H.tour)
    return
  end
  local hits = H.search_entries(pattern)
  local cmds = praxis.repl and praxis.repl.commands or {}
  local n = 0
  for _, c in ipairs(cmds) do
    if c[1]:find(pattern:lower(), 1, true) or c[3]:lower():find(pattern:lower(), 1, true) then
      out(string.format("  %-34s %s", "." .. c[1] .. " " .. c[2], c[3]))
      n = n + 1
    end
  end
  for _, e in ipairs(hits) do
    out(string.format("  %-34s %s", signature(e), H.short(e.summary, 60)))
    n = n + 1
  end
  if n == 0 then out('nothing matches "' .. pattern .. '"') end
end

--- What has no documentation: every C method in a praxis metatable's
--- __methods, every function of praxis tables and every field of the
--- praxis module. Returns a sorted list of names.
function H.missing()
  load_db()
  local missing = {}
  local function documented(cname, name)
    return db.entries[cname .. ":" .. name] or db.entries[cname .. "." .. name]
  end
  for k, mt in pairs(debug.getregistry()) do
    if type(k) == "string" and k:match("^praxis%.") and type(mt) == "table"
        and type(mt.__methods) == "table" then
      for name in pairs(mt.__methods) do
        if not name:match("^_") and not documented(k, name) then missing[#missing + 1] = k .. ":" .. name end
      end
    end
  end
  if praxis.Table then
    for name, f in pairs(praxis.Table) do
      if type(f) == "function" and not name:match("^_") and not documented("praxis.Table", name) then
        missing[#missing + 1] = "praxis.Table:" .. name
      end
    end
  end
  for name in pairs(praxis) do
    if type(name) == "string" and not name:match("^_") and not documented("praxis", name) then
      missing[#missing + 1] = "praxis." .. name
    end
  end
  table.sort(missing)
  return missing
end

--- Documented functions that do not exist (stale documentation).
function H.stale()
  local out_ = {}
  for _, e in ipairs(H.entries()) do
    if e.kind == "function" and H.resolve(e.full) == nil then
      local c = e.class and walk(e.class) or nil
      local reg = e.class and debug.getregistry()[e.class]
      -- only classes that exist at run time can be checked
      if not e.class or c ~= nil or reg ~= nil then out_[#out_ + 1] = e.full end
    end
  end
  return out_
end

praxis.help = setmetatable(H, { __call = function(_, ...) return H.help(...) end })
_G.help = function(...) return H.help(...) end
return H
