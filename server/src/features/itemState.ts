/**
 * The state of an item and of the meeting, as hover, code lens, inlay hints and the
 * status bar show it: decision present, proposals answered, who is away.
 */
import type { ItemModel, Meeting } from '../model/types.js';
import { awayFromItem, departures, type AwayReason } from '../rules/util/attendance.js';
import type { Lang } from '../i18n.js';
import { members } from './people.js';
import type { Analysis } from './common.js';

export interface ItemState {
  readonly item: ItemModel;
  readonly hasDecision: boolean;
  readonly proposals: number;
  /** Proposals answered by the decision (numbered points matched by number, else position). */
  readonly answered: number;
  /** Members away from the item, with the reason, in roster order where known. */
  readonly away: { readonly name: string; readonly reason: AwayReason }[];
}

export function itemStates(a: Analysis): ItemState[] {
  const m = a.meeting;
  const deps = departures(m);
  const roster = members(a);
  return m.items.map((item, index) => {
    const hasDecision = !!item.decisionSection && !item.decisionSection.empty;
    const proposals = item.proposals.length;
    let answered = 0;
    if (item.decisions.length > 0) {
      item.proposals.forEach((p, i) => {
        const hit = p.number !== undefined ? item.decisions.some((d) => d.number === p.number) : i < item.decisions.length;
        if (hit) answered++;
      });
    } else if (hasDecision && proposals > 0) {
      answered = proposals === 1 ? 1 : 0;
    }
    const awayMap = awayFromItem(m, index, deps);
    const away: { name: string; reason: AwayReason }[] = [];
    for (const mem of roster) {
      const r = awayMap.get(mem.key);
      if (r) away.push({ name: mem.name, reason: r });
    }
    // Names not in the roster (no Mødedeltagere): show them as written.
    if (roster.length === 0) {
      const names = new Map<string, string>();
      for (const n of m.afbud) names.set(n.name, n.name);
      for (const a of m.attendance.absentFromMeeting) names.set(a.name.name, a.name.name);
      for (const x of [...m.attendance.absentFromItems, ...m.attendance.inhabilForItems]) names.set(x.name.name, x.name.name);
      for (const n of [...item.attendance.absent, ...item.attendance.inhabil, ...(item.attendance.absentField?.names.names ?? [])]) names.set(n.name, n.name);
      for (const [k] of awayMap) {
        const written = [...names.keys()].find((n) => n.toLowerCase() === k);
        if (written) away.push({ name: written, reason: awayMap.get(k)! });
      }
    }
    return { item, hasDecision, proposals, answered, away };
  });
}

export const REASON: Record<AwayReason, { da: string; en: string }> = {
  afbud: { da: 'afbud', en: 'sent apologies' },
  forfald: { da: 'forfald', en: 'absent (forfald)' },
  absent: { da: 'deltog ikke', en: 'did not take part' },
  inhabil: { da: 'inhabil', en: 'disqualified (inhabil)' },
  left: { da: 'forlod mødet', en: 'left the meeting' },
  substituted: { da: 'stedfortræder mødte', en: 'replaced by a substitute' },
};

export interface MeetingState {
  readonly kind: 'REFERAT' | 'DAGSORDEN';
  readonly committee?: string;
  readonly items: number;
  readonly closed: number;
  readonly decided: number;
  /** Open items of a REFERAT still without a decision. */
  readonly undecided: number;
  readonly errors: number;
  readonly warnings: number;
  /** A one-line summary in the analysis' language. */
  readonly text: string;
}

export function meetingState(a: Analysis): MeetingState {
  const m: Meeting = a.meeting;
  const states = itemStates(a);
  const closed = states.filter((s) => s.item.closed).length;
  const decided = states.filter((s) => s.hasDecision).length;
  const undecided = m.kind === 'REFERAT' ? states.filter((s) => !s.item.closed && !s.hasDecision).length : 0;
  const findings = a.findings();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return { kind: m.kind, committee: m.committee, items: states.length, closed, decided, undecided, errors, warnings, text: summary(a.lang, m.kind, states.length, decided, undecided, closed) };
}

function summary(lang: Lang, kind: string, items: number, decided: number, undecided: number, closed: number): string {
  if (lang === 'da') {
    const base = `${kind === 'DAGSORDEN' ? 'Dagsorden' : 'Referat'}: ${items} punkter`;
    if (kind === 'DAGSORDEN') return `${base}${closed ? `, ${closed} lukket` : ''}`;
    return `${base}, ${decided} besluttet${undecided ? `, ${undecided} mangler beslutning` : ''}${closed ? `, ${closed} lukket` : ''}`;
  }
  const base = `${kind === 'DAGSORDEN' ? 'Agenda' : 'Minutes'}: ${items} items`;
  if (kind === 'DAGSORDEN') return `${base}${closed ? `, ${closed} closed` : ''}`;
  return `${base}, ${decided} decided${undecided ? `, ${undecided} without decision` : ''}${closed ? `, ${closed} closed` : ''}`;
}
