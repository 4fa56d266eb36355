/** Syntax diagnostics: code → message in Danish and English (placeholders `{name}`). */
export const messages = {
  'missing-title': {
    da: 'Referatet mangler en titel. Start filen med "# REFERAT <udvalg>" (eller "# DAGSORDEN <udvalg>").',
    en: 'The minutes have no title. Start the file with "# REFERAT <committee>" (or "# DAGSORDEN <committee>").',
  },
  'duplicate-title': {
    da: 'En fil er ét møde: der må kun være én titel "# REFERAT …". Gør overskriften til et niveau 4-overskrift ("#### …") eller fjern den.',
    en: 'One file is one meeting: only one "# REFERAT …" title is allowed. Make this a level-4 heading ("#### …") or remove it.',
  },
  'stray-heading-1': {
    da: 'En overskrift på niveau 1 skal være mødets titel "# REFERAT <udvalg>". Brug "####" til en underoverskrift.',
    en: 'A level-1 heading must be the meeting title "# REFERAT <committee>". Use "####" for a sub-heading.',
  },
  'stray-heading-2': {
    da: 'En overskrift på niveau 2 skal være et punkt: "## Punkt <nummer>: <titel>". Brug "###" til et afsnit og "####" til en underoverskrift.',
    en: 'A level-2 heading must be an item: "## Punkt <number>: <title>". Use "###" for a section and "####" for a sub-heading.',
  },
  'section-outside-item': {
    da: 'Et afsnit ("### …") skal stå under et punkt ("## Punkt <nummer>: <titel>").',
    en: 'A section ("### …") must be inside an item ("## Punkt <number>: <title>").',
  },
  'empty-item-title': {
    da: 'Punktet har ingen titel. Skriv titlen efter kolon: "## Punkt <nummer>: <titel>".',
    en: 'The item has no title. Write the title after the colon: "## Punkt <number>: <title>".',
  },
  'empty-heading': {
    da: 'Afsnitsoverskriften er tom. Skriv afsnittets navn, fx "### Beslutning".',
    en: 'The section heading is empty. Write the section name, e.g. "### Beslutning".',
  },
  'unterminated-comment': {
    da: 'Kommentaren er ikke afsluttet. Afslut den med "-->".',
    en: 'The comment is not closed. Close it with "-->".',
  },
  'content-before-title': {
    da: 'Der står indhold før titlen. Flyt titlen "# REFERAT …" op som første linje.',
    en: 'There is content before the title. Move the title "# REFERAT …" up to the first line.',
  },
  'table-columns': {
    da: 'Tabelrækken har {found} celler, men tabellen har {expected} kolonner.',
    en: 'The table row has {found} cells, but the table has {expected} columns.',
  },
  'list-too-deep': {
    da: 'Listen er indlejret mere end {max} niveauer; de dybere punkter læses på niveau {max}.',
    en: 'The list is nested more than {max} levels deep; the deeper points are read at level {max}.',
  },
  'unexpected-character': {
    da: 'Uventet tegn.',
    en: 'Unexpected character.',
  },
  'syntax-error': {
    da: 'Syntaksfejl: {detail}',
    en: 'Syntax error: {detail}',
  },
  'internal-error': {
    da: 'Intern fejl i parseren: {detail}. Filen er ikke ændret; rapportér venligst fejlen.',
    en: 'Internal parser error: {detail}. The file is unchanged; please report the bug.',
  },
} as const satisfies Record<string, { da: string; en: string }>;

export type SyntaxCode = keyof typeof messages;
