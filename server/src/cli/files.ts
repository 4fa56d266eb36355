/**
 * Turning the command line's files, folders and globs into a list of files, and writing
 * files safely. Every problem is a {@link CliError}: one line for the user, exit code 2.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Dirent } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../i18n.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const T = {
  notFound: { da: 'findes ikke', en: 'does not exist' },
  noMatch: { da: 'ingen filer passer til', en: 'no files match' },
  noneInFolder: { da: 'ingen .referat-filer i mappen', en: 'no .referat files in folder' },
  loop: { da: 'symbolsk link i ring', en: 'symbolic link loop' },
  cannotRead: { da: 'kan ikke læse', en: 'cannot read' },
  badGlob: { da: 'ugyldigt mønster', en: 'invalid pattern' },
  brokenLink: { da: 'symbolsk link til en fil, der ikke findes', en: 'symbolic link to a file that does not exist' },
  interrupted: { da: 'afbrudt', en: 'interrupted' },
  written: { da: 'filer skrevet', en: 'files written' },
} as const;

export function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'ENOENT: no such file or directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return `${err.code}: permission denied`;
  if (err?.code === 'ELOOP') return 'ELOOP: too many symbolic links';
  if (err?.code === 'EISDIR') return 'EISDIR: is a directory';
  if (err?.code) return `${err.code}: ${err.message.replace(/^[A-Z]+: /, '').split(',')[0]}`;
  return e instanceof Error ? e.message.split('\n')[0]! : String(e).split('\n')[0]!;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
/** An input as shown in a message: a pattern of 70,000 characters is not one readable line. */
const shown = (input: string) => (input.length > 100 ? `${input.slice(0, 100)}…` : input);
/** Folders never walked (besides hidden ones): dependencies. */
const SKIP_DIRS = new Set(['node_modules']);

/**
 * Every `.referat` file below a folder, walked by hand so that every odd entry gets a clear
 * answer instead of being skipped in silence: hidden entries and `node_modules` are skipped;
 * a symbolic link to a file or folder is followed; a link that loops (to itself, or to a
 * folder above it) or an unreadable folder stops the run with one line naming it; a broken
 * link named `*.referat` does too (the meeting it stands for is missing). A folder reached
 * twice through different links is walked once.
 */
function walkFolder(dir: string, shown: string, lang: Lang, out: Set<string>, ancestors: string[], walked: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    throw new CliError(`${shown}: ${(e as NodeJS.ErrnoException).code === 'ELOOP' ? T.loop[lang] : `${T.cannotRead[lang]} (${errorCode(e)})`}`);
  }
  if (ancestors.includes(real)) throw new CliError(`${shown}: ${T.loop[lang]}`);
  if (walked.has(real)) return;
  walked.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${shown}: ${T.cannotRead[lang]} (${errorCode(e)})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const label = path.join(shown, entry.name);
    const isReferat = entry.name.endsWith('.referat');
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') throw new CliError(`${label}: ${T.loop[lang]}`);
        if (!isReferat) continue; // a broken link to something that is not a meeting
        throw new CliError(`${label}: ${code === 'ENOENT' ? T.brokenLink[lang] : `${T.cannotRead[lang]} (${errorCode(e)})`}`);
      }
    }
    if (isDir) walkFolder(full, label, lang, out, [...ancestors, real], walked);
    else if (isFile && isReferat) out.add(path.normalize(full));
  }
}

/** Files, folders (every `.referat` below) and globs → sorted absolute file paths, each file once. */
export async function expandInputs(inputs: readonly string[], cwd: string, lang: Lang): Promise<string[]> {
  const { glob, isDynamicPattern } = await import('tinyglobby');
  const out = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new CliError(`${input}: ${T.loop[lang]}`);
      const maybePattern = code === 'ENAMETOOLONG' && isDynamicPattern(input);
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !maybePattern) throw new CliError(`${shown(input)}: ${T.cannotRead[lang]} (${errorCode(e)})`);
    }
    if (st?.isDirectory()) {
      const before = out.size;
      walkFolder(abs, input, lang, out, [], new Set());
      if (out.size === before) throw new CliError(`${input}: ${T.noneInFolder[lang]}`);
      continue;
    }
    if (st) {
      out.add(abs);
      continue;
    }
    if (!isDynamicPattern(input)) throw new CliError(`${shown(input)}: ${T.notFound[lang]}`);
    let files: string[];
    try {
      // Links are followed (fdir stops at a folder it has already entered, so a loop ends).
      files = await glob(input.replace(/\\/g, '/'), { cwd, absolute: true, ignore: IGNORE, followSymbolicLinks: true, onlyFiles: true, expandDirectories: false });
    } catch (e) {
      throw new CliError(`${shown(input)}: ${T.badGlob[lang]} (${errorCode(e)})`);
    }
    if (files.length === 0) throw new CliError(`${T.noMatch[lang]} ${shown(input)}`);
    for (const f of files) out.add(path.normalize(f));
  }
  return dedupeByRealPath([...out].sort());
}

/** The same file reached through a link and directly (or through two links) is linted once. */
function dedupeByRealPath(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    let key = f;
    try {
      key = realpathSync(f);
    } catch {
      /* reported when it is read */
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a file as UTF-8 (invalid bytes become U+FFFD, as editors show them). */
export function readText(file: string, lang: Lang): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: ${T.cannotRead[lang]} (${errorCode(e)})`);
  }
}

/**
 * Reads many files asynchronously with bounded concurrency (so a 1,000-file archive does
 * not open 1,000 descriptors at once). The first failure becomes a one-line CliError.
 */
export async function readTexts(files: readonly string[], lang: Lang, concurrency = 16): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      try {
        out.set(file, await readFile(file, 'utf8'));
      } catch (e) {
        throw new CliError(`${file}: ${T.cannotRead[lang]} (${errorCode(e)})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return out;
}

/** Temporary files being written right now: removed if the run is interrupted. */
const pendingTemps = new Set<string>();
/** Files this run has written (for the message when it is interrupted). */
let writtenCount = 0;

/** The temporary file beside `target`: hidden, named after it, this process and a counter. */
let tmpCounter = 0;
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++tmpCounter}.tmp`);
}

/** A UTF-8 byte-order mark and the dominant line ending of a text (`\n` when it has no line break). */
export function textStyle(text: string): { bom: boolean; eol: '\n' | '\r\n' | '\r' } {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'), n = 0; i >= 0 && n < 100_000; i = text.indexOf('\r', i + 1), n++) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'), n = 0; i >= 0 && n < 100_000; i = text.indexOf('\n', i + 1), n++) lf++;
  lf -= crlf;
  const eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { bom: text.charCodeAt(0) === 0xfeff, eol };
}

/** `text` (with any line endings and BOM) in the given style. */
export function withTextStyle(text: string, style: { bom: boolean; eol: string }): string {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?|\n/g, style.eol);
  return style.bom ? '\uFEFF' + body : body;
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed
 * over the target (keeping its mode). An interrupted write never leaves a half-written
 * file; on SIGINT/SIGTERM/SIGHUP the temporary file is removed (see {@link cleanUpOnSignals}).
 */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    /* a new file */
  }
  const tmp = tempPathFor(target);
  let mode: number | undefined;
  try {
    mode = lstatSync(target).mode & 0o777;
  } catch {
    /* new file */
  }
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    writtenCount++;
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  } finally {
    pendingTemps.delete(tmp);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/**
 * On SIGINT, SIGTERM or SIGHUP: removes the temporary files being written, prints one line
 * (how many files were written) and ends the process by the same signal, so that a shell
 * loop sees the interruption. Files already renamed are complete; the others are untouched.
 * Writes are synchronous and commands yield between files, so the handler runs between files.
 */
export function cleanUpOnSignals(stderr: { write(s: string): unknown }, lang: Lang): void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handler = (signal: NodeJS.Signals) => {
    for (const tmp of pendingTemps) removeQuietly(tmp);
    pendingTemps.clear();
    stderr.write(`referat: ${T.interrupted[lang]} (${signal}); ${writtenCount} ${T.written[lang]}\n`);
    for (const s of signals) process.removeAllListeners(s);
    if (process.platform === 'win32') process.exit(128 + (osConstants.signals[signal] ?? 0));
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, handler);
}

/** Lets pending signals (Ctrl-C) be handled between two files of a long synchronous run. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
