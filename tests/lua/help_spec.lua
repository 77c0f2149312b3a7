-- help_spec.lua - how lua/lib/help.lua reads the meta format: tags are
-- "---@tag", text is "--- text", and an example's lines stay as written.

local function entry(full)
  for _, e in ipairs(praxis.help.entries()) do
    if e.full == full then return e end
  end
end

describe("the meta parser", function()
  it("keeps a text line that begins with @ (--- @indentLevel ...)", function()
    local e = entry("praxis.Selection:interactions")
    expect(e).to_be_truthy()
    expect(praxis.help.entry_text(e)).to_contain("@indentLevel; else nothing")
  end)

  it("keeps the lines of an example verbatim, @ and indentation included", function()
    praxis.help.add(table.concat({
      "---@class spec.Thing",
      "--- A thing for this spec.",
      "local Thing = {}",
      "",
      "--- Does it.",
      "---@param x integer how many",
      "---@usage for i = 1, 2 do",
      "---   print(i) -- two spaces in",
      "--- @not_a_tag stays",
      "--- end",
      "function Thing:go(x) end",
      "",
    }, "\n"), "spec")
    local e = entry("spec.Thing:go")
    expect(e).to_be_truthy()
    expect(#e.usage).to_be(1)
    expect(e.usage[1]).to_be("for i = 1, 2 do\n  print(i) -- two spaces in\n@not_a_tag stays\nend")
    expect(#e.params).to_be(1)
    expect(e.params[1].name).to_be("x")
    expect(e.summary).to_be("Does it.")
  end)
end)
