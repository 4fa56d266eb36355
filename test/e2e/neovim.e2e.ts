/**
 * A second, independent LSP client: Debian's Neovim (0.7) runs `referat lsp --stdio` from
 * the bundled CLI on the machine's Node 20 (test/e2e/nvim/lsp.lua) and prints what it got.
 * Asserted here: diagnostics with rule ids, document symbols, a formatting request, a rename
 * of a member.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatText } from '../../server/src/features/formatting.js';
import { analysisOf } from '../lsp/helpers.js';
import { onPath, root, systemNode } from './tools.js';

const fixture = join(root, 'test', 'e2e', 'fixtures', 'neovim.referat');
const source = readFileSync(fixture, 'utf8');
let dir: string;
let out: Record<string, unknown>;

function cliRuleIds(file: string): string[] {
  const r = spawnSync(systemNode(), [join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' });
  const [report] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
  return report!.messages.map((m) => m.ruleId).sort();
}

beforeAll(() => {
  const nvim = onPath('nvim');
  if (!nvim) throw new Error('Neovim is not installed (test/e2e/setup.sh installs it)');
  dir = mkdtempSync(join(tmpdir(), 'referat-nvim-'));
  const file = join(dir, 'neovim.referat');
  copyFileSync(fixture, file);
  const r = spawnSync(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${join(root, 'test', 'e2e', 'nvim', 'lsp.lua')}`], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      REFERAT_NODE: systemNode(),
      REFERAT_CLI: join(root, 'dist', 'cli.js'),
      REFERAT_FILE: file,
      REFERAT_RENAME_FROM: 'Jesper Gade',
      REFERAT_RENAME_TO: 'Jesper Gadegaard',
    },
  });
  out = {};
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const { kind, value } = JSON.parse(line) as { kind: string; value: unknown };
    out[kind] = value;
  }
  if (out.error || r.status !== 0) throw new Error(`nvim exited ${r.status}: ${String(out.error ?? '')}${r.stderr}`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Neovim 0.7 with referat lsp --stdio', () => {
  it('shows diagnostics with rule ids, the same findings as referat lint', () => {
    const diags = out.diagnostics as { code: string; line: number; col: number }[];
    expect(diags.map((d) => d.code).sort()).toEqual(cliRuleIds(join(dir, 'neovim.referat')));
    const lines = source.split('\n');
    const vote = diags.find((d) => d.code === 'unknown-person')!;
    expect(lines[vote.line]!.slice(vote.col)).toMatch(/^Henriete Malland/);
  });

  it('lists the meeting, every item and its sections as document symbols', () => {
    const symbols = out.symbols as { name: string; depth: number }[];
    expect(symbols.filter((s) => s.depth === 1).map((s) => s.name)).toEqual([
      'Punkt 122: Godkendelse af dagsorden',
      'Punkt 123: Omstilling af Ydelseskantoret',
      'Punkt 124: Budgetopfølgning',
    ]);
    expect(symbols.filter((s) => s.depth === 2).map((s) => s.name)).toEqual(['Beslutning', 'Indstilling', 'Beslutning', 'Indstilling', 'Sagsfremstilling']);
  });

  it('formats the buffer like the formatter does, keeping every word, and a second request changes nothing', () => {
    const { edits, text } = out.formatting as { edits: number; text: string };
    expect(edits).toBeGreaterThan(0);
    expect(text).toBe(formatText(analysisOf(source)).replace(/\n$/, ''));
    expect(text).toContain('\n\n## Punkt 122: Godkendelse af dagsorden\n');
    expect(text).toContain('1. at orienteringen tages til efterretning.\n2. at forslaget godkendes.');
    const words = (s: string) => s.replace(/^\s*\d+\./gm, '').split(/\s+/).filter(Boolean);
    expect(words(text)).toEqual(words(source));
    expect((out['formatting-again'] as { edits: number }).edits).toBe(0);
  });

  it('renames a member in every mention', () => {
    const { text } = out.rename as { text: string };
    const before = source.split('Jesper Gade').length - 1;
    expect(before).toBe(3);
    expect(text.split('Jesper Gadegaard').length - 1).toBe(before);
    expect(text.replaceAll('Jesper Gadegaard', 'Jesper Gade')).toBe((out.formatting as { text: string }).text);
  });
});
