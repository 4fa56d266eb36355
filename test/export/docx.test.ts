import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { hasTool, root, run } from './helpers.js';

const source = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');

describe.skipIf(!hasTool('unzip'))('DOCX export', () => {
  it('has heading styles, a TOC field, numbered proposals, tables and page numbers', async () => {
    const r = await exportReferat(source, { format: 'docx' });
    const bytes = r.data as Uint8Array;
    expect(bytes[0]).toBe(0x50); // PK: a zip container
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'referat-docx-')), 'm.docx');
    writeFileSync(file, bytes);
    const xml = run('unzip', ['-p', file, 'word/document.xml']);
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('w:val="Heading3"');
    expect(xml).toMatch(/TOC \\h \\o/);
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Punkt 123: Omstilling af Ydelseskantoret');
    const footers = run('sh', ['-c', `unzip -p '${file}' 'word/footer*.xml'`]);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toMatch(/PAGE/);
    const settings = run('unzip', ['-p', file, 'word/settings.xml']);
    expect(settings).toContain('updateFields');
    const styles = run('unzip', ['-p', file, 'word/styles.xml']);
    expect(styles).toContain('da-DK');
  });
});
