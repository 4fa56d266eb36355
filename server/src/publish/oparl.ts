/**
 * OParl 1.1 (https://oparl.org) as static JSON under `oparl/`, starting at `oparl/system.json`:
 * System → Body (each kommune) → lists of Organization (each committee), Person, Membership,
 * Meeting (with its AgendaItems embedded), AgendaItem, Paper (one per case number) and
 * Consultation (one per treatment of a case), File (each meeting's PDF and Akoma Ntoso).
 *
 * Every id is an absolute URL under the site's base URL and is the object's own file, so a
 * static host serves the API. Lists use OParl's paginated form (`data`, `pagination`,
 * `links`), one page each. `created` is the meeting's date and time (when the minutes came
 * into being), `modified` the later of it and the source file's modification time; an object
 * drawn from several meetings has the earliest and the latest of them. A closed item is an AgendaItem with `public: false` and no
 * result or resolution text in the public edition: the export document holds none.
 */
import { attendanceOf, blocksPlainText, meetingDateTime, span, type CaseInfo, type CommitteeInfo, type Corpus, type PersonInfo, type PublishedItem, type PublishedMeeting } from './corpus.js';

const SCHEMA = 'https://schema.oparl.org/1.1/';
type Json = Record<string, unknown>;

export interface OparlSite {
  readonly baseUrl: string;
  /** Relative URLs of the site's HTML pages (for `web`) and files. */
  readonly meetingUrl: (slug: string) => string;
  readonly pdfUrl: (slug: string) => string;
  readonly aknUrl: (slug: string) => string;
  readonly committeeUrl: (slug: string) => string;
  readonly personUrl: (slug: string) => string;
  readonly caseUrl: (slug: string) => string;
  readonly title: string;
}

/** The decision of an item: `result` (its first line) and `resolutionText` (all of it). */
export function decisionOf(item: PublishedItem): { result?: string; resolutionText?: string } {
  const section = item.doc.sections.find((s) => s.kind === 'beslutning');
  if (!section) return {};
  const text = blocksPlainText(section.blocks).trim();
  if (!text) return {};
  const first = text.split('\n')[0]!.replace(/^\d+\.\s*/, '').trim();
  return { result: first.length > 200 ? `${first.slice(0, 199)}…` : first, resolutionText: text };
}

/** Every OParl file of the site: path below `oparl/` → object. */
export function buildOparl(corpus: Corpus, site: OparlSite): Map<string, Json> {
  const files = new Map<string, Json>();
  const url = (p: string) => new URL(`oparl/${p}`, site.baseUrl).href;
  const web = (rel: string) => new URL(rel, site.baseUrl).href;
  const type = (t: string) => `${SCHEMA}${t}`;
  const put = (p: string, o: Json) => {
    files.set(p, o);
    return o;
  };
  const list = (p: string, data: Json[]) =>
    put(p, {
      data,
      pagination: { totalElements: data.length, elementsPerPage: Math.max(1, data.length), currentPage: 1, totalPages: 1 },
      links: { first: url(p), self: url(p), last: url(p) },
    });

  const itemKey = (m: PublishedMeeting, it: PublishedItem) => `${m.slug}--${it.doc.anchor}`;
  const stamp = (m: PublishedMeeting) => ({ created: m.created, modified: m.modified });
  const caseOf = new Map<PublishedItem, CaseInfo>();
  for (const c of corpus.cases) for (const t of c.treatments) caseOf.set(t.item, c);
  const personByName = (m: PublishedMeeting, name: string) => corpus.persons.find((p) => p.key === corpus.personKey(m.body, name));

  put('system.json', {
    id: url('system.json'),
    type: type('System'),
    oparlVersion: SCHEMA,
    body: url('bodies.json'),
    name: corpus.edition === 'internal' ? `${site.title} (intern udgave – må ikke offentliggøres)` : site.title,
    website: web('index.html'),
    ...span(corpus.meetings),
  });

  const bodies: Json[] = [];
  for (const body of corpus.bodies) {
    const b = `body/${body.slug}`;
    const meetings = corpus.meetings.filter((m) => m.body === body);
    const committees = corpus.committees.filter((c) => c.body === body);
    const persons = corpus.persons.filter((p) => p.body === body);
    const cases = corpus.cases.filter((c) => c.body === body);

    // Memberships: a person in a committee. No start or end date: the minutes show only the
    // meetings a person is listed at, not when the membership began or ended.
    const memberships = new Map<string, { person: PersonInfo; committee: CommitteeInfo; substitute: boolean; meetings: PublishedMeeting[] }>();
    for (const m of meetings) {
      for (const mem of m.members) {
        const person = personByName(m, mem.name);
        if (!person) continue;
        const key = `${person.slug}--${m.committee.slug}`;
        const entry = memberships.get(key) ?? { person, committee: m.committee, substitute: true, meetings: [] };
        entry.meetings.push(m);
        entry.substitute &&= mem.substitute;
        memberships.set(key, entry);
      }
    }
    const membershipObj = (key: string): Json => {
      const e = memberships.get(key)!;
      return {
        id: url(`membership/${key}.json`),
        type: type('Membership'),
        person: url(`person/${e.person.slug}.json`),
        organization: url(`organization/${e.committee.slug}.json`),
        role: e.substitute ? 'Stedfortræder' : 'Medlem',
        votingRight: true,
        ...span(e.meetings),
      };
    };
    const membershipList = [...memberships.keys()].map((k) => put(`membership/${k}.json`, membershipObj(k)));

    const agendaItemObj = (m: PublishedMeeting, it: PublishedItem, order: number): Json => {
      const c = caseOf.get(it);
      return {
        id: url(`agendaitem/${itemKey(m, it)}.json`),
        type: type('AgendaItem'),
        meeting: url(`meeting/${m.slug}.json`),
        number: it.doc.number,
        order,
        name: it.doc.title,
        public: !it.doc.closed,
        ...(c ? { consultation: url(`consultation/${itemKey(m, it)}.json`) } : {}),
        ...decisionOf(it),
        ...(meetingDateTime(m) ? { start: meetingDateTime(m) } : {}),
        web: web(`${site.meetingUrl(m.slug)}#${it.doc.anchor}`),
        ...stamp(m),
      };
    };
    const fileObj = (m: PublishedMeeting, kind: 'pdf' | 'akn'): Json =>
      put(`file/${m.slug}-${kind}.json`, {
        id: url(`file/${m.slug}-${kind}.json`),
        type: type('File'),
        name: kind === 'pdf' ? m.doc.title : `${m.doc.title} (Akoma Ntoso)`,
        fileName: (kind === 'pdf' ? site.pdfUrl(m.slug) : site.aknUrl(m.slug)).split('/').pop(),
        mimeType: kind === 'pdf' ? 'application/pdf' : 'application/akn+xml',
        ...(m.isoDate ? { date: m.isoDate } : {}),
        accessUrl: web(kind === 'pdf' ? site.pdfUrl(m.slug) : site.aknUrl(m.slug)),
        meeting: [url(`meeting/${m.slug}.json`)],
        ...stamp(m),
      });

    const agendaItems: Json[] = [];
    const consultations: Json[] = [];
    const fileList: Json[] = [];
    const meetingList = meetings.map((m) => {
      const items = m.items.map((it, i) => put(`agendaitem/${itemKey(m, it)}.json`, agendaItemObj(m, it, i + 1)));
      agendaItems.push(...items);
      const participants = m.members.filter((x) => !m.afbud.includes(x.name)).map((x) => personByName(m, x.name)).filter((p): p is PersonInfo => !!p);
      const pdf = fileObj(m, 'pdf');
      const akn = fileObj(m, 'akn');
      fileList.push(pdf, akn);
      const start = meetingDateTime(m);
      return put(`meeting/${m.slug}.json`, {
        id: url(`meeting/${m.slug}.json`),
        type: type('Meeting'),
        name: m.doc.title,
        meetingState: m.doc.kind === 'REFERAT' ? 'afholdt' : 'indkaldt',
        cancelled: false,
        ...(start ? { start } : {}),
        ...(m.doc.place
          ? { location: put(`location/${m.slug}.json`, { id: url(`location/${m.slug}.json`), type: type('Location'), description: m.doc.place, meetings: [url(`meeting/${m.slug}.json`)], ...stamp(m) }) }
          : {}),
        organization: [url(`organization/${m.committee.slug}.json`)],
        participant: participants.map((p) => url(`person/${p.slug}.json`)),
        resultsProtocol: pdf,
        auxiliaryFile: [akn],
        agendaItem: items,
        web: web(site.meetingUrl(m.slug)),
        ...(corpus.edition === 'internal' ? { keyword: ['intern udgave'] } : {}),
        ...stamp(m),
      });
    });

    const paperList = cases.map((c) => {
      const cons = c.treatments.map(({ meeting: m, item: it }) =>
        put(`consultation/${itemKey(m, it)}.json`, {
          id: url(`consultation/${itemKey(m, it)}.json`),
          type: type('Consultation'),
          paper: url(`paper/${c.slug}.json`),
          agendaItem: url(`agendaitem/${itemKey(m, it)}.json`),
          meeting: url(`meeting/${m.slug}.json`),
          organization: [url(`organization/${m.committee.slug}.json`)],
          authoritative: !!decisionOf(it).result,
          role: it.doc.closed ? 'Behandlet som lukket punkt' : 'Behandling',
          ...stamp(m),
        }),
      );
      consultations.push(...cons);
      const first = c.treatments[0]!;
      return put(`paper/${c.slug}.json`, {
        id: url(`paper/${c.slug}.json`),
        type: type('Paper'),
        body: url(`${b}.json`),
        name: first.item.doc.title,
        reference: c.number,
        ...(first.meeting.isoDate ? { date: first.meeting.isoDate } : {}),
        paperType: 'Sag',
        underDirectionOf: [...new Set(c.treatments.map((t) => url(`organization/${t.meeting.committee.slug}.json`)))],
        consultation: cons,
        web: web(site.caseUrl(c.slug)),
        ...span(c.treatments.map((t) => t.meeting)),
      });
    });

    const organizationList = committees.map((c) => {
      const o = `organization/${c.slug}`;
      list(`${o}/meetings.json`, meetingList.filter((mo) => (mo.organization as string[]).includes(url(`${o}.json`))));
      return put(`${o}.json`, {
        id: url(`${o}.json`),
        type: type('Organization'),
        body: url(`${b}.json`),
        name: c.name,
        membership: membershipList.filter((ms) => ms.organization === url(`${o}.json`)).map((ms) => ms.id as string),
        meeting: url(`${o}/meetings.json`),
        organizationType: 'Gremium',
        classification: 'Udvalg',
        web: web(site.committeeUrl(c.slug)),
        ...span(meetings.filter((m) => m.committee === c)),
      });
    });

    const personList = persons.map((p) => {
      const parts = p.name.split(' ');
      return put(`person/${p.slug}.json`, {
        id: url(`person/${p.slug}.json`),
        type: type('Person'),
        body: url(`${b}.json`),
        name: p.name,
        ...(parts.length > 1 ? { familyName: parts[parts.length - 1], givenName: parts.slice(0, -1).join(' ') } : {}),
        membership: membershipList.filter((ms) => ms.person === url(`person/${p.slug}.json`)),
        web: web(site.personUrl(p.slug)),
        ...span(meetings.filter((m) => attendanceOf(m, p.name) || m.items.some((it) => it.votes.some((v) => v.names.includes(p.name))))),
      });
    });

    list(`${b}/organizations.json`, organizationList);
    list(`${b}/persons.json`, personList);
    list(`${b}/memberships.json`, membershipList);
    list(`${b}/meetings.json`, meetingList);
    list(`${b}/agenda-items.json`, agendaItems);
    list(`${b}/papers.json`, paperList);
    list(`${b}/consultations.json`, consultations);
    list(`${b}/files.json`, fileList);
    bodies.push(
      put(`${b}.json`, {
        id: url(`${b}.json`),
        type: type('Body'),
        system: url('system.json'),
        name: body.name,
        shortName: body.name.replace(/\s+Kommune$/i, ''),
        website: web('index.html'),
        organization: url(`${b}/organizations.json`),
        person: url(`${b}/persons.json`),
        meeting: url(`${b}/meetings.json`),
        paper: url(`${b}/papers.json`),
        agendaItem: url(`${b}/agenda-items.json`),
        consultation: url(`${b}/consultations.json`),
        membership: url(`${b}/memberships.json`),
        file: url(`${b}/files.json`),
        legislativeTerm: [],
        classification: 'Kommune',
        ...span(meetings),
      }),
    );
  }
  list('bodies.json', bodies);
  return files;
}
