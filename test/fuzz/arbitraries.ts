/**
 * Inputs for the property tests (test/fuzz/*.property.test.ts):
 *
 * - `referatDocument()`: whole documents built from the markup's grammar (spec §2–§7):
 *   title, header fields with member lists, items open and closed, sections with numbered
 *   `at …` proposals and decisions, the controlled attendance and vote sentences, lists,
 *   tables, comments, lint-control comments, inline bold/italic/links, and (on request)
 *   injection payloads. With `secrets`, every comment and every body line of a closed item
 *   carries the word SECRET_MARK, and nothing else does: a public export must not contain it.
 * - `mutatedRealFile()`: the seeds and examples, whole or a window of lines, damaged the way
 *   files get damaged: byte flips, truncation, duplicated and shuffled lines, stray BOMs,
 *   mixed CR/LF/CRLF, NULs, lone surrogates, spliced grammar fragments.
 *
 * Everything shrinks: a failing case is reduced towards fewer items, lines and mutations.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../helpers/shared.js';

export const ROOT = join(__dirname, '..', '..');

/** Marks text that must never reach a public export (comments, closed items' bodies). */
export const SECRET_MARK = 'HEMMELIGT';

// ─── Real files ─────────────────────────────────────────────────────────────

export interface RealFile {
  readonly name: string;
  readonly text: string;
}

function readDir(dir: string, re: RegExp): RealFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => re.test(f) && !/^README/i.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** The published minutes of the shared seeds (text as extracted, and the portal record). */
export const SEEDS = readDir(join(SHARED_DIR, 'seeds'), /\.txt$/);
/** The hand-written markup files of examples/. */
export const EXAMPLES = readDir(join(ROOT, 'examples'), /\.referat$/);
export const REAL_FILES = [...SEEDS, ...EXAMPLES];

// ─── Vocabulary ─────────────────────────────────────────────────────────────

export const MEMBERS = [
  'Claus Berggren',
  'Kasper Fuhr Christensen',
  'Jesper Gade',
  'Henriette Malland',
  'Bjarne Overmark',
  'Bo Vestergaard',
  'Jens P. Hansen',
  'Anne Holm (A)',
  'Mette Kjær Iversen',
  'Søren Ørum',
  'Åse Ærenlund',
];
const STRANGERS = ['Karl Smith', 'Claus Bergren', 'Lise', 'Jesper  Gade', 'Eva Strandborg'];

/** Injection payloads: text a writer (or a pasted web page) may contain. */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '</textarea><style>*{}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;b onclick=alert(1)&#62;',
  '<!DOCTYPE x><html>',
  '<b onclick="alert(1)">fed</b>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<![CDATA[<script>x</script>]]>',
  '{{constructor.constructor("alert(1)")()}}',
  '</title><script>alert(1)</script>',
];
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '\\\\evil\\x',
  'https://example.dk/a"onmouseover="alert(1)',
  "x.pdf' onclick='alert(1)",
  'javascript&colon;alert(1)',
];
const SAFE_URLS = ['https://www.randers.dk/', 'http://example.dk/a?b=1&c=2#d', 'mailto:post@randers.dk', 'bilag/budget.pdf', 'Bilag 1.pdf', '#punkt-1'];

const WORDS = [
  'forvaltningen', 'indstiller', 'borgerne', 'budget', 'sagsbehandlingstid', 'Ydelseskantoret', 'orienteringen',
  'godkendes', 'tages', 'til', 'efterretning', 'udvalget', 'byrådet', 'mio.', 'kr.', '80%', '2024', '30.09.2024',
  'æbler', 'øl', 'ål', 'Økonomi', 'jf.', 'bl.a.', 'pkt. 61', '§ 11', '–', '"citat"', "'vugge til grav'", 'fx',
  'Sagsnr', 'Punkt', 'Beslutning', 'at', 'og', 'i', 'på', 'der', 'med', '(A)', 'CPR 010203-1234',
];
const word = fc.constantFrom(...WORDS);
const plainWords = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

/** Odd characters a document may contain. */
const ODD = ['\t', '\u00a0', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\uFEFF', '\ud800', '\udfff', '😀', 'é', 'e\u0301', '\\', '*', '**', '_', '`', '[', ']', '(', ')', '|', '#', '<', '>', '&', '-->', '<!--'];

export interface DocOptions {
  /** Put SECRET_MARK in every comment and every body line of a closed item (and nowhere else). */
  readonly secrets?: boolean;
  /** Mix injection payloads and hostile link targets into every kind of user text. */
  readonly payloads?: boolean;
  /** Odd characters (controls, lone surrogates, stray markup characters) in text. */
  readonly odd?: boolean;
}

/** Joins names as the minutes write them: `A`, `A og B`, `A, B og C`. */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

interface Ctx {
  readonly opts: DocOptions;
  readonly members: readonly string[];
}

function comment(ctx: Ctx, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return text.map((t) => (ctx.opts.secrets ? `<!-- ${SECRET_MARK} ${t.replace(/-->/g, '')} -->` : `<!-- ${t.replace(/-->/g, '')} -->`));
}

/** Inline text: words, bold, italic, links, comments, and optionally payloads and odd characters. */
function inline(ctx: Ctx): fc.Arbitrary<string> {
  const urls = ctx.opts.payloads ? [...SAFE_URLS, ...HOSTILE_URLS] : SAFE_URLS;
  const pieces: fc.WeightedArbitrary<string>[] = [
    { arbitrary: plainWords, weight: 8 },
    { arbitrary: plainWords.map((w) => `**${w}**`), weight: 1 },
    { arbitrary: plainWords.map((w) => `*${w}*`), weight: 1 },
    { arbitrary: fc.tuple(plainWords, fc.constantFrom(...urls)).map(([t, u]) => `[${t}](${u})`), weight: 1 },
    { arbitrary: comment(ctx, plainWords), weight: 1 },
  ];
  if (ctx.opts.payloads) {
    pieces.push({ arbitrary: fc.constantFrom(...PAYLOADS), weight: 4 });
    pieces.push({ arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.constantFrom(...urls)).map(([t, u]) => `[${t}](${u})`), weight: 1 });
    pieces.push({ arbitrary: fc.constantFrom(...PAYLOADS).map((p) => `**${p}**`), weight: 1 });
  }
  if (ctx.opts.odd) pieces.push({ arbitrary: fc.constantFrom(...ODD), weight: 2 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
  return fc.array(fc.oneof(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
}

/** A short text for titles and field values (no comments in secret mode are needed here: they are added separately). */
function shortText(ctx: Ctx): fc.Arbitrary<string> {
  const base: fc.Arbitrary<string>[] = [plainWords];
  if (ctx.opts.payloads) base.push(fc.constantFrom(...PAYLOADS));
  if (ctx.opts.odd) base.push(fc.constantFrom(...ODD).map((o) => `x${o}y`));
  return fc.oneof(...base);
}

const someNames = (pool: readonly string[], max = 3) => fc.subarray([...pool], { minLength: 1, maxLength: Math.min(max, pool.length) });

function names(ctx: Ctx): fc.Arbitrary<string> {
  const pool = ctx.members.length ? ctx.members : MEMBERS;
  return fc.oneof(
    { arbitrary: someNames(pool).map(nameList), weight: 6 },
    { arbitrary: someNames(STRANGERS, 2).map(nameList), weight: 1 },
    { arbitrary: fc.tuple(someNames(pool, 2), fc.constantFrom(...STRANGERS)).map(([a, b]) => `${a.join(', ')}, ${b}`), weight: 1 },
    ...(ctx.opts.payloads ? [{ arbitrary: fc.constantFrom(...PAYLOADS), weight: 1 }] : []),
  );
}

const one = (ctx: Ctx) => fc.constantFrom(...(ctx.members.length ? ctx.members : MEMBERS));

/** The controlled sentences of spec §6, most well-formed, some slightly off. */
function sentence(ctx: Ctx): fc.Arbitrary<string> {
  const n = names(ctx);
  return fc.oneof(
    n.map((x) => `${x} havde forfald.`),
    n.map((x) => `${x} deltog ikke i sagens behandling.`),
    n.map((x) => `${x} deltog ikke i behandlingen af dette punkt.`),
    n.map((x) => `${x} var fraværende.`),
    fc.tuple(one(ctx), fc.constantFrom(...STRANGERS)).map(([a, b]) => `${b} mødte som stedfortræder for ${a}.`),
    fc.tuple(fc.constantFrom(...STRANGERS), fc.option(fc.constantFrom('afdelingsleder i Ydelseskantoret', 'direktør'))).map(([g, r]) => `${g}${r ? `, ${r},` : ''} deltog under punktet.`),
    fc.tuple(one(ctx), fc.integer({ min: 0, max: 200 })).map(([a, p]) => `${a} forlod mødet efter punkt ${p}.`),
    one(ctx).map((a) => `${a} forlod mødet under behandlingen af punktet.`),
    one(ctx).map((a) => `${a} erklærede sig inhabil.`),
    one(ctx).map((a) => `${a} begærede sagen i byrådet.`),
    one(ctx).map((a) => `${a} ønskede med henvisning til § 23 sagen i byrådet.`),
    fc.tuple(fc.constantFrom('For stemte', 'Imod stemte', 'Undlod at stemme'), someNames(ctx.members.length ? ctx.members : MEMBERS, 5), fc.option(fc.integer({ min: 0, max: 9 })), fc.boolean()).map(
      ([k, ns, count, right]) => `${k}: ${nameList(ns)}${count === null ? '' : ` (${right ? ns.length : count})`}.`,
    ),
    n.map((x) => `${x} deltog ikke i sagens behandlig.`),
  );
}

/** A numbered list of `at …` points, numbered right or not, with `.` or `)`. */
function proposals(ctx: Ctx): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(inline(ctx), { minLength: 1, maxLength: 4 }), fc.constantFrom('right', 'skip', 'ones', 'bullets'), fc.constantFrom('.', ')'), fc.boolean())
    .map(([points, style, dot, loose]) =>
      points
        .map((p, i) => {
          const marker = style === 'bullets' ? '-' : `${style === 'ones' ? 1 : style === 'skip' ? i * 2 + 1 : i + 1}${dot}`;
          return `${marker} at ${p}`;
        })
        .join(loose ? '\n\n' : '\n'),
    );
}

function table(ctx: Ctx): fc.Arbitrary<string> {
  const cell = fc.oneof(plainWords, inline(ctx));
  return fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('---', ':--', '--:', ':-:'), fc.boolean())
    .map(([cols, rows, align, delimiter]) => {
      const head = `| ${Array.from({ length: cols }, (_, i) => `Kolonne ${i + 1}`).join(' | ')} |`;
      const lines = [head];
      if (delimiter) lines.push(`|${Array(cols).fill(align).join('|')}|`);
      for (const r of rows) lines.push(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
      return lines.join('\n');
    });
}

function list(ctx: Ctx): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('-', '*', '+', '•', '1.'), inline(ctx)), { minLength: 1, maxLength: 5 })
    .map((rows) => rows.map(([depth, m, t]) => `${'  '.repeat(depth)}${m} ${t}`).join('\n'));
}

const LINT_CONTROL = fc.constantFrom(
  '<!-- referat-disable unknown-person -->',
  '<!-- referat-enable unknown-person -->',
  '<!-- referat-disable-next-line decision-points -->',
  '<!-- referat-disable -->',
  '<!-- referat-enable -->',
  '<!-- referat-disable-next-line -->',
);

/** A block of body text in a section. */
function block(ctx: Ctx, decision: boolean): fc.Arbitrary<string> {
  const blocks: fc.WeightedArbitrary<string>[] = [
    { arbitrary: inline(ctx), weight: 5 },
    { arbitrary: proposals(ctx), weight: 3 },
    { arbitrary: list(ctx), weight: 1 },
    { arbitrary: table(ctx), weight: 1 },
    { arbitrary: shortText(ctx).map((t) => `#### ${t}`), weight: 1 },
    { arbitrary: comment(ctx, fc.array(plainWords, { minLength: 1, maxLength: 3 }).map((l) => `\n${l.join('\n')}\n`)), weight: 1 },
    { arbitrary: LINT_CONTROL.map((c) => (ctx.opts.secrets ? c.replace(' -->', ` ${SECRET_MARK} -->`) : c)), weight: 1 },
    { arbitrary: fc.constantFrom('Godkendt.', 'Taget til efterretning.', 'Anbefales.', 'Drøftet.'), weight: decision ? 3 : 1 },
    { arbitrary: fc.array(sentence(ctx), { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), weight: decision ? 4 : 1 },
  ];
  if (ctx.opts.odd) blocks.push({ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 });
  return fc.oneof(...blocks);
}

const SECTION_HEADINGS = [
  'Resumé', 'Resume', 'Sagsresumé', 'Indstilling', 'Beslutning', 'Beslutning Arbejdsmarkedsudvalget den 13-08-2024',
  'Sagsfremstilling', 'Økonomi', 'Bevillingsmæssige konsekvenser', 'Bilag', 'Høring', 'Tidsplan', 'Ukendt afsnit', 'beslutning:', '',
];

function section(ctx: Ctx): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof({ arbitrary: fc.constantFrom(...SECTION_HEADINGS), weight: 6 }, { arbitrary: shortText(ctx), weight: 1 }), fc.option(comment(ctx, plainWords), { freq: 6 }))
    .chain(([heading, c]) =>
      fc.array(block(ctx, /^beslutning/i.test(heading)), { maxLength: 4 }).map((blocks) => [`### ${heading}${c ? ` ${c}` : ''}`, ...blocks].join('\n\n')),
    );
}

const CASE_NUMBERS = ['00.22.00-P35-1-24', '15.20.00-G20-1-18', '23/64938', '24/1502', '00.22.00-P35', 'ukendt', ''];

/** An item: heading, fields, sections; closed by field or title in about one in four. */
function item(ctx: Ctx, n: number): fc.Arbitrary<string> {
  return fc
    .record({
      number: fc.oneof({ arbitrary: fc.constant(String(n)), weight: 8 }, { arbitrary: fc.constantFrom(...(ctx.opts.secrets ? ['1', '1.a', '92', '0', '007'] : ['1', '1.a', '92', '0', '', '007'])), weight: 1 }),
      closed: fc.constantFrom('open', 'open', 'open', 'field', 'title', 'titled'),
      title: shortText(ctx),
      headComment: fc.option(comment(ctx, plainWords), { freq: 6 }),
      caseNumber: fc.option(fc.constantFrom(...CASE_NUMBERS), { freq: 5 }),
      absent: fc.option(names(ctx), { freq: 6 }),
      preamble: fc.option(inline(ctx), { freq: 8 }),
      sections: fc.array(section(ctx), { maxLength: 5 }),
      // Proposals and the decision answering them (one to one, or not quite).
      answered: fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom('right', 'skip', 'swap', 'bullets')), { freq: 2 }),
    })
    .map((it) => {
      const closed = it.closed !== 'open';
      const title = it.closed === 'title' ? 'Lukket' : it.closed === 'titled' ? `Lukket: ${it.title}` : it.title;
      const head = [`## Punkt ${it.number}: ${title}${it.headComment ? ` ${it.headComment}` : ''}`];
      if (it.caseNumber !== null) head.push(`Sagsnr: ${it.caseNumber}`);
      if (it.closed === 'field') head.push('Lukket: ja');
      if (it.absent !== null) head.push(`Fraværende: ${it.absent}`);
      const sections = [...it.sections];
      if (it.answered) {
        const [p, d, style] = it.answered;
        const marker = (i: number) => (style === 'bullets' ? '-' : `${style === 'skip' ? i * 2 + 1 : style === 'swap' && i < 2 ? 2 - i : i + 1}.`);
        sections.push(`### Indstilling\n\nForvaltningen indstiller,\n\n${Array.from({ length: p }, (_, i) => `${i + 1}. at punkt ${i + 1} godkendes.`).join('\n')}`);
        sections.push(`### Beslutning\n\n${d === 0 ? 'Godkendt.' : Array.from({ length: d }, (_, i) => `${marker(i)} Godkendt.`).join('\n')}`);
      }
      const body = [...(it.preamble !== null ? [it.preamble] : []), ...sections].join('\n\n');
      // Every non-blank body line of a closed item carries the mark (headings too).
      const marked = closed && ctx.opts.secrets ? body.replace(/^(.*\S.*)$/gm, `$1 ${SECRET_MARK}`) : body;
      return `${head.join('\n')}\n\n${marked}`;
    });
}

const DATES = ['2024-12-03 16:30', 'Tirsdag d. 03. december 2024 kl. 16:30', 'Mandag d. 03. december 2024 kl. 16:30', '2024-02-30 25:61', '3. dec. 2024', '03-12-2024 kl. 16:30', 'i går'];

/** The meeting header: fields, with the members the items then use. */
function header(ctx: Ctx): fc.Arbitrary<string[]> {
  const field = (name: string, value: fc.Arbitrary<string>) => value.map((v) => `${name}: ${v}`);
  const wrapped = (ms: readonly string[]) => {
    const full = nameList(ms);
    const cut = full.indexOf(', ', full.length / 2);
    return cut < 0 ? full : `${full.slice(0, cut + 1)}\n  ${full.slice(cut + 2)}`;
  };
  return fc
    .tuple(
      fc.option(field('Kommune', fc.constantFrom('Randers Kommune', 'Sønderborg Kommune')), { freq: 3 }),
      fc.option(field('Mødedato', fc.constantFrom(...DATES)), { freq: 4 }),
      fc.option(field('Mødested', shortText(ctx)), { freq: 3 }),
      ctx.members.length ? fc.constant(`Mødedeltagere: ${wrapped(ctx.members)}`) : fc.constant(null),
      fc.option(field('Afbud', names(ctx)), { freq: 3 }),
      fc.option(field('Stedfortrædere', fc.tuple(fc.constantFrom(...STRANGERS), one(ctx)).map(([a, b]) => `${a} for ${b}`)), { freq: 5 }),
      fc.option(field('Formand', one(ctx)), { freq: 4 }),
      fc.option(field('Profil', fc.constantFrom('randers', 'sonderborg', 'ukendt')), { freq: 4 }),
      fc.option(fc.constantFrom('Mødsted: C.2.25', 'Referent: Birgitte Schmidt', 'Udvalg: Beskæftigelsesudvalget'), { freq: 4 }),
      fc.option(comment(ctx, plainWords), { freq: 4 }),
    )
    .map((fields) => fields.filter((f): f is string => f !== null));
}

/**
 * A whole document from the grammar. Shrinks towards no items, few fields, plain text.
 * Line ending LF, CRLF or CR (now and then mixed), sometimes a BOM.
 */
export function referatDocument(opts: DocOptions = {}): fc.Arbitrary<string> {
  return fc.subarray(MEMBERS, { maxLength: 7 }).chain((members) => {
    const ctx: Ctx = { opts, members };
    return fc
      .record({
        kind: fc.constantFrom('REFERAT', 'REFERAT', 'REFERAT', 'DAGSORDEN', 'none', 'Referat'),
        committee: fc.oneof(fc.constantFrom('Beskæftigelsesudvalget d. 03-12-2024', '2022-25: Arbejdsmarkedsudvalget d. 13-08-2024', 'Udvalget'), shortText(ctx)),
        titleComment: fc.option(comment(ctx, plainWords), { freq: 6 }),
        header: header(ctx),
        items: fc.integer({ min: 0, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => item(ctx, i + 1)))),
        eol: fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'),
        bom: fc.constantFrom(false, false, false, true),
        trailing: fc.boolean(),
      })
      .map((d) => {
        const parts: string[] = [];
        if (d.kind !== 'none') parts.push(`# ${d.kind} ${d.committee}${d.titleComment ? ` ${d.titleComment}` : ''}`, '');
        parts.push(...d.header, '');
        for (const it of d.items) parts.push(it, '');
        let text = parts.join('\n').replace(/\n+$/, d.trailing ? '\n' : '');
        if (d.eol === 'mixed') {
          let k = 0;
          text = text.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]!);
        } else if (d.eol !== '\n') text = text.replace(/\n/g, d.eol);
        return (d.bom ? '\uFEFF' : '') + text;
      });
  });
}

// ─── Mutations of real files ────────────────────────────────────────────────

const SPLICES = ['\n## Punkt 9: Indskudt\n', '\n### Beslutning\n', '\n1. at\n', '<!--', '-->', '|', '\n|---|\n', '**', '[', '](', '\n# REFERAT X\n', 'Lukket: ja\n', '\n  ', 'Mødedeltagere: '];

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; line: number; count: number }
  | { op: 'shuffle'; line: number; len: number; seed: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'eol'; line: number; eol: string; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('shuffle' as const), line: fc.nat(), len: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom('\uFEFF', '\u0000', '\ud800', '\udc00', '\udbff\udbff', '\r', '\r\n', '\n', '\t', ...SPLICES), fc.string({ unit: 'binary', maxLength: 8 })),
  }),
  fc.record({ op: fc.constant('eol' as const), line: fc.nat(), eol: fc.constantFrom('\r', '\r\n', '\n', '\n\r'), len: fc.integer({ min: 1, max: 50 }) }),
);

function splitLines(text: string): string[] {
  return text.split(/(?<=\r\n|\r(?!\n)|\n)/);
}

/** Applies one mutation. Byte flips work on the UTF-8 bytes and decode as a file read would. */
export function mutate(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'flip': {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      const i = m.at % bytes.length;
      bytes[i] = bytes[i]! ^ (1 << m.bit);
      return bytes.toString('utf8');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'duplicate': {
      const lines = splitLines(text);
      const i = m.line % lines.length;
      lines.splice(i, 0, ...Array(m.count).fill(lines[i]));
      return lines.join('');
    }
    case 'shuffle': {
      const lines = splitLines(text);
      const i = m.line % lines.length;
      const window = lines.slice(i, i + m.len);
      let s = m.seed;
      for (let k = window.length - 1; k > 0; k--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (k + 1);
        [window[k], window[j]] = [window[j]!, window[k]!];
      }
      lines.splice(i, window.length, ...window);
      return lines.join('');
    }
    case 'eol': {
      const lines = splitLines(text);
      const i = m.line % lines.length;
      for (let k = i; k < Math.min(lines.length, i + m.len); k++) lines[k] = lines[k]!.replace(/(\r\n|\r|\n)$/, m.eol);
      return lines.join('');
    }
  }
}

/** A real file, or a window of its lines (optionally after its first lines, the header). */
function realBase(files: readonly RealFile[]): fc.Arbitrary<string> {
  const whole = fc.constantFrom(...files.map((f) => f.text));
  const window = fc
    .record({ file: fc.integer({ min: 0, max: files.length - 1 }), start: fc.nat(), len: fc.integer({ min: 1, max: 120 }), head: fc.boolean() })
    .map(({ file, start, len, head }) => {
      const lines = splitLines(files[file]!.text);
      const s = start % lines.length;
      return (head && s > 0 ? lines.slice(0, Math.min(s, 25)).join('') : '') + lines.slice(s, s + len).join('');
    });
  return fc.oneof({ arbitrary: window, weight: 9 }, { arbitrary: whole, weight: 1 });
}

/** A real file (seeds, examples, or the given ones) after 1–4 mutations. */
export function mutatedRealFile(files: readonly RealFile[] = REAL_FILES): fc.Arbitrary<string> {
  if (files.length === 0) return referatDocument({ odd: true });
  return fc.tuple(realBase(files), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([base, ms]) => ms.reduce(mutate, base));
}

/**
 * Any input a tool may be handed: grammar documents (some with odd characters and
 * payloads), mutated real files, and arbitrary strings including lone surrogates.
 */
export function anyInput(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: referatDocument(), weight: 3 },
    { arbitrary: referatDocument({ odd: true, payloads: true }), weight: 2 },
    { arbitrary: mutatedRealFile(), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  );
}

/** Whitespace noise: spaces and tabs after markers and at line ends, extra blank lines, indents. */
export function withWhitespaceNoise(doc: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const noise = fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', ' \t ', '\n\n', '\n\n\n', '   \n')), { maxLength: 12 });
  return fc.tuple(doc, noise).map(([text, ns]) => {
    let out = text;
    for (const [at, s] of ns) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + s + out.slice(i);
    }
    return out;
  });
}

/**
 * A mutated real file with secrets put in after the damage, so that they stay secret:
 * whole-line comments, inline comments anywhere (inside links, cells, other comments), and
 * closed items whose body lines carry SECRET_MARK.
 */
/**
 * The end of the comment that holds position `j` (strictly inside it), else `j`. Comments
 * as the lexer reads them: to the next `-->`, or (none) to the end of the line. Secrets go
 * outside comments: comments do not nest, so one inside another would end both early.
 */
function pastComment(text: string, j: number): number {
  for (const m of text.matchAll(/<!--(?:[\s\S]*?-->|[^\r\n]*)/g)) {
    if (m.index >= j) break;
    if (j < m.index + m[0].length) return m.index + m[0].length;
  }
  return j;
}

export function mutatedWithSecrets(): fc.Arbitrary<string> {
  const insertion = fc.tuple(fc.nat(), fc.constantFrom('line-comment', 'inline-comment', 'closed-title', 'closed-field'));
  return fc.tuple(mutatedRealFile(), fc.array(insertion, { minLength: 1, maxLength: 4 })).map(([text, ins]) => {
    // An unterminated `<!--` would be ended by the first `-->` put in after it, and swallow
    // what lies between (a secret item's heading, say): the damaged text loses such openers first.
    let out = text;
    for (let p = out.lastIndexOf('<!--'); p >= 0; p = out.lastIndexOf('<!--', p - 1)) {
      if (out.indexOf('-->', p + 4) < 0) out = `${out.slice(0, p)}<!-${out.slice(p + 4)}`;
      if (p === 0) break;
    }
    for (const [at, kind] of ins) {
      const i = at % (out.length + 1);
      if (kind === 'inline-comment') {
        // Where a writer puts a note: after a space or at the end of a line (a comment inside
        // a word or before a field name on its line is not transparent: `<!-- x -->Lukket: ja` is no field).
        const after = out.slice(i).search(/ |\r|\n|$/);
        let j = i + after + (out[i + after] === ' ' ? 1 : 0);
        // In a heading only at its end, and not between a list marker and its text
        // (`## <!-- x --> Punkt 7:` and `## Punkt <!-- x --> 7:` are no item headings).
        const lineStart = Math.max(out.lastIndexOf('\n', j - 1), out.lastIndexOf('\r', j - 1)) + 1;
        if (/^[ \t]*(#|([-*+•]|\d+[.)])[ \t]*$)/.test(out.slice(lineStart, j))) j = lineStart + out.slice(lineStart).search(/\r|\n|$/);
        j = pastComment(out, j);
        out = `${out.slice(0, j)}<!-- ${SECRET_MARK} -->${out[j] === ' ' ? '' : ' '}${out.slice(j)}`;
        continue;
      }
      // At the start of the line that holds i, or of the first line after the comment that holds it.
      const eol = /\r\n?|\n/.exec(out)?.[0] ?? '\n';
      let lineStart = Math.max(out.lastIndexOf('\n', i - 1), out.lastIndexOf('\r', i - 1)) + 1;
      const end = pastComment(out, lineStart);
      if (end !== lineStart) {
        const next = /\r\n?|\n/.exec(out.slice(end));
        if (next) lineStart = end + next.index + next[0].length;
        else {
          out += eol;
          lineStart = out.length;
        }
      }
      const block =
        kind === 'line-comment'
          ? // The mark only before the first `-->` (this block may land inside another one: comments do not nest).
            [`<!-- ${SECRET_MARK} intern note`, 'slut -->']
          : [kind === 'closed-title' ? '## Punkt 77: Lukket' : '## Punkt 78: Personalesag', 'Sagsnr: 00.01.00-A00-1-24', ...(kind === 'closed-field' ? ['Lukket: ja'] : []), '', `${SECRET_MARK} indstilling om en borger.`, '', `### Beslutning ${SECRET_MARK}`, '', `1. at ${SECRET_MARK} godkendes.`, ''];
      out = `${out.slice(0, lineStart)}${block.join(eol)}${eol}${out.slice(lineStart)}`;
    }
    return out;
  });
}
