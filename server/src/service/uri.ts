/** Small helpers on document URIs, shared by the parts of the language service. */

/** The folder of a URI (without the trailing slash). */
export function dirOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > 0 ? uri.slice(0, i) : uri;
}

export function isReferat(uri: string): boolean {
  return /\.referat$/i.test(uri);
}

/**
 * A string that holds its own characters. V8 makes a substring of 13 characters or more
 * a view (a "sliced string") that keeps the whole source text alive; a JSON round trip
 * copies it, in native code and in every host (Node, the browser worker).
 */
export function own<T extends string | undefined>(s: T): T {
  return (s === undefined || s.length < 13 ? s : JSON.parse(JSON.stringify(s))) as T;
}
