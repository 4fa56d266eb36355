/**
 * `npm run bench`: measurements side by side with a peer or a floor, in the same run.
 * Writes bench/results.json and bench/results.md. Not part of `npm test`.
 *
 * Each measurement runs several times; figures are min / median / max.
 */
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { meeting } from './workload.js';

// The bundle runs from bench/work/.
const root = join(__dirname, '..', '..');
const work = join(root, 'bench', 'work');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 2 : 3;

interface Stat {
  min: number;
  median: number;
  max: number;
  runs: number[];
}
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]!, runs: xs };
}
const results: Record<string, unknown> = {};
const table: string[][] = [];
function row(what: string, ours: string, peer: string, ratio: string) {
  table.push([what, ours, peer, ratio]);
  console.log(`${what.padEnd(48)} ${ours.padEnd(28)} ${peer.padEnd(34)} ${ratio}`);
}
const fmt = (x: number, d = 1) => x.toFixed(d);

// ─── workloads ──────────────────────────────────────────────────────────────

function archive(count: number): { dir: string; mdDir: string; bytes: number } {
  const dir = join(work, `archive-${count}`);
  const mdDir = join(work, `archive-${count}-md`);
  const marker = join(dir, '.complete');
  let bytes = 0;
  if (existsSync(marker)) return { dir, mdDir, bytes: Number(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  rmSync(mdDir, { recursive: true, force: true });
  const committees = ['Beskæftigelsesudvalget', 'Børne- og skoleudvalget', 'Teknik- og miljøudvalget', 'Social- og sundhedsudvalget', 'Økonomiudvalget'];
  const perYearNext = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const committee = committees[i % committees.length]!;
    const year = 2015 + Math.floor(i / (count / 10));
    const key = `${committee}/${year}`;
    const first = perYearNext.get(key) ?? 1;
    const m = meeting(1000 + i, { year, month: 1 + ((i / committees.length) % 12 | 0), firstItem: first, committee, targetBytes: 58_000 });
    perYearNext.set(key, first + m.items);
    const sub = join(committee.replace(/[^\p{L}]+/gu, '-'), String(year));
    mkdirSync(join(dir, sub), { recursive: true });
    mkdirSync(join(mdDir, sub), { recursive: true });
    const name = `moede-${String(i).padStart(4, '0')}`;
    writeFileSync(join(dir, sub, `${name}.referat`), m.text);
    writeFileSync(join(mdDir, sub, `${name}.md`), m.text);
    bytes += Buffer.byteLength(m.text);
  }
  writeFileSync(marker, String(bytes));
  return { dir, mdDir, bytes };
}

// ─── whole-process runs with peak memory ─────────────────────────────────────

const rssReporter = join(work, 'rss-reporter.cjs');
function ensureReporter() {
  mkdirSync(work, { recursive: true });
  writeFileSync(
    rssReporter,
    `process.on('exit', () => { try { require('fs').writeFileSync(process.env.REFERAT_BENCH_RSS, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
  );
}

function runProcess(args: string[], cwd = root): Promise<{ ms: number; rssMb: number; code: number | null }> {
  const rssFile = join(work, `rss-${process.pid}-${Date.now()}.txt`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', rssReporter, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, REFERAT_BENCH_RSS: rssFile, NO_COLOR: '1' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(rssFile, { force: true });
      if (code !== 0 && code !== 1) reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      else resolve({ ms, rssMb: rssKb / 1024, code });
    });
  });
}

async function archiveLint() {
  const cli = join(root, 'dist', 'cli.js');
  const mdl = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(cli)) return row('Archive lint', 'skipped: dist/cli.js missing (npm run build)', '', '');
  const count = quick ? 100 : 1000;
  const { dir, mdDir, bytes } = archive(count);
  const mb = bytes / 1e6;
  const ours: number[] = [];
  const oursRss: number[] = [];
  const twoThreads: number[] = [];
  const twoThreadsRss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // As a user runs it (--concurrency auto), and with two worker threads forced.
    const r = await runProcess([cli, 'lint', dir, '--format', 'json', '--quiet']);
    ours.push(r.ms);
    oursRss.push(r.rssMb);
    const one = await runProcess([cli, 'lint', dir, '--format', 'json', '--quiet', '--concurrency', '2']);
    twoThreads.push(one.ms);
    twoThreadsRss.push(one.rssMb);
  }
  const { autoThreads, MIN_FILES_PER_WORKER } = await import('../server/src/cli/lint-workers.js');
  const threads = Math.max(1, Math.min(autoThreads(), Math.floor(count / MIN_FILES_PER_WORKER)));
  let peer: number[] = [];
  let peerRss: number[] = [];
  if (existsSync(mdl)) {
    for (let i = 0; i < RUNS; i++) {
      // No config file: markdownlint's default rule set over the same bytes.
      const r = await runProcess([mdl, '**/*.md'], mdDir);
      peer.push(r.ms);
      peerRss.push(r.rssMb);
    }
  }
  const o = stat(ours);
  const p = peer.length ? stat(peer) : undefined;
  results.archiveLint = {
    files: count,
    megabytes: mb,
    referat: { threads, wallMs: o, mbPerSecond: mb / (o.median / 1000), peakRssMb: stat(oursRss) },
    referatTwoThreads: { wallMs: stat(twoThreads), mbPerSecond: mb / (stat(twoThreads).median / 1000), peakRssMb: stat(twoThreadsRss) },
    markdownlintCli2: p ? { wallMs: p, mbPerSecond: mb / (p.median / 1000), peakRssMb: stat(peerRss) } : 'not installed',
  };
  row(
    `Archive lint: ${count} meetings, ${fmt(mb)} MB`,
    `${fmt(mb / (o.median / 1000))} MB/s, ${fmt(o.median / 1000, 2)} s, ${fmt(stat(oursRss).max, 0)} MB`,
    p ? `markdownlint-cli2 ${fmt(mb / (p.median / 1000))} MB/s, ${fmt(p.median / 1000, 2)} s, ${fmt(stat(peerRss).max, 0)} MB` : 'markdownlint-cli2 missing',
    p ? `${fmt(p.median / o.median)}× faster` : '',
  );
  const one = stat(twoThreads);
  row(
    `  the same on two worker threads (--concurrency 2; the row above: auto, ${threads === 1 ? 'one thread' : `${threads} threads`})`,
    `${fmt(mb / (one.median / 1000))} MB/s, ${fmt(one.median / 1000, 2)} s, ${fmt(stat(twoThreadsRss).max, 0)} MB`,
    '',
    p ? `${fmt(p.median / one.median)}× faster` : '',
  );
}

// ─── in-process: parse and check one large file against the floor ──────────

async function parseAndCheck() {
  const { blockLexer } = await import('../server/src/syntax/lexer.js');
  const { parse } = await import('../server/src/syntax/parser.js');
  const { buildMeeting } = await import('../server/src/model/build.js');
  const { lintAnalyzed } = await import('../server/src/engine.js');
  const { defaultConfig } = await import('../server/src/config/resolve.js');
  const w = meeting(7, { targetBytes: 1_000_000 });
  const file = join(work, 'large.referat');
  writeFileSync(file, w.text);
  const mb = Buffer.byteLength(w.text) / 1e6;
  const times: Record<string, number[]> = { floor: [], lex: [], parse: [], model: [], rules: [], total: [] };
  const reps = quick ? 5 : 15;
  for (let i = 0; i < reps + 2; i++) {
    let t = performance.now();
    const text = readFileSync(file, 'utf8');
    text.split(/\r\n|\r|\n/);
    const floor = performance.now() - t;
    t = performance.now();
    blockLexer.tokenize(text);
    const lex = performance.now() - t;
    t = performance.now();
    const parsed = parse(text);
    const parseMs = performance.now() - t;
    t = performance.now();
    const m = buildMeeting(parsed, text, defaultConfig.profile);
    const model = performance.now() - t;
    t = performance.now();
    lintAnalyzed(text, parsed, m, defaultConfig);
    const rules = performance.now() - t;
    if (i < 2) continue; // warm-up
    times.floor!.push(floor);
    times.lex!.push(lex);
    times.parse!.push(parseMs);
    times.model!.push(model);
    times.rules!.push(rules);
    times.total!.push(floor + parseMs + model + rules);
  }
  const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stat(v)]));
  results.parseAndCheck = { megabytes: mb, items: w.items, ms: s, mbPerSecond: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, mb / (v.median / 1000)])) };
  const floor = s.floor!.median;
  for (const k of ['lex', 'parse', 'model', 'rules', 'total']) {
    row(`Parse+check 1 MB (${w.items} items): ${k}${k === 'parse' ? ' (lex+CST+AST)' : ''}`, `${fmt(mb / (s[k]!.median / 1000))} MB/s (${fmt(s[k]!.median)} ms)`, `floor ${fmt(mb / (floor / 1000))} MB/s (${fmt(floor)} ms)`, `${fmt(s[k]!.median / floor)}× floor`);
  }
}


// ─── typing latency: the real server over an in-memory connection ──────────

/** The language server in process, over an in-memory JSON-RPC connection, as an editor drives it. */
async function lspSession() {
  const { PassThrough } = await import('node:stream');
  const { createConnection, createMessageConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
  const { startServer } = await import('../server/src/lsp/node.js');
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down)));
  const conn = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: { uri: string; version?: number; at: number; count: number }[] = [];
  let waiter: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    published.push({ uri: p.uri, version: p.version, at: performance.now(), count: p.diagnostics.length });
    waiter?.();
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } }, initializationOptions: { locale: 'en' } });
  await conn.sendNotification('initialized', {});
  /** Resolves when the diagnostics of `version` (or a later one) of `uri` were published after `since`. */
  const diagnosticsOf = (uri: string, version: number, since: number, ms = 120_000) =>
    new Promise<{ at: number; count: number }>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timeout waiting for the diagnostics of version ${version}`)), ms);
      const check = () => {
        const p = published.find((x) => x.uri === uri && (x.version ?? 0) >= version && x.at >= since);
        if (p) {
          clearTimeout(t);
          waiter = undefined;
          resolve(p);
        } else waiter = check;
      };
      check();
    });
  return { conn, diagnosticsOf };
}

const sizeName = (bytes: number) => (bytes >= 1e6 ? `${fmt(bytes / 1e6, 0)} MB` : `${fmt(bytes / 1e3, 0)} KB`);

/** Lines that are paragraphs of an item's body (where people type). */
function paragraphLines(lines: readonly string[]): number[] {
  const first = lines.findIndex((l) => l.startsWith('## '));
  const out: number[] = [];
  for (let i = Math.max(0, first); i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length >= 10 && !/^[#|\-\d]/.test(l) && !l.includes(':')) out.push(i);
  }
  return out;
}

/** What a structural edit inserts as a line of its own (the next structural edit removes it again). */
const STRUCTURAL = ['### Beslutning', 'For stemte: Claus Berggren, Jesper Gade og Bo Malland (3).', '1. at godkendt.', 'Claus Berggren deltog ikke i sagens behandling.', '### Økonomi', 'Fraværende: Claus Berggren'];

const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function typingLatency() {
  const { conn, diagnosticsOf } = await lspSession();
  const sizes = [65_000, 1_000_000, 10_000_000];
  const out: Record<string, unknown> = {};
  const p95: Record<string, Record<string, number>> = {};
  for (const bytes of sizes) {
    const w = meeting(11, { targetBytes: bytes });
    const uri = `file:///bench/typing-${bytes}.referat`;
    const lines = w.text.split('\n');
    const big = bytes >= 10_000_000;
    // Opening: the outline comes as soon as the document is parsed, before its diagnostics.
    const opened = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text: w.text } });
    await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const symbolsAfterOpen = performance.now() - opened;
    await diagnosticsOf(uri, 1, opened);
    const diagnosticsAfterOpen = performance.now() - opened;
    const r = (await import('./workload.js')).prng(5 + bytes);
    const edits = quick ? (big ? 10 : 20) : big ? 40 : 100;
    let version = 1;
    const rows: Record<string, { p50: number; p95: number; max: number; edits: number; symbolsP50?: number }> = {};
    // `symbols`: edits in paragraphs with the outline asked for after every keystroke, as VS Code's outline does (not on 65 KB).
    const kinds = bytes >= 1_000_000 ? (['paragraph', 'structure', 'symbols'] as const) : (['paragraph', 'structure'] as const);
    for (const kind of kinds) {
      const lat: number[] = [];
      const symbolLat: number[] = [];
      const paras = paragraphLines(lines);
      let inserted: number | undefined;
      for (let i = 0; i < edits; i++) {
        version++;
        let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
        if (kind !== 'structure') {
          // A single character typed somewhere in a paragraph line (varied positions).
          const line = paras[Math.floor(r() * paras.length)]!;
          const ch = Math.floor(r() * lines[line]!.length);
          lines[line] = lines[line]!.slice(0, ch) + 'e' + lines[line]!.slice(ch);
          change = { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'e' };
        } else if (inserted === undefined) {
          // A line that changes the item's structure: a section, a vote, a decision point, an absence.
          const line = paras[Math.floor(r() * paras.length)]!;
          const text = STRUCTURAL[i % STRUCTURAL.length]!;
          lines.splice(line, 0, text);
          inserted = line;
          change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${text}\n` };
        } else {
          lines.splice(inserted, 1);
          change = { range: { start: { line: inserted, character: 0 }, end: { line: inserted + 1, character: 0 } }, text: '' };
          inserted = undefined;
        }
        const sent = performance.now();
        await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        let done: number;
        if (kind === 'symbols') {
          const symbols = conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then(() => performance.now());
          const [got, answered] = await Promise.all([diagnosticsOf(uri, version, sent), symbols]);
          done = Math.max(got.at, answered);
          symbolLat.push(answered - sent);
        } else done = (await diagnosticsOf(uri, version, sent)).at;
        lat.push(done - sent);
        // About a keystroke every 100 ms.
        await new Promise((res) => setTimeout(res, Math.max(20, 100 - (done - sent))));
      }
      if (inserted !== undefined) {
        version++;
        lines.splice(inserted, 1);
        const sent = performance.now();
        await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: inserted, character: 0 }, end: { line: inserted + 1, character: 0 } }, text: '' }] });
        await diagnosticsOf(uri, version, sent);
      }
      lat.sort((a, b) => a - b);
      symbolLat.sort((a, b) => a - b);
      rows[kind] = { p50: percentile(lat, 0.5), p95: percentile(lat, 0.95), max: lat[lat.length - 1]!, edits, ...(symbolLat.length ? { symbolsP50: percentile(symbolLat, 0.5) } : {}) };
    }
    const req = async (method: string, params: unknown, n = big ? 5 : 20) => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await conn.sendRequest(method, params);
        xs.push(performance.now() - t);
      }
      return stat(xs);
    };
    const memberLine = lines.findIndex((l) => l.startsWith('Mødedeltagere:'));
    const symbols = await req('textDocument/documentSymbol', { textDocument: { uri } });
    const folding = await req('textDocument/foldingRange', { textDocument: { uri } });
    const completion = await req('textDocument/completion', { textDocument: { uri }, position: { line: memberLine, character: 16 } });
    const hover = await req('textDocument/hover', { textDocument: { uri }, position: { line: memberLine, character: 17 } });
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const name = sizeName(bytes);
    p95[name] = { paragraph: rows.paragraph!.p95, structure: rows.structure!.p95 };
    out[name] = { bytes: w.text.length, items: w.items, intervalMs: 100, latencyMs: rows, symbolsAfterOpenMs: symbolsAfterOpen, diagnosticsAfterOpenMs: diagnosticsAfterOpen, documentSymbolMs: symbols, foldingRangeMs: folding, completionMs: completion, hoverMs: hover };
    const target = bytes === 1_000_000 ? 30 : bytes === 10_000_000 ? 100 : undefined;
    for (const kind of kinds) {
      const x = rows[kind]!;
      const what =
        kind === 'symbols'
          ? 'in paragraphs, document symbols after every keystroke: didChange → diagnostics and symbols'
          : `${kind === 'paragraph' ? 'in paragraphs' : 'changing structure'}: didChange → diagnostics`;
      row(
        `Typing in a ${name} meeting (${w.items} items), ${what} (${edits} edits)`,
        `p50 ${fmt(x.p50)} ms, p95 ${fmt(x.p95)} ms, max ${fmt(x.max)} ms${x.symbolsP50 !== undefined ? `; symbols answered p50 ${fmt(x.symbolsP50)} ms` : ''}`,
        target ? `target p95 < ${target} ms` : '',
        target ? (x.p95 < target ? 'met' : 'missed') : '',
      );
    }
    row(
      `  ${name}: document symbols / folding / completion / hover`,
      `${fmt(symbols.median)} / ${fmt(folding.median)} / ${fmt(completion.median)} / ${fmt(hover.median)} ms; symbols ${fmt(symbolsAfterOpen)} ms and diagnostics ${fmt(diagnosticsAfterOpen)} ms after opening`,
      big ? 'target: symbols within 1 s of opening' : '',
      big ? (symbolsAfterOpen < 1000 ? 'met' : 'missed') : '',
    );
  }
  for (const kind of ['paragraph', 'structure'] as const) {
    const ratio = p95['1 MB']![kind]! / p95['65 KB']![kind]!;
    row(`Typing p95, 1 MB ÷ 65 KB (${kind === 'paragraph' ? 'in paragraphs' : 'changing structure'})`, `${fmt(ratio, 2)}×`, 'target ≤ 1.5×', ratio <= 1.5 ? 'met' : 'missed');
  }
  results.typing = out;
  conn.dispose();
  await keystrokeBreakdown();
}

/** Where a keystroke's time goes, in process: re-parse (with the copy of the items after the edit), model, lint with the memo. */
async function keystrokeBreakdown() {
  const { reparse } = await import('../server/src/syntax/incremental.js');
  const { buildMeeting } = await import('../server/src/model/build.js');
  const { itemReuse } = await import('../server/src/model/incremental.js');
  const { analyze, lintAnalyzed, LintMemo } = await import('../server/src/engine.js');
  const { noteSuccession } = await import('../server/src/engine/incremental.js');
  const { defaultConfig } = await import('../server/src/config/resolve.js');
  const breakdown: Record<string, unknown> = {};
  for (const bytes of [1_000_000, 10_000_000]) {
    let text = meeting(11, { targetBytes: bytes }).text;
    let a = analyze(text, defaultConfig);
    const memo = new LintMemo();
    lintAnalyzed(text, a.parse, a.meeting, a.config, {}, memo);
    const lines = text.split('\n');
    const paras = paragraphLines(lines);
    const r = (await import('./workload.js')).prng(17 + bytes);
    const times: Record<string, number[]> = { reparse: [], model: [], lint: [] };
    const n = quick ? 5 : 15;
    for (let i = 0; i < n + 2; i++) {
      const line = paras[Math.floor(r() * paras.length)]!;
      let at = 0;
      for (let l = 0; l < line; l++) at += lines[l]!.length + 1;
      lines[line] = 'e' + lines[line]!;
      const next = text.slice(0, at) + 'e' + text.slice(at);
      let t = performance.now();
      // Told where the edit is, as the server is by the editor's change (lsp/documents.ts).
      const re = reparse({ text, result: a.parse }, next, { prefix: at, suffix: text.length - at });
      const tReparse = performance.now() - t;
      if (re.mode !== 'full') noteSuccession(a.parse, re.result, re.relocation?.copies);
      t = performance.now();
      const reuse = re.mode === 'full' ? undefined : itemReuse({ meeting: a.meeting, profile: a.config.profile }, a.config.profile, re.relocation);
      const m = buildMeeting(re.result, next, a.config.profile, reuse);
      const tModel = performance.now() - t;
      t = performance.now();
      lintAnalyzed(next, re.result, m, a.config, {}, memo);
      const tLint = performance.now() - t;
      text = next;
      a = { parse: re.result, meeting: m, config: a.config };
      if (i < 2) continue; // warm-up
      times.reparse!.push(tReparse);
      times.model!.push(tModel);
      times.lint!.push(tLint);
    }
    const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stat(v)]));
    breakdown[sizeName(bytes)] = s;
    row(`  a keystroke in a ${sizeName(bytes)} meeting, in process: re-parse / model / lint (medians)`, `${fmt(s.reparse!.median)} / ${fmt(s.model!.median)} / ${fmt(s.lint!.median)} ms`, '', '');
  }
  results.keystroke = breakdown;
}

// ─── export: a 40-page referat ─────────────────────────────────────────────

async function exportBench() {
  const { exportReferat } = await import('../server/src/export/index.js');
  const { loadFonts } = await import('../server/src/cli/commands/export.js');
  const fonts = loadFonts(join(root, 'fonts'));
  if (!fonts) return row('Export', 'skipped: fonts/ missing', '', '');
  const w = meeting(21, { items: 14 });
  const file = join(work, 'export40.referat');
  writeFileSync(file, w.text);
  const pdf = await exportReferat(w.text, { format: 'pdf', fonts });
  const pdfPath = join(work, 'export40.pdf');
  writeFileSync(pdfPath, pdf.data);
  const pages = (Buffer.from(pdf.data as Uint8Array).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const inproc: Record<string, number[]> = { pdf: [], html: [], docx: [] };
  for (let i = 0; i < RUNS + 1; i++) {
    for (const f of ['pdf', 'html', 'docx'] as const) {
      const t = performance.now();
      await exportReferat(w.text, { format: f, fonts });
      if (i > 0) inproc[f]!.push(performance.now() - t);
    }
  }
  const cli = join(root, 'dist', 'cli.js');
  const whole: Record<string, number[]> = { pdf: [], html: [] };
  if (existsSync(cli)) {
    for (let i = 0; i < RUNS; i++) {
      for (const f of ['pdf', 'html'] as const) {
        const r = await runProcess([cli, 'export', '--format', f, '-o', join(work, `export40-cli.${f}`), file]);
        whole[f]!.push(r.ms);
      }
    }
  }
  const nodeStart: number[] = [];
  for (let i = 0; i < RUNS; i++) nodeStart.push((await runProcess(['-e', '0'])).ms);
  // Peer: our own DOCX converted to PDF by LibreOffice (the secretariat's Word → PDF status quo).
  const docx = await exportReferat(w.text, { format: 'docx' });
  const docxPath = join(work, 'export40.docx');
  writeFileSync(docxPath, docx.data);
  const lo = libreOffice();
  const loTimes: number[] = [];
  if (lo) {
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = spawnSync(lo, ['--headless', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), docxPath], { stdio: 'ignore', timeout: 180_000, env: { ...process.env, HOME: join(work, 'lo-home') } });
      if (r.status === 0) loTimes.push(performance.now() - t);
    }
  }
  const s = Object.fromEntries(Object.entries(inproc).map(([k, v]) => [k, stat(v)]));
  results.export = {
    pages,
    items: w.items,
    inProcessMs: s,
    wholeProcessMs: Object.fromEntries(Object.entries(whole).filter(([, v]) => v.length).map(([k, v]) => [k, stat(v)])),
    nodeStartupMs: stat(nodeStart),
    libreOfficeDocxToPdfMs: loTimes.length ? stat(loTimes) : lo ? 'failed' : 'not available',
  };
  const wp = whole.pdf!.length ? stat(whole.pdf!).median : NaN;
  row(`Export ${pages}-page referat → PDF`, `${fmt(s.pdf!.median)} ms in process, ${fmt(wp)} ms whole (Node start ${fmt(stat(nodeStart).median)} ms)`, loTimes.length ? `LibreOffice DOCX→PDF ${fmt(stat(loTimes).median)} ms` : 'LibreOffice not available', loTimes.length ? `${fmt(stat(loTimes).median / wp)}× faster` : '');
  row(`Export ${pages}-page referat → HTML / DOCX`, `${fmt(s.html!.median)} / ${fmt(s.docx!.median)} ms in process`, '', '');
}

function libreOffice(): string | undefined {
  const find = () => ['soffice', 'libreoffice'].map((c) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
  let lo = find();
  if (!lo && !process.env.REFERAT_BENCH_NO_INSTALL && process.getuid?.() === 0) {
    console.log('(installing Debian libreoffice-writer-nogui for the LibreOffice column…)');
    spawnSync('sh', ['-c', 'apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null 2>&1'], { stdio: 'ignore', timeout: 400_000 });
    lo = find();
  }
  return lo || undefined;
}

// ─── import ───────────────────────────────────────────────────────────────

async function importBench() {
  let mod: Record<string, unknown>;
  try {
    mod = await import('../server/src/import/index.js');
  } catch {
    return row('Import', 'skipped: no importer', '', '');
  }
  const importText = mod.importText as ((t: string, o?: object) => { markup: string }) | undefined;
  const seeds = join(root, '..', 'shared', 'seeds');
  if (!importText || !existsSync(seeds)) return row('Import', 'skipped: importer or seeds missing', '', '');
  const texts = ['000_9a6f6583c996c26d.txt', '003_7b7ae8c46848b521.txt'].map((f) => readFileSync(join(seeds, f), 'utf8'));
  const corpus = Array.from({ length: 8 }, () => texts).flat();
  const mb = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const xs: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    let t = performance.now();
    for (const c of corpus) importText(c);
    if (i > 0) xs.push(performance.now() - t);
    t = performance.now();
    for (const c of corpus) c.split(/\r\n|\r|\n/);
    if (i > 0) floor.push(performance.now() - t);
  }
  const s = stat(xs);
  results.import = { megabytes: mb, ms: s, mbPerSecond: mb / (s.median / 1000), floorMs: stat(floor) };
  row(`Import published text (${fmt(mb, 2)} MB like the seeds)`, `${fmt(mb / (s.median / 1000))} MB/s`, `floor ${fmt(mb / (stat(floor).median / 1000))} MB/s`, `${fmt(s.median / stat(floor).median)}× floor`);
}

// ─── workspace: the server indexing the archive ───────────────────────────

async function workspaceMemory() {
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) return row('Workspace', 'skipped: dist/server.js missing', '', '');
  const count = quick ? 100 : 1000;
  const { dir } = archive(count);
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  const rootUri = pathToFileURL(dir).href;
  const t0 = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'archive' }], capabilities: { workspace: { workspaceFolders: true } }, initializationOptions: { locale: 'en' } });
  await conn.sendNotification('initialized', {});
  // Every meeting has items; the index is complete when workspace symbols cover every file.
  let symbols = 0;
  let firstAnswer = NaN;
  const deadline = performance.now() + 300_000;
  let files = 0;
  while (performance.now() < deadline) {
    const res = (await conn.sendRequest('workspace/symbol', { query: '' })) as { location: { uri: string } }[] | null;
    if (Number.isNaN(firstAnswer)) firstAnswer = performance.now() - t0;
    symbols = res?.length ?? 0;
    files = new Set((res ?? []).map((s) => s.location.uri)).size;
    if (files >= count) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const indexed = performance.now() - t0;
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  conn.dispose();
  child.kill();
  results.workspace = { files: count, filesIndexed: files, symbols, firstAnswerMs: firstAnswer, indexedMs: indexed, serverRssMb: rssMb };
  row(`Workspace: server indexing ${count} meetings`, `${fmt(rssMb, 0)} MB resident; all ${files} files in workspace symbols after ${fmt(indexed / 1000, 1)} s (first answer ${fmt(firstAnswer)} ms)`, 'target < 200 MB', rssMb < 200 ? 'met' : 'missed');
}

async function main() {
  ensureReporter();
  console.log(`Referat benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}${quick ? ' (quick)' : ''}\n`);
  const parts: [string, () => Promise<void>][] = [
    ['parseAndCheck', parseAndCheck],
    ['archiveLint', archiveLint],
    ['typing', typingLatency],
    ['export', exportBench],
    ['import', importBench],
    ['workspace', workspaceMemory],
  ];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  for (const [name, fn] of parts) {
    if (only && !only.includes(name)) continue;
    try {
      await fn();
    } catch (e) {
      results[name] = { error: String(e) };
      row(name, `failed: ${String(e).slice(0, 200)}`, '', '');
    }
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: totalmem() / 2 ** 30, node: process.version, platform: process.platform, date: new Date().toISOString() };
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
  const md = [
    `Measured on ${machine.cpus} × ${machine.cpu}, ${fmt(machine.memoryGiB, 0)} GiB, Node ${machine.node}, ${machine.date.slice(0, 10)}.`,
    '',
    '| measurement | Referat | peer / floor | ratio |',
    '| --- | --- | --- | --- |',
    ...table.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(join(root, 'bench', 'results.md'), md);
  console.log(`\nwrote bench/results.json and bench/results.md`);
  void statSync;
}

main().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
