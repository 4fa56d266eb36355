/**
 * `npm run bench`: measurements side by side with a peer or a floor, in the same run.
 * Writes bench/results.json and bench/results.md. Not part of `npm test`.
 *
 * Each measurement runs several times; figures are min / median / max.
 */
import { spawn } from 'node:child_process';
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
  for (let i = 0; i < RUNS; i++) {
    const r = await runProcess([cli, 'lint', dir, '--format', 'json', '--quiet']);
    ours.push(r.ms);
    oursRss.push(r.rssMb);
  }
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
    referat: { wallMs: o, mbPerSecond: mb / (o.median / 1000), peakRssMb: stat(oursRss) },
    markdownlintCli2: p ? { wallMs: p, mbPerSecond: mb / (p.median / 1000), peakRssMb: stat(peerRss) } : 'not installed',
  };
  row(
    `Archive lint: ${count} meetings, ${fmt(mb)} MB`,
    `${fmt(mb / (o.median / 1000))} MB/s, ${fmt(o.median / 1000, 2)} s, ${fmt(stat(oursRss).max, 0)} MB`,
    p ? `markdownlint-cli2 ${fmt(mb / (p.median / 1000))} MB/s, ${fmt(p.median / 1000, 2)} s, ${fmt(stat(peerRss).max, 0)} MB` : 'markdownlint-cli2 missing',
    p ? `${fmt(p.median / o.median)}× faster` : '',
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

async function main() {
  ensureReporter();
  console.log(`Referat benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}${quick ? ' (quick)' : ''}\n`);
  const parts: [string, () => Promise<void>][] = [
    ['parseAndCheck', parseAndCheck],
    ['archiveLint', archiveLint],
  ];
  for (const [name, fn] of parts) {
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
