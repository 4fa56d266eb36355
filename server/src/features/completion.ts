/**
 * Completion, by where the cursor is:
 * - after `### ` in an item: the sections still missing, in house-style order;
 * - after `## `: the next `Punkt N: `;
 * - at the start of a header or item line: field names not yet used;
 * - in a name list (`For stemte: `, `Afbud: `, `Fraværende: `, an attendance sentence): member names not yet listed;
 * - at the start of a decision line: standard decision phrases and numbered `at …` answers mirroring the proposals;
 * - after `Sagsnr: `: case numbers used elsewhere in the workspace.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Profile } from '../config/schema.js';
import type { ItemModel } from '../model/types.js';
import { answerPoint, buildDecisionHeading, decisionHeadingPlaceholder, headerLabel, HEADER_FIELD_WORDS, ITEM_FIELD_NAMES } from '../model/vocabulary.js';
import { normalizeName } from '../rules/util/names.js';
import { type Analysis, type CancellationTokenLike, noCancel, rangeOf } from './common.js';
import { members } from './people.js';

export interface CompletionContextExtra {
  /** Case numbers known from other files of the workspace. */
  readonly caseNumbers?: readonly string[];
}

const CK = { Text: 1, Field: 5, Keyword: 14, Snippet: 15, Value: 12, Reference: 18, Module: 9, EnumMember: 20, Folder: 19 } as const;


const DECISION_PHRASES = ['Godkendt.', 'Taget til efterretning.', 'Drøftet.', 'Anbefales.', 'Anbefales over for byrådet.', 'Udsat.'];

const SENTENCE_TAILS = [
  'deltog ikke i sagens behandling.',
  'havde forfald.',
  'var fraværende.',
  'erklærede sig inhabil.',
  'forlod mødet efter punkt ',
  'mødte som stedfortræder for ',
  'begærede sagen i byrådet.',
];

const NAME_LIST_LEAD = /(?:^|[.!?]\s+)(For stemte|Imod stemte|Undlod at stemme|Afbud|Fraværende|Mødedeltagere|Stedfortrædere)\s*:\s*([^.:]*)$/iu;
const NAME_WORDS = /^(?:[\p{Lu}][\p{L}'-]*(?:[ \t]+[\p{Lu}][\p{L}'-]*)*(?:[ \t]*\([^)]*\))?(?:[ \t]*,[ \t]*|[ \t]+og[ \t]+))*([\p{L}'-]*(?:[ \t]+[\p{L}'-]*)*)$/u;

function itemAt(a: Analysis, offset: number): ItemModel | undefined {
  let found: ItemModel | undefined;
  for (const item of a.meeting.items) if (item.node.range.start.offset <= offset) found = item;
  return found;
}

function sectionAt(item: ItemModel, offset: number) {
  let found: ItemModel['sections'][number] | undefined;
  for (const s of item.sections) if (s.node.range.start.offset <= offset) found = s;
  return found;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Where completion was asked, and the list it fills. */
interface Ctx {
  readonly a: Analysis;
  readonly position: lsp.Position;
  readonly offset: number;
  /** The line up to the cursor. */
  readonly prefix: string;
  readonly item?: ItemModel;
  readonly section?: ItemModel['sections'][number];
  readonly da: boolean;
  readonly items: lsp.CompletionItem[];
  replace(from: number): lsp.Range;
}

export function provideCompletion(
  a: Analysis,
  position: lsp.Position,
  extra: CompletionContextExtra = {},
  token: CancellationTokenLike = noCancel,
): lsp.CompletionList {
  const items: lsp.CompletionItem[] = [];
  const result = (): lsp.CompletionList => ({ isIncomplete: false, items });
  if (token.isCancellationRequested) return result();
  const offset = a.lines.offsetAt(position.line, position.character);
  const item = itemAt(a, offset);
  const ctx: Ctx = {
    a,
    position,
    offset,
    prefix: a.text.slice(a.lines.lineStart(position.line), offset),
    item,
    section: item ? sectionAt(item, offset) : undefined,
    da: a.lang === 'da',
    items,
    replace: (from) => rangeOf(a, from, offset),
  };
  // The first kind of place that matches the line answers; a decision's text last.
  const steps = [headingCompletion, (c: Ctx) => caseNumberCompletion(c, extra), closedCompletion, nameListCompletion, fieldCompletion];
  if (steps.some((step) => step(ctx))) return result();
  if (ctx.item && ctx.section?.kind === 'beslutning') decisionCompletion(ctx, ctx.item);
  return result();
}

/** `### ` → sections missing from the item, in house-style order; `## ` → the next item. */
function headingCompletion(c: Ctx): boolean {
  const { a, item, offset } = c;
  const h = /^(#{2,3})[ \t]*([^#]*)$/.exec(c.prefix);
  if (!h) return false;
  const from = offset - h[2]!.length;
  if (h[1] === '###' && item) {
    const present = new Set(item.sections.map((s) => s.kind));
    a.config.profile.sections.forEach((def, i) => {
      if (present.has(def.kind)) return;
      let label = def.name;
      if (def.kind === 'beslutning') label = decisionHeadingFor(a.config.profile, a.meeting.committee, a.meeting.date);
      c.items.push({
        label,
        kind: CK.Module,
        detail: c.da ? 'Manglende afsnit' : 'Missing section',
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: c.replace(from), newText: label },
      });
    });
  } else if (h[1] === '##') nextItemCompletion(c, from);
  return true;
}

/** The next item's heading, and the whole item with the house style's sections in its order. */
function nextItemCompletion(c: Ctx, from: number): void {
  const { a } = c;
  const nums = a.meeting.items.map((it) => it.numeric).filter((n): n is number => n !== undefined);
  const next = nums.length ? nums.reduce((m, n) => Math.max(m, n)) + 1 : 1;
  c.items.push({
    label: `Punkt ${next}: `,
    kind: CK.Snippet,
    insertTextFormat: 2,
    sortText: 'a',
    textEdit: { range: c.replace(from), newText: `Punkt ${next}: \${1:titel}` },
  });
  const eol = a.parse.ast.eol;
  const profile = a.config.profile;
  let tab = 2;
  const body: string[] = [`Punkt ${next}: \${1:titel}`, `Sagsnr: \${${tab++}}`];
  for (const def of profile.sections) {
    let heading = def.name;
    if (def.kind === 'beslutning') heading = decisionHeadingFor(profile, a.meeting.committee, a.meeting.date);
    const placeholder = def.kind === 'indstilling' ? `1. at \${${tab++}:…}.` : def.kind === 'beslutning' ? `\${${tab++}:Godkendt.}` : `\${${tab++}}`;
    body.push('', `### ${heading}`, '', placeholder);
  }
  c.items.push({
    label: c.da ? `Punkt ${next} med afsnit (${profile.name})` : `Item ${next} with sections (${profile.name})`,
    kind: CK.Snippet,
    insertTextFormat: 2,
    sortText: 'b',
    filterText: `Punkt ${next}`,
    detail: profile.sections.map((x) => x.name).join(', '),
    textEdit: { range: c.replace(from), newText: body.join(eol) },
  });
}

/** `Sagsnr: ` → case numbers of the workspace and of this file. */
function caseNumberCompletion(c: Ctx, extra: CompletionContextExtra): boolean {
  const sag = /^Sagsnr[ \t]*:[ \t]*(\S*)$/i.exec(c.prefix);
  if (!sag) return false;
  const from = c.offset - sag[1]!.length;
  const known = new Set<string>([...(extra.caseNumbers ?? []), ...c.a.meeting.items.map((it) => it.caseNumber?.text.trim() ?? '')]);
  known.delete('');
  for (const n of [...known].sort()) c.items.push({ label: n, kind: CK.Value, textEdit: { range: c.replace(from), newText: n } });
  return true;
}

/** `Lukket: ` → ja / nej. */
function closedCompletion(c: Ctx): boolean {
  if (!/^Lukket[ \t]*:[ \t]*\S*$/i.test(c.prefix)) return false;
  for (const v of ['ja', 'nej']) c.items.push({ label: v, kind: CK.Value });
  return true;
}

/** Name lists: votes, Afbud, Fraværende, … */
function nameListCompletion(c: Ctx): boolean {
  const lead = NAME_LIST_LEAD.exec(c.prefix);
  if (!lead) return false;
  namesCompletion(c.a, lead[2]!, c.offset, c.items, true);
  return true;
}

/** Field names at the start of a header or item line. */
function fieldCompletion(c: Ctx): boolean {
  const { a, item } = c;
  const inHeader = !item;
  const fieldWord = /^([\p{L}]*)$/u.exec(c.prefix);
  if (!fieldWord || !(inHeader || (item && !c.section))) return false;
  const from = c.offset - fieldWord[1]!.length;
  const used = new Set((inHeader ? a.parse.ast.fields : item!.node.fields).map((f) => f.name.text.toLowerCase()));
  // The header fields under the house style's labels (the profile's `header`), the item fields as the markup names them.
  const names = inHeader ? HEADER_FIELD_WORDS.map((w) => headerLabel(w.key, a.config.profile)) : ITEM_FIELD_NAMES;
  names.forEach((n, i) => {
    if (used.has(n.toLowerCase())) return;
    c.items.push({ label: n, kind: CK.Field, sortText: String(i).padStart(3, '0'), textEdit: { range: c.replace(from), newText: `${n}: ` } });
  });
  if (inHeader && !a.parse.ast.title && c.position.line === 0) {
    c.items.push({ label: '# REFERAT', kind: CK.Keyword, textEdit: { range: c.replace(from), newText: '# REFERAT ' } });
  }
  return true;
}

/** In a decision: the answer mirroring a proposal, decision phrases, an attendance sentence under way. */
function decisionCompletion(c: Ctx, item: ItemModel): void {
  const { a, prefix, offset } = c;
  // `2. at ` → the answer mirroring proposal 2.
  const num = /^(\d+)([.)])[ \t]+((?:at\b)?[^\r\n]*)$/.exec(prefix);
  if (num) {
    const n = Number(num[1]);
    const p = item.proposals.find((x) => x.number === n) ?? item.proposals[n - 1];
    if (p) {
      const answer = answerPoint(p.text);
      c.items.push({ label: answer, kind: CK.Value, detail: p.text.slice(0, 80), textEdit: { range: c.replace(offset - num[3]!.length), newText: answer } });
    }
    return;
  }
  const word = /^([\p{L}]*)$/u.exec(prefix);
  if (word) {
    const from = offset - word[1]!.length;
    DECISION_PHRASES.forEach((phrase, i) => c.items.push({ label: phrase, kind: CK.Value, sortText: `a${i}`, textEdit: { range: c.replace(from), newText: phrase } }));
    if (item.proposals.length > 0) {
      const eol = a.parse.ast.eol;
      const text = item.proposals.map((p, i) => `${p.number ?? i + 1}. ${answerPoint(p.text)}`).join(eol);
      c.items.push({
        label: c.da ? `Besvar indstillingerne (${item.proposals.length})` : `Answer the proposals (${item.proposals.length})`,
        kind: CK.Snippet,
        sortText: 'a',
        detail: text.split(eol).join(' / '),
        filterText: word[1] || 'at',
        textEdit: { range: c.replace(from), newText: text },
      });
    }
  }
  // An attendance sentence under way: member names, then the sentence's end.
  if (NAME_WORDS.exec(prefix)) {
    namesCompletion(a, prefix, offset, c.items, false);
    const list = prefix.trimEnd().split(/[ \t]*,[ \t]*|[ \t]+og[ \t]+/).map((s) => normalizeName(s.replace(/\([^)]*\)/, '')));
    const known = new Set(members(a).map((m) => m.key));
    if (prefix.endsWith(' ') && list.length > 0 && list.every((k) => known.has(k))) {
      SENTENCE_TAILS.forEach((tail, i) => c.items.push({ label: tail, kind: CK.Text, sortText: `b${i}`, textEdit: { range: c.replace(offset), newText: tail } }));
    }
  }
}

function namesCompletion(a: Analysis, listText: string, offset: number, items: lsp.CompletionItem[], afterLead: boolean) {
  // The part after the last separator is what is being typed.
  const m = /(?:^|,[ \t]*|[ \t]+og[ \t]+)([^,]*)$/u.exec(listText);
  let partial = m ? m[1]! : listText;
  if (/[ \t]+og[ \t]*$/.test(listText) || /,[ \t]*$/.test(listText)) partial = '';
  partial = partial.replace(/^[ \t]+/, '');
  const before = listText.slice(0, listText.length - partial.length);
  const listed = new Set(
    before
      .split(/[ \t]*,[ \t]*|[ \t]+og[ \t]+/)
      .map((s) => normalizeName(s.replace(/\([^)]*\)/, '')))
      .filter(Boolean),
  );
  const from = offset - partial.length;
  const range = rangeOf(a, from, offset);
  members(a).forEach((mem, i) => {
    if (listed.has(mem.key)) return;
    if (!afterLead && partial && !mem.name.toLowerCase().startsWith(partial.toLowerCase().trim())) return;
    items.push({ label: mem.name, kind: CK.Reference, sortText: `m${String(i).padStart(3, '0')}`, filterText: mem.name, textEdit: { range, newText: mem.name } });
  });
}

/** The decision heading to complete: the house style's, with this meeting's committee and date (a placeholder date when it has none). */
function decisionHeadingFor(profile: Profile, committee: string | undefined, date: { year: number; month: number; day: number } | undefined): string {
  return date ? buildDecisionHeading(profile, committee, date) : decisionHeadingPlaceholder(profile, committee);
}
