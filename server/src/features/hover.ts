/**
 * Hover: on a member, their attendance through the meeting; on an item heading, its
 * state; on a case number, what its parts mean.
 */
import type * as lsp from 'vscode-languageserver-types';
import { normalizeName } from '../rules/util/names.js';
import { type Analysis, type CancellationTokenLike, contains, noCancel, rangeOf, toRange } from './common.js';
import { REASON, itemStates } from './itemState.js';
import { members, personAt } from './people.js';

export function provideHover(a: Analysis, position: lsp.Position, token: CancellationTokenLike = noCancel): lsp.Hover | undefined {
  const offset = a.lines.offsetAt(position.line, position.character);
  if (token.isCancellationRequested) return undefined;
  const person = personAt(a, offset);
  if (person) return { contents: { kind: 'markdown', value: memberHover(a, person.key, person.name) }, range: rangeOf(a, person.start, person.end) };
  for (const item of a.meeting.items) {
    if (contains(item.node.heading.range, offset)) {
      return { contents: { kind: 'markdown', value: itemHover(a, item.index) }, range: toRange(item.node.heading.range) };
    }
    const cn = item.caseNumber;
    if (cn && contains(cn.range, offset)) {
      const text = caseNumberHover(a, cn.text.trim());
      if (text) return { contents: { kind: 'markdown', value: text }, range: toRange(cn.range) };
    }
  }
  return undefined;
}

function memberHover(a: Analysis, key: string, name: string): string {
  const da = a.lang === 'da';
  const m = a.meeting;
  const isMember = m.members?.some((x) => normalizeName(x.name) === key);
  const lines: string[] = [`**${name}**${isMember === false ? (da ? ' — ikke blandt mødedeltagerne' : ' — not among the members') : ''}`, ''];
  const states = itemStates(a);
  // A substitute in any form of spec §6.1 (`Som suppleant deltog …`, `Stedfortrædere: …`).
  const substitute = members(a).some((x) => x.key === key && x.substitute);
  const rows: string[] = [];
  for (const s of states) {
    const away = s.away.find((x) => normalizeName(x.name) === key);
    const votes = s.item.attendance.votes.filter((v) => v.sentence.names.names.some((n) => normalizeName(n.name) === key));
    const guest = s.item.attendance.guests.some((n) => normalizeName(n.name) === key);
    const voteText = votes
      .map((v) => (da ? { for: 'stemte for', against: 'stemte imod', abstain: 'undlod at stemme' } : { for: 'voted for', against: 'voted against', abstain: 'abstained' })[v.kind])
      .join(', ');
    const present = substitute ? (da ? 'til stede (stedfortræder)' : 'present (substitute)') : da ? 'til stede' : 'present';
    const state = away ? REASON[away.reason][a.lang] : guest ? (da ? 'gæst' : 'guest') : present;
    rows.push(`| ${s.item.number} | ${escapeCell(s.item.title)} | ${state}${voteText ? `; ${voteText}` : ''} |`);
  }
  if (rows.length) {
    lines.push(da ? '| Punkt | Titel | Fremmøde |' : '| Item | Title | Attendance |', '|---|---|---|', ...rows);
  }
  return lines.join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').slice(0, 60);
}

function itemHover(a: Analysis, index: number): string {
  const da = a.lang === 'da';
  const s = itemStates(a)[index]!;
  const item = s.item;
  const out: string[] = [`**Punkt ${item.number}: ${item.title}**`, ''];
  if (item.closed) out.push(da ? '🔒 Lukket punkt: offentliggøres kun med overskrift og sagsnummer.' : '🔒 Closed item: published with heading and case number only.');
  if (item.caseNumber) out.push(`${da ? 'Sagsnr.' : 'Case number'}: \`${item.caseNumber.text.trim()}\``);
  if (a.meeting.kind === 'REFERAT') {
    out.push(s.hasDecision ? (da ? '✓ Beslutning foreligger' : '✓ Decision present') : da ? '✗ Ingen beslutning' : '✗ No decision');
  }
  if (s.proposals > 0) out.push(da ? `Indstillinger besvaret: ${s.answered} af ${s.proposals}` : `Proposals answered: ${s.answered} of ${s.proposals}`);
  if (s.away.length) {
    out.push(`${da ? 'Fraværende' : 'Absent'}: ${s.away.map((x) => `${x.name} (${REASON[x.reason][a.lang]})`).join(', ')}`);
  }
  const votes = item.attendance.votes;
  if (votes.length) {
    const word = da ? { for: 'For', against: 'Imod', abstain: 'Undlod' } : { for: 'For', against: 'Against', abstain: 'Abstained' };
    out.push(votes.map((v) => `${word[v.kind]}: ${v.sentence.names.names.length}`).join(' · '));
  }
  return out.join('  \n');
}

const KLE = /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ]\d{2})-(\d+)-(\d{2})$/;
const SHORT = /^(\d{2})\/(\d+)$/;

export function caseNumberHover(a: Pick<Analysis, 'lang'>, text: string): string | undefined {
  const da = a.lang === 'da';
  const k = KLE.exec(text);
  if (k) {
    const [, main, group, topic, facet, serial, year] = k;
    return [
      `**${da ? 'KLE-sagsnummer' : 'KLE case number'}** \`${text}\``,
      '',
      `- \`${main}\` ${da ? 'hovedgruppe' : 'main group'}`,
      `- \`${main}.${group}\` ${da ? 'gruppe' : 'group'}`,
      `- \`${main}.${group}.${topic}\` ${da ? 'emne' : 'subject'}`,
      `- \`${facet}\` ${da ? 'handlingsfacet (sagens type)' : 'action facet (the kind of case)'}`,
      `- \`${serial}\` ${da ? 'løbenummer' : 'serial number'}`,
      `- \`${year}\` ${da ? 'år' : 'year'} 20${year}`,
    ].join('\n');
  }
  const s = SHORT.exec(text);
  if (s) {
    return `**${da ? 'Sagsnummer' : 'Case number'}** \`${text}\`\n\n- \`${s[1]}\` ${da ? 'år' : 'year'} 20${s[1]}\n- \`${s[2]}\` ${da ? 'løbenummer' : 'serial number'}`;
  }
  return undefined;
}
