/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML): one `debate` document per meeting.
 *
 * - `meta/identification`: FRBR Work, Expression (Danish) and Manifestation (this XML);
 * - `meta/analysis/parliamentary`: every vote as `voting` with a `count` per side, pointing
 *   at the item's `debateSection`;
 * - `meta/references`: the committee and the kommune (TLCOrganization), every person named
 *   (TLCPerson), the sides of a vote (TLCConcept);
 * - `preface`: title and the header fields;
 * - `debateBody`: a `rollCall` with the members present and absent, then a `debateSection`
 *   per item with a `debateSection` per section (the decision is one of them). A closed item
 *   of the public edition has its number, heading and case number only: the export document
 *   it is drawn from holds nothing else.
 */
import type { DocBlock, DocList, InlineNode } from './model.js';
import { attendanceOf, buildCorpus, type CorpusInput, type PublishedMeeting } from './corpus.js';
import { slugify } from './fold.js';

export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Escapes text for XML content and double-quoted attributes; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

const SAFE_HREF = /^(https?:|mailto:|[^:]*$)/i;

function inline(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += escapeXml(n.text);
    else if (n.type === 'strong') out += `<b>${inline(n.children)}</b>`;
    else if (n.type === 'emphasis') out += `<i>${inline(n.children)}</i>`;
    else out += SAFE_HREF.test(n.href) ? `<a href="${escapeXml(n.href)}">${inline(n.children)}</a>` : inline(n.children);
  }
  return out;
}

function list(l: DocList, ind: string): string {
  const tag = l.ordered ? 'ol' : 'ul';
  const items = l.items.map((li) => `${ind}  <li${li.number !== undefined ? ` value="${li.number}"` : ''}>${inline(li.content)}${li.children.length ? `\n${li.children.map((c) => list(c, ind + '    ')).join('\n')}\n${ind}  ` : ''}</li>`);
  return `${ind}<${tag}>\n${items.join('\n')}\n${ind}</${tag}>`;
}

function blocks(bs: readonly DocBlock[], ind: string): string[] {
  return bs.map((b) => {
    switch (b.type) {
      case 'paragraph':
        return `${ind}<p>${inline(b.content)}</p>`;
      case 'heading':
        return `${ind}<p class="h${b.level}"><b>${inline(b.content)}</b></p>`;
      case 'list':
        return list(b, ind);
      case 'table': {
        const row = (cells: readonly (readonly InlineNode[])[], tag: 'th' | 'td') => `${ind}  <tr>${cells.map((c) => `<${tag}><p>${inline(c)}</p></${tag}>`).join('')}</tr>`;
        const rows = [...(b.header ? [row(b.header, 'th')] : []), ...b.rows.map((r) => row(r, 'td'))];
        return rows.length ? `${ind}<table>\n${rows.join('\n')}\n${ind}</table>` : '';
      }
    }
  }).filter(Boolean);
}

const VOTE_CONCEPT = { for: ['for', 'For'], against: ['imod', 'Imod'], abstain: ['undlod', 'Undlod at stemme'] } as const;

export interface AknOptions {
  /** The Manifestation's generation date (ISO date); defaults to the meeting date. */
  readonly generated?: string;
}

/** What the parts of a `debate` share: the meeting, its FRBR names and the people's ids. */
interface AknCtx {
  readonly m: PublishedMeeting;
  readonly date: string;
  readonly work: string;
  readonly expr: string;
  readonly people: Map<string, string>;
  personId(name: string): string;
}

const COUNTRY = 'dk';
const COMMITTEE_ID = 'udvalg';

/** One meeting as an Akoma Ntoso 3.0 `debate`. */
export function renderAkn(m: PublishedMeeting, options: AknOptions = {}): string {
  const date = m.isoDate ?? '0001-01-01';
  const work = `/akn/${COUNTRY}-${slugify(m.body.name)}/debate/${date}/${slugify(m.committee.name)}`;
  const people = new Map<string, string>();
  const personId = (name: string) => {
    let id = people.get(name);
    if (!id) {
      id = `person_${slugify(name)}`;
      while ([...people.values()].includes(id)) id += '_';
      people.set(name, id);
    }
    return id;
  };
  for (const mem of m.members) personId(mem.name);
  for (const a of m.afbud) personId(a);
  for (const it of m.items) for (const v of it.votes) for (const n of v.names) personId(n);
  const ctx: AknCtx = { m, date, work, expr: `${work}/dan@`, people, personId };
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<akomaNtoso xmlns="${AKN_NS}">`);
  out.push(`  <debate name="referat"${m.doc.edition === 'internal' ? ' contains="originalVersion"' : ''}>`);
  out.push('    <meta>');
  out.push(...identification(ctx, options), ...analysis(ctx), ...references(ctx));
  out.push('    </meta>');
  out.push(...preface(ctx), ...debateBody(ctx));
  out.push('  </debate>');
  out.push('</akomaNtoso>');
  return out.join('\n') + '\n';
}

/** FRBR identification: the Work (the meeting), its Danish Expression, this file. */
function identification({ date, work, expr }: AknCtx, options: AknOptions): string[] {
  return [
    '      <identification source="#referat">',
    '        <FRBRWork>',
    `          <FRBRthis value="${escapeXml(work)}/!main"/>`,
    `          <FRBRuri value="${escapeXml(work)}"/>`,
    `          <FRBRdate date="${date}" name="moede"/>`,
    `          <FRBRauthor href="#${COMMITTEE_ID}"/>`,
    `          <FRBRcountry value="${COUNTRY}"/>`,
    '        </FRBRWork>',
    '        <FRBRExpression>',
    `          <FRBRthis value="${escapeXml(expr)}/!main"/>`,
    `          <FRBRuri value="${escapeXml(expr)}"/>`,
    `          <FRBRdate date="${date}" name="moede"/>`,
    `          <FRBRauthor href="#${COMMITTEE_ID}"/>`,
    '          <FRBRlanguage language="dan"/>',
    '        </FRBRExpression>',
    '        <FRBRManifestation>',
    `          <FRBRthis value="${escapeXml(expr)}/!main.xml"/>`,
    `          <FRBRuri value="${escapeXml(expr)}.akn"/>`,
    `          <FRBRdate date="${options.generated ?? date}" name="generering"/>`,
    '          <FRBRauthor href="#referat"/>',
    '        </FRBRManifestation>',
    '      </identification>',
  ];
}

/** The votes: one `voting` per item, a count for each side naming who voted so. */
function analysis({ m, personId }: AknCtx): string[] {
  const votings: string[] = [];
  for (const it of m.items) {
    if (!it.votes.length) continue;
    const id = `voting_${it.doc.anchor}`;
    const counts = it.votes.map((v, j) => {
      const [concept] = VOTE_CONCEPT[v.kind];
      const who = v.names.map((n) => `#${personId(n)}`).join(' ');
      return `<count eId="${escapeXml(id)}_${j + 1}" value="${v.count}" refersTo="#${concept}${who ? ` ${escapeXml(who)}` : ''}"/>`;
    });
    votings.push(`          <voting eId="${escapeXml(id)}" href="#dbsect_${escapeXml(it.doc.anchor)}">${counts.join('')}</voting>`);
  }
  if (!votings.length) return [];
  return ['      <analysis source="#referat">', '        <parliamentary>', ...votings, '        </parliamentary>', '      </analysis>'];
}

/** The people, organisations, vote concepts and roles the document refers to. */
function references({ m, people }: AknCtx): string[] {
  const kommune = escapeXml(slugify(m.body.name));
  const out = [
    '      <references source="#referat">',
    '        <TLCOrganization eId="referat" href="/ontology/organization/referat" showAs="Referat"/>',
    `        <TLCOrganization eId="kommune" href="/ontology/organization/${COUNTRY}/${kommune}" showAs="${escapeXml(m.body.name)}"/>`,
    `        <TLCOrganization eId="${COMMITTEE_ID}" href="/ontology/organization/${COUNTRY}/${kommune}/${escapeXml(slugify(m.committee.name))}" showAs="${escapeXml(m.committee.name)}"/>`,
  ];
  for (const [name, id] of people) out.push(`        <TLCPerson eId="${escapeXml(id)}" href="/ontology/person/${COUNTRY}/${escapeXml(slugify(name))}" showAs="${escapeXml(name)}"/>`);
  for (const [, [id, label]] of Object.entries(VOTE_CONCEPT)) out.push(`        <TLCConcept eId="${id}" href="/ontology/concept/vote/${id}" showAs="${label}"/>`);
  out.push('        <TLCRole eId="medlem" href="/ontology/role/medlem" showAs="Medlem"/>');
  out.push('        <TLCRole eId="stedfortraeder" href="/ontology/role/stedfortraeder" showAs="Stedfortræder"/>');
  out.push('      </references>');
  return out;
}

function preface({ m }: AknCtx): string[] {
  const doc = m.doc;
  return [
    '    <preface>',
    `      <p><docTitle>${escapeXml(doc.title)}</docTitle></p>`,
    ...(doc.edition === 'internal' ? ['      <p><b>Intern udgave – indeholder lukkede punkter og må ikke offentliggøres.</b></p>'] : []),
    ...doc.header.map((h) => `      <p>${escapeXml(h.label)}: ${escapeXml(h.value)}</p>`),
    '    </preface>',
  ];
}

/** The roll call, then a `debateSection` per item with a `debateSection` per section. */
function debateBody({ m, personId }: AknCtx): string[] {
  const out: string[] = ['    <debateBody>'];
  const person = (name: string) => {
    const role = m.members.find((x) => x.name === name)?.substitute ? 'stedfortraeder' : 'medlem';
    return `<person refersTo="#${escapeXml(personId(name))}" as="#${role}">${escapeXml(name)}</person>`;
  };
  const present = m.members.filter((x) => attendanceOf(m, x.name) !== 'absent').map((x) => x.name);
  out.push('      <rollCall eId="rollCall">');
  out.push('        <heading>Mødedeltagere</heading>');
  out.push(`        <p>Til stede: ${present.length ? present.map(person).join(', ') : '–'}</p>`);
  out.push(`        <p>Afbud: ${m.afbud.length ? m.afbud.map(person).join(', ') : '–'}</p>`);
  out.push('      </rollCall>');
  for (const it of m.items) {
    const d = it.doc;
    const sect = `dbsect_${d.anchor}`;
    out.push(`      <debateSection name="punkt" eId="${escapeXml(sect)}">`);
    out.push(`        <num>${escapeXml(d.number)}</num>`);
    out.push(`        <heading>${escapeXml(d.title)}</heading>`);
    if (d.caseNumber) out.push(`        <p>Sagsnr: ${escapeXml(d.caseNumber)}</p>`);
    if (d.closed) out.push('        <p>Lukket punkt.</p>');
    out.push(...blocks(d.preamble, '        '));
    if (it.absent.length) out.push(`        <p>Deltog ikke i behandlingen: ${it.absent.map(person).join(', ')}</p>`);
    d.sections.forEach((s, i) => {
      out.push(`        <debateSection name="${escapeXml(s.kind)}" eId="${escapeXml(`${sect}__sec_${i + 1}`)}">`);
      out.push(`          <heading>${escapeXml(s.heading)}</heading>`);
      const body = blocks(s.blocks, '          ');
      out.push(...(body.length ? body : ['          <p/>']));
      out.push('        </debateSection>');
    });
    out.push('      </debateSection>');
  }
  out.push('    </debateBody>');
  return out;
}

/** `referat export --format akn`: one referat (analysed) as Akoma Ntoso, with the edition applied. */
export function renderAknFromModel(input: CorpusInput, edition: 'public' | 'internal'): string {
  return renderAkn(buildCorpus([input], edition).meetings[0]!);
}
