/**
 * The publishing portal's item record (FirstAgenda, as in seed 002) → referat markup:
 * as JSON (one record or a list), or in the printed tree form the portal page shows
 * (`• SagsNummer "15.00.00-G01-5-25"`). Section HTML becomes markup (see html.ts).
 */
import { z } from 'zod';
import { BLOCK, htmlTokens, htmlToMarkup } from './html.js';
import { detectProfile, escapeCommentOpen, type ImportResult, type ImportWarning } from './text.js';

const recordSchema = z
  .object({
    Punktnummer: z.union([z.string(), z.number()]).optional(),
    Number: z.union([z.string(), z.number()]).optional(),
    Navn: z.string().nullish(),
    Caption: z.string().nullish(),
    SagsNummer: z.string().nullish(),
    CaseNumber: z.string().nullish(),
    IsOpen: z.boolean().optional(),
    Felter: z.array(z.object({ Navn: z.string().nullish(), Html: z.string().nullish() }).passthrough()).nullish(),
    Bilag: z.array(z.object({ Navn: z.string().nullish(), Order: z.number().nullish() }).passthrough()).nullish(),
  })
  .passthrough();
export type PortalRecord = z.infer<typeof recordSchema>;

/**
 * `<h3>Resumé</h3> …` blocks of a Felter Html: [heading, html][]. The `<h3>` tags are found by
 * the HTML tokenizer (not inside a comment or an attribute); a heading's text is its text with
 * block tags separating words (`a</p><p>b`) and inline tags not (`B<b>v`).
 */
function sections(html: string): [string, string][] {
  const tokens = htmlTokens(html);
  const heads: { title: string; start: number; end: number }[] = [];
  // Whether text comes before the first heading (it becomes a section of its own).
  let textBefore = false;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.kind === 'text' && heads.length === 0 && open.text.trim()) textBefore = true;
    if (open.kind !== 'tag' || open.name !== 'h3' || open.close) continue;
    let title = '';
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.kind === 'text') title += t.text;
      else if (t.name === 'h3') break;
      else if (BLOCK.has(t.name)) title += ' ';
    }
    const close = tokens[j];
    // An <h3> never closed (a truncated record) is no heading: its text stays in the section.
    if (close?.kind !== 'tag' || !close.close) continue;
    heads.push({ title: title.trim(), start: open.start, end: close.end });
    i = j;
  }
  if (heads.length === 0) return html.trim() ? [['', html]] : [];
  const out: [string, string][] = [];
  if (textBefore) out.push(['', html.slice(0, heads[0]!.start)]);
  heads.forEach((h, i) => out.push([h.title, html.slice(h.end, i + 1 < heads.length ? heads[i + 1]!.start : undefined)]));
  return out;
}

/** A value written on one markup line: whitespace (line breaks too) folded, `<!--` escaped. */
function oneLine(value: string): string {
  return escapeCommentOpen(value.replace(/\s+/g, ' ').trim());
}

function itemMarkup(r: PortalRecord, warnings: ImportWarning[], index: number): string {
  // An item number in a heading starts with a digit and holds no space or colon (`12`, `3a`, `4.1`).
  // A portal number the grammar cannot read (`[2`, `A`) gives way to the other number field or the
  // record's place, and is kept in a comment so that no word of the record is lost.
  const readable = (c: string): boolean => /^[0-9][^\s:]*$/.test(c) && !c.includes('<!--');
  const candidates = [r.Punktnummer, r.Number].map((v) => (v === undefined ? '' : oneLine(String(v))));
  const num = candidates.find(readable) ?? String(index + 1);
  const unread = candidates.filter((c) => c && !readable(c));
  const title = oneLine(r.Navn ?? r.Caption ?? '') || '(uden titel)';
  const caseNo = oneLine(r.SagsNummer ?? r.CaseNumber ?? '');
  const out = [`## Punkt ${num}: ${title}`];
  const notes: string[] = [];
  if (unread.length) {
    const shown = [...new Set(unread)].map((c) => `"${c.replace(/--/g, '- -')}"`).join(', ');
    notes.push(`<!-- import: the portal's item number ${shown} is not a number the markup reads; numbered ${num} -->`);
    warnings.push({ line: 0, message: { da: `Punkt ${num}: portalens punktnummer ${shown} kan ikke læses; punktet er nummereret ${num}`, en: `Item ${num}: the portal's item number ${shown} cannot be read; the item is numbered ${num}` } });
  }
  if (caseNo) out.push(`Sagsnr: ${caseNo}`);
  const body: string[] = [...notes];
  for (const f of r.Felter ?? []) {
    const name = oneLine(f.Navn ?? '');
    let named = false;
    for (const [head, html] of sections(f.Html ?? '')) {
      const md = htmlToMarkup(html);
      if (head) body.push(`### ${oneLine(head).replace(/:$/, '')}`);
      else if (name) {
        body.push(`### ${name}`);
        named = true;
      } else if (md) {
        body.push(`<!-- import: text before the first section heading -->`);
        warnings.push({ line: 0, message: { da: `Punkt ${num}: tekst før første afsnitsoverskrift er bevaret med en kommentar`, en: `Item ${num}: text before the first section heading is kept after a comment` } });
      }
      if (md) body.push(md);
      body.push('');
    }
    // A field name that did not become a heading (no text, or sections with their own headings): kept in a comment.
    if (name && !named) body.push(`<!-- import: the field "${name.replace(/--/g, '- -')}" -->`, '');
  }
  const closed = r.IsOpen === false;
  const published = body.some((l) => l.trim() && !l.startsWith('<!-- import:'));
  if (closed && !published) out.push('Lukket: ja');
  else if (closed) {
    // The portal's publishing flag says closed, yet the record carries the published text:
    // keep the item open (nothing is hidden by mistake) and say so.
    out.push('', '<!-- import: the portal record has IsOpen false, but its sections are published; the item is kept open -->');
    warnings.push({ line: 0, message: { da: `Punkt ${num}: IsOpen er false, men afsnittene er offentliggjort; punktet er bevaret som åbent`, en: `Item ${num}: IsOpen is false but the sections are published; the item is kept open` } });
  }
  const attachments = (r.Bilag ?? []).map((b) => oneLine(b.Navn ?? '')).filter(Boolean);
  const bilag = body.findIndex((l) => /^### Bilag\b/.test(l));
  if (bilag < 0) {
    if (attachments.length) body.push('### Bilag', ...attachments.map((a) => `- ${a}`), '');
  } else {
    // The section HTML has its own Bilag section: the attachments it does not name go first in it.
    const text = body.join('\n');
    const missing = attachments.filter((a) => !text.includes(a));
    if (missing.length) body.splice(bilag + 1, 0, ...missing.map((a) => `- ${a}`), '');
  }
  return [...out, '', ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
}

/** Reads the printed tree form of a record (`• Key "value"` lines, nested by indentation). */
export function parsePrintedRecord(text: string): PortalRecord | undefined {
  const lines = text.split(/\r\n?|\n/);
  const topIndent = lines.map((l) => /^(\s*)•\s+SagsNummer\s/.exec(l)?.[1]?.length).find((x) => x !== undefined);
  if (topIndent === undefined) return undefined;
  const value = (raw: string): unknown => {
    const v = raw.trim();
    if (v === 'null') return null;
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^-?\d+$/.test(v)) return Number(v);
    if (v.startsWith('"') && v.endsWith('"')) {
      try {
        return JSON.parse(v);
      } catch {
        return v.slice(1, -1);
      }
    }
    return v;
  };
  const rec: Record<string, unknown> = {};
  const felter: { Navn?: string; Html?: string }[] = [];
  const bilag: { Navn?: string; Order?: number }[] = [];
  let section: 'Felter' | 'Bilag' | undefined;
  let current: Record<string, unknown> | undefined;
  for (const l of lines) {
    const m = /^(\s*)(?:•|\d+\.)\s+(\w+)(?:\s+(.*))?$/.exec(l);
    const num = /^(\s*)\d+\.\s+\d+ items?$/.exec(l);
    if (num) {
      current = {};
      if (section === 'Felter') felter.push(current as { Html?: string });
      else if (section === 'Bilag') bilag.push(current as { Navn?: string });
      continue;
    }
    if (!m) continue;
    const indent = m[1]!.length;
    const key = m[2]!;
    const rest = m[3] ?? '';
    if (indent === topIndent) {
      section = key === 'Felter' ? 'Felter' : key === 'Bilag' ? 'Bilag' : undefined;
      current = undefined;
      if (!section && !/^\d+ items?$/.test(rest)) rec[key] = value(rest);
      continue;
    }
    if (current && indent > topIndent) current[key] = value(rest);
  }
  return recordSchema.parse({ ...rec, Felter: felter, Bilag: bilag });
}

export function importPortal(input: string): ImportResult {
  const warnings: ImportWarning[] = [];
  let records: PortalRecord[];
  const trimmed = input.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const raw: unknown = JSON.parse(trimmed);
    const list = Array.isArray(raw) ? raw : (raw as { items?: unknown[]; Items?: unknown[] }).items ?? (raw as { Items?: unknown[] }).Items ?? [raw];
    records = list.map((x) => recordSchema.parse(x));
  } else {
    const r = parsePrintedRecord(trimmed);
    if (!r) throw new Error('no portal record found (expected JSON or the printed "• SagsNummer …" form)');
    records = [r];
  }
  const all = records.map((r, i) => itemMarkup(r, warnings, i)).join('\n\n');
  const profile = detectProfile(all);
  const markup = [
    '# REFERAT',
    '',
    '<!-- import: a portal record holds items only; write the committee and date in the title and the header (Mødedato, Mødedeltagere) -->',
    `Profil: ${profile}`,
    '',
    all,
  ].join('\n').trimEnd() + '\n';
  warnings.unshift({ line: 0, message: { da: 'Portalens data har ikke mødets titel, dato eller deltagere: udfyld dem i hovedet', en: 'The portal record has no meeting title, date or members: fill them in in the header' } });
  return { markup, warnings, profile };
}
