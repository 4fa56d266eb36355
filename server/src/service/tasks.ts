/**
 * The engine's tasks on files, for the command line: lint and fix, import (text, portal
 * records, PDF, Word) in a house style, profile inference, export, publication, the
 * configuration walk and the rules' metadata. `server/src/cli/` reaches the engine only
 * through this file (docs/architecture.md).
 *
 * Loading this file loads none of the engine: it holds types and the few small constants
 * the commands declare their options with. Each task is a loader (`import()` of its module
 * under `tasks/`), so `referat --help` and `referat lint` load only what they use. In the
 * bundle (dist/cli-main.js) esbuild inlines each such module and evaluates it on first use.
 */
export type { ConfigFileSystem, ConfigFinder, FoundConfig } from '../config/discover.js';
export type { ResolvedConfig } from '../config/resolve.js';
export type { Finding } from '../engine.js';
export type { PdfFonts } from '../export/index.js';
export type { ImportFormat } from '../import/index.js';
export type { InferDocument } from '../infer/profile.js';
export type { RuleMeta } from '../rules/types.js';
export type { AnalysedFile, LintedFile } from './tasks/lint.js';
export { DOCS_BASE, ruleDocUrl } from '../docs.js';
export { EDITIONS, EXPORT_FORMATS, EXTENSIONS, type Edition, type ExportFormat } from '../export/model.js';
export { isBinaryText } from '../syntax/binary.js';

/** The configuration: `.referatrc.json` found up the folders (`ConfigFinder`), parsed and resolved; its errors. */
export const loadConfiguration = () => import('./tasks/config.js');

/** Lint, and fix, files among the other meetings of their folder. */
export const loadLinter = () => import('./tasks/lint.js');

/** Published minutes (text, a portal record, a PDF or Word document) → markup, and markup restyled in a house style. */
export const loadImporter = () => import('./tasks/import.js');

/** A house-style profile learned from published minutes. */
export const loadProfileInference = () => import('./tasks/infer.js');

/** One meeting exported (PDF, HTML, Word, text, portal JSON, Akoma Ntoso), with the CPR guard of the public edition. */
export const loadExporter = () => import('./tasks/export.js');

/** The rules' metadata, for reports that describe them (SARIF). */
export const loadRuleMetadata = () => import('./tasks/rules.js');

/** The static site of many meetings (search, Atom, OParl). */
export const loadPublisher = () => import('./tasks/publish.js');
