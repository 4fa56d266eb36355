/**
 * The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3, extension host on
 * the machine's Node 20) with the packaged .vsix installed, driven in Debian's Chromium.
 * What a user sees is asserted from the workbench's DOM: the status bar, the Problems
 * panel, squiggles, the Outline view, the light bulb, the suggest widget, the preview's
 * webview, and the file an export writes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, Workbench, type CodeServer } from './code-server.js';
import { e2eHome, root, systemNode } from './tools.js';

const EXAMPLE = 'randers-beskaeftigelsesudvalget-2024-12-03.referat';
const shots = join(root, '.tmp', 'e2e');

let server: CodeServer;
let wb: Workbench;
let workspace: string;

/** The rule ids `referat lint` reports for a file (the CLI is the reference). */
function cliRuleIds(file: string): string[] {
  let out: string;
  try {
    out = execFileSync(systemNode(), [join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const [report] = JSON.parse(out) as { messages: { ruleId: string }[] }[];
  return [...new Set(report.messages.map((m) => m.ruleId))].sort();
}

/** The headings `## Punkt N: title` of a file. */
function itemHeadings(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => /^## Punkt \d+:/.test(l))
    .map((l) => l.slice(3).trim());
}

async function shot(name: string) {
  mkdirSync(shots, { recursive: true });
  await wb.page.screenshot({ path: join(shots, `${name}.png`) });
}

beforeAll(async () => {
  const vsix = join(root, 'referat-0.1.0.vsix');
  if (!existsSync(vsix)) throw new Error('no .vsix: run npm run package (npm run test:e2e does)');
  workspace = mkdtempSync(join(tmpdir(), 'referat-ws-'));
  cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'cli', 'planted.referat'), join(workspace, 'planted.referat'));
  cpSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), join(workspace, 'faults.referat'));
  server = await startCodeServer({ home: e2eHome(), vsix, workspace });
  wb = await Workbench.open(server);
});

afterEach(async (ctx) => {
  // A failed check leaves a picture of the workbench as it was.
  if (ctx.task.result?.state === 'fail' && wb) await shot(`failed-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}`);
  await wb?.escape();
});

afterAll(async () => {
  await wb?.close();
  server?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('VS Code (code-server 4.100.3)', () => {
  it('activates on a .referat file from examples/', async () => {
    await wb.openFile(EXAMPLE);
    const status = wb.page.locator('.statusbar-item', { hasText: 'Minutes:' });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toMatch(/Minutes: 14 items, 13 decided, 1 closed/);
    await expect.poll(() => wb.page.locator('.statusbar-item[id="status.editor.mode"]').innerText()).toBe('Referat');
  });

  it('the Outline view lists every item', async () => {
    const headings = itemHeadings(join(workspace, 'examples', EXAMPLE));
    expect(headings).toHaveLength(14);
    await wb.command('Explorer: Focus on Outline View');
    const outline = wb.page.locator('.pane-body.outline-pane');
    await outline.locator('.monaco-list-row').first().waitFor();
    // Room for every item: the folders pane folds away, the outline shows items only.
    await wb.page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { hasText: 'referat-ws' }).click();
    await wb.page.locator('.pane-header', { hasText: 'Outline' }).hover();
    await wb.page.locator('.pane-header', { hasText: 'Outline' }).locator('.codicon-collapse-all').click();
    await outline.locator('.monaco-list-row .monaco-tl-twistie.collapsed').first().click();
    await expect.poll(() => outline.locator('.monaco-list-row').count()).toBe(15);
    const labels = await wb.rows(outline, '.label-name');
    for (const h of headings) expect(labels.some((l) => l.includes(h)), `${h} in ${labels.join(' | ')}`).toBe(true);
    await shot('outline');
  });

  it('shows the planted faults in the Problems panel with their rule ids, and as squiggles', async () => {
    const expected = cliRuleIds(join(workspace, 'planted.referat'));
    expect(expected.length).toBeGreaterThanOrEqual(18);
    await wb.openFile('planted.referat');
    const panel = await wb.showProblems();
    await wb.filterProblems('planted.referat');
    await wb.command('View: Toggle Maximized Panel');
    await expect
      .poll(async () => new Set((await wb.rows(panel, '.marker-code')).map((c) => c.split('/')[0])).size, { timeout: 30_000 })
      .toBe(expected.length);
    // The editor names a syntax error's kind after a slash (syntax/section-outside-item).
    const codes = [...new Set((await wb.rows(panel, '.marker-code')).map((c) => c.split('/')[0]!))].sort();
    expect(codes).toEqual(expected);
    await shot('problems-panel');
    await wb.command('View: Toggle Maximized Panel');
    await wb.page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await wb.page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first().waitFor();
    await shot('problems');
    await wb.filterProblems('');
  });

  it('applies the quick fix for a missing Beslutning through the light bulb', async () => {
    await wb.openFile('faults.referat');
    const panel = await wb.showProblems();
    await wb.filterProblems('faults.referat');
    const missing = panel.locator('.monaco-list-row[aria-label*="Item 124 has no decision"]');
    await missing.waitFor();
    const line = readFileSync(join(workspace, 'faults.referat'), 'utf8').split('\n').indexOf('## Punkt 124: Budgetopfølgning') + 1;
    await wb.goTo(line, 5);
    const bulb = wb.page.locator('.lightBulbWidget');
    await bulb.waitFor();
    await bulb.click({ force: true });
    // The menu opens with its preferred fix focused; Enter applies the focused row.
    const fix = wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Insert a Beslutning from the proposals' });
    await fix.waitFor();
    await wb.page.keyboard.press('Enter');
    await missing.waitFor({ state: 'detached' });
    await wb.page.keyboard.press('Control+S');
    await expect
      .poll(() => readFileSync(join(workspace, 'faults.referat'), 'utf8').split('## Punkt 124')[1] ?? '')
      .toMatch(/### Beslutning\n+1\. at godkendt\./);
    await wb.filterProblems('');
  });

  it('completes member names after "For stemte: "', async () => {
    await wb.openFile('faults.referat');
    const line = readFileSync(join(workspace, 'faults.referat'), 'utf8').split('\n').indexOf('Godkendt.') + 1;
    await wb.goTo(line, 10);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('For stemte: ');
    await wb.page.keyboard.press('Control+Space');
    const rows = wb.page.locator('.suggest-widget .monaco-list-row .label-name');
    await rows.first().waitFor();
    const labels = await rows.allInnerTexts();
    for (const name of ['Kasper Fuhr Christensen', 'Jesper Gade', 'Henriette Malland', 'Bjarne Overmark']) expect(labels).toContain(name);
    await wb.page.keyboard.press('Escape');
    await wb.command('File: Revert File');
  });

  it('opens the preview beside the editor and follows an edit', async () => {
    await wb.openFile('faults.referat');
    await wb.command('Referat: Show Preview');
    const frame = await wb.webviewFrame('Omstilling af Ydelseskantoret');
    await expect.poll(() => wb.page.locator('.editor-group-container').count()).toBe(2);
    const line = readFileSync(join(workspace, 'faults.referat'), 'utf8').split('\n').indexOf('## Punkt 123: Omstilling af Ydelseskantoret') + 1;
    await wb.editor().click({ position: { x: 200, y: 10 } });
    // The end of the heading by column: End would stop at a wrapped line's visual end.
    await wb.goTo(line, '## Punkt 123: Omstilling af Ydelseskantoret'.length + 1);
    await wb.page.keyboard.type(' og Jobcenter');
    expect(await frame.evaluate(() => document.body.innerText)).not.toContain('og Jobcenter');
    // The preview re-renders (its frame may be replaced) with the edited title.
    await wb.webviewFrame('Omstilling af Ydelseskantoret og Jobcenter');
    await shot('preview');
  });

  it('writes a PDF through the export command', async () => {
    const pdf = join(workspace, 'faults.pdf');
    rmSync(pdf, { force: true });
    await wb.openFile('faults.referat');
    await wb.command('Referat: Export as PDF');
    await wb.page.locator('.notification-toast', { hasText: 'wrote faults.pdf' }).waitFor({ timeout: 60_000 });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(bytes.length).toBeGreaterThan(5_000);
  });
});
