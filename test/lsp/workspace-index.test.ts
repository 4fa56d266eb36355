/**
 * The workspace index: what the service keeps of every `.referat` file that is not open
 * in the editor (workspace symbols, case numbers for completion, sibling meetings for
 * item numbering). It must answer as the files' own models do, and let go of their texts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { meeting } from '../../bench/workload.js';
import { analyze } from '../../server/src/engine.js';
import { createLanguageService, type TextDocumentLike, type Workspace } from '../../server/src/service.js';

const DIR = 'file:///ws/udvalg';
const COMMITTEE = 'Beskæftigelsesudvalget';

/** Three meetings of one committee in one year, numbered on from each other. */
function archive(): Record<string, string> {
  const files: Record<string, string> = {};
  let next = 1;
  for (let i = 0; i < 3; i++) {
    const m = meeting(500 + i, { year: 2023, month: 2 + 3 * i, firstItem: next, committee: COMMITTEE, targetBytes: 20_000 });
    next += m.items;
    files[`${DIR}/m${i}.referat`] = m.text;
  }
  return files;
}

function workspace(files: Record<string, string>, open: TextDocumentLike[] = []): Workspace {
  return {
    documents: { get: (uri) => open.find((d) => d.uri === uri), all: () => open },
    readFile: async (uri) => files[uri],
    listFiles: async () => Object.keys(files),
    roots: ['file:///ws'],
  };
}

/** The symbols a file's own model gives (what workspace symbols showed before any index). */
function expectedSymbols(uri: string, text: string) {
  const { parse, meeting: m } = analyze(text);
  return m.items.map((it) => ({
    name: `Punkt ${it.number}: ${it.title}${it.closed ? ' 🔒' : ''}`,
    kind: 3,
    location: {
      uri,
      range: {
        start: { line: it.node.heading.range.start.line, character: it.node.heading.range.start.character },
        end: { line: it.node.heading.range.end.line, character: it.node.heading.range.end.character },
      },
    },
    containerName: `${parse.ast.title!.kind} ${m.committee}`,
  }));
}

const caseNumbersOf = (text: string) => analyze(text).meeting.items.map((it) => it.caseNumber!.text.trim());

describe('workspace index', () => {
  it('answers workspace symbols, case numbers and sibling numbering for closed files as their models do', async () => {
    const files = archive();
    const s = createLanguageService({ workspace: workspace(files) });
    expect(await s.indexWorkspace()).toBe(3);

    const symbols = await s.getWorkspaceSymbols('');
    expect(symbols).toEqual(Object.entries(files).flatMap(([uri, text]) => expectedSymbols(uri, text)));
    expect(symbols.length).toBeGreaterThan(6);

    // A query matches the case number as well as the name.
    const [someUri, someText] = Object.entries(files)[1]!;
    const caseNumber = caseNumbersOf(someText)[2]!;
    const byCase = await s.getWorkspaceSymbols(caseNumber);
    expect(byCase.some((x) => x.location.uri === someUri && x.name === expectedSymbols(someUri, someText)[2]!.name)).toBe(true);

    // Completion after `Sagsnr:` offers the case numbers of the closed files.
    const draft = (text: string, version = 1) => ({ uri: `${DIR}/new.referat`, version, getText: () => text });
    const head = `# REFERAT ${COMMITTEE} d. 15-12-2023\n\nMødedato: 15. december 2023\nMødedeltagere: Anne Holm\n\n`;
    const withCase = `${head}## Punkt 1: Sag\nSagsnr: \n`;
    const line = withCase.split('\n').findIndex((l) => l.startsWith('Sagsnr'));
    const labels = (await s.getCompletionItems(draft(withCase), { line, character: 'Sagsnr: '.length })).items.map((i) => i.label);
    for (const text of Object.values(files)) for (const c of caseNumbersOf(text)) expect(labels).toContain(c);

    // Item numbering continues the latest earlier meeting of the committee, known only from the index.
    const last = Math.max(...Object.values(files).flatMap((t) => analyze(t).meeting.items.map((it) => it.numeric!)));
    const numbering = async (first: number, version: number) =>
      (await s.getDiagnostics(draft(`${head}## Punkt ${first}: Sag\n\n### Beslutning\n\nGodkendt.\n`, version))).filter((d) => d.code === 'item-numbering');
    expect(await numbering(last + 1, 2)).toEqual([]);
    const wrong = await numbering(1, 3);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.message).toContain(String(last + 1));
  });

  it('an open file is indexed from the editor text, and from the disk again once closed', async () => {
    const files = archive();
    const uri = `${DIR}/m0.referat`;
    const edited = files[uri]!.replace(/^## Punkt 1: .*$/m, '## Punkt 1: Et helt nyt og ret langt punktnavn');
    const open = [{ uri, version: 1, getText: () => edited }];
    const s = createLanguageService({ workspace: workspace(files, open) });
    await s.indexWorkspace();
    const names = async () => (await s.getWorkspaceSymbols('')).filter((x) => x.location.uri === uri).map((x) => x.name);
    expect(await names()).toEqual(expectedSymbols(uri, edited).map((x) => x.name));
    open.length = 0;
    s.documentClosed(uri);
    await vi.waitFor(async () => expect(await names()).toEqual(expectedSymbols(uri, files[uri]!).map((x) => x.name)));
  });

  it('keeps no file text alive: the index holds copies, not slices of the sources', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // Texts made when read, so that nothing but the service can hold them.
    const count = 120;
    const uris = Array.from({ length: count }, (_, i) => `${DIR}/m${i}.referat`);
    let chars = 0;
    const ws: Workspace = {
      documents: { get: () => undefined, all: () => [] },
      readFile: async (uri) => {
        const text = meeting(1000 + uris.indexOf(uri), { year: 2022, committee: COMMITTEE, targetBytes: 58_000 }).text;
        chars += text.length;
        return text;
      },
      listFiles: async () => uris,
      roots: ['file:///ws'],
    };
    // A first run compiles the pipeline, so that its code is not counted below.
    const warm = createLanguageService({ workspace: { ...ws, listFiles: async () => uris.slice(0, 5) } });
    await warm.indexWorkspace();
    warm.dispose();
    chars = 0;
    const before = live();
    const s = createLanguageService({ workspace: ws });
    expect(await s.indexWorkspace()).toBe(count);
    const grown = live() - before;
    expect((await s.getWorkspaceSymbols('')).length).toBeGreaterThan(count);
    // The sources are some 7 MB (8 MB stay alive when the index keeps slices of them); the
    // titles, numbers and ranges of their items are a small part of that.
    expect(chars).toBeGreaterThan(6_000_000);
    expect(grown).toBeLessThan(chars / 4);
    s.dispose();
  });
});
