/**
 * What formatting must keep, as checks shared by the formatting tests (test/lsp) and the
 * formatting property (test/fuzz): every edit changes whitespace only, or a list number,
 * or the dashes of a table delimiter row; formatting twice gives the text of formatting
 * once; the structure the tools read (title, fields, items, sections, proposals, decisions,
 * attendance sentences, members) is the same before and after.
 */
import { expect } from 'vitest';
import { formatEdits, formatText } from '../../server/src/features/formatting.js';
import { analysisOf } from './helpers.js';

export function structure(text: string) {
  const a = analysisOf(text);
  return {
    title: a.parse.ast.title?.kind,
    fields: a.parse.ast.fields.map((f) => f.name.text),
    items: a.meeting.items.map((i) => ({
      number: i.number,
      fields: i.node.fields.map((f) => f.name.text),
      sections: i.sections.map((s) => s.kind),
      proposals: i.proposals.length,
      decisions: i.decisions.length,
      sentences: i.attendance.sentences.map((s) => `${s.kind}:${s.names.names.map((n) => n.name).join('/')}`),
    })),
    members: a.meeting.members?.map((m) => m.name),
  };
}

/** Checks every edit: whitespace only, or a list number, or a table delimiter row. */
export function checkEdits(text: string): void {
  const a = analysisOf(text);
  for (const e of formatEdits(a)) {
    const before = text.slice(e.start, e.end);
    const nonWs = (s: string) => s.replace(/\s+/g, '');
    if (nonWs(before) === nonWs(e.newText)) continue;
    if (/^\d+$/.test(before) && /^\d+$/.test(e.newText)) continue;
    if (/^[\s|:-]+$/.test(before) && /^[\s|:-]+$/.test(e.newText) && nonWs(before).replace(/-+/g, '-') === nonWs(e.newText).replace(/-+/g, '-')) continue;
    throw new Error(`formatting changed content: ${JSON.stringify(before)} → ${JSON.stringify(e.newText)}`);
  }
}

/** All of the above on one text. */
export function checkFormatting(text: string): void {
  checkEdits(text);
  const once = formatText(analysisOf(text));
  const twice = formatText(analysisOf(once));
  expect(twice).toBe(once);
  expect(structure(once)).toEqual(structure(text));
}
