/**
 * Turning the command line's files, folders and globs into a list of files, and writing
 * files safely. Every problem is a {@link CliError}: one line for the user, exit code 2.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
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

/** Files, folders (every `.referat` below) and globs → sorted absolute file paths. */
export async function expandInputs(inputs: readonly string[], cwd: string, lang: Lang): Promise<string[]> {
  const out = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new CliError(`${input}: ${T.loop[lang]}`);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(`${input}: ${T.cannotRead[lang]} (${errorCode(e)})`);
    }
    if (st?.isDirectory()) {
      let files: string[];
      try {
        files = await glob('**/*.referat', { cwd: abs, absolute: true, ignore: IGNORE, followSymbolicLinks: false, dot: false });
      } catch (e) {
        throw new CliError(`${input}: ${T.cannotRead[lang]} (${errorCode(e)})`);
      }
      if (files.length === 0) throw new CliError(`${input}: ${T.noneInFolder[lang]}`);
      for (const f of files) out.add(path.normalize(f));
      continue;
    }
    if (st) {
      out.add(abs);
      continue;
    }
    if (!isDynamicPattern(input)) throw new CliError(`${input}: ${T.notFound[lang]}`);
    let files: string[];
    try {
      files = await glob(input.replace(/\\/g, '/'), { cwd, absolute: true, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false });
    } catch (e) {
      throw new CliError(`${input}: ${T.badGlob[lang]} (${errorCode(e)})`);
    }
    if (files.length === 0) throw new CliError(`${T.noMatch[lang]} ${input}`);
    for (const f of files) out.add(path.normalize(f));
  }
  return [...out].sort();
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

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed
 * over the target (keeping its mode). An interrupted write never leaves a half-written file.
 */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    /* a new file */
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = lstatSync(target).mode & 0o777;
  } catch {
    /* new file */
  }
  const fd = openSync(tmp, 'w', mode ?? 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* ignore */
    }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* ignore */
    }
    throw e;
  }
}
