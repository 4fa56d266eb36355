// `npm run soak [-- --edits N] [--every N] [--max-heap-growth MB] [--max-rss MB] [--json]`:
// a long typing session against the bundled language server (`node dist/server.js --stdio`),
// watching its memory.
//
// The session opens a real referat and edits it as a writer does: types a sentence a
// character at a time at the end of a line, then takes it back with backspace, again and
// again, so the text returns to where it started after every sentence. Every 25 edits it
// waits for the diagnostics of the current version and asks what an editor asks after a
// pause (semantic tokens, outline, code lenses, inlay hints, code actions, hover,
// completion). Every `--every` edits it samples the server: resident memory (now and peak)
// from /proc/<pid>/status (Linux), and the live heap (heap used plus external memory right
// after a full collection, which the server reports on SIGUSR2 through a preloaded hook),
// with the heap V8 holds for it.
//
// Resident memory rises in steps as V8 sizes its spaces and seldom gives pages back, so it
// says little about leaks; the live heap does. The run fails (exit 1) when the live heap
// after warm-up (the first quarter) grows by more than --max-heap-growth MB (default 5),
// when resident memory ever exceeds --max-rss MB (default 400), or when the final
// diagnostics differ from those of a fresh open of the final text.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const EDITS = option('edits', 100_000);
const EVERY = option('every', Math.max(500, Math.round(EDITS / 40 / 25) * 25));
const MAX_HEAP_GROWTH_MB = option('max-heap-growth', 5);
const MAX_RSS_MB = option('max-rss', 400);
const JSON_OUT = process.argv.includes('--json');
const PAUSE_EVERY = 25;

const root = join(import.meta.dirname, '..');
const server = join(root, 'dist', 'server.js');
// With a member's apologies added, so every item has a finding and the diagnostics compared at the end are not empty.
const text0 = readFileSync(join(root, 'examples', 'randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8').replace(
  'Mødested: C.2.25',
  'Mødested: C.2.25\nAfbud: Kasper Fuhr Christensen',
);
const uri = pathToFileURL(join(root, 'examples', 'soak.referat')).toString();
const freshUri = pathToFileURL(join(root, 'examples', 'soak-fresh.referat')).toString();

// The server runs as shipped, plus a preloaded hook: on SIGUSR2 it collects garbage and
// writes its heap figures to a file, so a sample can tell live objects from garbage V8 has
// not collected yet (resident memory alone cannot).
const work = mkdtempSync(join(tmpdir(), 'referat-soak-'));
const heapFile = join(work, 'heap.json');
const hook = join(work, 'heap-hook.cjs');
writeFileSync(
  hook,
  `process.on('SIGUSR2', () => { global.gc(); const m = process.memoryUsage(); require('fs').writeFileSync(${JSON.stringify(heapFile)}, JSON.stringify({ n: Number(process.env.n = String(Number(process.env.n || 0) + 1)), heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })); });\n`,
);
const child = spawn(process.execPath, ['--expose-gc', '--require', hook, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = [];
const latest = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  latest.set(p.uri, p);
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].uri === p.uri && (waiters[i].version === undefined || p.version === waiters[i].version)) waiters.splice(i, 1)[0].resolve(p);
  }
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
conn.onNotification('window/logMessage', () => {});
conn.listen();

function diagnosticsOf(u, version) {
  const seen = latest.get(u);
  if (seen && (version === undefined || seen.version === version)) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 30 s`)), 30_000);
    waiters.push({ uri: u, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
  });
}

let heapSamples = 0;
/** Resident memory (now and peak) from /proc, and the heap in use right after a full collection. */
async function memory() {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const mb = (key) => Math.round(Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) / 102.4) / 10;
  heapSamples++;
  child.kill('SIGUSR2');
  let heap;
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    try {
      heap = JSON.parse(readFileSync(heapFile, 'utf8'));
      if (heap.n === heapSamples) break;
    } catch {
      /* not written yet */
    }
  }
  if (heap?.n !== heapSamples) throw new Error('the server did not report its heap');
  const round = (bytes) => Math.round(bytes / 104857.6) / 10;
  return { rss: mb('VmRSS'), peak: mb('VmHWM'), heap: round(heap.heapUsed + heap.external), heapTotal: round(heap.heapTotal) };
}

/** Line starts of a text (LF, CRLF or CR), for LSP positions. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}
function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

// What gets typed: sentences a writer of minutes types, some of which the rules read.
const SENTENCES = [
  'Jesper Gade deltog ikke i sagens behandling.',
  'For stemte: Kasper Fuhr Christensen, Jesper Gade (2).',
  'Godkendt med bemærkning om økonomien.',
  'Sagen blev udsat til næste møde.',
  'Henriette Malland forlod mødet efter punkt 124.',
];

let text = text0;
let version = 1;
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

async function main() {
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { locale: 'en' },
  });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version, text } });
  await diagnosticsOf(uri, version);

  const rows = [];
  const t0 = performance.now();
  const sample = async (edits) => {
    const m = await memory();
    rows.push({ edits, rssMB: m.rss, peakMB: m.peak, heapMB: m.heap, heapTotalMB: m.heapTotal, seconds: Math.round((performance.now() - t0) / 100) / 10 });
    if (!JSON_OUT) {
      const cells = [String(edits).padStart(8), m.rss.toFixed(1).padStart(7), m.peak.toFixed(1).padStart(7), m.heapTotal.toFixed(1).padStart(12), m.heap.toFixed(1).padStart(12), rows.at(-1).seconds.toFixed(1).padStart(8)];
      console.log(cells.join('  '));
    }
  };
  if (!JSON_OUT) {
    console.log(`soak: ${EDITS} edits on ${text0.length} characters; memory every ${EVERY} edits`);
    console.log('   edits   RSS MB  peak MB  V8 heap MB  live MB (GC)   seconds');
  }
  await sample(0);

  // The typing session: a sentence typed at `at` (on line `base.line`), then backspaced away.
  let at = 0;
  let base = { line: 0, character: 0 };
  let sentence = '';
  let typed = 0;
  let typing = true;
  const cursorAt = (n) => ({ line: base.line, character: base.character + n });
  // Runs past EDITS to finish the sentence in hand, so the text ends where it started.
  let edits = 0;
  while (++edits <= EDITS || !(typing && typed === 0)) {
    if (typing && typed === 0) {
      // A new sentence at the end of a random non-empty line.
      const starts = lineStarts(text);
      const line = 1 + Math.floor(random() * (starts.length - 1));
      at = (starts[line] ?? text.length) - 1;
      while (at > 0 && (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13)) at--;
      at++;
      base = positionAt(starts, at);
      sentence = ` ${SENTENCES[Math.floor(random() * SENTENCES.length)]}`;
    }
    let change;
    if (typing) {
      const ch = sentence[typed];
      change = { range: { start: cursorAt(typed), end: cursorAt(typed) }, text: ch };
      text = text.slice(0, at + typed) + ch + text.slice(at + typed);
      if (++typed === sentence.length) typing = false;
    } else {
      change = { range: { start: cursorAt(typed - 1), end: cursorAt(typed) }, text: '' };
      text = text.slice(0, at + typed - 1) + text.slice(at + typed);
      if (--typed === 0) typing = true;
    }
    version++;
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });

    if (edits % PAUSE_EVERY === 0) {
      await diagnosticsOf(uri, version);
      const td = { textDocument: { uri } };
      const cursor = cursorAt(typed);
      await Promise.all([
        conn.sendRequest('textDocument/semanticTokens/full', td),
        conn.sendRequest('textDocument/documentSymbol', td),
        conn.sendRequest('textDocument/codeLens', td),
        conn.sendRequest('textDocument/inlayHint', { ...td, range: { start: { line: 0, character: 0 }, end: cursor } }),
        conn.sendRequest('textDocument/codeAction', { ...td, range: { start: cursor, end: cursor }, context: { diagnostics: [] } }),
        conn.sendRequest('textDocument/hover', { ...td, position: cursor }),
        conn.sendRequest('textDocument/completion', { ...td, position: cursor }),
      ]);
    }
    if (edits % EVERY === 0) await sample(edits);
  }

  edits--;
  const last = await diagnosticsOf(uri, version);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'referat', version: 1, text } });
  const fresh = await diagnosticsOf(freshUri, 1);
  const norm = (p, u) => JSON.stringify(p.diagnostics.map((d) => ({ ...d, data: { ...d.data, version: 0 } }))).replaceAll(u, 'file:///same');
  const same = norm(last, uri) === norm(fresh, freshUri);

  // Growth after warm-up (the first quarter): the highest value of the last quarter
  // against the median of the second quarter, for resident memory and for the live heap.
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const growthOf = (key) => {
    const baseline = median(rows.filter((r) => r.edits >= EDITS / 4 && r.edits <= EDITS / 2).map((r) => r[key]));
    const end = rows.filter((r) => r.edits >= (3 * EDITS) / 4).reduce((m, r) => Math.max(m, r[key]), -Infinity);
    return { baseline, end, growth: Math.round((end - baseline) * 10) / 10 };
  };
  const rss = growthOf('rssMB');
  const heap = growthOf('heapMB');
  const seconds = (performance.now() - t0) / 1000;
  const result = {
    edits,
    seconds: Math.round(seconds),
    editsPerSecond: Math.round(edits / seconds),
    startRssMB: rows[0].rssMB,
    baselineRssMB: rss.baseline,
    endRssMB: rss.end,
    rssGrowthMB: rss.growth,
    baselineHeapMB: heap.baseline,
    endHeapMB: heap.end,
    heapGrowthMB: heap.growth,
    peakMB: rows.at(-1).peakMB,
    maxHeapGrowthMB: MAX_HEAP_GROWTH_MB,
    maxRssMB: MAX_RSS_MB,
    textRestored: text === text0,
    finalDiagnosticsMatchFreshOpen: same,
    finalDiagnostics: last.diagnostics.length,
    rows,
  };
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    console.log(`\n${edits} edits in ${result.seconds} s (${result.editsPerSecond}/s).`);
    console.log(`Live heap after GC: ${heap.baseline} MB after warm-up, ${heap.end} MB at the end: growth ${heap.growth} MB (bound ${MAX_HEAP_GROWTH_MB} MB).`);
    console.log(`RSS: ${result.startRssMB} MB at the start, ${rss.baseline} MB after warm-up, ${rss.end} MB at the end (growth ${rss.growth} MB); peak ${result.peakMB} MB (bound ${MAX_RSS_MB} MB).`);
    console.log(`Final diagnostics (${last.diagnostics.length}) ${same ? 'equal' : 'DIFFER from'} those of a fresh open of the final text.`);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  rmSync(work, { recursive: true, force: true });
  const ok = same && heap.growth <= MAX_HEAP_GROWTH_MB && result.peakMB <= MAX_RSS_MB;
  if (!ok && !JSON_OUT) console.error('soak: FAILED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(`soak: ${error instanceof Error ? error.stack : String(error)}`);
  child.kill();
  process.exitCode = 2;
});
