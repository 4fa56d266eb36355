/**
 * A kommune's meeting page saved as HTML: its content is imported, its frame (navigation, the
 * site's header and footer, cookie banners, hidden text) is dropped and counted. The pages are
 * invented, in the shapes the publishing systems use (a page with `<main>`, a page without, an
 * old table layout); no kommune's text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, lint } from '../../server/src/engine.js';
import { exportReferat } from '../../server/src/export/index.js';
import { importReferat, looksLikeHtmlPage } from '../../server/src/import/index.js';

const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');

const frame = (content: string, opts: { main?: boolean } = {}) => `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Referat | Eksempelby Kommune</title>
<script>var tracking = "Sporingskode";</script><style>.menu { color: red }</style></head>
<body>
<div id="CybotCookiebotDialog"><p>Vi bruger cookies til statistik.</p><button>Tillad alle</button></div>
<a class="skip-link" href="#indhold">Gå til indhold</a>
<header class="site-header"><a href="/">Eksempelby Kommune</a><nav><ul><li><a href="/borger">Borger</a></li><li><a href="/politik">Politik og demokrati</a></li></ul></nav>
<form role="search"><label>Søg på siden</label><input name="q"></form></header>
<nav class="breadcrumb"><a href="/">Forside</a> / <a href="/politik">Politik</a> / Referater</nav>
${opts.main === false ? `<div class="content">${content}</div>` : `<main id="indhold">${content}</main>`}
<aside><h2>Se også</h2><p>Abonnér på dagsordener</p></aside>
<footer><p>Eksempelby Kommune, Torvet 1, 9999 Eksempelby</p><p>Tilgængelighedserklæring</p></footer>
</body></html>`;

const meetingPage = `
<h1>Referat: Natur- og Klimaudvalget</h1>
<div class="meeting-details">
<div><span class="label">Mødedato:</span> <span>onsdag den 6. marts 2024 kl. 15:30</span></div>
<div><span class="label">Mødested:</span> <span>Mødelokale Åen, Rådhuset</span></div>
<div><span class="label">Afbud:</span> <span>Rasmus Krog (V)</span></div>
</div>
<div class="bullet-point">
<h2><a href="#punkt-41">41. Godkendelse af dagsorden</a></h2>
<p class="case-number">Sagsnr.: 24/3107</p>
<h3>Beslutning</h3>
<p>Dagsordenen blev godkendt.</p>
<p>Rasmus Krog (V) deltog ikke i behandlingen.</p>
<span class="visually-hidden">Åbn punktet i et nyt vindue</span>
</div>
<div class="bullet-point">
<h2>42. Plan for vandløbenes vedligeholdelse 2024-2027</h2>
<p class="case-number">Sagsnr.: 24/1844</p>
<h3>Sagsfremstilling</h3>
<p>Administrationen har udarbejdet en plan for vedligeholdelsen af de offentlige vandløb.<br>Planen har været i høring i seks uger.</p>
<table><tr><th>År</th><th>Beløb</th></tr><tr><td>2024</td><td>1,4 mio. kr.</td></tr></table>
<h3>Indstilling</h3>
<p>Administrationen indstiller, at planen godkendes.</p>
<h3>Beslutning</h3>
<p>Godkendt.</p>
<p>Rasmus Krog (V) deltog ikke i behandlingen.</p>
</div>
<div class="bullet-point">
<h2>43. Køb af jord (Lukket punkt)</h2>
</div>
<div class="share"><a href="#">Del på Facebook</a> <a href="#">Udskriv</a></div>
`;

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('a saved meeting page', () => {
  const page = frame(meetingPage);

  it('is told from text by its content', () => {
    expect(looksLikeHtmlPage(page)).toBe(true);
    expect(looksLikeHtmlPage(`\uFEFF<!-- saved -->\n<html><body><p>x</p></body></html>`)).toBe(true);
    expect(looksLikeHtmlPage('<div class="x"><h2>1. Sag</h2></div>')).toBe(true);
    // Published text that mentions a tag is text.
    expect(looksLikeHtmlPage('Referat\n\n1. Brug af <p> i skabeloner\n')).toBe(false);
    expect(looksLikeHtmlPage('<Bemærk> mødet er flyttet\n')).toBe(false);
  });

  it('imports every item, case number, section and header field of its content', () => {
    const r = importReferat(page);
    expect(r.markup.split('\n')[0]).toBe('# REFERAT Natur- og Klimaudvalget');
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null, i.closed])).toEqual([
      ['41', 'Godkendelse af dagsorden', '24/3107', false],
      ['42', 'Plan for vandløbenes vedligeholdelse 2024-2027', '24/1844', false],
      ['43', 'Køb af jord (Lukket punkt)', null, true],
    ]);
    expect(meeting.items[1]!.sections.map((s) => s.kind)).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
    expect([meeting.date?.year, meeting.date?.month, meeting.date?.day, meeting.date?.hour]).toEqual([2024, 3, 6, 15]);
    expect(meeting.place?.trim()).toBe('Mødelokale Åen, Rådhuset');
    expect(meeting.afbud.map((n) => n.name)).toEqual(['Rasmus Krog']);
    // The absence note in each decision is read: no afbud-not-noted on the two open items.
    const findings = lint(r.markup).findings;
    expect(findings.filter((f) => f.severity === 'error' && f.ruleId !== 'case-number')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'afbud-not-noted')).toEqual([]);
  });

  it('keeps every word of the content and none of the frame, and counts what it dropped', () => {
    const r = importReferat(page) as ReturnType<typeof importReferat> & { furnitureWords: number; guesses: string[] };
    const markup = r.markup.replace(/<!--[\s\S]*?-->/g, ' ');
    for (const gone of ['cookies', 'Sporingskode', 'Gå til indhold', 'Politik og demokrati', 'Søg på siden', 'Forside', 'Abonnér', 'Torvet 1', 'Tilgængelighedserklæring', 'Åbn punktet', 'Facebook']) {
      expect(markup, gone).not.toContain(gone);
    }
    const kept = new Set(words(markup));
    const content = words(meetingPage.replace(/<[^>]*>/g, ' ').replace(/Åbn punktet i et nyt vindue|Del på Facebook|Udskriv/g, ' '));
    expect(content.filter((w) => !kept.has(w))).toEqual([]);
    expect(r.furnitureWords).toBeGreaterThan(20);
    expect(r.guesses.join(' ')).toMatch(/web page: \d+ words/);
  });

  it('without a <main>: the site header, navigation, side bar and footer are still dropped', () => {
    const r = importReferat(frame(meetingPage, { main: false }));
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => i.number)).toEqual(['41', '42', '43']);
    for (const gone of ['Politik og demokrati', 'Abonnér', 'Torvet 1', 'cookies']) expect(r.markup, gone).not.toContain(gone);
  });

  it('the meeting’s heading above <main> (its committee and date) is kept; a side bar is not', () => {
    const [above, below] = [meetingPage.slice(0, meetingPage.indexOf('<div class="bullet-point">')), meetingPage.slice(meetingPage.indexOf('<div class="bullet-point">'))];
    const split = frame(below).replace('<main id="indhold">', `<div class="page-title">${above}</div><div class="sidebar"><p>Kalender for udvalgene</p></div><main id="indhold">`);
    const r = importReferat(split);
    const { meeting } = analyze(r.markup);
    expect([meeting.date?.year, meeting.date?.month, meeting.date?.day]).toEqual([2024, 3, 6]);
    expect(meeting.place?.trim()).toBe('Mødelokale Åen, Rådhuset');
    expect(meeting.items.map((i) => i.number)).toEqual(['41', '42', '43']);
    expect(r.markup).not.toContain('Kalender for udvalgene');
  });

  it('an old table layout (labels and values in cells, items as bold rows) imports its items', () => {
    const old = `<html><body><table width="100%">
<tr><td><b>Referat</b></td></tr>
<tr><td>Udvalg:</td><td>Børne- og Skoleudvalget</td></tr>
<tr><td>Mødedato:</td><td>12-09-2023</td></tr>
<tr><td>Mødested:</td><td>Byrådssalen</td></tr>
</table>
<p><b>1. Skolernes trivselsmåling</b></p>
<p>Sagsnr.: 23/8801</p>
<p><b>Sagsfremstilling</b></p>
<p>Trivselsmålingen viser en lille fremgang på alle klassetrin.</p>
<p><b>Beslutning</b></p>
<p>Taget til efterretning.</p>
<p><b>2. Nye skoledistrikter</b></p>
<p>Sagsnr.: 23/9120</p>
<p><b>Beslutning</b></p>
<p>Udsat.</p>
</body></html>`;
    const { meeting } = analyze(importReferat(old).markup);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text])).toEqual([
      ['1', 'Skolernes trivselsmåling', '23/8801'],
      ['2', 'Nye skoledistrikter', '23/9120'],
    ]);
    expect([meeting.date?.year, meeting.date?.month, meeting.date?.day]).toEqual([2023, 9, 12]);
  });

  it('an accordion: a heading inside its button and a collapsed (hidden) panel are content; a small hidden label is not', () => {
    const accordion = frame(`<h1>Referat: Natur- og Klimaudvalget</h1>
<p>Mødedato: 6. marts 2024</p>
<div class="accordion">
<h2><button aria-expanded="false" class="accordion-trigger">41. Godkendelse af dagsorden <span aria-hidden="true">▼</span></button></h2>
<div class="accordion-panel" hidden><p>Sagsnr.: 24/3107</p><h3>Beslutning</h3><p>Dagsordenen blev godkendt uden bemærkninger fra udvalgets medlemmer.</p></div>
<h2><button class="accordion-trigger">42. Plan for vandløbene</button></h2>
<div class="accordion-panel" aria-hidden="true" style="display: none"><p>Sagsnr.: 24/1844</p><h3>Beslutning</h3><p>Planen blev godkendt, og administrationen sender den i offentlig høring i otte uger.</p></div>
</div>
<button>Vis alle punkter</button>`);
    const r = importReferat(accordion);
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text, i.decisionSection?.empty])).toEqual([
      ['41', 'Godkendelse af dagsorden', '24/3107', false],
      ['42', 'Plan for vandløbene', '24/1844', false],
    ]);
    expect(r.markup).not.toContain('▼');
    expect(r.markup).not.toContain('Vis alle punkter');
  });

  it('items laid out as tables (a section’s name in the first cell, its text beside it) keep their sections', () => {
    const table = frame(`<h1>Referat - Miljøudvalget</h1><p>Mødedato: 12-09-2023 kl. 16:00</p>
<h2>1. Godkendelse af dagsorden</h2>
<table><tr><td><b>Sagsnr.:</b></td><td>23/8801</td></tr><tr><td><b>Sagsfremstilling</b></td><td>Dagsordenen forelægges til godkendelse uden ændringer.</td></tr><tr><td><b>Beslutning</b></td><td>Godkendt.</td></tr></table>
<h2>2. Nye stier i skoven</h2>
<table><tr><td><b>Sagsnr.:</b></td><td>23/9120</td></tr><tr><td><b>Indstilling</b></td><td>Forvaltningen indstiller, at stierne anlægges.</td></tr><tr><td><b>Beslutning</b></td><td>Godkendt med den ændring, at stien belyses.</td></tr></table>`);
    const r = importReferat(table);
    expect(r.markup.split('\n')[0]).toBe('# REFERAT Miljøudvalget');
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => [i.number, i.caseNumber?.text, i.sections.map((x) => x.kind)])).toEqual([
      ['1', '23/8801', ['sagsfremstilling', 'beslutning']],
      ['2', '23/9120', ['indstilling', 'beslutning']],
    ]);
    expect(r.markup).toContain('### Beslutning\n\nGodkendt med den ændring, at stien belyses.');
  });

  it('a large page of unclosed cells (valid HTML) is read in one pass: every item found', () => {
    // 4,000 rows of cells without end tags, each with a class: no element is scanned to the page's end.
    const rows = Array.from({ length: 4000 }, (_, k) => `<tr><td class="c">Række ${k}<td class="c">${k * 7} kr.`).join('\n');
    const page = frame(`<h1>Referat: Natur- og Klimaudvalget</h1><p>Mødedato: 6. marts 2024</p>
<h2>1. Regnskab for vandløbene</h2><p>Sagsnr.: 24/1001</p><h3>Sagsfremstilling</h3><table>${rows}</table>
<h3>Beslutning</h3><p>Godkendt.</p><h2>2. Orientering</h2><p>Sagsnr.: 24/1002</p><h3>Beslutning</h3><p>Taget til efterretning.</p>`);
    const { meeting } = analyze(importReferat(page).markup);
    expect(meeting.items.map((i) => [i.number, i.caseNumber?.text])).toEqual([
      ['1', '24/1001'],
      ['2', '24/1002'],
    ]);
  });

  it('exports in text with the content’s words, none of the frame', async () => {
    const text = String((await exportReferat(importReferat(page).markup, { format: 'text', edition: 'internal' })).data);
    expect(text).toContain('Plan for vandløbenes vedligeholdelse 2024-2027');
    expect(text).not.toContain('Facebook');
  });
});

describe('referat import of a web page', () => {
  it('writes NAME.referat beside NAME.html, reports the format as html, and reads the house style from the content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-webpage-'));
    writeFileSync(path.join(dir, 'moede.html'), frame(meetingPage));
    const r = spawnSync(process.execPath, [cli, 'import', 'moede.html', '--profile', 'auto', '--report', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const [report] = JSON.parse(r.stdout) as { format: string; items: number; wordsDroppedAsFurniture: number }[];
    expect(report).toMatchObject({ format: 'html', items: 3 });
    expect(report!.wordsDroppedAsFurniture).toBeGreaterThan(20);
    const markup = readFileSync(path.join(dir, 'moede.referat'), 'utf8');
    expect(markup).toContain('## 42. Plan for vandløbenes vedligeholdelse 2024-2027');
    const rc = JSON.parse(readFileSync(path.join(dir, '.referatrc.json'), 'utf8')) as { profiles: Record<string, { itemHeading: string }> };
    expect(Object.values(rc.profiles)[0]!.itemHeading).toBe('{n}. {title}');
    rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * Invented pages in the DOM shapes of the systems kommuner publish with (our own words): a
 * meeting portal that lists its items as table rows (`tr.punktrow`, the number in a cell of its
 * own, the title an `<h2>` in the next cell, the text in a collapsed `.details`), and a kommune
 * CMS page with a meeting node, an attendance table and accordions (`<button>` in the heading,
 * an `aria-hidden` panel). Each has a cookie banner, menus, breadcrumbs, share and print
 * buttons, scripts and styles around it.
 */
describe('pages in the publishing systems’ shapes', () => {
  const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'webpages', name), 'utf8');
  type Full = ReturnType<typeof importReferat> & { furnitureWords: number; furnitureDropped: number };
  /** The page's words as a reader sees them: its text, less what `furniture` names (scripts, styles and the given strings). */
  const visibleWords = (html: string, furniture: readonly string[]) => {
    let t = html.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
    for (const f of furniture) t = t.split(f).join(' ');
    return words(t);
  };
  const missing = (markup: string, expected: readonly string[]) => {
    const kept = new Set(words(markup.replace(/<!--[\s\S]*?-->/g, ' ')));
    return expected.filter((w) => !kept.has(w));
  };

  describe('a portal listing its items as table rows', () => {
    const html = fixture('portal-rows.html');
    const r = importReferat(html) as Full;
    const { meeting } = analyze(r.markup);

    it('reads each row as an item: number cell and title heading joined, case number, sections, decision', () => {
      expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null, i.closed])).toEqual([
        ['1', 'Godkendelse af dagsorden', '31/00412', false],
        ['2', 'Ny belysning på lystbådehavnens moler', '30/18830', false],
        ['3', 'Lukket punkt: Salg af byggegrund', null, true],
      ]);
      expect(meeting.items[1]!.sections.map((s) => s.kind)).toEqual(['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag']);
      expect(r.markup).toMatch(/### Beslutning\n\nIndstillingen blev godkendt\./);
      expect(r.markup).toContain('- at udvalget vælger det billigste tilbud');
      expect([meeting.date?.year, meeting.date?.month, meeting.date?.day]).toEqual([2031, 1, 14]);
      expect(r.markup.split('\n')[0]).toBe('# REFERAT Teknik- og Havneudvalget');
    });

    it('drops and counts the banner, menus, action buttons and scripts, and keeps every content word', () => {
      const furniture = ['Denne hjemmeside anvender cookies til at huske dine valg og til anonym statistik over besøg.', 'Afvis alle', 'Accepter alle', 'Forside', 'Søg i dagsordener', 'Hjælp', 'Hent hele referatet som PDF', 'Udskriv', 'Vis', 'Handlinger', 'Hent punktet som PDF', 'Kopier link til punktet', 'Eksempelby Kommune · Rådhuspladsen 1 · Telefon 11 22 33 44', 'Tilgængelighedserklæring'];
      for (const gone of furniture) expect(r.markup, gone).not.toContain(gone);
      expect(r.markup).not.toMatch(/dataLayer|querySelectorAll|display: none/);
      // Labels become the markup's field names (`Dato:` → `Mødedato:`, `Sagsnummer:` → `Sagsnr:`).
      expect(missing(r.markup, visibleWords(html, [...furniture, 'Dato:', 'Sted:', 'Sagsnummer:']))).toEqual([]);
      expect(r.furnitureDropped).toBeGreaterThanOrEqual(8);
      expect(r.furnitureWords).toBeGreaterThanOrEqual(50);
    });
  });

  describe('a CMS meeting page with an attendance table and accordions', () => {
    const html = fixture('accordion.html');
    const r = importReferat(html) as Full;
    const { meeting } = analyze(r.markup);

    it('reads the accordions’ buttons as item headings and their hidden panels as the items’ text', () => {
      expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null, i.closed])).toEqual([
        ['5', 'Skolebusruter efter sommerferien', '31/02277', false],
        ['6', 'Orientering om trivselsmåling', '31/00951', false],
      ]);
      expect(meeting.items.map((i) => i.sections.map((s) => s.kind))).toEqual([
        ['sagsfremstilling', 'indstilling', 'beslutning'],
        ['sagsfremstilling', 'beslutning'],
      ]);
      expect(r.markup).toMatch(/### Beslutning\n\nTaget til efterretning\./);
      expect([meeting.date?.year, meeting.date?.month, meeting.date?.day, meeting.date?.hour]).toEqual([2031, 2, 3, 16]);
      expect(meeting.place?.trim()).toBe('Skolen ved Åen, personalerummet');
    });

    it('drops and counts the banner, breadcrumbs, menus, share and print buttons, and keeps every content word', () => {
      const furniture = ['Denne hjemmeside bruger cookies', 'Vi bruger cookies til at tilpasse vores indhold og til at analysere vores trafik.', 'Tillad alle', 'Gå til hovedindhold', 'Eksempelby Kommune', 'Borger', 'Erhverv', 'Søg', 'Forside', 'Del siden', 'Facebook', 'LinkedIn', 'E-mail', 'Print', 'Kopier link til punktet', 'Udskriv punkt', 'Til toppen', 'Torvet 1', 'Cookiepolitik', 'Tilgængelighed', '+'];
      for (const gone of furniture.filter((f) => f !== '+')) expect(r.markup.replace(/^# .*$/m, ''), gone).not.toContain(gone);
      // The breadcrumb's last crumb is the committee's name, which the page's heading says too;
      // the heading over the attendance table is the label `Mødedeltagere`.
      expect(missing(r.markup, visibleWords(html, [...furniture, 'Politik', 'Udvalg', 'Deltagere']))).toEqual([]);
      expect(r.furnitureDropped).toBeGreaterThanOrEqual(8);
      expect(r.furnitureWords).toBeGreaterThanOrEqual(50);
    });
  });
});
