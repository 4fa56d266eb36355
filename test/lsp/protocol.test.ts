/**
 * Protocol tests: the real server (vscode-languageserver/node) in this process over a
 * pair of streams, driven by a minimal client. Each test waits for the event it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-types';
import type { ServerCapabilities } from 'vscode-languageserver';
import { applyTextEdits, cursor, TestClient } from './client.js';

const FAULTS = readFileSync(join(__dirname, '../fixtures/lsp/faults.referat'), 'utf8');
const URI = 'file:///ws/udvalg/2024-12-03.referat';

let client: TestClient;
beforeEach(async () => {
  client = TestClient.inProcess();
});
afterEach(async () => {
  await client.shutdown();
});

const pos = (line: number, character: number): lsp.Position => ({ line, character });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('initialize', () => {
  it('announces every feature', async () => {
    const caps = await client.initialize();
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    for (const k of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'documentHighlightProvider',
      'renameProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
      'codeActionProvider',
      'semanticTokensProvider',
      'workspaceSymbolProvider',
      'documentLinkProvider',
      'codeLensProvider',
      'inlayHintProvider',
    ]) {
      expect(caps, k).toHaveProperty(k);
    }
  });
});

describe('diagnostics', () => {
  it('publishes findings with rule ids, doc links and the document version', async () => {
    await client.initialize({ initializationOptions: { locale: 'en', ruleDocsBase: 'https://example.invalid/rules' } });
    await client.open(URI, FAULTS);
    const p = await client.waitForDiagnostics(URI);
    expect(p.version).toBe(1);
    const codes = p.diagnostics.map((d) => d.code);
    expect(codes).toContain('unknown-person');
    expect(codes).toContain('vote-count');
    const unknown = p.diagnostics.find((d) => d.code === 'unknown-person')!;
    expect(unknown.source).toBe('referat');
    expect(unknown.codeDescription?.href).toBe('https://example.invalid/rules/unknown-person.md');
    expect(unknown.range.start.line).toBe(lineOf(FAULTS, 'For stemte'));
    expect((unknown.data as { ruleId: string }).ruleId).toBe('unknown-person');
    expect(codes).toContain('missing-decision');
  });

  it('messages follow the locale and the referat.lang setting', async () => {
    await client.initialize({ initializationOptions: { locale: 'da' } });
    await client.open(URI, FAULTS);
    const p = await client.waitForDiagnostics(URI, (x) => x.diagnostics.length > 0);
    const da = p.diagnostics.find((d) => d.code === 'unknown-person')!.message;
    const c2 = TestClient.inProcess();
    await c2.initialize({ initializationOptions: { locale: 'da', settings: { lang: 'en' } } });
    await c2.open(URI, FAULTS);
    const q = await c2.waitForDiagnostics(URI, (x) => x.diagnostics.length > 0);
    const en = q.diagnostics.find((d) => d.code === 'unknown-person')!.message;
    await c2.shutdown();
    expect(da).not.toBe(en);
  });

  it('editor settings switch a rule off (referat.rules.<id>)', async () => {
    client.configuration = { rules: { 'unknown-person': 'off' } };
    await client.initialize({ configuration: true });
    await client.open(URI, FAULTS);
    // Wait for a publication made after the settings arrived.
    const p = await client.waitForDiagnostics(URI, (x) => !x.diagnostics.some((d) => d.code === 'unknown-person') && x.diagnostics.length > 0);
    expect(p.diagnostics.map((d) => d.code)).toContain('vote-count');
  });

  it('never publishes a stale result over a newer one, nor a version twice', async () => {
    await client.initialize();
    await client.open(URI, FAULTS);
    await client.waitForDiagnostics(URI);
    const line = lineOf(FAULTS, 'For stemte');
    // Type a burst of changes faster than the debounce.
    for (let i = 0; i < 10; i++) await client.change(URI, { start: pos(line + 1, 0), end: pos(line + 1, 0) }, ' ');
    const fixedText = client.texts.get(URI)!.replace('Henriete', 'Henriette');
    const last = await client.replaceAll(URI, fixedText);
    const p = await client.waitForDiagnostics(URI, (x) => x.version === last);
    expect(p.diagnostics.some((d) => d.code === 'unknown-person')).toBe(false);
    const versions = client.published.filter((x) => x.uri === URI).map((x) => x.version!);
    // Monotonic versions, each at most once (how far a burst collapses depends on the machine's
    // speed, so it is counted with fake time in schedule.test.ts, not here).
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(last);
  });
});

describe('features', () => {
  beforeEach(async () => {
    await client.initialize();
    await client.open(URI, FAULTS);
    await client.waitForDiagnostics(URI);
  });

  it('outline: meeting → items → sections', async () => {
    const symbols = await client.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    expect(symbols).toHaveLength(1);
    const items = symbols[0]!.children!.filter((s) => s.name.startsWith('Punkt'));
    expect(items.map((s) => s.name)).toEqual([
      'Punkt 122: Godkendelse af dagsorden',
      'Punkt 123: Omstilling af Ydelseskantoret',
      'Punkt 124: Budgetopfølgning',
    ]);
    expect(items[1]!.children!.map((s) => s.name)).toEqual(['Indstilling', 'Beslutning']);
  });

  it('folding ranges for items, sections and lists', async () => {
    const ranges = await client.request<lsp.FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    const item123 = lineOf(FAULTS, 'Punkt 123');
    expect(ranges).toContainEqual({ startLine: item123, endLine: lineOf(FAULTS, '## Punkt 124') - 2 });
    expect(ranges.some((r) => r.startLine === lineOf(FAULTS, '### Indstilling'))).toBe(true);
    expect(ranges.some((r) => r.startLine === lineOf(FAULTS, '1. at orienteringen'))).toBe(true);
  });

  it('hover on a member shows attendance through the meeting', async () => {
    const line = lineOf(FAULTS, 'For stemte');
    const hover = await client.request<lsp.Hover>('textDocument/hover', { textDocument: { uri: URI }, position: pos(line, 15) });
    const value = (hover.contents as lsp.MarkupContent).value;
    expect(value).toContain('Jesper Gade');
    expect(value).toContain('123');
    expect(value).toMatch(/voted for/);
  });

  it('completion after `For stemte: ` offers the members not yet named', async () => {
    const line = lineOf(FAULTS, 'For stemte');
    const list = await client.request<lsp.CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: pos(line, 'For stemte: '.length),
    });
    const labels = list.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Claus Berggren', 'Kasper Fuhr Christensen', 'Jesper Gade', 'Henriette Malland', 'Bjarne Overmark']));
  });

  it('rename of a member edits every mention', async () => {
    const line = lineOf(FAULTS, 'Mødedeltagere');
    const col = FAULTS.split('\n')[line]!.indexOf('Jesper Gade') + 2;
    const prep = await client.request<{ range: lsp.Range; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: URI },
      position: pos(line, col),
    });
    expect(prep.placeholder).toBe('Jesper Gade');
    const edit = await client.request<lsp.WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: URI },
      position: pos(line, col),
      newName: 'Jesper Gaarde',
    });
    const edits = edit.changes![URI]!;
    const after = applyTextEdits(FAULTS, edits);
    expect(after).not.toContain('Jesper Gade');
    expect(after.match(/Jesper Gaarde/g)).toHaveLength(3);
    // References agree with the rename.
    const refs = await client.request<lsp.Location[]>('textDocument/references', {
      textDocument: { uri: URI },
      position: pos(line, col),
      context: { includeDeclaration: true },
    });
    expect(refs).toHaveLength(3);
    const def = await client.request<lsp.Location[]>('textDocument/definition', {
      textDocument: { uri: URI },
      position: pos(lineOf(FAULTS, 'For stemte'), 14),
    });
    expect(def[0]!.range.start.line).toBe(line);
    const highlights = await client.request<lsp.DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri: URI },
      position: pos(line, col),
    });
    expect(highlights.map((h) => h.kind)).toEqual([3, 2, 2]);
  });

  it('formatting returns edits that keep the content', async () => {
    const edits = await client.request<lsp.TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits.length).toBeGreaterThan(0);
    const after = applyTextEdits(FAULTS, edits);
    expect(after.replace(/\s+/g, '')).toBe(FAULTS.replace(/\s+/g, ''));
    expect(after).toContain('### Beslutning\n\nGodkendt.');
  });

  it('semantic tokens cover keywords, names and comments', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(15);
  });

  it('quick fix for unknown-person suggests the member and the fix lints clean', async () => {
    const line = lineOf(FAULTS, 'For stemte');
    const p = await client.waitForDiagnostics(URI);
    const diag = p.diagnostics.find((d) => d.code === 'unknown-person')!;
    const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const fix = actions.find((a) => a.title.includes('Henriette Malland'));
    expect(fix, actions.map((a) => a.title).join(', ')).toBeDefined();
    const after = applyTextEdits(FAULTS, fix!.edit!.changes![URI]!);
    expect(after.split('\n')[line]).toContain('Henriette Malland');
    const v = await client.replaceAll(URI, after);
    const q = await client.waitForDiagnostics(URI, (x) => x.version === v);
    expect(q.diagnostics.some((d) => d.code === 'unknown-person')).toBe(false);
  });

  it('quick fix for missing-decision, applied, lints clean of it', async () => {
    const p = await client.waitForDiagnostics(URI);
    const diag = p.diagnostics.find((d) => d.code === 'missing-decision')!;
    expect(diag).toBeDefined();
    const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    });
    // The rule offers its insertion as a suggestion (a decision is never written by "fix all").
    const fix = actions.find((a) => a.edit && a.diagnostics?.[0]?.code === 'missing-decision' && !a.title.includes('referat-disable') && !/^Disable/.test(a.title));
    expect(fix).toBeDefined();
    const after = applyTextEdits(FAULTS, fix!.edit!.changes![URI]!);
    const v = await client.replaceAll(URI, after);
    const q = await client.waitForDiagnostics(URI, (x) => x.version === v);
    expect(q.diagnostics.some((d) => d.code === 'missing-decision')).toBe(false);
  });

  it('source.fixAll.referat returns one edit when something is fixable', async () => {
    const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: pos(0, 0), end: pos(0, 0) },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    for (const a of actions) expect(a.kind).toBe('source.fixAll.referat');
  });

  it('code lens, inlay hints, document links and workspace symbols', async () => {
    const lenses = await client.request<lsp.CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    expect(lenses.map((l) => l.command!.title).join('|')).toMatch(/decision missing/);
    const hints = await client.request<lsp.InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: pos(0, 0), end: pos(100, 0) },
    });
    expect(hints.length).toBe(3);
    expect(hints[0]!.label).toBe('absent: Claus Berggren');
    const symbols = await client.request<lsp.SymbolInformation[]>('workspace/symbol', { query: 'budget' });
    expect(symbols.map((s) => s.name)).toEqual(['Punkt 124: Budgetopfølgning']);
    const state = await client.request<{ items: number; undecided: number }>('referat/meetingState', { uri: URI });
    expect(state).toMatchObject({ items: 3, undecided: 1 });
  });
});

describe('workspace', () => {
  it('indexes the workspace through the client and completes case numbers from other files', async () => {
    const other = 'file:///ws/udvalg/2024-11-05.referat';
    client.files.set(other, '# REFERAT Beskæftigelsesudvalget\n\n## Punkt 100: Tidligere\nSagsnr: 27.12.00-A00-9-23\n\n### Beslutning\nGodkendt.\n');
    await client.initialize({ rootUri: 'file:///ws', initializationOptions: { locale: 'en', clientFileSystem: true } });
    const { text, position } = cursor(FAULTS.replace('Sagsnr: 00.22.00-P35-2-24', 'Sagsnr: |'));
    await client.open(URI, text);
    await client.waitForDiagnostics(URI);
    let labels: string[] = [];
    for (let i = 0; i < 50 && !labels.includes('27.12.00-A00-9-23'); i++) {
      const list = await client.request<lsp.CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position });
      labels = list.items.map((x) => x.label);
      if (!labels.includes('27.12.00-A00-9-23')) await new Promise((r) => setTimeout(r, 20));
    }
    expect(labels).toContain('27.12.00-A00-9-23');
    expect(labels).toContain('00.22.00-P35-1-24');
    const symbols = await client.request<lsp.SymbolInformation[]>('workspace/symbol', { query: 'Tidligere' });
    expect(symbols[0]?.location.uri).toBe(other);
  });

  it('reads .referatrc.json from the folder tree (client file system)', async () => {
    client.files.set('file:///ws/.referatrc.json', JSON.stringify({ rules: { 'vote-count': 'off' } }));
    await client.initialize({ rootUri: 'file:///ws', initializationOptions: { locale: 'en', clientFileSystem: true } });
    await client.open(URI, FAULTS);
    const p = await client.waitForDiagnostics(URI);
    expect(p.diagnostics.some((d) => d.code === 'vote-count')).toBe(false);
    expect(p.diagnostics.some((d) => d.code === 'unknown-person')).toBe(true);
  });

  it('reports an invalid .referatrc.json', async () => {
    client.files.set('file:///ws/.referatrc.json', '{ "profile": 3 }');
    await client.initialize({ rootUri: 'file:///ws', initializationOptions: { locale: 'en', clientFileSystem: true } });
    await client.open(URI, FAULTS);
    const p = await client.waitForDiagnostics(URI);
    expect(p.diagnostics.find((d) => d.code === 'config')?.message).toMatch(/referatrc/);
  });
});
