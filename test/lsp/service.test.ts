/** The language service façade over an in-memory workspace. */
import { describe, expect, it } from 'vitest';
import { createLanguageService, type Workspace } from '../../server/src/service.js';
import { cursor } from './client.js';

function memoryWorkspace(files: Record<string, string>): Workspace & { files: Record<string, string> } {
  return {
    files,
    documents: { get: () => undefined, all: () => [] },
    readFile: async (uri) => files[uri],
    listFiles: async () => Object.keys(files).filter((u) => u.endsWith('.referat')),
    roots: ['file:///ws'],
  };
}

const ITEM = `# REFERAT Udvalget

Mødedeltagere: Anne Holm, Bo Berg

## Punkt 1: Sag

### |
`;

const doc = (text: string, version = 1, uri = 'file:///ws/a/m.referat') => ({ uri, version, getText: () => text });

describe('language service', () => {
  it('is a frozen façade', () => {
    const s = createLanguageService({ workspace: memoryWorkspace({}) });
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('caches the analysis per version', async () => {
    const s = createLanguageService({ workspace: memoryWorkspace({}) });
    const d = doc('# REFERAT X\n');
    const a1 = await s.getAnalysis(d);
    expect(await s.getAnalysis(d)).toBe(a1);
    expect(await s.getAnalysis(doc('# REFERAT X\n', 2))).not.toBe(a1);
  });

  it('takes the profile from the nearest .referatrc.json, and editor settings override it', async () => {
    const ws = memoryWorkspace({ 'file:///ws/.referatrc.json': JSON.stringify({ profile: 'sonderborg' }) });
    const s = createLanguageService({ workspace: ws });
    const { text, position } = cursor(ITEM);
    const labels = async (version: number) => (await s.getCompletionItems(doc(text, version), position)).items.map((i) => i.label);
    expect((await labels(1))[0]).toBe('Sagsresumé');
    s.updateSettings({ profile: 'randers' });
    expect((await labels(1))[0]).toBe('Resumé');
    s.updateSettings({});
    expect((await labels(1))[0]).toBe('Sagsresumé');
    // The configuration file changes: the cache is dropped.
    ws.files['file:///ws/.referatrc.json'] = JSON.stringify({ profile: 'randers' });
    let invalidated = 0;
    s.onDidInvalidate(() => invalidated++);
    s.filesChanged([{ uri: 'file:///ws/.referatrc.json', type: 'changed' }]);
    expect(invalidated).toBe(1);
    expect((await labels(1))[0]).toBe('Resumé');
  });

  it('settings switch rules and language', async () => {
    const s = createLanguageService({ workspace: memoryWorkspace({}), locale: 'da-DK' });
    const text = '# REFERAT X\n\nMødedeltagere: Anne Holm\n\n## Punkt 1: A\n\n### Beslutning\n\nGodkendt.\n\nFor stemte: Karl Olsen.\n';
    const da = (await s.getDiagnostics(doc(text))).find((d) => d.code === 'unknown-person')!;
    s.updateSettings({ lang: 'en' });
    const en = (await s.getDiagnostics(doc(text))).find((d) => d.code === 'unknown-person')!;
    expect(da.message).not.toBe(en.message);
    s.updateSettings({ rules: { 'unknown-person': 'off' } });
    expect((await s.getDiagnostics(doc(text))).some((d) => d.code === 'unknown-person')).toBe(false);
  });

  it('honours cancellation', async () => {
    const s = createLanguageService({ workspace: memoryWorkspace({}) });
    const cancelled = { isCancellationRequested: true };
    const d = doc('# REFERAT X\n\n## Punkt 1: A\n');
    expect(await s.getDiagnostics(d, cancelled)).toEqual([]);
    expect(await s.getDocumentSymbols(d, cancelled)).toEqual([]);
    expect(await s.getFoldingRanges(d, cancelled)).toEqual([]);
    expect(await s.getFormattingEdits(d, cancelled)).toEqual([]);
  });

  it('indexes the workspace in the background for workspace symbols and sibling numbering', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 45; i++) files[`file:///ws/a/m${i}.referat`] = `# REFERAT Udvalget\n\n## Punkt ${i}: Sag nummer ${i}\n`;
    const s = createLanguageService({ workspace: memoryWorkspace(files) });
    expect(await s.indexWorkspace()).toBe(45);
    const symbols = await s.getWorkspaceSymbols('nummer 44');
    expect(symbols.map((x) => x.name)).toContain('Punkt 44: Sag nummer 44');
    const a = await s.getAnalysis(doc('# REFERAT Udvalget\n'));
    expect(a.lintOptions.siblings?.length).toBe(45);
  });
});
