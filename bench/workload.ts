/**
 * Deterministic workloads for the benchmarks: realistic Danish minutes shaped like the
 * seeds (10–40 items, long Sagsfremstilling paragraphs, tables, attendance notes),
 * generated from a seed with a small PRNG so every run measures the same bytes.
 */

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'forvaltningen indstiller udvalget beskæftigelse borgere indsats ledige kommune sagen økonomi budget ' +
  'orientering godkendes jobcenter ydelse kontanthjælp sygedagpenge fleksjob reform aftale rammen ' +
  'indsatsen målgruppen perioden ansøgning puljen midler projekt resultater opfølgning prognose ' +
  'virksomheder arbejdsmarkedet uddannelse samarbejde strategi handleplan evaluering forventes ' +
  'samlet set der er i og til af for med på som at det en et de kan skal vil har blev fra om ved'
).split(' ');
const FIRST = ['Claus', 'Kasper', 'Jesper', 'Henriette', 'Bjarne', 'Bo', 'Jens', 'Anne', 'Pia', 'Mette', 'Lars', 'Søren', 'Birgit', 'Ole'];
const LAST = ['Berggren', 'Christensen', 'Gade', 'Malland', 'Overmark', 'Vestergaard', 'Hansen', 'Holm', 'Moldt', 'Østergaard', 'Bech', 'Nielsen', 'Jørgensen'];

export interface Workload {
  text: string;
  committee: string;
  year: number;
  firstItem: number;
  items: number;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function sentence(r: () => number, min = 8, max = 25): string {
  const n = min + Math.floor(r() * (max - min));
  const ws = Array.from({ length: n }, () => pick(r, WORDS));
  const s = ws.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

const WEEKDAYS = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'];
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** One meeting. `targetBytes` (optional) keeps adding items until the text is that large. */
export function meeting(seed: number, opts: { year?: number; month?: number; firstItem?: number; items?: number; targetBytes?: number; committee?: string } = {}): Workload {
  const r = prng(seed);
  const year = opts.year ?? 2024;
  const month = opts.month ?? 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 27);
  const date = new Date(Date.UTC(year, month - 1, day));
  const committee = opts.committee ?? 'Beskæftigelsesudvalget';
  const members = Array.from({ length: 9 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 5 + seed) % LAST.length]}`);
  const uniq = [...new Set(members)];
  const afbud = uniq[Math.floor(r() * uniq.length)]!;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const lines: string[] = [
    `# REFERAT ${committee} d. ${dd}-${mm}-${year}`,
    '',
    'Kommune: Randers Kommune',
    `Mødedato: ${WEEKDAYS[date.getUTCDay()]} d. ${dd}. ${MONTHS[month - 1]} ${year} kl. 16:30`,
    'Mødested: C.2.25',
    `Mødedeltagere: ${uniq.slice(0, -1).join(', ')} og ${uniq[uniq.length - 1]}`,
    `Afbud: ${afbud}`,
    '',
  ];
  const firstItem = opts.firstItem ?? 1;
  let n = firstItem;
  const count = opts.items ?? 10 + Math.floor(r() * 31);
  let size = lines.join('\n').length;
  const done = () => (opts.targetBytes ? size >= opts.targetBytes : n >= firstItem + count);
  while (!done()) {
    const closed = r() < 0.05;
    const item: string[] = [`## Punkt ${n}: ${sentence(r, 3, 8).slice(0, -1)}`, `Sagsnr: ${String(Math.floor(r() * 90) + 10).padStart(2, '0')}.22.00-P35-${1 + Math.floor(r() * 9)}-${String(year % 100).padStart(2, '0')}`];
    if (closed) {
      item.push('Lukket: ja', '');
    } else {
      const proposals = 1 + Math.floor(r() * 3);
      item.push('', '### Resumé', paragraph(r, 3), '', '### Indstilling', 'Forvaltningen indstiller til beskæftigelsesudvalget,', '');
      for (let i = 1; i <= proposals; i++) item.push(`${i}. at ${sentence(r, 4, 10).toLowerCase()}`);
      item.push('', '### Beslutning');
      for (let i = 1; i <= proposals; i++) item.push(`${i}. at ${pick(r, ['godkendt', 'taget til efterretning', 'drøftet', 'anbefales'])}.`);
      item.push('', `${afbud} havde forfald.`, '');
      if (r() < 0.3) item.push(`${pick(r, FIRST)} ${pick(r, LAST)}, afdelingsleder, deltog under punktet.`, '');
      item.push('### Sagsfremstilling');
      const paras = 3 + Math.floor(r() * 8);
      for (let i = 0; i < paras; i++) item.push(paragraph(r, 4 + Math.floor(r() * 8)), '');
      if (r() < 0.4) {
        item.push('| Område | 2024 | 2025 | 2026 |', '|---|---:|---:|---:|');
        for (let i = 0; i < 5; i++) item.push(`| ${pick(r, WORDS)} | ${Math.floor(r() * 1e6)} | ${Math.floor(r() * 1e6)} | ${Math.floor(r() * 1e6)} |`);
        item.push('');
      }
      item.push('### Økonomi', paragraph(r, 2), '', '### Bilag', `- Bilag ${n}`, '');
    }
    const chunk = item.join('\n') + '\n';
    lines.push(chunk);
    size += chunk.length + 1;
    n++;
  }
  return { text: lines.join('\n'), committee, year, firstItem, items: n - firstItem };
}
