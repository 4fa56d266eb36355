// The smoke checks, shared by the desktop suite (index.cjs, @vscode/test-electron) and the
// web suite (web.mjs, VS Code for the Web): plain JavaScript with no Node modules, so it
// runs in both extension hosts. Each step waits for the event it needs; no fixed sleeps.
/* eslint-disable */
async function smoke(vscode, doc, log) {
  const check = (ok, what) => {
    if (!ok) throw new Error(`failed: ${what}`);
    log(`ok - ${what}`);
  };
  const uri = doc.uri;
  const codeOf = (d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);
  const waitDiagnostics = (pred, what) =>
    new Promise((resolve, reject) => {
      const now = vscode.languages.getDiagnostics(uri);
      if (pred(now)) return resolve(now);
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`timed out waiting for ${what}`));
      }, 30000);
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return;
        const ds = vscode.languages.getDiagnostics(uri);
        if (!pred(ds)) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      });
    });

  check(doc.languageId === 'referat', 'the document has the referat language');
  const diags = await waitDiagnostics((d) => d.some((x) => x.source === 'referat'), 'diagnostics');
  check(diags.some((d) => codeOf(d) === 'unknown-person'), 'diagnostics carry rule ids (unknown-person)');

  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  const items = (symbols[0].children || []).filter((s) => s.name.startsWith('Punkt'));
  check(items.length === 3, `the outline shows 3 items (${items.map((s) => s.name).join(' | ')})`);
  check(items[1].children.map((s) => s.name).join(',') === 'Indstilling,Beslutning', 'items have their sections');

  const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('For stemte'));
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 'For stemte: '.length));
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  check(labels.includes('Bjarne Overmark'), 'completion after "For stemte: " offers members');

  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 14));
  const hoverText = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n');
  check(hoverText.includes('Jesper Gade'), 'hover on a member');

  const d = diags.find((x) => codeOf(x) === 'unknown-person');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title.includes('Henriette Malland'));
  check(!!fix, `a quick fix is offered (${actions.map((a) => a.title).join(' | ')})`);
  check(await vscode.workspace.applyEdit(fix.edit), 'the quick fix applies');
  await waitDiagnostics((ds) => !ds.some((x) => codeOf(x) === 'unknown-person'), 'the finding to go');
  check(true, 'after the fix the finding is gone');
  // Enter after a numbered `at` point continues the list with the next number.
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (editor) {
    const at = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('2. at godkendt.'));
    const end = new vscode.Position(at, doc.lineAt(at).text.length);
    editor.selection = new vscode.Selection(end, end);
    const continued = new Promise((resolve) => {
      const timer = setTimeout(() => {
        sub.dispose();
        resolve(doc.lineAt(at + 1).text);
      }, 5000);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && doc.lineAt(at + 1).text === '3. at ') {
          clearTimeout(timer);
          sub.dispose();
          resolve(doc.lineAt(at + 1).text);
        }
      });
    });
    await vscode.commands.executeCommand('type', { text: '\n' });
    const text = await continued;
    check(text === '3. at ', `Enter continues a numbered list (${JSON.stringify(text)})`);
  }
  return true;
}
if (typeof module !== 'undefined') module.exports = { smoke };
