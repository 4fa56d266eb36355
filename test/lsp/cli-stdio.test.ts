/**
 * The "done when" of the language server: `referat lsp --stdio` (the bundled CLI), driven
 * by a plain LSP client on a file with faults, answers every feature the issue names.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-types';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { applyTextEdits, TestClient } from './client.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const FAULTS = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');
const URI = 'file:///tmp/referat-cli-lsp/2024-12-03.referat';
const lineOf = (needle: string) => FAULTS.split('\n').findIndex((l) => l.includes(needle));

describe('referat lsp --stdio', () => {
  it.runIf(existsSync(cli))('answers a plain LSP client on a file with faults', async () => {
    const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)));
    try {
      await client.initialize();
      await client.open(URI, FAULTS);
      const td = { textDocument: { uri: URI } };

      // Diagnostics with rule ids.
      const p = await client.waitForDiagnostics(URI);
      const codes = p.diagnostics.map((d) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['missing-decision', 'unknown-person']));

      // Outline: every item with its sections.
      const symbols = await client.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', td);
      expect(symbols[0]!.children!.map((s) => [s.name, s.children!.map((c) => c.name)])).toEqual([
        ['Punkt 122: Godkendelse af dagsorden', ['Beslutning']],
        ['Punkt 123: Omstilling af Ydelseskantoret', ['Indstilling', 'Beslutning']],
        ['Punkt 124: Budgetopfølgning', ['Indstilling', 'Sagsfremstilling']],
      ]);

      // Folding ranges.
      const folds = await client.request<lsp.FoldingRange[]>('textDocument/foldingRange', td);
      expect(folds.some((f) => f.startLine === lineOf('## Punkt 123'))).toBe(true);

      // Hover on a member.
      const hover = await client.request<lsp.Hover>('textDocument/hover', { ...td, position: { line: lineOf('For stemte'), character: 14 } });
      expect((hover.contents as lsp.MarkupContent).value).toContain('Jesper Gade');

      // Completion of member names after `For stemte: `.
      const completion = await client.request<lsp.CompletionList>('textDocument/completion', {
        ...td,
        position: { line: lineOf('For stemte'), character: 'For stemte: '.length },
      });
      expect(completion.items.map((i) => i.label)).toContain('Bjarne Overmark');

      // Semantic tokens.
      const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', td);
      expect(tokens.data.length).toBeGreaterThan(50);

      // Formatting.
      const edits = await client.request<lsp.TextEdit[]>('textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } });
      expect(applyTextEdits(FAULTS, edits).replace(/\s+/g, '')).toBe(FAULTS.replace(/\s+/g, ''));

      // Rename of a member edits every mention.
      const line = lineOf('Mødedeltagere');
      const rename = await client.request<lsp.WorkspaceEdit>('textDocument/rename', {
        ...td,
        position: { line, character: FAULTS.split('\n')[line]!.indexOf('Jesper Gade') + 1 },
        newName: 'Jesper Gaarde',
      });
      expect(applyTextEdits(FAULTS, rename.changes![URI]!)).not.toContain('Jesper Gade');

      // The quick fix for the missing decision, applied, lints clean of it.
      const diag = p.diagnostics.find((d) => d.code === 'missing-decision')!;
      const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', { ...td, range: diag.range, context: { diagnostics: [diag] } });
      const fix = actions.find((a) => a.edit && a.diagnostics?.[0]?.code === 'missing-decision' && !/^Disable/.test(a.title))!;
      expect(fix).toBeDefined();
      const v = await client.replaceAll(URI, applyTextEdits(FAULTS, fix.edit!.changes![URI]!));
      const q = await client.waitForDiagnostics(URI, (x) => x.version === v);
      expect(q.diagnostics.some((d) => d.code === 'missing-decision')).toBe(false);
      await client.shutdown();
    } finally {
      child.kill();
    }
  });
});
