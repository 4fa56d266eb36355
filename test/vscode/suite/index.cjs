// Runs inside VS Code's extension host (see test/vscode/run.mjs). Smoke tests of the
// extension over test/fixtures/lsp: each step waits for the event it needs, no fixed sleeps.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

function waitFor(event, pred, ms = 30000, what = 'event') {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = event((e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

async function diagnosticsOf(uri, pred) {
  const now = vscode.languages.getDiagnostics(uri);
  if (pred(now)) return now;
  await waitFor(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && pred(vscode.languages.getDiagnostics(uri)), 30000, 'diagnostics');
  return vscode.languages.getDiagnostics(uri);
}

async function run() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.join(__dirname, '..', '..', 'fixtures', 'lsp'));
  const uri = vscode.Uri.joinPath(folder, 'faults.referat');
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'referat');
  const editor = await vscode.window.showTextDocument(doc);

  // 1. Diagnostics arrive with rule ids.
  const diags = await diagnosticsOf(uri, (d) => d.some((x) => x.source === 'referat'));
  const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
  assert.ok(diags.some((d) => codeOf(d) === 'unknown-person'), 'unknown-person reported');

  // 2. Outline.
  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  const items = symbols[0].children.filter((s) => s.name.startsWith('Punkt'));
  assert.equal(items.length, 3);

  // 3. Completion after "For stemte: ".
  const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('For stemte'));
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 'For stemte: '.length));
  assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Bjarne Overmark'));

  // 4. A quick fix, applied, clears its finding.
  const d = diags.find((x) => codeOf(x) === 'unknown-person');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title.includes('Henriette Malland'));
  assert.ok(fix, `a fix among: ${actions.map((a) => a.title).join(', ')}`);
  await vscode.workspace.applyEdit(fix.edit);
  await diagnosticsOf(uri, (ds) => !ds.some((x) => codeOf(x) === 'unknown-person'));
  await vscode.commands.executeCommand('workbench.action.files.revert');
  void editor;
}

module.exports = { run };
