/**
 * The browser (web worker) entry point of the language server, for vscode.dev and
 * github.dev: the workspace is read through the client (`referat/readFile`,
 * `referat/listFiles`), which uses VS Code's file system API.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startLanguageServer } from './server.js';

declare const self: { postMessage(message: unknown): void; addEventListener(type: string, l: (e: unknown) => void): void };

const reader = new BrowserMessageReader(self as never);
const writer = new BrowserMessageWriter(self as never);
startLanguageServer(createConnection(reader, writer), {});
