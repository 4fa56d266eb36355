/** A small meeting builder for the structure rules' tests. */
export const HEAD = [
  '# REFERAT Udvalg d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Anne Holm, Bo Ibsen, Carl Dam og Dorte Kjær',
  '',
].join('\n');

export function item(n: number | string, title: string, body: string, caseNo = '00.22.00-P35-1-24'): string {
  return `## Punkt ${n}: ${title}\nSagsnr: ${caseNo}\n\n${body}\n`;
}

export const OK_BODY = '### Indstilling\n1. at dagsordenen godkendes.\n\n### Beslutning\n1. at godkendt.\n';
