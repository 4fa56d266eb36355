/**
 * A server that stays up: the bundled server (`node dist/server.js --stdio`, as every
 * editor runs it) fed malformed frames, unknown methods, requests on documents it does not
 * have, positions out of range, cancelled requests and a burst of 10,000 edits.
 *
 * What "stays up" means depends on what broke (vscode-jsonrpc 10 reads the stream):
 * - A frame whose header is well formed but whose body is not a JSON-RPC message we can
 *   serve (not JSON, not UTF-8, a batch array, no method, wrong params, unknown method)
 *   is dropped, answered with an error where it carries an id, and the same connection
 *   answers the next request.
 * - A frame whose declared length cannot be trusted (a body without Content-Length, a
 *   negative, short or overlong Content-Length) leaves no message boundary to resume
 *   from; the library does not resynchronise, so later messages on that stream are lost
 *   by protocol. The process must still not crash, spin or grow, and must exit when the
 *   client closes the stream (the editor's client then restarts it).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-types';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { prng } from '../../bench/workload.js';
import { TestClient } from '../lsp/client.js';
import { EXAMPLE } from './inputs.js';

const root = join(__dirname, '..', '..');
const SERVER = join(root, 'dist', 'server.js');
const FAULTS = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'referat-server-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();
/** Memory and CPU figures come from /proc (Linux). */
const hasProc = existsSync('/proc/self/status');

interface Server {
  readonly child: ChildProcessWithoutNullStreams;
  readonly client: TestClient;
  /** Everything the server wrote to stdout so far (the last few megabytes). */
  stdout(): string;
  stderr(): string;
  /** Writes raw bytes to the server's stdin. */
  write(bytes: Buffer | string): Promise<void>;
  exited(): boolean;
  /** The server's resident memory now and at its peak (Linux), and CPU time used. */
  status(): { rssMB: number; peakMB: number; cpuMs: number };
}

const servers: Server[] = [];

function startServer(): Server {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exited = false;
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  child.on('exit', () => (exited = true));
  const client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)));
  const server: Server = {
    child,
    client,
    stdout: () => out,
    stderr: () => err,
    write: (bytes) => new Promise((resolve, reject) => child.stdin.write(bytes, (e) => (e ? reject(e) : resolve()))),
    exited: () => exited,
    status: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      const raw = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
      const stat = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024), cpuMs: ((Number(stat[11]) + Number(stat[12])) * 1000) / 100 };
    },
  };
  servers.push(server);
  return server;
}

afterEach(() => {
  for (const s of servers.splice(0)) if (!s.exited()) s.child.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A JSON-RPC message framed as the protocol wants it. */
function frame(body: unknown): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);

/** The server answers a request on this connection: the proof it is up. */
async function answers(s: Server, what: string): Promise<void> {
  const symbols = await withTimeout(s.client.request<lsp.SymbolInformation[]>('workspace/symbol', { query: '' }), 5_000, what);
  expect(Array.isArray(symbols), what).toBe(true);
}

const until = async (cond: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
};

const BAD_BODIES: [string, Buffer][] = [
  ['a body that is not JSON', frame('this is not json')],
  ['truncated JSON', frame('{"jsonrpc":"2.0","id":"raw-1","method":"textDocument/hover","params":{')],
  ['a body that is not UTF-8', frame(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x7d]))],
  ['an empty body (Content-Length: 0)', Buffer.from('Content-Length: 0\r\n\r\n')],
  ['JSON null', frame('null')],
  ['a JSON number', frame('42')],
  ['a batch (JSON array)', frame([{ jsonrpc: '2.0', id: 'raw-2', method: 'workspace/symbol', params: { query: '' } }])],
  ['an object with neither method nor id', frame({ jsonrpc: '2.0' })],
  ['a response to no request', frame({ jsonrpc: '2.0', id: 'never-sent', result: null })],
  ['a notification with no params', frame({ jsonrpc: '2.0', method: 'textDocument/didOpen' })],
  ['a notification with params of the wrong type', frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: 5, contentChanges: 'x' } })],
  ['a request with null params', frame({ jsonrpc: '2.0', id: 'raw-3', method: 'textDocument/hover', params: null })],
  ['a request with params of the wrong type', frame({ jsonrpc: '2.0', id: 'raw-4', method: 'textDocument/documentSymbol', params: { textDocument: 5 } })],
  ['a header without Content-Length and no body', Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n')],
  ['a Content-Length that is not a number, no body', Buffer.from('Content-Length: abc\r\n\r\n')],
  ['a header line without a colon', Buffer.from('garbage\r\n\r\n')],
  ['a 1 MB header line before a valid frame', Buffer.concat([Buffer.from(`X-Junk: ${'a'.repeat(1_000_000)}\r\n`), frame({ jsonrpc: '2.0', method: 'initialized', params: {} })])],
  ['10,000 header lines before a valid frame', Buffer.concat([Buffer.from(Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v\r\n`).join('')), frame({ jsonrpc: '2.0', method: 'initialized', params: {} })])],
];

const BAD_FRAMING: [string, Buffer][] = [
  ['a body without Content-Length', Buffer.from(`Content-Type: x\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', method: 'x' })}`)],
  ['a negative Content-Length', Buffer.from('Content-Length: -5\r\n\r\n{}')],
  ['a Content-Length shorter than the body', Buffer.from(`Content-Length: 10\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })}`)],
  ['a Content-Length longer than the body', Buffer.from('Content-Length: 1000000\r\n\r\n{}')],
];

describe('malformed frames', () => {
  it.runIf(existsSync(SERVER))('a frame with a readable header but a bad body is dropped and the connection goes on', { timeout: 60_000 }, async () => {
    const s = startServer();
    await s.client.initialize();
    for (const [what, bytes] of BAD_BODIES) {
      await s.write(bytes);
      // After a header it cannot read, the library stops reading the chunk in hand: what
      // came in the same chunk waits for the next one. Let the bad frame arrive alone.
      await new Promise((r) => setTimeout(r, 50));
      await answers(s, what);
    }
    // Requests that carried an id were answered with an error, not left hanging.
    expect(s.stdout()).toMatch(/"id":"raw-3","error":\{"code":-32603/);
    expect(s.stdout()).toMatch(/"id":"raw-4","result":null/);
    // And the server still does its job.
    const uri = uriOf('after-garbage.referat');
    await s.client.open(uri, FAULTS);
    const p = await s.client.waitForDiagnostics(uri);
    expect(p.diagnostics.map((d) => d.code)).toContain('unknown-person');
    expect(s.exited()).toBe(false);
    expect(s.stderr()).toBe('');
  });

  it.runIf(existsSync(SERVER) && hasProc)('a frame whose length cannot be trusted loses the stream but not the process', { timeout: 60_000 }, async () => {
    await Promise.all(
      BAD_FRAMING.map(async ([what, bytes]) => {
        const s = startServer();
        await s.client.initialize();
        await answers(s, `${what}: before`);
        const before = s.status();
        await s.write(bytes);
        // Give it time to crash or spin if it were going to.
        await new Promise((r) => setTimeout(r, 1_500));
        const after = s.status();
        expect(s.exited(), `${what}: alive`).toBe(false);
        expect(after.cpuMs - before.cpuMs, `${what}: idle, not spinning`).toBeLessThan(500);
        expect(after.rssMB - before.rssMB, `${what}: memory`).toBeLessThan(50);
        // The client goes away: the server follows.
        s.child.stdin.end();
        expect(await until(s.exited, 10_000), `${what}: exits when the client closes the stream`).toBe(true);
        expect(s.stderr(), what).not.toMatch(/RangeError|TypeError|at .*\.js:\d+/);
      }),
    );
  });
});

describe('requests the server cannot serve', () => {
  it.runIf(existsSync(SERVER))('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    const s = startServer();
    await s.client.initialize();
    const error = await s.client.request('referat/noSuchMethod', {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(-32601);
    await s.client.conn.sendNotification('referat/noSuchNotification', { x: 1 });
    await s.client.conn.sendNotification('$/noSuchNotification', {});
    await answers(s, 'after unknown methods');
  });

  it.runIf(existsSync(SERVER))('documents never opened, or closed, answer empty; edits to them are ignored', { timeout: 30_000 }, async () => {
    const s = startServer();
    await s.client.initialize();
    const uri = uriOf('open-and-close.referat');
    const ghost = uriOf('never-opened.referat');
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const requests = (u: string): [string, unknown][] => [
      ['textDocument/hover', { textDocument: { uri: u }, position }],
      ['textDocument/completion', { textDocument: { uri: u }, position }],
      ['textDocument/definition', { textDocument: { uri: u }, position }],
      ['textDocument/references', { textDocument: { uri: u }, position, context: { includeDeclaration: true } }],
      ['textDocument/documentHighlight', { textDocument: { uri: u }, position }],
      ['textDocument/prepareRename', { textDocument: { uri: u }, position }],
      ['textDocument/rename', { textDocument: { uri: u }, position, newName: 'Ny Person' }],
      ['textDocument/documentSymbol', { textDocument: { uri: u } }],
      ['textDocument/foldingRange', { textDocument: { uri: u } }],
      ['textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/rangeFormatting', { textDocument: { uri: u }, range, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics: [] } }],
      ['textDocument/semanticTokens/full', { textDocument: { uri: u } }],
      ['textDocument/documentLink', { textDocument: { uri: u } }],
      ['textDocument/codeLens', { textDocument: { uri: u } }],
      ['textDocument/inlayHint', { textDocument: { uri: u }, range }],
      ['referat/meetingState', { uri: u }],
    ];
    const empty = (r: unknown) => r === null || (Array.isArray(r) && r.length === 0) || JSON.stringify(r) === '{"data":[]}';

    // Edits and a close for a document the server never saw change nothing.
    await s.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: FAULTS }] });
    await s.client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    for (const [method, params] of requests(ghost)) expect(empty(await s.client.request(method, params)), `${method} on a document never opened`).toBe(true);

    await s.client.open(uri, FAULTS);
    expect((await s.client.waitForDiagnostics(uri)).diagnostics.length).toBeGreaterThan(0);
    expect(empty(await s.client.request('textDocument/documentSymbol', { textDocument: { uri } }))).toBe(false);
    await s.client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Closing clears the document's diagnostics.
    await s.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: '' }] });
    await s.client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    for (const [method, params] of requests(uri)) expect(empty(await s.client.request(method, params)), `${method} on a closed document`).toBe(true);
    // No diagnostics came back for the closed document after the empty list.
    const last = s.client.published.filter((p) => p.uri === uri).at(-1)!;
    expect(last.diagnostics).toEqual([]);
    await answers(s, 'after unopened and closed documents');
  });

  it.runIf(existsSync(SERVER))('positions and ranges out of range are answered, not failed', { timeout: 30_000 }, async () => {
    const s = startServer();
    await s.client.initialize();
    const uri = uriOf('positions.referat');
    await s.client.open(uri, FAULTS);
    await s.client.waitForDiagnostics(uri);
    const lines = FAULTS.split('\n').length;
    const positions: lsp.Position[] = [
      { line: lines + 10, character: 0 },
      { line: 0, character: 100_000 },
      { line: 1_000_000, character: 1_000_000 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: -1, character: -5 },
      { line: 1.5, character: 0.5 },
    ];
    const td = { textDocument: { uri } };
    for (const position of positions) {
      const reversed = { start: position, end: { line: 0, character: 0 } };
      const forward = { start: { line: 0, character: 0 }, end: position };
      const calls: [string, unknown][] = [
        ['textDocument/hover', { ...td, position }],
        ['textDocument/completion', { ...td, position }],
        ['textDocument/definition', { ...td, position }],
        ['textDocument/references', { ...td, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { ...td, position }],
        ['textDocument/prepareRename', { ...td, position }],
        ['textDocument/rename', { ...td, position, newName: 'Ny Person' }],
        ['textDocument/codeAction', { ...td, range: forward, context: { diagnostics: [] } }],
        ['textDocument/codeAction', { ...td, range: reversed, context: { diagnostics: [] } }],
        ['textDocument/inlayHint', { ...td, range: forward }],
        ['textDocument/inlayHint', { ...td, range: reversed }],
        ['textDocument/rangeFormatting', { ...td, range: forward, options: { tabSize: 2, insertSpaces: true } }],
        ['textDocument/rangeFormatting', { ...td, range: reversed, options: { tabSize: 2, insertSpaces: true } }],
      ];
      for (const [method, params] of calls) {
        await expect(s.client.request(method, params), `${method} at ${JSON.stringify(position)}`).resolves.not.toBeInstanceOf(Error);
      }
    }
    // An incremental edit with a range past the end appends (the text document clamps it).
    const v = await s.client.change(uri, { start: { line: lines + 5, character: 3 }, end: { line: lines + 9, character: 0 } }, '\nTilføjet.');
    await s.client.waitForDiagnostics(uri, (p) => p.version === v);
    await answers(s, 'after out-of-range positions');
  });

  it.runIf(existsSync(SERVER))('cancelled requests are answered (result or RequestCancelled) and leave nothing behind', { timeout: 30_000 }, async () => {
    const s = startServer();
    await s.client.initialize();
    const uri = uriOf('cancel.referat');
    const big = EXAMPLE + EXAMPLE.slice(EXAMPLE.indexOf('## Punkt')).repeat(10);
    await s.client.open(uri, big);
    await s.client.waitForDiagnostics(uri);
    const td = { textDocument: { uri } };
    const methods: [string, unknown][] = [
      ['textDocument/semanticTokens/full', td],
      ['textDocument/documentSymbol', td],
      ['textDocument/foldingRange', td],
      ['textDocument/codeLens', td],
      ['textDocument/inlayHint', { ...td, range: { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } } }],
      ['textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } }],
      ['workspace/symbol', { query: 'a' }],
    ];
    const expected = await Promise.all(methods.map(([m, p]) => s.client.request(m, p)));
    // Each request cancelled right after it is sent, all in flight at once, three rounds,
    // with edits between them so analyses are cancelled too.
    for (let round = 0; round < 3; round++) {
      const settled = await withTimeout(
        Promise.allSettled(
          methods.map(([m, p]) => {
            const source = new CancellationTokenSource();
            const answer = s.client.conn.sendRequest(m, p, source.token);
            source.cancel();
            return answer;
          }),
        ),
        10_000,
        'cancelled requests',
      );
      for (const r of settled) {
        if (r.status === 'rejected') expect((r.reason as ResponseError<unknown>).code).toBe(-32800);
      }
      await s.client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ' ');
      await s.client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, '');
    }
    // A cancel for a request that never existed, and one for a request long answered.
    await s.client.conn.sendNotification('$/cancelRequest', { id: 987654 });
    await s.client.conn.sendNotification('$/cancelRequest', { id: 1 });
    // Uncancelled, the same requests give the same answers as before.
    const again = await Promise.all(methods.map(([m, p]) => s.client.request(m, p)));
    expect(again).toEqual(expected);
    const final = await s.client.waitForDiagnostics(uri, (p) => p.version === s.client.version(uri));
    expect(final.diagnostics.length).toBe(s.client.published.find((p) => p.uri === uri)!.diagnostics.length);
  });
});

/** LSP position of a UTF-16 offset (lines end at CRLF, CR or LF, as the protocol counts them). */
function positionAt(text: string, offset: number): lsp.Position {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** What people type: letters, Danish letters, spaces, line breaks, whole lines of markup; deletions; an emoji now and then. */
function randomEdit(text: string, next: () => number): { range: lsp.Range; text: string } {
  const SNIPPETS = ['### Beslutning\n', 'Godkendt.\n', 'Afbud: Jesper Gade\n', 'For stemte: Jesper Gade (1).', '\n## Punkt 999: Nyt punkt\n', '- punkt\n', '1. at ', '<!-- ', ' -->', '| a | b |\n', '\r\n', 'æøå ', '👍'];
  // Never between CR and LF: the protocol has no position there (servers move it before the CR).
  const outsideCrlf = (o: number) => (text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
  const at = outsideCrlf(Math.floor(next() * (text.length + 1)));
  const r = next();
  let end = at;
  let insert = '';
  if (r < 0.55) insert = 'abcdefghijklmnopqrstuvwxyzæøå ,.'[Math.floor(next() * 32)]!;
  else if (r < 0.65) insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)]!;
  else end = Math.max(at, outsideCrlf(Math.min(text.length, at + 1 + Math.floor(next() * (r < 0.95 ? 3 : 40)))));
  return { range: { start: positionAt(text, at), end: positionAt(text, end) }, text: insert };
}

describe('a burst of edits', () => {
  it.runIf(existsSync(SERVER) && hasProc)('10,000 incremental edits: no crash, and the last diagnostics are those of a fresh open of the final text', { timeout: 120_000 }, async () => {
    const s = startServer();
    await s.client.initialize();
    const uri = uriOf('burst.referat');
    await s.client.open(uri, EXAMPLE);
    await s.client.waitForDiagnostics(uri);
    const next = prng(20241203);
    const t = performance.now();
    const sent: Promise<number>[] = [];
    for (let i = 0; i < 10_000; i++) {
      const e = randomEdit(s.client.texts.get(uri)!, next);
      sent.push(s.client.change(uri, e.range, e.text));
    }
    await Promise.all(sent);
    const version = s.client.version(uri);
    expect(version).toBe(10_001);
    const last = await s.client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
    const ms = performance.now() - t;
    const { rssMB, peakMB } = s.status();

    // A fresh open of the final text (same folder, so the same configuration).
    const text = s.client.texts.get(uri)!;
    const fresh = uriOf('fresh.referat');
    await s.client.open(fresh, text);
    const expected = await s.client.waitForDiagnostics(fresh);
    // Diagnostics carry their document's version in `data`; the rest must be equal.
    const norm = (ds: lsp.Diagnostic[], u: string) =>
      (JSON.parse(JSON.stringify(ds).replaceAll(u, 'file:///same')) as lsp.Diagnostic[]).map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));
    expect(norm(last.diagnostics, uri)).toEqual(norm(expected.diagnostics, fresh));
    expect(last.diagnostics.length).toBeGreaterThan(0);
    // The server's text is the client's: the outline and the tokens agree too.
    for (const method of ['textDocument/documentSymbol', 'textDocument/semanticTokens/full']) {
      const a = await s.client.request(method, { textDocument: { uri } });
      const b = await s.client.request(method, { textDocument: { uri: fresh } });
      expect(JSON.parse(JSON.stringify(a).replaceAll(uri, fresh)), method).toEqual(b);
    }
    // Nothing was published out of order: versions only grow.
    const versions = s.client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    console.log(
      `10,000 edits: final diagnostics after ${Math.round(ms)} ms; ${versions.length} publications; server RSS ${rssMB} MB (peak ${peakMB} MB); final text ${text.length} chars, ${last.diagnostics.length} diagnostics`,
    );
    expect(ms).toBeLessThan(60_000);
    expect(peakMB).toBeLessThan(1_000);
    await answers(s, 'after the burst');
  });
});
