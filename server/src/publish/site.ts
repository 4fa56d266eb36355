/**
 * The site's HTML pages: the front page (meetings by committee, newest first), a page per
 * meeting (the HTML export, with links to its PDF, its Akoma Ntoso file and the case pages),
 * per committee, per person (attendance and votes over time) and per case number (every
 * treatment, across committees), lists of persons and cases, and the search page.
 *
 * Every page: `lang="da"`, a skip link, one `h1`, landmarks (`header`, `nav`, `main`,
 * `footer`), tables with `th scope`, the export's colours (AA contrast, light and dark),
 * a phone layout, no script (the search page's own script only). Every text is escaped.
 */
import { renderHtml, escapeHtml } from '../export/html.js';
import { itemHeading } from '../export/model.js';
import { attendanceOf, type CaseInfo, type CommitteeInfo, type Corpus, type PersonInfo, type PublishedMeeting } from '../export/corpus.js';
import { FEED_FILE } from './atom.js';
import { decisionOf } from './oparl.js';

/** Where each page lives, relative to the site root. */
export const PATHS = {
  meeting: (slug: string) => `moeder/${slug}.html`,
  pdf: (slug: string) => `moeder/${slug}.pdf`,
  akn: (slug: string) => `akn/${slug}.xml`,
  committee: (slug: string) => `udvalg/${slug}.html`,
  person: (slug: string) => `personer/${slug}.html`,
  case: (slug: string) => `sager/${slug}.html`,
  persons: 'personer/index.html',
  cases: 'sager/index.html',
  search: 'search.html',
  searchScript: 'search.js',
} as const;

const INTERNAL_NOTE = 'Intern udgave – indeholder lukkede punkter og må ikke offentliggøres.';
/** The internal edition asks search engines to keep out, should it ever be served where one looks. */
const NOINDEX = '<meta name="robots" content="noindex, nofollow">';

const CSS = `
:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff;--muted:#4a4a4a;--rule:#c8c8c8;--link:#0645ad;--band:#f1f2f4}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#181a1b;--muted:#b8b8b8;--rule:#4a4a4a;--link:#8ab4f8;--band:#24272a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:60rem;padding:0 1.25rem 3rem;font:1rem/1.55 "DejaVu Sans",Verdana,Arial,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:break-word}
a{color:var(--link)}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999rem;top:0}
.skip:focus{position:static;display:inline-block;margin:.5rem 0;padding:.25rem .5rem;background:var(--bg)}
.site{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem 1.5rem;border-bottom:2px solid var(--rule);padding:.75rem 0}
.site-name{font-weight:bold;font-size:1.1rem;text-decoration:none;color:var(--fg)}
.site nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
h1{font-size:1.6rem;line-height:1.25;margin:1.25rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.edition{border:2px solid #b00020;color:#b00020;padding:.4rem .75rem;font-weight:bold}
@media (prefers-color-scheme:dark){.edition{border-color:#ff8a80;color:#ff8a80}}
.muted,.hit-meta{color:var(--muted)}
.hit-meta{margin:.1rem 0 .75rem}
ul.meetings,ul.plain{list-style:none;padding:0}
ul.meetings li,ul.plain li{margin:.35rem 0}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:50%}
caption{text-align:left;font-weight:bold;margin-bottom:.3rem}
th,td{border:1px solid var(--rule);padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:var(--band)}
td:first-child{white-space:nowrap}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.search label{display:block;width:100%;font-weight:bold}
form.search input{flex:1 1 16rem;font:inherit;padding:.4rem .5rem;border:1px solid var(--muted);border-radius:3px;background:var(--bg);color:var(--fg)}
form.search button{font:inherit;padding:.4rem 1rem;border:1px solid var(--link);border-radius:3px;background:var(--link);color:var(--bg);cursor:pointer}
footer{margin-top:3rem;border-top:1px solid var(--rule);padding-top:.75rem;font-size:.95rem}
footer ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
@media (max-width:40rem){body{padding:0 .9rem 2rem;font-size:1.0625rem}h1{font-size:1.35rem}h2{font-size:1.15rem}}
`.trim();

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";
const SEARCH_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'";

export interface SiteContext {
  readonly corpus: Corpus;
  readonly title: string;
}

/** `../` as many times as `path` has folders. */
function up(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

function layout(ctx: SiteContext, path: string, title: string, main: string, options: { csp?: string; scripts?: string[] } = {}): string {
  const r = up(path);
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${e(options.csp ?? CSP)}">
<meta name="generator" content="Referat">
${ctx.corpus.edition === 'internal' ? `${NOINDEX}\n` : ''}<title>${e(title === ctx.title ? title : `${title} – ${ctx.title}`)}</title>
<link rel="alternate" type="application/atom+xml" title="${e(ctx.title)}" href="${r}${FEED_FILE}">
<style>
${CSS}
</style>
${(options.scripts ?? []).map((s) => `<script src="${r}${e(s)}" defer></script>`).join('\n')}
</head>
<body>
<a class="skip" href="#indhold">Gå til indholdet</a>
<header class="site">
<a class="site-name" href="${r}index.html">${e(ctx.title)}</a>
<nav aria-label="Hovedmenu">
<ul>
<li><a href="${r}index.html">Møder</a></li>
<li><a href="${r}${PATHS.persons}">Personer</a></li>
<li><a href="${r}${PATHS.cases}">Sager</a></li>
<li><a href="${r}${PATHS.search}">Søg</a></li>
</ul>
</nav>
</header>
${ctx.corpus.edition === 'internal' ? `<p class="edition">${INTERNAL_NOTE}</p>\n` : ''}<main id="indhold">
${main}
</main>
<footer>
<ul>
<li><a href="${r}${FEED_FILE}">Nyhedsfeed (Atom)</a></li>
<li><a href="${r}oparl/system.json">Åbne data (OParl 1.1)</a></li>
<li>Referater som Akoma Ntoso 3.0: ved hvert møde</li>
</ul>
</footer>
</body>
</html>
`;
}

const dateLabel = (m: PublishedMeeting) => m.doc.longDate ?? m.isoDate ?? 'Uden dato';

function meetingLine(m: PublishedMeeting, r: string): string {
  const e = escapeHtml;
  return `<li><a href="${r}${PATHS.meeting(m.slug)}">${e(dateLabel(m))}</a> <span class="muted">(${m.items.length} ${m.items.length === 1 ? 'punkt' : 'punkter'}; <a href="${r}${PATHS.pdf(m.slug)}">PDF</a>)</span></li>`;
}

export function indexPage(ctx: SiteContext): string {
  const e = escapeHtml;
  const { corpus } = ctx;
  const parts: string[] = [`<h1>${e(ctx.title)}</h1>`];
  parts.push(`<p>${corpus.meetings.length} ${corpus.meetings.length === 1 ? 'møde' : 'møder'} i ${corpus.committees.length} ${corpus.committees.length === 1 ? 'udvalg' : 'udvalg'}, nyeste først. <a href="${PATHS.search}">Søg i alle referater</a>.</p>`);
  const manyBodies = corpus.bodies.length > 1;
  for (const body of corpus.bodies) {
    if (manyBodies) parts.push(`<h2>${e(body.name)}</h2>`);
    for (const c of corpus.committees.filter((x) => x.body === body)) {
      const h = manyBodies ? 'h3' : 'h2';
      parts.push(`<${h}><a href="${PATHS.committee(c.slug)}">${e(c.name)}</a></${h}>`);
      parts.push(`<ul class="meetings">\n${corpus.meetings.filter((m) => m.committee === c).map((m) => meetingLine(m, '')).join('\n')}\n</ul>`);
    }
  }
  return layout(ctx, 'index.html', ctx.title, parts.join('\n'));
}

export function committeePage(ctx: SiteContext, c: CommitteeInfo): string {
  const e = escapeHtml;
  const path = PATHS.committee(c.slug);
  const r = up(path);
  const meetings = ctx.corpus.meetings.filter((m) => m.committee === c);
  const members = new Map<string, PersonInfo>();
  for (const m of meetings) {
    for (const mem of m.members) {
      const p = ctx.corpus.persons.find((x) => x.key === ctx.corpus.personKey(m.body, mem.name));
      if (p) members.set(p.key, p);
    }
  }
  const parts = [`<h1>${e(c.name)}</h1>`, `<p class="muted">${e(c.body.name)}</p>`, '<h2>Møder</h2>', `<ul class="meetings">\n${meetings.map((m) => meetingLine(m, r)).join('\n')}\n</ul>`];
  if (members.size) {
    parts.push('<h2>Medlemmer og stedfortrædere</h2>');
    parts.push(`<ul class="plain">\n${[...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')).map((p) => `<li><a href="${r}${PATHS.person(p.slug)}">${e(p.name)}</a>${p.party ? ` (${e(p.party)})` : ''}</li>`).join('\n')}\n</ul>`);
  }
  return layout(ctx, path, c.name, parts.join('\n'));
}

const ATTENDANCE = { present: 'Til stede', absent: 'Afbud', substitute: 'Stedfortræder' } as const;
const VOTE = { for: 'For', against: 'Imod', abstain: 'Undlod at stemme' } as const;

export function personPage(ctx: SiteContext, p: PersonInfo): string {
  const e = escapeHtml;
  const path = PATHS.person(p.slug);
  const r = up(path);
  const rows: string[] = [];
  const votes: string[] = [];
  const notIn: string[] = [];
  for (const m of ctx.corpus.meetings) {
    if (m.body !== p.body) continue;
    const link = `<a href="${r}${PATHS.meeting(m.slug)}">${e(m.doc.title)}</a>`;
    const a = attendanceOf(m, p.name);
    if (a) rows.push(`<tr><td>${e(m.isoDate ?? '')}</td><td>${link}</td><td>${e(m.committee.name)}</td><td>${ATTENDANCE[a]}</td></tr>`);
    for (const it of m.items) {
      const itemLink = `<a href="${r}${PATHS.meeting(m.slug)}#${e(it.doc.anchor)}">${e(itemHeading(it.doc))}</a>`;
      for (const v of it.votes) if (v.names.includes(p.name)) votes.push(`<tr><td>${e(m.isoDate ?? '')}</td><td>${e(m.committee.name)}</td><td>${itemLink}</td><td>${VOTE[v.kind]}</td></tr>`);
      if (it.absent.includes(p.name)) notIn.push(`<li>${e(m.isoDate ?? '')}: ${itemLink}</li>`);
    }
  }
  const parts = [`<h1>${e(p.name)}${p.party ? ` (${e(p.party)})` : ''}</h1>`, `<p class="muted">${e(p.body.name)}</p>`];
  parts.push('<h2>Fremmøde</h2>');
  parts.push(
    rows.length
      ? `<div class="table-wrap"><table><caption>Møder, nyeste først</caption><thead><tr><th scope="col">Dato</th><th scope="col">Møde</th><th scope="col">Udvalg</th><th scope="col">Fremmøde</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`
      : '<p>Ikke opført som mødedeltager.</p>',
  );
  parts.push('<h2>Afstemninger</h2>');
  parts.push(
    votes.length
      ? `<div class="table-wrap"><table><caption>Stemmer ved navn, nyeste først</caption><thead><tr><th scope="col">Dato</th><th scope="col">Udvalg</th><th scope="col">Punkt</th><th scope="col">Stemme</th></tr></thead><tbody>\n${votes.join('\n')}\n</tbody></table></div>`
      : '<p>Ingen afstemninger ved navn.</p>',
  );
  if (notIn.length) parts.push('<h2>Deltog ikke i behandlingen af</h2>', `<ul>\n${notIn.join('\n')}\n</ul>`);
  return layout(ctx, path, p.name, parts.join('\n'));
}

export function casePage(ctx: SiteContext, c: CaseInfo): string {
  const e = escapeHtml;
  const path = PATHS.case(c.slug);
  const r = up(path);
  const rows = c.treatments.map(({ meeting: m, item }) => {
    const result = decisionOf(item).result;
    return `<tr><td>${e(m.isoDate ?? '')}</td><td><a href="${r}${PATHS.committee(m.committee.slug)}">${e(m.committee.name)}</a></td><td><a href="${r}${PATHS.meeting(m.slug)}#${e(item.doc.anchor)}">${e(itemHeading(item.doc))}</a>${item.doc.closed ? ' (lukket punkt)' : ''}</td><td>${result ? e(result) : '–'}</td></tr>`;
  });
  const parts = [
    `<h1>Sag ${e(c.number)}</h1>`,
    `<p>${e(c.treatments[0]!.item.doc.title)}. Behandlet ${c.treatments.length} ${c.treatments.length === 1 ? 'gang' : 'gange'}, ældste først.</p>`,
    `<div class="table-wrap"><table><caption>Sagens behandlinger</caption><thead><tr><th scope="col">Dato</th><th scope="col">Udvalg</th><th scope="col">Punkt</th><th scope="col">Beslutning</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  ];
  return layout(ctx, path, `Sag ${c.number}`, parts.join('\n'));
}

export function personsPage(ctx: SiteContext): string {
  const e = escapeHtml;
  const r = up(PATHS.persons);
  const items = ctx.corpus.persons.map((p) => `<li><a href="${r}${PATHS.person(p.slug)}">${e(p.name)}</a>${p.party ? ` (${e(p.party)})` : ''} <span class="muted">${e(p.body.name)}</span></li>`);
  return layout(ctx, PATHS.persons, 'Personer', `<h1>Personer</h1>\n<ul class="plain">\n${items.join('\n')}\n</ul>`);
}

export function casesPage(ctx: SiteContext): string {
  const e = escapeHtml;
  const r = up(PATHS.cases);
  const items = ctx.corpus.cases.map((c) => `<li><a href="${r}${PATHS.case(c.slug)}">${e(c.number)}</a>: ${e(c.treatments[0]!.item.doc.title)} <span class="muted">(${c.treatments.length} ${c.treatments.length === 1 ? 'behandling' : 'behandlinger'})</span></li>`);
  return layout(ctx, PATHS.cases, 'Sager', `<h1>Sager</h1>\n<ul class="plain">\n${items.join('\n')}\n</ul>`);
}

export function searchPage(ctx: SiteContext): string {
  const main = `<h1>Søg i referaterne</h1>
<form class="search" id="search-form" role="search" action="${PATHS.search}" method="get">
<label for="q">Søg efter ord i punkternes overskrift og tekst eller et sagsnummer</label>
<input type="search" id="q" name="q" autocomplete="off">
<button type="submit">Søg</button>
</form>
<noscript><p>Søgningen kræver JavaScript. Alle møder kan findes uden på <a href="index.html">forsiden</a>.</p></noscript>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"></ol>`;
  return layout(ctx, PATHS.search, 'Søg', main, { csp: SEARCH_CSP, scripts: [PATHS.searchScript] });
}

const MEETING_CSS = `.skip{position:absolute;left:-999rem;top:0}.skip:focus{position:static;display:inline-block;margin:.5rem 0;padding:.25rem .5rem}.crumbs{border-bottom:2px solid var(--rule);padding:.75rem 0}.crumbs ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}`;

/** The meeting's page: the HTML export with the site's navigation and links to the case pages. */
export function meetingPage(ctx: SiteContext, m: PublishedMeeting): string {
  const e = escapeHtml;
  const r = up(PATHS.meeting(m.slug));
  const base = renderHtml(m.doc, { head: `<style>${MEETING_CSS}</style>${m.doc.edition === 'internal' ? `\n${NOINDEX}` : ''}` });
  const nav = `<a class="skip" href="#indhold">Gå til indholdet</a>
<nav class="crumbs" aria-label="Sti og filer">
<ul>
<li><a href="${r}index.html">${e(ctx.title)}</a></li>
<li><a href="${r}${PATHS.committee(m.committee.slug)}">${e(m.committee.name)}</a></li>
<li><a href="${r}${PATHS.pdf(m.slug)}">PDF</a></li>
<li><a href="${r}${PATHS.akn(m.slug)}">Akoma Ntoso (XML)</a></li>
<li><a href="${r}${PATHS.search}">Søg</a></li>
</ul>
</nav>`;
  let html = base.replace('<body>\n', `<body>\n${nav}\n`).replace('<main>', '<main id="indhold">');
  // Each case number links to its case page (only this meeting's cases: an archive has thousands).
  const numbers = new Set(m.items.map((it) => it.doc.caseNumber?.trim()).filter((n): n is string => !!n));
  for (const c of ctx.corpus.cases) {
    if (c.body !== m.body || !numbers.has(c.number)) continue;
    const plain = `<span class="visually-hidden">Sagsnummer: </span>${e(c.number)}</p>`;
    html = html.split(plain).join(`<span class="visually-hidden">Sagsnummer: </span><a href="${r}${PATHS.case(c.slug)}">${e(c.number)}</a></p>`);
  }
  return html;
}
