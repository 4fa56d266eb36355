/**
 * The bundled server over stdio (`node dist/server.js --stdio`), as other editors run
 * it; and the time a validation takes, which bounds the debounce delay.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { lint } from '../../server/src/engine.js';
import { VALIDATION_DELAY_MS } from '../../server/src/lsp/server.js';
import { TestClient } from './client.js';

const root = join(__dirname, '..', '..');
const bundle = join(root, 'dist', 'server.js');
const FAULTS = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');

describe('stdio', () => {
  it.runIf(existsSync(bundle))('dist/server.js --stdio answers initialize, diagnostics and symbols', async () => {
    const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)));
    try {
      const caps = await client.initialize();
      expect(caps.documentSymbolProvider).toBeTruthy();
      const uri = 'file:///tmp/referat-stdio/faults.referat';
      await client.open(uri, FAULTS);
      const p = await client.waitForDiagnostics(uri);
      expect(p.diagnostics.map((d) => d.code)).toContain('unknown-person');
      const symbols = await client.request<{ children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols[0]!.children!.length).toBe(3);
      await client.shutdown();
    } finally {
      child.kill();
    }
  });
});

describe('debounce', () => {
  it('validation of a realistic file is well within the debounce budget', () => {
    // A meeting of 30 items: lint it a few times and take the median.
    const big = FAULTS + Array.from({ length: 27 }, (_, i) => FAULTS.slice(FAULTS.indexOf('## Punkt 123')).replace(/Punkt 12\d/g, `Punkt ${200 + i}`)).join('\n');
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      lint(big);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[3]!;
    console.log(`lint of ${big.length} chars: median ${median.toFixed(1)} ms; debounce ${VALIDATION_DELAY_MS} ms`);
    expect(VALIDATION_DELAY_MS).toBeLessThanOrEqual(50);
    expect(median).toBeLessThan(250);
  });
});
