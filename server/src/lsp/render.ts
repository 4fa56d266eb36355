/**
 * `referat/render`: the server renders the open document in an export format, for the
 * editor's live preview (HTML) and its export commands. PDF and Word need the Node host
 * (fonts from the package); the web worker answers the text formats.
 */
import { RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, PdfFonts } from '../service.js';
import { RenderRequest, type RenderParams, type RenderResponse } from './protocol.js';

export function registerRender(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: () => LanguageService,
  fonts: () => PdfFonts | undefined,
): void {
  connection.onRequest(new RequestType<RenderParams, RenderResponse, void>(RenderRequest), async (p: RenderParams): Promise<RenderResponse> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    return service().render(doc, { ...p, fonts: fonts() });
  });
}
