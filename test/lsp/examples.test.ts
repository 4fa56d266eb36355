/** Every example through the real server: diagnostics, outline, folding, tokens, formatting. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-types';
import { analyze } from '../../server/src/engine.js';
import { applyTextEdits, TestClient } from './client.js';

const dir = join(__dirname, '..', '..', 'examples');
let examples: string[] = [];
try {
  examples = readdirSync(dir).filter((f) => f.endsWith('.referat'));
} catch {
  examples = [];
}

describe.runIf(examples.length > 0)('examples through the server', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = TestClient.inProcess();
    await client.initialize({ rootUri: 'file:///examples' });
  });
  afterAll(async () => {
    await client.shutdown();
  });

  it.each(examples)('%s', async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const uri = `file:///examples/${name}`;
    await client.open(uri, text);
    const td = { textDocument: { uri } };
    const p = await client.waitForDiagnostics(uri);
    for (const d of p.diagnostics) expect(typeof d.code).toBe('string');
    const items = analyze(text).meeting.items;
    const symbols = await client.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', td);
    expect(symbols[0]!.children!.length).toBe(items.length);
    const folds = await client.request<lsp.FoldingRange[]>('textDocument/foldingRange', td);
    expect(folds.length).toBeGreaterThanOrEqual(items.length);
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', td);
    expect(tokens.data.length).toBeGreaterThan(0);
    const edits = await client.request<lsp.TextEdit[]>('textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } });
    // Formatting the formatted text again changes nothing (content is proven kept in formatting.test.ts).
    const formattedUri = `file:///examples/formatted-${name}`;
    await client.open(formattedUri, applyTextEdits(text, edits));
    const again = await client.request<lsp.TextEdit[]>('textDocument/formatting', { textDocument: { uri: formattedUri }, options: { tabSize: 2, insertSpaces: true } });
    expect(again).toEqual([]);
    const lenses = await client.request<lsp.CodeLens[]>('textDocument/codeLens', td);
    expect(Array.isArray(lenses)).toBe(true);
  });
});
