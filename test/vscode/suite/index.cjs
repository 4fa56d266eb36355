// Runs inside VS Code's extension host (see test/vscode/run.mjs) over test/fixtures/lsp.
const path = require('node:path');
const vscode = require('vscode');
const { smoke } = require('./smoke.js');

async function run() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.join(__dirname, '..', '..', 'fixtures', 'lsp'));
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'faults.referat'));
  await vscode.window.showTextDocument(doc);
  await smoke(vscode, doc, (m) => console.log(m));
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

module.exports = { run };
