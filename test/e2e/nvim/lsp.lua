-- Neovim 0.7 as a plain LSP client of `referat lsp --stdio`: opens a file, waits for the
-- diagnostics, asks for document symbols, formats the buffer, renames a member, and prints
-- one JSON object per line for the test to assert. 0.7 has no vim.lsp.start: the client is
-- started with vim.lsp.start_client and attached with vim.lsp.buf_attach_client.
-- Input (environment): REFERAT_NODE, REFERAT_CLI, REFERAT_FILE, REFERAT_RENAME_FROM, REFERAT_RENAME_TO.

local function emit(kind, value)
  io.stdout:write(vim.fn.json_encode({ kind = kind, value = value }) .. '\n')
end

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local ok, err = pcall(function()
  local file = os.getenv('REFERAT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'referat'

  local client_id = vim.lsp.start_client({
    name = 'referat',
    cmd = { os.getenv('REFERAT_NODE'), os.getenv('REFERAT_CLI'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- Diagnostics arrive as a notification after didOpen.
  local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  assert(got, 'no diagnostics within 20 s')
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diags, { code = d.code or lsp.code, line = d.lnum, col = d.col, severity = d.severity, message = d.message })
  end
  emit('diagnostics', diags)

  local doc = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local symbols = client.request_sync('textDocument/documentSymbol', doc, 10000, bufnr)
  assert(symbols and not symbols.err, 'documentSymbol failed')
  local function walk(list, depth, out)
    for _, s in ipairs(list or {}) do
      table.insert(out, { name = s.name, depth = depth, kind = s.kind })
      walk(s.children, depth + 1, out)
    end
    return out
  end
  emit('symbols', walk(symbols.result, 0, {}))

  local fmt = client.request_sync('textDocument/formatting',
    vim.tbl_extend('force', doc, { options = { tabSize = 2, insertSpaces = true } }), 10000, bufnr)
  assert(fmt and not fmt.err, 'formatting failed')
  vim.lsp.util.apply_text_edits(fmt.result or {}, bufnr, client.offset_encoding)
  emit('formatting', { edits = #(fmt.result or {}), text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') })
  -- Formatting again after the edits: nothing left to change.
  local again = client.request_sync('textDocument/formatting',
    vim.tbl_extend('force', doc, { options = { tabSize = 2, insertSpaces = true } }), 10000, bufnr)
  emit('formatting-again', { edits = #((again and again.result) or {}) })

  -- Rename a member at its mention in Mødedeltagere.
  local from, to = os.getenv('REFERAT_RENAME_FROM'), os.getenv('REFERAT_RENAME_TO')
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local line, col
  for i, l in ipairs(lines) do
    local c = l:find(from, 1, true)
    if c and l:find('^Mødedeltagere') then line, col = i - 1, c - 1 break end
  end
  assert(line, 'no mention of ' .. from .. ' in Mødedeltagere')
  local rename = client.request_sync('textDocument/rename',
    vim.tbl_extend('force', doc, { position = { line = line, character = col + 1 }, newName = to }), 10000, bufnr)
  assert(rename and not rename.err and rename.result, 'rename failed')
  vim.lsp.util.apply_workspace_edit(rename.result, client.offset_encoding)
  emit('rename', { text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') })

  client.stop()
end)
if not ok then
  emit('error', tostring(err))
  finish(1)
else
  finish(0)
end
