/**
 * `referat publish`: the archive of minutes → a static site, every file as bytes keyed by
 * its path below the output folder. Pure apart from the PDF fonts the caller passes in:
 * the CLI (cli/commands/publish.ts) reads, checks and writes.
 *
 * What is published comes from the export document with the edition applied (see
 * export/document.ts), for every output alike — pages, PDFs, search index, feed, OParl
 * and Akoma Ntoso — so a closed item's body and the comments are in none of them.
 */
import { renderPdf, type PdfFonts } from '../export/pdf.js';
import type { Edition } from '../export/model.js';
import { renderAkn } from '../export/akn.js';
import { FEED_FILE, renderAtom } from './atom.js';
import { buildCorpus, type Corpus, type CorpusInput } from '../export/corpus.js';
export { corpusBuilder, type Corpus, type CorpusInput } from '../export/corpus.js';
import { buildOparl } from './oparl.js';
import { buildSearchIndex, searchClientScript, searchDocuments } from './search.js';
import { SEARCH_INDEX_FILE } from './search-options.js';
import { casePage, casesPage, committeePage, indexPage, meetingPage, PATHS, personPage, personsPage, searchPage, type SiteContext } from './site.js';

export interface PublishOptions {
  readonly edition?: Edition;
  /** The URL the site will be served from (OParl ids, the feed); `http://localhost:8000/` by default. */
  readonly baseUrl?: string;
  /** Fonts for the PDFs; without them no PDF is written (the pages still link to none). */
  readonly fonts?: PdfFonts;
  /** Fixed creation date for the PDFs (reproducible output). */
  readonly creationDate?: Date;
}

export const DEFAULT_BASE_URL = 'http://localhost:8000/';

/** A base URL with exactly one trailing slash, or undefined when it is not an absolute http(s) URL. */
export function normaliseBaseUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.search = '';
    u.hash = '';
    return u.href.replace(/\/*$/, '/');
  } catch {
    return undefined;
  }
}

/**
 * A file's content, or a function that renders it: the pages of meetings, people and cases
 * and the PDFs are rendered one at a time as they are written, so a large archive's site is
 * never all in memory at once.
 */
export type SiteFile = string | Uint8Array | (() => string | Uint8Array | Promise<string | Uint8Array>);

export interface Site {
  readonly corpus: Corpus;
  /** Path below the output folder (`/`-separated) → content. */
  readonly files: Map<string, SiteFile>;
}

/** The site of the archive: analysed meetings, or a corpus built one meeting at a time (`corpusBuilder`, its edition wins). */
export async function buildSite(inputs: readonly CorpusInput[] | Corpus, options: PublishOptions = {}): Promise<Site> {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL) ?? DEFAULT_BASE_URL;
  const corpus = 'meetings' in inputs ? inputs : buildCorpus(inputs, options.edition ?? 'public');
  const title = corpus.bodies.length === 1 ? `Referater – ${corpus.bodies[0]!.name}` : 'Referater';
  const ctx: SiteContext = { corpus, title };
  const files = new Map<string, SiteFile>();

  files.set('index.html', indexPage(ctx));
  files.set(PATHS.persons, personsPage(ctx));
  files.set(PATHS.cases, casesPage(ctx));
  files.set(PATHS.search, searchPage(ctx));
  files.set(PATHS.searchScript, await searchClientScript());
  files.set(SEARCH_INDEX_FILE, buildSearchIndex(searchDocuments(corpus, PATHS.meeting)));
  for (const c of corpus.committees) files.set(PATHS.committee(c.slug), () => committeePage(ctx, c));
  for (const p of corpus.persons) files.set(PATHS.person(p.slug), () => personPage(ctx, p));
  for (const c of corpus.cases) files.set(PATHS.case(c.slug), () => casePage(ctx, c));
  for (const m of corpus.meetings) {
    files.set(PATHS.meeting(m.slug), () => meetingPage(ctx, m));
    files.set(PATHS.akn(m.slug), () => renderAkn(m));
    const fonts = options.fonts;
    if (fonts) files.set(PATHS.pdf(m.slug), () => renderPdf(m.doc, fonts, { creationDate: options.creationDate }));
  }
  files.set(FEED_FILE, renderAtom(corpus, { baseUrl, title, meetingUrl: PATHS.meeting, pdfUrl: PATHS.pdf }));
  const oparl = buildOparl(corpus, {
    baseUrl,
    title,
    meetingUrl: PATHS.meeting,
    pdfUrl: PATHS.pdf,
    aknUrl: PATHS.akn,
    committeeUrl: PATHS.committee,
    personUrl: PATHS.person,
    caseUrl: PATHS.case,
  });
  for (const [p, o] of oparl) files.set(`oparl/${p}`, JSON.stringify(o, null, 1) + '\n');
  return { corpus, files };
}
