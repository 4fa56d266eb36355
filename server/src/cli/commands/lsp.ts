/** `referat lsp --stdio`: the language server over standard input/output, for any editor. */
import { Command } from 'commander';
import type { CliContext } from '../context.js';

export function lspCommand(ctx: CliContext): Command {
  return new Command('lsp')
    .description(ctx.lang === 'da' ? 'Start sprogserveren (LSP) til andre editorer' : 'Start the language server (LSP) for other editors')
    .option('--stdio', ctx.lang === 'da' ? 'kommunikér over stdin/stdout (standard)' : 'communicate over stdin/stdout (default)')
    .option('--lang <lang>', ctx.lang === 'da' ? 'sprog for meddelelser: da eller en' : 'language of messages: da or en')
    .option('--node-ipc', ctx.lang === 'da' ? 'kommunikér over Node IPC' : 'communicate over Node IPC')
    .action(async () => {
      // vscode-languageserver reads --stdio / --node-ipc from process.argv itself.
      if (!process.argv.includes('--stdio') && !process.argv.includes('--node-ipc')) process.argv.push('--stdio');
      const { startServer } = await import('../../lsp/node.js');
      startServer();
    });
}
