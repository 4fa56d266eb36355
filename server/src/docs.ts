/**
 * Where the documentation lives on the web: rule pages are linked from SARIF, from editor
 * diagnostics (`codeDescription`) and from the CLI by an https URL, never by a path on the
 * machine that ran the tool (useless in GitHub code scanning or on a colleague's machine).
 *
 * The base is built from package.json `homepage`/`repository` at bundle time
 * (scripts/build.mjs defines REFERAT_DOCS_BASE); from the sources (the tests) it is
 * DEFAULT_DOCS_BASE, which a test keeps equal to what package.json gives. Until the project
 * has a public home, package.json names the placeholder https://github.com/referat-dk/referat.
 */

declare const REFERAT_DOCS_BASE: string | undefined;

/** The docs folder of the project's public repository (placeholder until it is published). */
export const DEFAULT_DOCS_BASE = 'https://github.com/referat-dk/referat/blob/main/docs/';

/** The base URL of the docs folder, ending in `/`. */
export const DOCS_BASE: string = typeof REFERAT_DOCS_BASE === 'string' && REFERAT_DOCS_BASE ? REFERAT_DOCS_BASE : DEFAULT_DOCS_BASE;

/**
 * The docs folder's https URL from a package.json: its `repository` (a GitHub or GitLab URL,
 * `git+https://…`, `…\.git` or `github:owner/name`) read as `<repo>/blob/main/docs/`, else
 * its `homepage` + `/docs/`. Undefined when neither is an https URL.
 */
export function docsBaseFromPackage(pkg: { homepage?: unknown; repository?: unknown }): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository as { url?: unknown } | undefined)?.url;
  if (typeof repo === 'string') {
    const short = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(repo);
    const url = short ? `https://${short[1]}.com/${short[2]}` : repo.replace(/^git\+/, '').replace(/\.git$/, '');
    if (/^https:\/\/[^/]+\/[^/]+\/[^/]+/.test(url)) {
      const sep = /gitlab/.test(url) ? '/-/blob/main/docs/' : '/blob/main/docs/';
      return url.replace(/\/$/, '') + sep;
    }
  }
  if (typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage)) return pkg.homepage.replace(/#.*$/, '').replace(/\/$/, '') + '/docs/';
  return undefined;
}

/** A rule's page (`syntax` links to the markup's syntax section). */
export function ruleDocUrl(ruleId: string, base: string = DOCS_BASE): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return ruleId === 'syntax' ? `${b}markup.md#syntax-diagnostics` : `${b}rules/${encodeURIComponent(ruleId)}.md`;
}
