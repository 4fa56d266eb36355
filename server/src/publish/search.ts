/**
 * The search index, built at publish time with MiniSearch and written as static JSON, so
 * that search works on any static host: one document per item (heading, published text,
 * case number, meeting), every term folded the Danish way (search-options.ts). A closed
 * item of the public edition is indexed by its heading and case number only: its body is
 * not in the export document the index is built from.
 */
import MiniSearch from 'minisearch';
import path from 'node:path';
import { itemHeading } from '../export/model.js';
import { itemPlainText, type Corpus } from '../export/corpus.js';
import { SEARCH_OPTIONS, type SearchDocument } from './search-options.js';

declare const REFERAT_SEARCH_CLIENT: string | undefined;

export function searchDocuments(corpus: Corpus, meetingUrl: (slug: string) => string): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const m of corpus.meetings) {
    for (const it of m.items) {
      docs.push({
        id: `${m.slug}#${it.doc.anchor}`,
        title: itemHeading(it.doc),
        text: itemPlainText(it.doc),
        caseNumber: it.doc.caseNumber ?? '',
        meeting: m.doc.title,
        committee: m.committee.name,
        date: m.isoDate ?? '',
        url: `${meetingUrl(m.slug)}#${it.doc.anchor}`,
      });
    }
  }
  return docs;
}

/** The serialised index (`MiniSearch.loadJS` reads it with {@link SEARCH_OPTIONS}). */
export function buildSearchIndex(docs: readonly SearchDocument[]): string {
  const ms = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  ms.addAll([...docs]);
  return JSON.stringify({ format: 'referat-search/1', index: ms.toJSON() });
}

/**
 * The search page's script. The release bundle carries it, built by scripts/build.mjs;
 * from the sources (tests, development) it is bundled here with esbuild.
 */
export async function searchClientScript(): Promise<string> {
  if (typeof REFERAT_SEARCH_CLIENT === 'string' && REFERAT_SEARCH_CLIENT) return REFERAT_SEARCH_CLIENT;
  // A name in a variable, so that the bundler does not take esbuild into the bundle.
  const bundler = 'esbuild';
  const esbuild = (await import(bundler)) as typeof import('esbuild');
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'server/src/publish');
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'search-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
