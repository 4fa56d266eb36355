/**
 * The web-worker server bundle (dist/browser-server.js) in a sandbox that offers only
 * what a worker offers (`self.postMessage`, message events): initialize, open a file
 * whose workspace is read through the client, get diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const bundle = join(root, 'dist', 'browser-server.js');

describe('browser server', () => {
  it.runIf(existsSync(bundle))('runs in a worker-like sandbox without Node APIs', async () => {
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const fromServer: Record<string, unknown>[] = [];
    let wake: (() => void) | undefined;
    const self = {
      postMessage: (m: Record<string, unknown>) => {
        fromServer.push(m);
        wake?.();
      },
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => {
        if (type === 'message') listeners.push(l);
      },
      removeEventListener: () => {},
      set onmessage(l: (e: { data: unknown }) => void) {
        listeners.push(l);
      },
      set onerror(_l: unknown) {},
    };
    const sandbox: Record<string, unknown> = {
      self,
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      Promise,
    };
    sandbox.globalThis = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(readFileSync(bundle, 'utf8'), sandbox);
    const send = (m: unknown) => listeners.forEach((l) => l({ data: m }));
    const next = async (pred: (m: Record<string, unknown>) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const hit = fromServer.find(pred);
        if (hit) return hit;
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 25);
        });
      }
      throw new Error('no message from the worker');
    };
    // The server asks the client for files: answer them.
    const files: Record<string, string> = { 'file:///ws/.referatrc.json': '{"rules":{"vote-count":"off"}}' };
    const answered = new Set<unknown>();
    const answer = setInterval(() => {
      for (const m of fromServer) {
        if (m.method === 'referat/readFile' && !answered.has(m.id)) {
          answered.add(m.id);
          send({ jsonrpc: '2.0', id: m.id, result: files[(m.params as { uri: string }).uri] ?? null });
        } else if (m.method === 'referat/listFiles' && !answered.has(m.id)) {
          answered.add(m.id);
          send({ jsonrpc: '2.0', id: m.id, result: [] });
        }
      }
    }, 5);
    try {
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: 'file:///ws', capabilities: {}, initializationOptions: { clientFileSystem: true, locale: 'en' } } });
      const init = await next((m) => m.id === 1);
      expect((init.result as { capabilities: object }).capabilities).toHaveProperty('semanticTokensProvider');
      send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const text = '# REFERAT X\n\nMødedeltagere: Anne Holm\n\n## Punkt 1: A\n\n### Beslutning\n\nGodkendt.\n\nFor stemte: Karl Olsen (2).\n';
      send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///ws/m.referat', languageId: 'referat', version: 1, text } } });
      const diag = await next((m) => m.method === 'textDocument/publishDiagnostics');
      const codes = ((diag.params as { diagnostics: { code: string }[] }).diagnostics ?? []).map((d) => d.code);
      expect(codes).toContain('unknown-person');
      expect(codes).not.toContain('vote-count');
    } finally {
      clearInterval(answer);
    }
  });
});
