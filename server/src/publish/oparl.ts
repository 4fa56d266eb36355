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
import { attendanceOf, blocksPlainText, meetingDateTime, span, type CaseInfo, type CommitteeInfo, type Corpus, type PersonInfo, type PublishedItem, type PublishedMeeting } from '../export/corpus.js';

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

type Membership = { person: PersonInfo; committee: CommitteeInfo; substitute: boolean; meetings: PublishedMeeting[] };
type BodyInfo = Corpus['bodies'][number];

/** Every OParl file of the site: path below `oparl/` → object. */
export function buildOparl(corpus: Corpus, site: OparlSite): Map<string, Json> {
  return new OparlBuilder(corpus, site).build();
}

/** Builds the objects, each written to its own file as it is made. */
class OparlBuilder {
  readonly files = new Map<string, Json>();
  private readonly caseOf = new Map<PublishedItem, CaseInfo>();

  constructor(
    private readonly corpus: Corpus,
    private readonly site: OparlSite,
  ) {
    for (const c of corpus.cases) for (const t of c.treatments) this.caseOf.set(t.item, c);
  }

  url = (p: string) => new URL(`oparl/${p}`, this.site.baseUrl).href;
  web = (rel: string) => new URL(rel, this.site.baseUrl).href;
  type = (t: string) => `${SCHEMA}${t}`;
  put = (p: string, o: Json) => {
    this.files.set(p, o);
    return o;
  };
  list = (p: string, data: Json[]) =>
    this.put(p, {
      data,
      pagination: { totalElements: data.length, elementsPerPage: Math.max(1, data.length), currentPage: 1, totalPages: 1 },
      links: { first: this.url(p), self: this.url(p), last: this.url(p) },
    });
  itemKey = (m: PublishedMeeting, it: PublishedItem) => `${m.slug}--${it.doc.anchor}`;
  stamp = (m: PublishedMeeting) => ({ created: m.created, modified: m.modified });
  personByName = (m: PublishedMeeting, name: string) => this.corpus.persons.find((p) => p.key === this.corpus.personKey(m.body, name));

  build(): Map<string, Json> {
    const { corpus, site, url } = this;
    this.put('system.json', {
      id: url('system.json'),
      type: this.type('System'),
      oparlVersion: SCHEMA,
      body: url('bodies.json'),
      name: corpus.edition === 'internal' ? `${site.title} (intern udgave – må ikke offentliggøres)` : site.title,
      website: this.web('index.html'),
      ...span(corpus.meetings),
    });
    this.list('bodies.json', corpus.bodies.map((body) => this.body(body)));
    return this.files;
  }

  /** A kommune with its lists of committees, persons, memberships, meetings, items, papers and files. */
  private body(body: BodyInfo): Json {
    const { url } = this;
    const b = `body/${body.slug}`;
    const meetings = this.corpus.meetings.filter((m) => m.body === body);
    const membershipList = this.memberships(meetings);
    const agendaItems: Json[] = [];
    const fileList: Json[] = [];
    const meetingList = meetings.map((m) => this.meeting(m, agendaItems, fileList));
    const consultations: Json[] = [];
    const paperList = this.corpus.cases.filter((c) => c.body === body).map((c) => this.paper(c, b, consultations));
    const organizationList = this.corpus.committees.filter((c) => c.body === body).map((c) => this.organization(c, b, meetings, meetingList, membershipList));
    const personList = this.corpus.persons.filter((p) => p.body === body).map((p) => this.person(p, b, meetings, membershipList));
    const lists = { organizations: organizationList, persons: personList, memberships: membershipList, meetings: meetingList, 'agenda-items': agendaItems, papers: paperList, consultations, files: fileList };
    for (const [name, data] of Object.entries(lists)) this.list(`${b}/${name}.json`, data);
    return this.put(`${b}.json`, {
      id: url(`${b}.json`),
      type: this.type('Body'),
      system: url('system.json'),
      name: body.name,
      shortName: body.name.replace(/\s+Kommune$/i, ''),
      website: this.web('index.html'),
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
    });
  }

  /**
   * Memberships: a person in a committee. No start or end date: the minutes show only the
   * meetings a person is listed at, not when the membership began or ended.
   */
  private memberships(meetings: readonly PublishedMeeting[]): Json[] {
    const memberships = new Map<string, Membership>();
    for (const m of meetings) {
      for (const mem of m.members) {
        const person = this.personByName(m, mem.name);
        if (!person) continue;
        const key = `${person.slug}--${m.committee.slug}`;
        const entry = memberships.get(key) ?? { person, committee: m.committee, substitute: true, meetings: [] };
        entry.meetings.push(m);
        entry.substitute &&= mem.substitute;
        memberships.set(key, entry);
      }
    }
    return [...memberships].map(([key, e]) =>
      this.put(`membership/${key}.json`, {
        id: this.url(`membership/${key}.json`),
        type: this.type('Membership'),
        person: this.url(`person/${e.person.slug}.json`),
        organization: this.url(`organization/${e.committee.slug}.json`),
        role: e.substitute ? 'Stedfortræder' : 'Medlem',
        votingRight: true,
        ...span(e.meetings),
      }),
    );
  }

  private agendaItem(m: PublishedMeeting, it: PublishedItem, order: number): Json {
    const { url } = this;
    const key = this.itemKey(m, it);
    return this.put(`agendaitem/${key}.json`, {
      id: url(`agendaitem/${key}.json`),
      type: this.type('AgendaItem'),
      meeting: url(`meeting/${m.slug}.json`),
      number: it.doc.number,
      order,
      name: it.doc.title,
      public: !it.doc.closed,
      ...(this.caseOf.get(it) ? { consultation: url(`consultation/${key}.json`) } : {}),
      ...decisionOf(it),
      ...(meetingDateTime(m) ? { start: meetingDateTime(m) } : {}),
      web: this.web(`${this.site.meetingUrl(m.slug)}#${it.doc.anchor}`),
      ...this.stamp(m),
    });
  }

  private file(m: PublishedMeeting, kind: 'pdf' | 'akn'): Json {
    const rel = kind === 'pdf' ? this.site.pdfUrl(m.slug) : this.site.aknUrl(m.slug);
    return this.put(`file/${m.slug}-${kind}.json`, {
      id: this.url(`file/${m.slug}-${kind}.json`),
      type: this.type('File'),
      name: kind === 'pdf' ? m.doc.title : `${m.doc.title} (Akoma Ntoso)`,
      fileName: rel.split('/').pop(),
      mimeType: kind === 'pdf' ? 'application/pdf' : 'application/akn+xml',
      ...(m.isoDate ? { date: m.isoDate } : {}),
      accessUrl: this.web(rel),
      meeting: [this.url(`meeting/${m.slug}.json`)],
      ...this.stamp(m),
    });
  }

  /** A meeting with its agenda items embedded (also listed in `agendaItems`) and its files. */
  private meeting(m: PublishedMeeting, agendaItems: Json[], fileList: Json[]): Json {
    const { url } = this;
    const items = m.items.map((it, i) => this.agendaItem(m, it, i + 1));
    agendaItems.push(...items);
    const participants = m.members.filter((x) => !m.afbud.includes(x.name)).map((x) => this.personByName(m, x.name)).filter((p): p is PersonInfo => !!p);
    const pdf = this.file(m, 'pdf');
    const akn = this.file(m, 'akn');
    fileList.push(pdf, akn);
    const start = meetingDateTime(m);
    const location = () =>
      this.put(`location/${m.slug}.json`, { id: url(`location/${m.slug}.json`), type: this.type('Location'), description: m.doc.place, meetings: [url(`meeting/${m.slug}.json`)], ...this.stamp(m) });
    return this.put(`meeting/${m.slug}.json`, {
      id: url(`meeting/${m.slug}.json`),
      type: this.type('Meeting'),
      name: m.doc.title,
      meetingState: m.doc.kind === 'REFERAT' ? 'afholdt' : 'indkaldt',
      cancelled: false,
      ...(start ? { start } : {}),
      ...(m.doc.place ? { location: location() } : {}),
      organization: [url(`organization/${m.committee.slug}.json`)],
      participant: participants.map((p) => url(`person/${p.slug}.json`)),
      resultsProtocol: pdf,
      auxiliaryFile: [akn],
      agendaItem: items,
      web: this.web(this.site.meetingUrl(m.slug)),
      ...(this.corpus.edition === 'internal' ? { keyword: ['intern udgave'] } : {}),
      ...this.stamp(m),
    });
  }

  /** One paper per case number, with a consultation per treatment (also listed in `consultations`). */
  private paper(c: CaseInfo, b: string, consultations: Json[]): Json {
    const { url } = this;
    const cons = c.treatments.map(({ meeting: m, item: it }) =>
      this.put(`consultation/${this.itemKey(m, it)}.json`, {
        id: url(`consultation/${this.itemKey(m, it)}.json`),
        type: this.type('Consultation'),
        paper: url(`paper/${c.slug}.json`),
        agendaItem: url(`agendaitem/${this.itemKey(m, it)}.json`),
        meeting: url(`meeting/${m.slug}.json`),
        organization: [url(`organization/${m.committee.slug}.json`)],
        authoritative: !!decisionOf(it).result,
        role: it.doc.closed ? 'Behandlet som lukket punkt' : 'Behandling',
        ...this.stamp(m),
      }),
    );
    consultations.push(...cons);
    const first = c.treatments[0]!;
    return this.put(`paper/${c.slug}.json`, {
      id: url(`paper/${c.slug}.json`),
      type: this.type('Paper'),
      body: url(`${b}.json`),
      name: first.item.doc.title,
      reference: c.number,
      ...(first.meeting.isoDate ? { date: first.meeting.isoDate } : {}),
      paperType: 'Sag',
      underDirectionOf: [...new Set(c.treatments.map((t) => url(`organization/${t.meeting.committee.slug}.json`)))],
      consultation: cons,
      web: this.web(this.site.caseUrl(c.slug)),
      ...span(c.treatments.map((t) => t.meeting)),
    });
  }

  private organization(c: CommitteeInfo, b: string, meetings: readonly PublishedMeeting[], meetingList: readonly Json[], membershipList: readonly Json[]): Json {
    const { url } = this;
    const o = `organization/${c.slug}`;
    this.list(`${o}/meetings.json`, meetingList.filter((mo) => (mo.organization as string[]).includes(url(`${o}.json`))));
    return this.put(`${o}.json`, {
      id: url(`${o}.json`),
      type: this.type('Organization'),
      body: url(`${b}.json`),
      name: c.name,
      membership: membershipList.filter((ms) => ms.organization === url(`${o}.json`)).map((ms) => ms.id as string),
      meeting: url(`${o}/meetings.json`),
      organizationType: 'Gremium',
      classification: 'Udvalg',
      web: this.web(this.site.committeeUrl(c.slug)),
      ...span(meetings.filter((m) => m.committee === c)),
    });
  }

  private person(p: PersonInfo, b: string, meetings: readonly PublishedMeeting[], membershipList: readonly Json[]): Json {
    const { url } = this;
    const parts = p.name.split(' ');
    return this.put(`person/${p.slug}.json`, {
      id: url(`person/${p.slug}.json`),
      type: this.type('Person'),
      body: url(`${b}.json`),
      name: p.name,
      ...(parts.length > 1 ? { familyName: parts[parts.length - 1], givenName: parts.slice(0, -1).join(' ') } : {}),
      membership: membershipList.filter((ms) => ms.person === url(`person/${p.slug}.json`)),
      web: this.web(this.site.personUrl(p.slug)),
      ...span(meetings.filter((m) => attendanceOf(m, p.name) || m.items.some((it) => it.votes.some((v) => v.names.includes(p.name))))),
    });
  }
}
