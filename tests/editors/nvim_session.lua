-- A real editor session with `ttsbuilder lsp`: Neovim (0.7 or later), headless.
--
--   TTSBUILDER_LSP="python -m ttsbuilder lsp" nvim --headless --clean \
--     -u tests/editors/nvim_session.lua prompts/welcome.json
--
-- Starts the server for the file given, waits (10 s at most) for its diagnostics, prints
-- them one per line ("line:col CODE severity message", 1-based as in `ttsbuilder lint`),
-- asks for the code actions on the first one, then stops the server and quits: status 0
-- when diagnostics arrived, 1 when none did.
local command = vim.split(os.getenv("TTSBUILDER_LSP") or "ttsbuilder lsp", " ", { trimempty = true })
local out = function(text) io.stdout:write(text .. "\n") end

vim.cmd("edit " .. vim.fn.fnameescape(vim.fn.argv(0)))
local buffer = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "ttsbuilder",
  cmd = command,
  root_dir = vim.fn.getcwd(),
  init_options = { debounce = 50 },
})
vim.lsp.buf_attach_client(buffer, client_id)
out("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
  .. ": opened " .. vim.fn.expand("%:t") .. ", started " .. table.concat(command, " "))

local arrived = vim.wait(10000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
local diagnostics = vim.diagnostic.get(buffer)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
local names = { [1] = "error", [2] = "warning", [3] = "info", [4] = "hint" }
for _, d in ipairs(diagnostics) do
  out(string.format("%d:%d-%d:%d %s %s %s", d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1,
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)),
    names[d.severity] or tostring(d.severity), d.message))
end

if arrived then
  local first = diagnostics[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    range = { start = { line = first.lnum, character = first.col },
              ["end"] = { line = first.end_lnum, character = first.end_col } },
    -- The diagnostics in LSP form, as Neovim's own code-action request sends them.
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buffer, first.lnum) },
  }
  local answers = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", params, 10000) or {}
  local chosen = nil
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      out("code action: " .. action.title)
      if chosen == nil and action.kind == "quickfix" then chosen = action end
    end
  end
  if chosen ~= nil then
    -- Apply it as the editor does, then wait for the diagnostics of the new text.
    local before = #vim.diagnostic.get(buffer)
    vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
    out("applied: " .. chosen.title .. "; line " .. (first.lnum + 1) .. " is now: "
      .. vim.api.nvim_buf_get_lines(buffer, first.lnum, first.lnum + 1, false)[1])
    vim.wait(10000, function() return #vim.diagnostic.get(buffer) ~= before end, 50)
    for _, d in ipairs(vim.diagnostic.get(buffer)) do
      out(string.format("after the fix: %d:%d %s", d.lnum + 1, d.col + 1,
        tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))))
    end
  end
end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out(arrived and "diagnostics received" or "no diagnostics within 10 s")
vim.cmd(arrived and "qa!" or "cq")
