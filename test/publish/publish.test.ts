/**
 * `referat publish` on examples/ plus generated meetings (two kommuner, several committees,
 * a case treated by two committees, a closed item with a distinctive word in its body, votes
 * by name): the site's pages, every OParl object valid against the OParl 1.1 schema (ajv),
 * every Akoma Ntoso file valid against akomantoso30.xsd (xmllint), the feed, the privacy
 * rules (no closed body and no comment in any file) and the refusals of the command.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../server/src/cli/commands/export.js';
import { runPublish } from '../../server/src/cli/commands/publish.js';
import { foldDanish } from '../../server/src/export/fold.js';
import { hasTool, root } from '../export/helpers.js';
import { BODY_WORD, CLOSED_WORD, COMMENT_WORD, GENERATED, SHARED_CASE, writeGenerated } from './helpers.js';

const BASE = 'https://referater.testrup.dk/arkiv/';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-publish-'));
const gen = path.join(tmp, 'gen');
const site = path.join(tmp, 'site');
const xmllint = hasTool('xmllint');
const pdftotext = hasTool('pdftotext');
const creationDate = new Date('2025-01-01T00:00:00Z');

function io() {
  const err: string[] = [];
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (err.push(s), true) }, err };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

let stderr: string[] = [];
beforeAll(async () => {
  mkdirSync(gen);
  writeGenerated(gen);
  const o = io();
  // The export's privacy fixture too: a closed item and comments in the header, the body and table cells.
  copyFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), path.join(gen, 'fixture-meeting.referat'));
  const code = await runPublish([path.join(root, 'examples'), `${gen}/*.referat`], { output: site, baseUrl: BASE, creationDate, lang: 'en' }, o);
  stderr = o.err;
  expect(code, o.err.join('')).toBe(0);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the site', () => {
  it('says what it wrote, in one line', () => {
    expect(stderr.join('')).toMatch(/^referat publish: 8 meetings written to .* \(\d+ files\)\n$/);
  });

  it('has the front page, a page and a PDF per meeting, and the pages per committee, person and case', () => {
    const index = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="da">');
    expect(index).toContain('<a class="skip" href="#indhold">');
    expect(index).toContain('name="viewport"');
    for (const c of ['Teknik- og Miljøudvalget', 'Økonomiudvalget', 'Beskæftigelsesudvalget', 'Arbejdsmarkedsudvalget']) expect(index).toContain(c);
    // Newest first within a committee.
    expect(index.indexOf('december 2024')).toBeLessThan(index.indexOf('februar 2018'));
    for (const slug of ['teknik-og-miljoeudvalget-2025-03-04', 'oekonomiudvalget-2025-04-01']) {
      expect(readFileSync(path.join(site, `moeder/${slug}.html`), 'utf8')).toContain('id="indhold"');
      expect(readFileSync(path.join(site, `moeder/${slug}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(existsSync(path.join(site, 'udvalg/teknik-og-miljoeudvalget.html'))).toBe(true);
  });

  it('shows a person’s attendance and votes over time', () => {
    const page = readFileSync(path.join(site, 'personer/ida-aagaard.html'), 'utf8');
    expect(page).toContain('Teknik- og Miljøudvalget');
    expect(page).toContain('Økonomiudvalget');
    expect(page).toMatch(/Punkt 2: Lokalplan for vindmøller ved Aabenraavej<\/a><\/td><td>For/);
    expect(page.indexOf('2025-04-01')).toBeLessThan(page.indexOf('2025-03-04'));
    const absent = readFileSync(path.join(site, 'personer/per-holm.html'), 'utf8');
    expect(absent).toContain('<td>Afbud</td>');
    // The votes of a closed item are part of its body: not published.
    expect(page).not.toContain('Køb af jord</a></td><td>For');
  });

  it('gives a case number its history across committees', () => {
    const page = readFileSync(path.join(site, `sager/${SHARED_CASE.toLowerCase().replace(/\./g, '-')}.html`), 'utf8');
    expect(page).toContain('Behandlet 2 gange');
    expect(page.indexOf('Teknik- og Miljøudvalget')).toBeLessThan(page.indexOf('Økonomiudvalget'));
    expect(page).toContain('#punkt-10');
    const meeting = readFileSync(path.join(site, 'moeder/oekonomiudvalget-2025-04-01.html'), 'utf8');
    expect(meeting).toContain(`href="../sager/${SHARED_CASE.toLowerCase().replace(/\./g, '-')}.html"`);
  });

  it('writes a search index that folds Danish letters', () => {
    const index = readFileSync(path.join(site, 'search-index.json'), 'utf8');
    expect(index).toContain(foldDanish(BODY_WORD));
    expect(foldDanish('Åbenrå')).toBe(foldDanish('Aabenraa'));
    expect(foldDanish('ØKONOMI')).toBe('oekonomi');
    expect(readFileSync(path.join(site, 'search.html'), 'utf8')).toContain('<script src="search.js" defer>');
  });

  it('writes a valid Atom 1.0 feed of the newest meetings', () => {
    const feed = readFileSync(path.join(site, 'feed.atom'), 'utf8');
    if (xmllint) expect(spawnSync('xmllint', ['--noout', path.join(site, 'feed.atom')]).status).toBe(0);
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    for (const tag of ['id', 'title', 'updated', 'author']) expect(feed).toContain(`<${tag}>`);
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}feed.atom"/>`);
    const entries = feed.split('<entry>').slice(1);
    expect(entries.length).toBe(8);
    for (const e of entries) for (const tag of ['<id>', '<title>', '<updated>', '<link rel="alternate"']) expect(e).toContain(tag);
    expect(entries[0]).toContain('Udvalg for &quot;Kultur&quot; &amp; &lt;b&gt;Fritid&lt;/b&gt;');
    expect(entries[1]).toContain('Økonomiudvalget');
    expect(feed).toMatch(/<feed [^]*?<updated>2025-05-06T17:00:00\+02:00<\/updated>/);
  });
});

describe('privacy', () => {
  it('no closed item body and no comment in any published file (pages, search index, feed, OParl, Akoma Ntoso)', () => {
    const files = walk(site);
    expect(files.length).toBeGreaterThan(100);
    // The generated meetings' words, the export fixture's secrets, the examples' internal notes and closed bodies.
    const needles = [CLOSED_WORD, COMMENT_WORD, 'CLOSEDSECRET', 'Personsag vedrørende en borger', 'COMMENTSECRET', 'BLOCKSECRET', 'HEADERSECRET', 'Intern note', 'intern note', 'Underskrevet af de tilstedeværende'];
    needles.push(...needles.map(foldDanish));
    let pdfs = 0;
    for (const f of files) {
      let text: string;
      if (f.endsWith('.pdf')) {
        // A PDF's text is compressed: read through pdftotext, when installed.
        if (!pdftotext) continue;
        text = spawnSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).stdout;
        expect(text.length, f).toBeGreaterThan(100);
        pdfs++;
      } else text = readFileSync(f, 'utf8');
      for (const n of needles) expect(text.includes(n), `${n} in ${path.relative(site, f)}`).toBe(false);
      expect(text.includes('<!--'), `a comment in ${path.relative(site, f)}`).toBe(false);
    }
    if (pdftotext) expect(pdfs).toBe(8);
  });

  it('the closed item keeps its heading: an AgendaItem with public: false and no resolution', () => {
    const item = JSON.parse(readFileSync(path.join(site, 'oparl/agendaitem/teknik-og-miljoeudvalget-2025-03-04--punkt-3.json'), 'utf8'));
    expect(item.public).toBe(false);
    expect(item.name).toBe('Lukket: Køb af jord');
    expect(item.result).toBeUndefined();
    expect(item.resolutionText).toBeUndefined();
    const open = JSON.parse(readFileSync(path.join(site, 'oparl/agendaitem/teknik-og-miljoeudvalget-2025-03-04--punkt-2.json'), 'utf8'));
    expect(open).toMatchObject({ public: true, result: 'Forslaget sendes i høring.' });
    expect(open.resolutionText).toContain('For stemte: Ida Aagaard og Bo Østergaard (2).');
  });

  it('--edition internal includes the closed body and marks every kind of output internal', async () => {
    const out = path.join(tmp, 'internal');
    const code = await runPublish([gen], { output: out, edition: 'internal', creationDate, lang: 'en' }, io());
    expect(code).toBe(0);
    expect(readFileSync(path.join(out, 'moeder/teknik-og-miljoeudvalget-2025-03-04.html'), 'utf8')).toContain(CLOSED_WORD);
    expect(readFileSync(path.join(out, 'search-index.json'), 'utf8')).toContain(foldDanish(CLOSED_WORD));
    for (const f of ['index.html', 'personer/ida-aagaard.html', 'moeder/teknik-og-miljoeudvalget-2025-03-04.html']) {
      const html = readFileSync(path.join(out, f), 'utf8');
      expect(html).toContain('Intern udgave');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).not.toContain('noindex');
    expect(readFileSync(path.join(out, 'oparl/system.json'), 'utf8')).toContain('intern udgave');
    expect(readFileSync(path.join(out, 'akn/teknik-og-miljoeudvalget-2025-03-04.xml'), 'utf8')).toContain('Intern udgave');
    expect(readFileSync(path.join(out, 'feed.atom'), 'utf8')).toContain('intern udgave');
    // Comments are never published, in either edition.
    for (const f of walk(out)) if (!f.endsWith('.pdf')) expect(readFileSync(f, 'utf8')).not.toContain(COMMENT_WORD);
    // Publishing the public edition over it removes what the internal one wrote and the public one does not.
    expect(await runPublish([path.join(gen, 'oekonomi-2025-04-01.referat')], { output: out, creationDate, lang: 'en' }, io())).toBe(0);
    expect(existsSync(path.join(out, 'moeder/teknik-og-miljoeudvalget-2025-03-04.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'search-index.json'), 'utf8')).not.toContain(foldDanish(CLOSED_WORD));
  }, 60_000);

  it('a CPR number in published text blocks publishing: one line per place, exit 1, nothing written', async () => {
    const dir = path.join(tmp, 'cpr');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.referat'), GENERATED['oekonomi-2025-04-01.referat']!.replace('fire høringssvar', 'fire høringssvar, et fra 211062-2021'));
    const o = io();
    const out = path.join(tmp, 'cpr-site');
    expect(await runPublish([dir], { output: out, lang: 'en' }, o)).toBe(1);
    expect(o.err[0]).toMatch(/^referat publish: .*a\.referat:\d+:\d+: a CPR number in published text; the public edition is not written \(--allow-cpr writes it anyway\)\n$/);
    expect(o.err.join('')).not.toContain('211062');
    expect(existsSync(out)).toBe(false);
    // The internal edition is not published: never refused.
    expect(await runPublish([dir], { output: out, edition: 'internal', lang: 'en' }, io())).toBe(0);
  }, 60_000);
});

describe('hostile text', () => {
  it('markup, quotes and script in titles, names, case numbers and bodies stay text in every page', () => {
    const pages = walk(site).filter((f) => f.endsWith('.html'));
    const hostile = pages.filter((f) => readFileSync(f, 'utf8').includes('O&#39;Brien'));
    // The meeting, its committee, the person and the list of persons show the hostile names.
    expect(hostile.length).toBeGreaterThanOrEqual(4);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      const rel = path.relative(site, f);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts, rel).toEqual(rel === 'search.html' ? ['<script src="search.js" defer>'] : []);
      for (const tag of ['<img', '<iframe', '<b>', '<i>', 'href="javascript:']) expect(html.includes(tag), `${tag} in ${rel}`).toBe(false);
    }
  });

  it('stays well-formed XML and valid JSON', () => {
    for (const f of walk(path.join(site, 'oparl'))) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();
    if (xmllint) expect(spawnSync('xmllint', ['--noout', path.join(site, 'feed.atom'), ...walk(path.join(site, 'akn'))]).status).toBe(0);
  });
});

describe('refusals: exit 2 and one line, nothing written', () => {
  const refuse = async (inputs: string[], expected: RegExp, extra: Partial<Parameters<typeof runPublish>[1]> = {}) => {
    const o = io();
    const out = path.join(tmp, `refused-${Math.random().toString(36).slice(2)}`);
    expect(await runPublish(inputs, { output: out, lang: 'en', ...extra }, o)).toBe(2);
    expect(o.err.length).toBe(1);
    expect(o.err[0]).toMatch(expected);
    expect(existsSync(out)).toBe(false);
  };
  it('a missing file, a pattern that matches nothing, a bad pattern', async () => {
    await refuse([path.join(tmp, 'nope.referat')], /^referat publish: .*nope\.referat: does not exist\n$/);
    await refuse([`${tmp}/*.nothing`], /^referat publish: no files match /);
  });
  it('binary data and a text with no meeting', async () => {
    const bin = path.join(tmp, 'bin.referat');
    writeFileSync(bin, Buffer.alloc(200, 0));
    await refuse([bin], /is not a text file \(binary data\), not minutes\n$/);
    const empty = path.join(tmp, 'empty.referat');
    writeFileSync(empty, 'Bare en linje tekst.\n');
    await refuse([empty], /holds no meeting \(no title and no item\)\n$/);
  });
  it('an output that is a file', async () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const o = io();
    expect(await runPublish([gen], { output: file, lang: 'en' }, o)).toBe(2);
    expect(o.err).toEqual([`referat publish: -o ${file} is not a folder\n`]);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a base URL that is not http(s), in Danish too', async () => {
    await refuse([gen], /^referat publish: --base-url ftp:\/\/x is not an absolute http or https URL\n$/, { baseUrl: 'ftp://x' });
    await refuse([gen], /^referat publish: --base-url relativ\/sti er ikke en absolut http- eller https-adresse\n$/, { baseUrl: 'relativ/sti', lang: 'da' });
  });
});

// ─── OParl 1.1 ───────────────────────────────────────────────────────────────

function oparlValidators(): Map<string, ValidateFunction> {
  // The schemas' patterns escape characters (\:) that a Unicode regular expression refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addFormat('url', /^https?:\/\/[^\s/$.?#].[^\s]*$/i);
  for (const k of ['references', 'backreference', 'cardinality', 'schema']) ajv.addKeyword(k);
  const dir = path.join(root, 'test/fixtures/oparl-schema');
  const out = new Map<string, ValidateFunction>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    out.set(`https://schema.oparl.org/1.1/${f.replace(/\.json$/, '')}`, ajv.compile(schema));
  }
  return out;
}

describe('OParl 1.1', () => {
  const validators = oparlValidators();
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const check = (obj: Record<string, unknown>, where: string) => {
    const v = validators.get(obj.type as string);
    if (!v) {
      errors.push(`${where}: unknown type ${String(obj.type)}`);
      return;
    }
    seen.set(obj.type as string, (seen.get(obj.type as string) ?? 0) + 1);
    const id = String(obj.id);
    // The specification's text makes created and modified a must for every object (the schema does not).
    if (!obj.created || !obj.modified || Date.parse(obj.modified as string) < Date.parse(obj.created as string)) errors.push(`${where} (${id}): created/modified`);
    if (!v(obj)) errors.push(`${where} (${id}): ${v.errors!.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
    // Embedded objects are validated against their own type.
    for (const [k, value] of Object.entries(obj)) {
      const embedded = Array.isArray(value) ? value : [value];
      for (const e of embedded) if (e && typeof e === 'object' && 'type' in e) check(e as Record<string, unknown>, `${where}.${k}`);
    }
  };

  it('every object and every list item is valid against the schema of its type', () => {
    const files = walk(path.join(site, 'oparl')).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      const rel = path.relative(site, f);
      const json = JSON.parse(readFileSync(f, 'utf8'));
      if ('data' in json) {
        expect(Object.keys(json.pagination).sort(), rel).toEqual(['currentPage', 'elementsPerPage', 'totalElements', 'totalPages']);
        expect(json.pagination.totalElements, rel).toBe(json.data.length);
        expect(json.links.first, rel).toBe(`${BASE}${rel}`);
        json.data.forEach((o: Record<string, unknown>, i: number) => check(o, `${rel}[${i}]`));
      } else {
        // The id of an object is the URL of its file.
        expect(json.id, rel).toBe(`${BASE}${rel}`);
        check(json, rel);
      }
    }
    expect(errors).toEqual([]);
    for (const t of ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File']) {
      expect(seen.get(`https://schema.oparl.org/1.1/${t}`) ?? 0, t).toBeGreaterThan(0);
    }
  });

  it('the schema is enforced (an object with a wrong type of property is refused)', () => {
    const v = validators.get('https://schema.oparl.org/1.1/AgendaItem')!;
    expect(v({ id: 'https://x.dk/a', type: 'https://schema.oparl.org/1.1/AgendaItem', order: 'first', public: 'no' })).toBe(false);
  });

  it('starts at system.json and every URL it links to under the base URL is a file of the site', () => {
    const system = JSON.parse(readFileSync(path.join(site, 'oparl/system.json'), 'utf8'));
    expect(system.oparlVersion).toBe('https://schema.oparl.org/1.1/');
    const missing = new Set<string>();
    for (const f of walk(path.join(site, 'oparl'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/"(https:\/\/referater\.testrup\.dk\/arkiv\/[^"#]*)[#"]/g)) {
        if (!existsSync(path.join(site, decodeURIComponent(m[1]!.slice(BASE.length))))) missing.add(m[1]!);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('one paper per case number, a consultation per treatment', () => {
    const slug = SHARED_CASE.toLowerCase().replace(/\./g, '-');
    const paper = JSON.parse(readFileSync(path.join(site, `oparl/paper/${slug}.json`), 'utf8'));
    expect(paper.reference).toBe(SHARED_CASE);
    expect(paper.consultation).toHaveLength(2);
    expect(paper.underDirectionOf).toHaveLength(2);
  });
});

// ─── Akoma Ntoso 3.0 ─────────────────────────────────────────────────────────

const xsd = path.join(root, 'test/fixtures/akn-schema/akomantoso30.xsd');
const lint = (files: string[]) => spawnSync('xmllint', ['--noout', '--schema', xsd, ...files], { encoding: 'utf8' });

describe.skipIf(!xmllint)(`Akoma Ntoso 3.0${xmllint ? '' : ' (skipped: xmllint missing; .ci/apt-packages installs libxml2-utils)'}`, () => {
  it('flags a broken document (the validator works)', () => {
    const bad = path.join(tmp, 'bad.xml');
    writeFileSync(bad, '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate name="x"><debateBody/></debate></akomaNtoso>');
    expect(lint([bad]).status).not.toBe(0);
  });

  it('every meeting is a valid debate, with FRBR identification, people, roll call, a section per item and the votes', () => {
    const files = walk(path.join(site, 'akn'));
    expect(files.length).toBe(8);
    const r = lint(files);
    expect(r.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(r.status).toBe(0);
    const xml = readFileSync(path.join(site, 'akn/teknik-og-miljoeudvalget-2025-03-04.xml'), 'utf8');
    for (const s of ['<FRBRWork>', '<FRBRExpression>', '<FRBRManifestation>', '<TLCPerson eId="person_ida-aagaard"', '<TLCOrganization eId="udvalg"', '<rollCall', '<debateSection name="punkt" eId="dbsect_punkt-2">']) expect(xml).toContain(s);
    expect(xml).toMatch(/<voting eId="voting_punkt-2" href="#dbsect_punkt-2"><count [^>]*value="2" refersTo="#for #person_ida-aagaard #person_bo-oestergaard"\/><count [^>]*value="1" refersTo="#imod #person_aase-lund"\/><\/voting>/);
    expect(xml).toMatch(/Afbud: <person refersTo="#person_per-holm"/);
    // The closed item: heading only, no votes.
    expect(xml).toMatch(/<debateSection name="punkt" eId="dbsect_punkt-3">\s*<num>3<\/num>\s*<heading>Lukket: Køb af jord<\/heading>\s*<p>Sagsnr: [^<]+<\/p>\s*<p>Lukket punkt.<\/p>\s*<\/debateSection>/);
    expect(xml).not.toContain('voting_punkt-3');
  });

  it('referat export --format akn writes one valid file', async () => {
    const out = path.join(tmp, 'export.akn.xml');
    expect(await runExport([path.join(root, 'examples/sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat')], { format: 'akn', output: out }, io())).toBe(0);
    expect(lint([out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<voting');
    expect(statSync(out).size).toBeGreaterThan(1000);
  });
});
