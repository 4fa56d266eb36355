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
  const lineStart = a.lines.lineStart(position.line);
  const prefix = a.text.slice(lineStart, offset);
  const item = itemAt(a, offset);
  const inHeader = !item;
  const section = item ? sectionAt(item, offset) : undefined;
  const da = a.lang === 'da';
  const replace = (from: number) => rangeOf(a, from, offset);

  // `### ` → sections missing from the item, in house-style order.
  const h = /^(#{2,3})[ \t]*([^#]*)$/.exec(prefix);
  if (h) {
    const from = offset - h[2]!.length;
    if (h[1] === '###' && item) {
      const present = new Set(item.sections.map((s) => s.kind));
      a.config.profile.sections.forEach((def, i) => {
        if (present.has(def.kind)) return;
        let label = def.name;
        if (def.kind === 'beslutning') label = decisionHeadingFor(a.config.profile, a.meeting.committee, a.meeting.date);
        items.push({
          label,
          kind: CK.Module,
          detail: da ? 'Manglende afsnit' : 'Missing section',
          sortText: String(i).padStart(3, '0'),
          textEdit: { range: replace(from), newText: label },
        });
      });
    } else if (h[1] === '##') {
      const nums = a.meeting.items.map((it) => it.numeric).filter((n): n is number => n !== undefined);
      const next = nums.length ? nums.reduce((m, n) => Math.max(m, n)) + 1 : 1;
      items.push({
        label: `Punkt ${next}: `,
        kind: CK.Snippet,
        insertTextFormat: 2,
        sortText: 'a',
        textEdit: { range: replace(from), newText: `Punkt ${next}: \${1:titel}` },
      });
      // The whole item with the house style's sections, in its order.
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
      items.push({
        label: da ? `Punkt ${next} med afsnit (${profile.name})` : `Item ${next} with sections (${profile.name})`,
        kind: CK.Snippet,
        insertTextFormat: 2,
        sortText: 'b',
        filterText: `Punkt ${next}`,
        detail: profile.sections.map((x) => x.name).join(', '),
        textEdit: { range: replace(from), newText: body.join(eol) },
      });
    }
    return result();
  }

  // `Sagsnr: ` → case numbers of the workspace and of this file.
  const sag = /^Sagsnr[ \t]*:[ \t]*(\S*)$/i.exec(prefix);
  if (sag) {
    const from = offset - sag[1]!.length;
    const known = new Set<string>([...(extra.caseNumbers ?? []), ...a.meeting.items.map((it) => it.caseNumber?.text.trim() ?? '')]);
    known.delete('');
    for (const c of [...known].sort()) items.push({ label: c, kind: CK.Value, textEdit: { range: replace(from), newText: c } });
    return result();
  }

  // `Lukket: ` → ja / nej.
  if (/^Lukket[ \t]*:[ \t]*\S*$/i.test(prefix)) {
    for (const v of ['ja', 'nej']) items.push({ label: v, kind: CK.Value });
    return result();
  }

  // Name lists: votes, Afbud, Fraværende, …
  const lead = NAME_LIST_LEAD.exec(prefix);
  if (lead) {
    namesCompletion(a, lead[2]!, offset, items, true);
    return result();
  }

  // Field names at the start of a header or item line.
  const fieldWord = /^([\p{L}]*)$/u.exec(prefix);
  if (fieldWord && (inHeader || (item && !section))) {
    const from = offset - fieldWord[1]!.length;
    const used = new Set((inHeader ? a.parse.ast.fields : item!.node.fields).map((f) => f.name.text.toLowerCase()));
    // The header fields under the house style's labels (the profile's `header`), the item fields as the markup names them.
    const names = inHeader ? HEADER_FIELD_WORDS.map((w) => headerLabel(w.key, a.config.profile)) : ITEM_FIELD_NAMES;
    names.forEach((n, i) => {
      if (used.has(n.toLowerCase())) return;
      items.push({ label: n, kind: CK.Field, sortText: String(i).padStart(3, '0'), textEdit: { range: replace(from), newText: `${n}: ` } });
    });
    if (inHeader && !a.parse.ast.title && position.line === 0) {
      items.push({ label: '# REFERAT', kind: CK.Keyword, textEdit: { range: replace(from), newText: '# REFERAT ' } });
    }
    return result();
  }

  if (item && section?.kind === 'beslutning') {
    // `2. at ` → the answer mirroring proposal 2.
    const num = /^(\d+)([.)])[ \t]+((?:at\b)?[^\r\n]*)$/.exec(prefix);
    if (num) {
      const n = Number(num[1]);
      const p = item.proposals.find((x) => x.number === n) ?? item.proposals[n - 1];
      if (p) {
        const answer = answerPoint(p.text);
        items.push({ label: answer, kind: CK.Value, detail: p.text.slice(0, 80), textEdit: { range: replace(offset - num[3]!.length), newText: answer } });
      }
      return result();
    }
    const word = /^([\p{L}]*)$/u.exec(prefix);
    if (word) {
      const from = offset - word[1]!.length;
      DECISION_PHRASES.forEach((phrase, i) =>
        items.push({ label: phrase, kind: CK.Value, sortText: `a${i}`, textEdit: { range: replace(from), newText: phrase } }),
      );
      if (item.proposals.length > 0) {
        const eol = a.parse.ast.eol;
        const text = item.proposals.map((p, i) => `${p.number ?? i + 1}. ${answerPoint(p.text)}`).join(eol);
        items.push({
          label: da ? `Besvar indstillingerne (${item.proposals.length})` : `Answer the proposals (${item.proposals.length})`,
          kind: CK.Snippet,
          sortText: 'a',
          detail: text.split(eol).join(' / '),
          filterText: word[1] || 'at',
          textEdit: { range: replace(from), newText: text },
        });
      }
    }
    // An attendance sentence under way: member names, then the sentence's end.
    const names = NAME_WORDS.exec(prefix);
    if (names) {
      namesCompletion(a, prefix, offset, items, false);
      const trimmed = prefix.trimEnd();
      const list = trimmed.split(/[ \t]*,[ \t]*|[ \t]+og[ \t]+/).map((s) => normalizeName(s.replace(/\([^)]*\)/, '')));
      const known = new Set(members(a).map((m) => m.key));
      if (prefix.endsWith(' ') && list.length > 0 && list.every((k) => known.has(k))) {
        SENTENCE_TAILS.forEach((tail, i) =>
          items.push({ label: tail, kind: CK.Text, sortText: `b${i}`, textEdit: { range: replace(offset), newText: tail } }),
        );
      }
    }
  }
  return result();
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
