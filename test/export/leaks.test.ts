/**
 * The public edition of a document with a closed item and comments contains neither,
 * in any format (PDF through pdftotext, DOCX through its XML), while the internal
 * edition does contain the closed item (so the check can fail).
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReferat, type Edition, type ExportFormat } from '../../server/src/export/index.js';
import { hasTool, loadFonts, root, run } from './helpers.js';

const source = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-export-'));
const hasPdftotext = hasTool('pdftotext');
const hasUnzip = hasTool('unzip');

/** The readable text of an export. */
async function textOf(format: ExportFormat, edition: Edition): Promise<string> {
  const r = await exportReferat(source, { format, edition, fonts: loadFonts(), creationDate: new Date(0) });
  if (typeof r.data === 'string') return r.data;
  const file = path.join(tmp, `${edition}${r.extension}`);
  writeFileSync(file, r.data);
  if (format === 'pdf') return run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  // DOCX: the document XML, tags removed; also the raw XML, so attributes are searched too.
  const xml = run('unzip', ['-p', file]);
  return `${xml}\n${xml.replace(/<[^>]+>/g, '')}`;
}

const SECRETS = ['CLOSEDSECRET', 'Personsag vedrørende en borger', 'COMMENTSECRET', 'BLOCKSECRET', 'HEADERSECRET', 'intern note'];

describe('public edition leaks nothing', () => {
  for (const format of ['text', 'html', 'json', 'pdf', 'docx', 'akn'] as const) {
    const skip = (format === 'pdf' && !hasPdftotext) || (format === 'docx' && !hasUnzip);
    it.skipIf(skip)(`${format}: no closed content, no comments${skip ? ' (skipped: pdftotext/unzip missing)' : ''}`, async () => {
      const text = await textOf(format, 'public');
      for (const secret of SECRETS) expect(text, `${format} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toContain('<!--');
      // The closed item's heading and case number stay.
      expect(text).toContain('15.00.00-G01-69-24');
      const internal = await textOf(format, 'internal');
      expect(internal).toContain('CLOSEDSECRET');
      for (const secret of ['COMMENTSECRET', 'BLOCKSECRET', 'HEADERSECRET']) expect(internal).not.toContain(secret);
    });
  }
});
