/**
 * Word documents (.docx) of minutes in several house styles, written at test time (invented
 * text): every item with its number and whole title, its case number, its sections and this
 * meeting's decision come back; the format is told by the content; a ZIP archive that is no
 * Word document is refused. Also the DOCX our own exporter writes.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, importDocument, ImportRefusal } from '../../server/src/import/document.js';
import { headingStyleMap, htmlLines, importDocx } from '../../server/src/import/docx.js';
import { importLayout } from '../../server/src/import/layout.js';
import { docxBytes, EXAMPLES, expectMeetingDate, expectSameItems, expectStyle, HOUSE_STYLES, importedItems, ownExport } from './house-styles.js';

/** A ZIP archive (stored entries; the CRCs are not checked by the detector). */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

describe('Word documents in several house styles', () => {
  for (const style of HOUSE_STYLES) {
    it(`${style.name}: every item, case number, section and decision`, async () => {
      const bytes = await docxBytes(style);
      expect(detectFormat(bytes)).toBe('docx');
      const r = await importDocx(bytes);
      expect(r.items).toBe(style.items.length);
      expectStyle(r.markup, style);
      expectMeetingDate(r.markup, style.date);
    });
  }

  it('bold titles without numbers are numbered by their place, as the table of contents lists them; its page column is dropped', async () => {
    const r = await importDocx(await docxBytes(HOUSE_STYLES[2]!));
    expect(r.guesses.join('\n')).toMatch(/table of contents/);
    expect(r.markup).not.toMatch(/Godkendelse af dagsorden\s+2/);
  });
});

describe('the format is told by the content', () => {
  it('PDF, Word, another ZIP archive, text', async () => {
    expect(detectFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from('Referat\nPunkt 1: A\n'))).toBe('text');
    expect(detectFormat(Buffer.from('{"Punktnummer": "1"}'))).toBe('text');
    const types = (main: string) => `<?xml version="1.0"?><Types><Override PartName="/x" ContentType="${main}"/></Types>`;
    expect(detectFormat(zip({ '[Content_Types].xml': types('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), 'xl/workbook.xml': '<x/>' }))).toBe('zip');
    expect(detectFormat(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).toBe('zip');
    expect(detectFormat(zip({ '[Content_Types].xml': types('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') }))).toBe('docx');
    expect(detectFormat(zip({ 'word/document.xml': '<w:document/>' }))).toBe('docx');
    expect(await importDocument(Buffer.from('Referat\n'))).toBeUndefined();
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(detectFormat(ole)).toBe('doc');
    await expect(importDocument(ole)).rejects.toMatchObject({ text: { en: expect.stringMatching(/old Office format \(\.doc\).*save it as \.docx or PDF/) } });
  });

  it('a ZIP archive that is no Word document, and a damaged Word document, are refused in both languages', async () => {
    const sheet = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' });
    await expect(importDocument(sheet)).rejects.toBeInstanceOf(ImportRefusal);
    await expect(importDocument(sheet)).rejects.toMatchObject({ text: { da: expect.stringMatching(/ZIP-arkiv/), en: expect.stringMatching(/ZIP archive/) } });
    const broken = zip({ '[Content_Types].xml': '<Types ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' });
    await expect(importDocument(broken)).rejects.toBeInstanceOf(ImportRefusal);
  });
});

describe('laid-out lines', () => {
  it('a contents list without page numbers (copies of the headings that follow) is dropped; a section name repeated in the body is kept', () => {
    const lines = [
      { text: 'Referat', level: 1 },
      { text: 'Mødedato: 02-05-2031' },
      { text: 'Kajen repareres' },
      { text: 'Ny bro over åen' },
      { text: 'Beslutning' },
      { text: 'Kajen repareres', level: 7 },
      { text: 'Sagsnr.: 31/100' },
      { text: 'Sagsfremstilling', level: 7 },
      { text: 'Kajen skal repareres før vinteren.' },
      { text: 'Beslutning', level: 7 },
      { text: 'Godkendt.' },
      { text: 'Ny bro over åen', level: 7 },
      { text: 'Sagsnr.: 31/101' },
      { text: 'Beslutning', level: 7 },
      { text: 'Udsat.' },
    ];
    const r = importLayout(lines, {}, { furnitureDropped: 0, guesses: [] });
    expect(importedItems(r.markup).items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      ['1', 'Kajen repareres', '31/100'],
      ['2', 'Ny bro over åen', '31/101'],
    ]);
    expect(r.guesses.join('\n')).toMatch(/table of contents of 2 entries without page numbers dropped/);
    // The plain "Beslutning" before the items is no copy of a title: kept, in the header.
    expect(r.markup.split('## Punkt 1')[0]).toContain('Beslutning');
  });
});

describe("the document's own heading styles", () => {
  it('an outline level makes a heading of that level; a bold or larger style (also by inheritance) the lowest; plain styles none', () => {
    const xml = `<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punktoverskrift"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Fed"><w:name w:val="Fed tekst"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="FedUnder"><w:name w:val="Fed under"/><w:basedOn w:val="Fed"/></w:style>
      <w:style w:type="paragraph" w:styleId="IkkeFed"><w:name w:val="Ikke fed"/><w:basedOn w:val="Fed"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Stor"><w:name w:val="Stor"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="Tegn"><w:name w:val="Tegn"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`;
    expect(headingStyleMap(xml)).toEqual([
      "p[style-name='Punktoverskrift'] => h2:fresh",
      "p[style-name='Fed tekst'] => h6:fresh",
      "p[style-name='Fed under'] => h6:fresh",
      "p[style-name='Stor'] => h6:fresh",
    ]);
  });
});

describe('the HTML mammoth makes of a Word document', () => {
  it('headings with their level, bold paragraphs, list points, table rows with tab-separated cells', () => {
    const lines = htmlLines('<h1>Referat</h1><p><strong>Sagsfremstilling</strong></p><p>Tekst <strong>med fed</strong>.</p><ol><li>at a</li><li>at b</li></ol><table><tr><td><p>Punkt</p></td><td>Side</td></tr><tr><td>Kajen</td><td>3</td></tr></table>');
    expect(lines).toEqual([
      { text: 'Referat', level: 1 },
      { text: 'Sagsfremstilling', level: 7 },
      { text: 'Tekst med fed.' },
      { text: '1. at a' },
      { text: '2. at b' },
      { text: 'Punkt\tSide' },
      { text: 'Kajen\t3' },
    ]);
  });
});

describe('the DOCX our own exporter writes', () => {
  for (const example of EXAMPLES) {
    it(`${example}: items, case numbers and decisions come back`, async () => {
      const { source, bytes } = await ownExport(example, 'docx');
      expectSameItems((await importDocx(bytes)).markup, source);
    });
  }
});
