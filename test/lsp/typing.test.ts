/**
 * Typing in the editor: the language service re-analyses only the edited item, yet every
 * version's diagnostics equal those of a fresh analysis; the server validates at once while
 * validation keeps up with the typing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALIDATION_DELAY_MS, validationDelay } from '../../server/src/lsp/server.js';
import { createLanguageService, type Workspace } from '../../server/src/service.js';
import { apply, edit, files } from '../helpers/edits.js';

const workspace: Workspace = {
  documents: { get: () => undefined, all: () => [] },
  readFile: async () => undefined,
  listFiles: async () => [],
  roots: ['file:///ws'],
};
const uri = 'file:///ws/m.referat';
const doc = (text: string, version: number) => ({ uri, version, getText: () => text });

describe('typing', () => {
  it('diagnostics after a burst of edits equal a fresh analysis of every version asked for', async () => {
    for (const [name, start] of files.filter(([n]) => n.endsWith('.referat') || n.startsWith('bench'))) {
      const typing = createLanguageService({ workspace, locale: 'da' });
      let text = start;
      let version = 1;
      await typing.getDiagnostics(doc(text, version));
      const edits = fc.sample(edit, { numRuns: 40, seed: name.length });
      for (const [i, e] of edits.entries()) {
        text = apply(text, e);
        version++;
        // The editor asks for some versions only (others are superseded while typing).
        if (i % 3 !== 0 && i !== edits.length - 1) continue;
        const fresh = createLanguageService({ workspace, locale: 'da' });
        expect(await typing.getDiagnostics(doc(text, version)), `${name}, edit ${i}`).toEqual(await fresh.getDiagnostics(doc(text, version)));
      }
    }
  }, 120_000);

  it('validates at once while validation is cheaper than the pause between keystrokes', () => {
    expect(validationDelay(5, 100)).toBe(0);
    // Typing faster than validating: wait, and validate the last version of the burst.
    expect(validationDelay(20, 10)).toBe(VALIDATION_DELAY_MS);
    // An expensive validation (a keystroke in a 10 MB meeting) is not delayed while keystrokes come slower than it takes…
    expect(validationDelay(80, 1000)).toBe(0);
    // …and is debounced when they come faster (a whole new parse of a large file).
    expect(validationDelay(600, 100)).toBe(VALIDATION_DELAY_MS);
    // Nothing measured yet.
    expect(validationDelay(undefined, 1000)).toBe(VALIDATION_DELAY_MS);
  });
});
