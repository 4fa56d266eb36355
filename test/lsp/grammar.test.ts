/** The TextMate grammar, tokenized with vscode-textmate + Oniguruma as VS Code does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..');
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'referat.tmLanguage.json'), 'utf8'), 'referat.tmLanguage.json'),
  });
  grammar = (await registry.loadGrammar('text.referat'))!;
});

/** Scopes of each token of a text, as `text → last scope`. */
function tokens(text: string): [string, string[]][] {
  let state = textmate.INITIAL;
  const out: [string, string[]][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(text: string, piece: string): string[] {
  const hit = tokens(text).find(([s]) => s === piece);
  if (!hit) throw new Error(`no token ${JSON.stringify(piece)} in ${JSON.stringify(tokens(text).map(([s]) => s))}`);
  return hit[1];
}

describe('TextMate grammar', () => {
  it('title, item, section', () => {
    expect(scopeOf('# REFERAT Udvalget', 'REFERAT')).toContain('keyword.control.title.referat');
    expect(scopeOf('## Punkt 12: Budget', 'Punkt')).toContain('keyword.control.item.referat');
    expect(scopeOf('## Punkt 12: Budget', '12')).toContain('constant.numeric.item-number.referat');
    expect(scopeOf('### Beslutning', 'Beslutning')).toContain('markup.heading.3.referat');
  });
  it('fields and case numbers', () => {
    expect(scopeOf('Sagsnr: 00.22.00-P35-1-24', 'Sagsnr')).toContain('support.type.property-name.field.referat');
    expect(scopeOf('Sagsnr: 00.22.00-P35-1-24', '00.22.00-P35-1-24')).toContain('string.unquoted.case-number.referat');
    expect(scopeOf('Mødedeltagere: Anne Holm (A), Bo Berg og Carl Dam', 'Bo Berg')).toContain('entity.name.person.referat');
  });
  it('votes and controlled sentences', () => {
    const vote = 'For stemte: Anne Holm og Bo Berg (2).';
    expect(scopeOf(vote, 'For stemte')).toContain('keyword.other.vote.referat');
    expect(scopeOf(vote, 'Anne Holm')).toContain('entity.name.person.referat');
    expect(scopeOf(vote, '2')).toContain('constant.numeric.vote-count.referat');
    const absent = 'Claus Berggren deltog ikke i sagens behandling.';
    expect(scopeOf(absent, 'Claus Berggren')).toContain('entity.name.person.referat');
    expect(scopeOf(absent, 'deltog ikke i sagens behandling')).toContain('keyword.other.attendance.referat');
  });
  it('comments over lines, lists and tables', () => {
    expect(scopeOf('<!-- a\nb -->', 'b ')).toContain('comment.block.html.referat');
    expect(scopeOf('1. at godkendt.', 'at')).toContain('keyword.other.proposal.referat');
    expect(scopeOf('| a | b |', '|')).toContain('punctuation.separator.table.cell.referat');
  });
  it('stays linear on long lines of capitalised words', () => {
    const line = Array.from({ length: 400 }, (_, i) => `Navn${i} Efternavn`).join(' ') + ' ingen nøgleord';
    const t = performance.now();
    tokens(line);
    expect(performance.now() - t).toBeLessThan(500);
    const names = 'Anne Holm, Bo Berg og Carl Dam havde forfald.';
    expect(scopeOf(names, 'Carl Dam')).toContain('entity.name.person.referat');
  });
});
