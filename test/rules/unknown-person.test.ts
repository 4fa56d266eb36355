import { describe, expect, test } from 'vitest';
import { applyFixes, fixAll, lint } from '../../server/src/engine.js';
import { config, covered, crlf, findings, meeting, positionOf } from './people-meeting.js';

const ID = 'unknown-person';

describe('unknown-person', () => {
  test('a misspelt name in an absence note: message, exact range, related info and safe fix', () => {
    const text = meeting({ items: [{ decision: ['Bo Vestergård deltog ikke i sagens behandling.'] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe(ID);
    expect(f!.severity).toBe('error');
    expect(f!.messageId).toBe('unknownDidYouMean');
    expect(f!.message.en).toBe(
      '"Bo Vestergård" is not among the members (Mødedeltagere). Did you mean Bo Vestergaard? Write the name as in Mødedeltagere.',
    );
    expect(f!.message.da).toBe(
      '"Bo Vestergård" er ikke blandt mødedeltagerne (Mødedeltagere). Mente du Bo Vestergaard? Ret navnet, så det står som i Mødedeltagere.',
    );
    const at = positionOf(text, 'Bo Vestergård');
    expect(f!.range.start).toEqual({ offset: at.offset, line: at.line, character: 0 });
    expect(f!.range.end.character).toBe('Bo Vestergård'.length);
    expect(covered(text, f!)).toBe('Bo Vestergård');
    expect(f!.related?.[0]?.message.en).toBe('The members are listed here.');
    expect(f!.related?.[0]?.range.start.line).toBe(positionOf(text, 'Mødedeltagere:').line);
    expect(f!.fix?.title).toEqual({ da: 'Erstat med "Bo Vestergaard"', en: 'Replace with "Bo Vestergaard"' });
    expect(applyFixes(text, [f!.fix!]).text).toBe(text.replace('Bo Vestergård', 'Bo Vestergaard'));
  });

  test('the party letter is not part of the name: range stops before it and the fix keeps it', () => {
    const text = meeting({ items: [{ decision: ['For stemte: Anne Holm (A), Claus Bergren (A) og Bo Vestergaard (V) (3).'] }] });
    const [f] = findings(text, ID);
    expect(covered(text, f!)).toBe('Claus Bergren');
    expect(f!.message.en).toContain('Did you mean Claus Berggren?');
    expect(fixAll(text, { rules: [ID] }).text).toContain('For stemte: Anne Holm (A), Claus Berggren (A) og Bo Vestergaard (V) (3).');
  });

  test('case, spacing and party letters do not make a different person', () => {
    const text = meeting({
      header: ['Afbud: CLAUS BERGGREN'],
      items: [{ decision: ['Claus\n  Berggren (A) og Dorte   Madsen deltog ikke i sagens behandling.'] }],
    });
    expect(findings(text, ID)).toEqual([]);
  });

  test('a surname alone, when one member has it, is reported with the full name as fix', () => {
    const text = meeting({ items: [{ decision: ['Berggren begærede sagen i byrådet.'] }] });
    const [f] = findings(text, ID);
    expect(covered(text, f!)).toBe('Berggren');
    expect(f!.message.en).toContain('Did you mean Claus Berggren?');
    expect(fixAll(text, { rules: [ID] }).text).toContain('\nClaus Berggren begærede sagen i byrådet.');
  });

  test('several close members: suggestions, no automatic fix', () => {
    const text = meeting({
      members: 'Anne Holm (A), Anne Lund (F), Bo Vestergaard (V)',
      items: [{ decision: ['Undlod at stemme: Anne (1).'] }],
    });
    const [f] = findings(text, ID);
    expect(f!.messageId).toBe('unknownDidYouMeanSeveral');
    expect(f!.message.en).toBe(
      '"Anne" is not among the members (Mødedeltagere). Did you mean one of: Anne Holm, Anne Lund? Write the full name as in Mødedeltagere.',
    );
    expect(f!.message.da).toBe(
      '"Anne" er ikke blandt mødedeltagerne (Mødedeltagere). Mente du en af: Anne Holm, Anne Lund? Skriv det fulde navn som i Mødedeltagere.',
    );
    expect(f!.fix).toBeUndefined();
    expect(f!.suggestions?.map((s) => s.title.en)).toEqual(['Replace with "Anne Holm"', 'Replace with "Anne Lund"']);
    expect(applyFixes(text, [f!.suggestions![1]!]).text).toContain('Undlod at stemme: Anne Lund (1).');
    expect(fixAll(text, { rules: [ID] }).text).toBe(text);
  });

  test('no close member: the message says how to fix it, and nothing is offered', () => {
    const text = meeting({ items: [{ decision: ['Jens Jensen erklærede sig inhabil.'] }] });
    const [f] = findings(text, ID);
    expect(f!.messageId).toBe('unknown');
    expect(f!.message.en).toBe(
      '"Jens Jensen" is not among the members (Mødedeltagere). Correct the spelling, or add the person to Mødedeltagere or Stedfortrædere.',
    );
    expect(f!.message.da).toBe(
      '"Jens Jensen" er ikke blandt mødedeltagerne (Mødedeltagere). Ret stavningen, eller tilføj personen i Mødedeltagere eller Stedfortrædere.',
    );
    expect(f!.fix).toBeUndefined();
    expect(f!.suggestions).toBeUndefined();
  });

  test('every kind of note is checked: Afbud, Fraværende, forfald, left, inhabil, council request, votes', () => {
    const text = meeting({
      header: ['Afbud: Zara Afbud'],
      items: [
        {
          fields: ['Fraværende: Zara Felt'],
          decision: [
            'Zara Forfald havde forfald.',
            'Zara Absent deltog ikke i sagens behandling.',
            'Zara Left forlod mødet efter punkt 1.',
            'Zara Inhabil erklærede sig inhabil.',
            'Zara Byraad begærede sagen i byrådet.',
            'For stemte: Zara Fossum.',
            'Imod stemte: Zara Imhof.',
            'Undlod at stemme: Zara Ulrich.',
          ],
        },
      ],
    });
    expect(findings(text, ID).map((f) => covered(text, f))).toEqual([
      'Zara Afbud',
      'Zara Felt',
      'Zara Forfald',
      'Zara Absent',
      'Zara Left',
      'Zara Inhabil',
      'Zara Byraad',
      'Zara Fossum',
      'Zara Imhof',
      'Zara Ulrich',
    ]);
  });

  test('guests are not members and are not checked', () => {
    const text = meeting({ items: [{ decision: ['Lars Præcius, afdelingsleder, deltog under punktet.'] }] });
    expect(findings(text, ID)).toEqual([]);
  });

  test('substitutes count as members; the member substituted for must be one', () => {
    const ok = meeting({
      members: 'Anne Holm (A), Martin Bech (V), Claus Berggren (A)',
      header: ['Afbud: Martin Bech', 'Stedfortrædere: Kim Østergaard for Martin Bech'],
      items: [{ decision: ['Martin Bech deltog ikke i sagens behandling.', 'For stemte: Anne Holm (A), Kim Østergaard og Claus Berggren (A) (3).'] }],
    });
    expect(findings(ok, ID)).toEqual([]);

    const bad = ok.replace('Kim Østergaard for Martin Bech', 'Kim Østergaard for Martin Beck');
    const [f, ...rest] = findings(bad, ID);
    expect(rest).toEqual([]);
    expect(covered(bad, f!)).toBe('Martin Beck');
    expect(f!.message.en).toContain('Did you mean Martin Bech?');
    expect(fixAll(bad, { rules: [ID] }).text).toBe(ok);
  });

  test('a substitute named in a sentence is a member too', () => {
    const text = meeting({
      members: 'Anne Holm (A), Martin Bech (V), Claus Berggren (A)',
      items: [
        {
          decision: [
            'Kim Østergaard mødte som stedfortræder for Martin Bech.',
            'For stemte: Anne Holm (A) og Kim Østergaard (2).',
            'Martin Bech deltog ikke i sagens behandling.',
          ],
        },
      ],
    });
    expect(findings(text, ID)).toEqual([]);
  });

  test('without Mødedeltagere the configured roster is used, with its own message', () => {
    const text = meeting({ members: null, items: [{ decision: ['Bo Vestergård deltog ikke i sagens behandling.'] }] });
    const [f] = findings(text, ID, config({ members: ['Anne Holm (A)', 'Bo Vestergaard (V)'] }));
    expect(f!.messageId).toBe('unknownRosterDidYouMean');
    expect(f!.message.en).toBe(
      '"Bo Vestergård" is not in the committee\'s member roster (members in the configuration). Did you mean Bo Vestergaard? Write the name as in the roster.',
    );
    expect(f!.message.da).toContain('er ikke i udvalgets medlemsliste');
    expect(f!.related).toEqual([]);
    expect(f!.fix?.edits[0]?.newText).toBe('Bo Vestergaard');
  });

  test('with the roster, substitutes from Stedfortrædere are members too', () => {
    const text = meeting({
      members: null,
      header: ['Afbud: Martin Bech', 'Stedfortrædere: Kim Østergaard for Martin Bech'],
      items: [{ decision: ['Martin Bech deltog ikke i sagens behandling.', 'For stemte: Anne Holm og Kim Østergaard (2).'] }],
    });
    expect(findings(text, ID, config({ members: ['Anne Holm (A)', 'Martin Bech (V)'] }))).toEqual([]);
  });

  test('without Mødedeltagere and without a roster, names are not checked', () => {
    const text = meeting({ members: null, items: [{ decision: ['Bo Vestergård deltog ikke i sagens behandling.'] }] });
    expect(findings(text, ID)).toEqual([]);
  });

  test('CRLF: ranges, fix and the file\'s line endings', () => {
    const text = crlf(meeting({ items: [{ decision: ['Bo Vestergård deltog ikke i sagens behandling.'] }, { decision: ['Erik Lunnd havde forfald.'] }] }));
    const fs = findings(text, ID);
    expect(fs.map((f) => covered(text, f))).toEqual(['Bo Vestergård', 'Erik Lunnd']);
    const at = positionOf(text, 'Erik Lunnd');
    expect(fs[1]!.range.start.line).toBe(at.line);
    expect(fs[1]!.range.start.character).toBe(0);
    const fixed = fixAll(text, { rules: [ID] }).text;
    expect(fixed).toBe(text.replace('Bo Vestergård', 'Bo Vestergaard').replace('Erik Lunnd', 'Erik Lund'));
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('unknown-person: substitutes agree with Stedfortrædere', () => {
  const base = [
    '# REFERAT Udvalg d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødedeltagere: Anne Holm, Bo Ibsen, Martin Bech',
    'Afbud: Martin Bech',
    'Stedfortrædere: Kim Østergaard for Martin Bech',
    '',
    '## Punkt 1: A',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
    '### Indstilling',
    '1. at godkendes.',
    '',
    '### Beslutning',
    '1. at godkendt.',
    '',
    'Martin Bech deltog ikke i sagens behandling.',
    '',
  ].join('\n');
  const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'unknown-person');

  test('accepts a declared substitute and flags a misspelt one with a fix', () => {
    expect(of(base + 'Kim Østergaard mødte som stedfortræder for Martin Bech.\n')).toEqual([]);
    const [f] = of(base + 'Kim Østergard mødte som stedfortræder for Martin Bech.\n');
    expect(f!.messageId).toBe('substituteNotDeclaredDidYouMean');
    expect(f!.message.en).toBe('Kim Østergard is noted as substitute for Martin Bech, but Stedfortrædere does not name Kim Østergard. Did you mean Kim Østergaard?');
    expect(f!.range.start).toMatchObject({ line: 17, character: 0 });
    expect(f!.fix!.edits[0]!.newText).toBe('Kim Østergaard');
  });

  test('flags an undeclared substitute; without a Stedfortrædere field the sentence is enough', () => {
    expect(of(base + 'Thomas Lorensen mødte som stedfortræder for Martin Bech.\n').map((f) => f.messageId)).toEqual(['substituteNotDeclared']);
    expect(of(base.replace('Stedfortrædere: Kim Østergaard for Martin Bech\n', '') + 'Thomas Lorensen mødte som stedfortræder for Martin Bech.\n')).toEqual([]);
  });
});
