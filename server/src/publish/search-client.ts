/**
 * The search page's script (bundled for the browser with MiniSearch): loads the static
 * index, folds the query as the index was folded, and lists the items found, each a link
 * to the item on its meeting page. Without JavaScript the page says so; every other page
 * of the site works without it.
 */
import MiniSearch from 'minisearch';
import { SEARCH_INDEX_FILE, SEARCH_OPTIONS } from './search-options.js';

interface Hit {
  id: string;
  title: string;
  meeting: string;
  committee: string;
  date: string;
  caseNumber: string;
  url: string;
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
const input = document.getElementById('q') as HTMLInputElement | null;
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
let index: Promise<MiniSearch<Hit>> | undefined;

function load(): Promise<MiniSearch<Hit>> {
  index ??= fetch(SEARCH_INDEX_FILE)
    .then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    })
    .then((data: { index: unknown }) => MiniSearch.loadJS<Hit>(data.index as never, SEARCH_OPTIONS));
  return index;
}

const say = (text: string) => {
  if (status) status.textContent = text;
};

async function run(query: string): Promise<void> {
  if (!list) return;
  list.replaceChildren();
  if (!query.trim()) {
    say('Skriv et eller flere ord.');
    return;
  }
  let ms: MiniSearch<Hit>;
  try {
    ms = await load();
  } catch {
    say('Søgeindekset kunne ikke hentes.');
    return;
  }
  const hits = ms.search(query) as unknown as Hit[];
  say(hits.length === 0 ? `Ingen punkter passer til »${query}«.` : `${hits.length} ${hits.length === 1 ? 'punkt' : 'punkter'} passer til »${query}«.`);
  for (const h of hits.slice(0, 100)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = h.url;
    a.textContent = h.title;
    const meta = document.createElement('p');
    meta.className = 'hit-meta';
    meta.textContent = [h.meeting, h.caseNumber ? `Sagsnr. ${h.caseNumber}` : ''].filter(Boolean).join(' · ');
    li.append(a, meta);
    list.append(li);
  }
}

if (form && input) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value;
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    history.replaceState(null, '', url);
    void run(q);
  });
  const q = new URL(location.href).searchParams.get('q');
  if (q) {
    input.value = q;
    void run(q);
  }
}
