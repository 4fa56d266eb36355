/**
 * Chevrotain checks a grammar when a parser or lexer is built (ambiguous alternatives, left
 * recursion, unreachable token patterns): tens of milliseconds at every start of the CLI or
 * the language server. The tests build every parser and lexer from the sources with the
 * checks on, so a grammar change that breaks them fails there; the shipped bundles, which
 * esbuild builds with REFERAT_BUNDLE defined, skip them.
 */
declare const REFERAT_BUNDLE: boolean | undefined;

export const skipGrammarChecks: boolean = typeof REFERAT_BUNDLE === 'boolean' && REFERAT_BUNDLE;
