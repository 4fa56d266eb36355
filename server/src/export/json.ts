/**
 * `{ "meeting": {…}, "items": [ … ] }` with each item a record in the portal's shape
 * (seed 002). The sections are HTML wrapped as the portal wraps them:
 * `<div><div id='sagsfremstillingContainer'> <h3>Resumé</h3> <span class='resume'>…</span> … </div></div>`.
 * Attachments (`Bilag`) are listed in `Bilag`, not in the HTML, as in the portal.
 */
import { blocksToHtml, escapeHtml } from './html.js';
import type { DocItem, ExportDocument } from './model.js';
import type { PortalExport, PortalItem } from './portal-schema.js';

function itemHtml(item: DocItem): string {
  const parts: string[] = [];
  if (item.preamble.length) parts.push(`<span>${blocksToHtml(item.preamble, '')}</span>`);
  for (const s of item.sections) {
    if (s.kind === 'bilag') continue;
    const cls = s.portalClass ?? s.kind;
    parts.push(`<h3>${escapeHtml(s.heading)}</h3> <span class='${escapeHtml(cls)}'>${blocksToHtml(s.blocks, '')}</span>`);
  }
  return `<div><div id='sagsfremstillingContainer'> ${parts.join(' ')} </div></div>`;
}

export function toPortalItem(item: DocItem, index: number): PortalItem {
  const html = item.redacted ? undefined : itemHtml(item);
  return {
    Punktnummer: item.number,
    Number: item.number,
    Navn: item.title,
    Caption: item.title,
    SagsNummer: item.caseNumber ?? null,
    CaseNumber: item.caseNumber ?? null,
    IsOpen: !item.closed,
    Sorting: index,
    Felter: html !== undefined && item.sections.some((s) => s.kind !== 'bilag') ? [{ Navn: '', Html: html }] : [],
    Bilag: item.attachments.map((a, i) => (a.href ? { Navn: a.name, Order: i, Link: a.href } : { Navn: a.name, Order: i })),
  };
}

export function toPortalExport(doc: ExportDocument): PortalExport {
  return {
    meeting: {
      title: doc.title,
      kind: doc.kind,
      edition: doc.edition,
      committee: doc.committee ?? null,
      period: doc.period ?? null,
      municipality: doc.municipality ?? null,
      date: doc.isoDate ?? null,
      time: doc.time ?? null,
      dateText: doc.longDate ?? null,
      place: doc.place ?? null,
      participants: [...doc.participants],
      absent: [...doc.absent],
    },
    items: doc.items.map(toPortalItem),
  };
}

export function renderJson(doc: ExportDocument): string {
  return JSON.stringify(toPortalExport(doc), null, 2) + '\n';
}
