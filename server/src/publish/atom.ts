/**
 * An Atom 1.0 feed (RFC 4287) of the newest meetings: one entry per meeting with a link to
 * its page and its PDF, and the item headings as the summary. Dates come from the meetings
 * (in Danish time, with that day's offset), so the feed is the same
 * for the same minutes.
 */
import { itemHeading } from '../export/model.js';
import { escapeXml } from '../export/akn.js';
import { meetingDateTime, type Corpus, type PublishedMeeting } from '../export/corpus.js';

export const FEED_FILE = 'feed.atom';

const when = (m: PublishedMeeting) => meetingDateTime(m) ?? '1970-01-01T00:00:00Z';

export function renderAtom(corpus: Corpus, site: { baseUrl: string; title: string; meetingUrl: (slug: string) => string; pdfUrl: (slug: string) => string }, limit = 50): string {
  const abs = (rel: string) => new URL(rel, site.baseUrl).href;
  const meetings = corpus.meetings.slice(0, limit);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">');
  out.push(`  <title>${escapeXml(site.title)}</title>`);
  out.push(`  <subtitle>De nyeste referater${corpus.edition === 'internal' ? ' (intern udgave – må ikke offentliggøres)' : ''}</subtitle>`);
  out.push(`  <id>${escapeXml(abs(FEED_FILE))}</id>`);
  out.push(`  <link rel="self" type="application/atom+xml" href="${escapeXml(abs(FEED_FILE))}"/>`);
  out.push(`  <link rel="alternate" type="text/html" href="${escapeXml(abs('index.html'))}"/>`);
  out.push(`  <updated>${meetings[0] ? when(meetings[0]) : '1970-01-01T00:00:00Z'}</updated>`);
  out.push(`  <author><name>${escapeXml(corpus.bodies.map((b) => b.name).join(', ') || site.title)}</name></author>`);
  out.push('  <generator>Referat</generator>');
  for (const m of meetings) {
    out.push('  <entry>');
    out.push(`    <title>${escapeXml(m.doc.title)}</title>`);
    out.push(`    <id>${escapeXml(abs(site.meetingUrl(m.slug)))}</id>`);
    out.push(`    <link rel="alternate" type="text/html" href="${escapeXml(abs(site.meetingUrl(m.slug)))}"/>`);
    out.push(`    <link rel="enclosure" type="application/pdf" href="${escapeXml(abs(site.pdfUrl(m.slug)))}"/>`);
    out.push(`    <updated>${when(m)}</updated>`);
    out.push(`    <author><name>${escapeXml(m.committee.name)}</name></author>`);
    out.push(`    <category term="${escapeXml(m.committee.slug)}" label="${escapeXml(m.committee.name)}"/>`);
    out.push(`    <summary type="text">${escapeXml(m.doc.items.map(itemHeading).join('\n'))}</summary>`);
    out.push('  </entry>');
  }
  out.push('</feed>');
  return out.join('\n') + '\n';
}
