/**
 * Typing over the protocol: the server analyses each version from the previous one, told by
 * the editor's incremental changes where the edit was (lsp/documents.ts). After bursts of
 * changes (several in one `didChange`, several notifications before the server answers,
 * replacements, deletions across lines, line breaks), the diagnostics, the outline and the
 * folding ranges equal those of the same text opened afresh.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type * as lsp from 'vscode-languageserver-types';
import { edit, type Edit } from '../helpers/edits.js';
import { TestClient, type PublishedDiagnostics } from './client.js';

const EXAMPLE = readFileSync(join(__dirname, '../../examples/randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8');
const URI = 'file:///ws/udvalg/2024-12-03.referat';

let typing: TestClient;
beforeEach(async () => {
  typing = TestClient.inProcess();
  await typing.initialize();
});
afterEach(async () => {
  await typing.shutdown();
});

/** An edit as the editor sends it (its ends moved off the middle of a CRLF, where no cursor stands), and the text after it. */
function change(text: string, e: Edit): { change: { range: lsp.Range; text: string }; text: string } {
  const inCrlf = (o: number) => text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
  let at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  if (inCrlf(at)) at--;
  let end = Math.min(text.length, at + e.remove);
  if (inCrlf(end)) end++;
  const doc = TextDocument.create(URI, 'referat', 0, text);
  return { change: { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: e.insert }, text: text.slice(0, at) + e.insert + text.slice(end) };
}

/** Typing and deleting that keeps the document well-formed (so that most versions are analysed from the previous one). */
const typed: fc.Arbitrary<Edit> = fc.record({
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })),
  insert: fc.constantFrom('e', ' ', 'æ', '', '\n', 'Punkt', 'Anne Holm havde forfald.'),
});

/** Diagnostics without the version their fixes were made for. */
const plain = (p: PublishedDiagnostics) => p.diagnostics.map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));

async function outline(client: TestClient) {
  return {
    symbols: await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } }),
    folding: await client.request('textDocument/foldingRange', { textDocument: { uri: URI } }),
  };
}

describe('typing', () => {
  it('gives, after bursts of incremental changes, what the same text gives opened afresh', async () => {
    // Bursts of notifications, each of one to three changes (deterministic: a fixed seed).
    const bursts = fc.sample(fc.array(fc.array(fc.oneof(typed, edit), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { numRuns: 30, seed: 18 });
    let text = EXAMPLE;
    let version = 1;
    await typing.open(URI, text);
    await typing.waitForDiagnostics(URI, (p) => p.version === 1);
    await outline(typing);
    for (const burst of bursts) {
      for (const edits of burst) {
        const contentChanges: { range: lsp.Range; text: string }[] = [];
        for (const e of edits) {
          const c = change(text, e);
          contentChanges.push(c.change);
          text = c.text;
        }
        version++;
        await typing.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges });
      }
      const got = await typing.waitForDiagnostics(URI, (p) => p.version === version);
      const fresh = TestClient.inProcess();
      await fresh.initialize();
      await fresh.open(URI, text);
      const want = await fresh.waitForDiagnostics(URI, (p) => p.version === 1);
      expect(plain(got)).toEqual(plain(want));
      expect(await outline(typing)).toEqual(await outline(fresh));
      await fresh.shutdown();
    }
  }, 60_000);
});
