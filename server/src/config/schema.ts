/**
 * `.referatrc.json` and house-style profiles, as zod schemas. The JSON Schemas shipped
 * for editor completion (`schemas/referatrc.schema.json`, `schemas/profile.schema.json`)
 * are generated from these (rules/json-schema.ts, which knows the rule ids).
 *
 * A profile is data: the shipped ones are JSON files in the top-level `profiles/` folder,
 * a kommune can write its own (a file, or an entry under `profiles` in `.referatrc.json`),
 * and `extends` starts from another profile. Older values (`decisionHeading: "plain"`,
 * `numbering: "continuous"`, `caseNumber: "kle"`, `caseNumberRequired`,
 * `absenceNotedPerItem`) still load: config/legacy.ts rewrites them before validation.
 */
import { z } from 'zod';

export const severitySchema = z
  .enum(['error', 'warning', 'info', 'off'])
  .describe('How a finding of the rule is reported: error, warning, info or off.');
export type Severity = z.infer<typeof severitySchema>;

/** Placeholders a template may use, by template. */
const ITEM_PLACEHOLDERS = ['n', 'title', 'status'] as const;
const DECISION_PLACEHOLDERS = ['committee', 'date'] as const;

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
}

function templateSchema(allowed: readonly string[], required: readonly string[], what: string) {
  return z
    .string()
    .min(1)
    .refine((t) => placeholdersOf(t).every((p) => allowed.includes(p)), {
      message: `${what}: unknown placeholder; allowed: ${allowed.map((p) => `{${p}}`).join(', ')}`,
    })
    .refine((t) => required.every((p) => t.includes(`{${p}}`)), {
      message: `${what}: must contain ${required.map((p) => `{${p}}`).join(' and ')}`,
    });
}

export const itemHeadingSchema = templateSchema(ITEM_PLACEHOLDERS, ['n'], 'itemHeading')
  .describe(
    'The item heading as the kommune publishes it: {n} is the item number, {title} the title, {status} the word for an open or a closed item (statusWords). E.g. "Punkt {n}: {title}" (the markup\'s own form, always accepted), "Punkt {n} {title}", "{n}. {title}", "{n} ({status}) {title}".',
  )
  .meta({ examples: ['Punkt {n}: {title}', 'Punkt {n} {title}', '{n}. {title}', '{n} ({status}) {title}'] });

export const statusWordsSchema = z
  .object({
    open: z.string().min(1).describe('The word for an open item, e.g. "Åben".'),
    closed: z.string().min(1).describe('The word for a closed item, e.g. "Lukket".'),
  })
  .strict()
  .describe('The words an item heading with {status} prints for an open and a closed item (default "Åben" and "Lukket").');

export const decisionHeadingSchema = templateSchema(DECISION_PLACEHOLDERS, [], 'decisionHeading')
  .describe(
    'The decision heading as the kommune publishes it: {committee} is the committee that decides, {date} the meeting date in dateFormat. E.g. "Beslutning", "Beslutning i {committee} den {date}", "Beslutning {committee} den {date}", "Beslutning {committee}, {date}", "{committee}, {date}", "{committee} den {date}:", "{committee}s møde den {date}:". A plain "Beslutning" is always accepted too.',
  )
  .meta({
    examples: [
      'Beslutning',
      'Beslutning i {committee} den {date}',
      'Beslutning {committee} den {date}',
      'Beslutning {committee}, {date}',
      '{committee}, {date}',
      '{committee} den {date}:',
      '{committee}s møde den {date}:',
    ],
  });

/** d, dd (day), m, mm (month number), MMM (short month name), MMMM (month name), yy, yyyy; anything else is literal. */
export const DATE_FORMAT_PATTERN = /^(?:dd?|mm?|MMMM|MMM|yyyy|yy|[^dmMyDY])+$/;

export const dateFormatSchema = z
  .string()
  .regex(DATE_FORMAT_PATTERN, 'dateFormat: use d, dd, m, mm, MMM, MMMM, yy, yyyy and literal characters, e.g. "dd-mm-yyyy" or "d. MMMM yyyy"')
  .describe(
    'How the kommune writes a date in headings: d/dd day, m/mm month number, MMM short and MMMM full Danish month name, yy/yyyy year. E.g. "dd-mm-yyyy" (01-09-2021), "dd.mm.yyyy" (20.09.2016), "d. MMMM yyyy" (20. august 2020).',
  )
  .meta({ examples: ['dd-mm-yyyy', 'dd.mm.yyyy', 'd. MMMM yyyy'] });

export const sectionDefSchema = z
  .object({
    kind: z
      .string()
      .min(1)
      .describe(
        'Canonical kind: resume, indstilling, beslutning, sagsfremstilling, oekonomi, bilag, or a house-style kind (hoering, kommunikation, tidsplan, lovgrundlag, beslutningstema, historik, sagsgang, behandling, kompetence, konsekvenser, klima, bemaerkninger, sagstype …) or one of your own.',
      ),
    name: z.string().min(1).describe('The heading as the house style writes it, e.g. "Resumé".'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other headings accepted for this section (case and a trailing colon do not matter).'),
    portalClass: z
      .string()
      .optional()
      .describe("The CSS class of the section in the portal's JSON record, e.g. 'resume'."),
  })
  .strict();
export type SectionDef = z.infer<typeof sectionDefSchema>;

export const CASE_NUMBER_PRESETS = ['kle', 'kle-compact', 'short', 'year-serial', 'kommune-serial', 'sbsys', 'any'] as const;
export type CaseNumberPreset = (typeof CASE_NUMBER_PRESETS)[number];

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const caseNumberPatternSchema = z
  .string()
  .min(1)
  .refine((p) => (CASE_NUMBER_PRESETS as readonly string[]).includes(p) || isValidRegex(p), {
    message: `caseNumber pattern: neither a preset (${CASE_NUMBER_PRESETS.join(', ')}) nor a valid regular expression`,
  })
  .describe(
    'A preset — kle (00.22.00-P35-1-24), kle-compact (00.01.00P35-0098), short (23/64938), year-serial (2019-003610), kommune-serial (326-2020-79506), sbsys (012497 - 2017/12299), any (kle or short) — or a regular expression the whole case number must match.',
  );

const caseNumberFields = {
  patterns: z.array(caseNumberPatternSchema).min(1).describe('The accepted forms; a case number must match one of them.'),
  required: z.boolean().describe('Whether every item must have a Sagsnr (default true).'),
  label: z.string().min(1).optional().describe('The label as published, e.g. "Sagsnr.", "Sagsnummer", "Sagsid." (exports write it).'),
};
export const caseNumberSchema = z
  .object({ ...caseNumberFields, required: caseNumberFields.required.default(true) })
  .strict()
  .describe('Case-number forms of the house style.');
export type CaseNumberSpec = z.infer<typeof caseNumberSchema>;

export const NUMBERING_SCHEMES = ['year', 'term', 'per-meeting'] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEMES)[number];

export const numberingSchema = z
  .object({
    scheme: z
      .enum(NUMBERING_SCHEMES)
      .describe('year: item numbers continue through the calendar year; term: through the election term; per-meeting: they restart at 1.'),
    closedItemsFrom: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Closed items have their own range starting at this number (e.g. 101), numbered apart from the open items.'),
  })
  .strict()
  .describe('How items are numbered.');
export type Numbering = z.infer<typeof numberingSchema>;

export const ATTENDANCE_PLACEMENTS = ['header', 'first-item', 'every-decision'] as const;
export type AttendancePlacement = (typeof ATTENDANCE_PLACEMENTS)[number];

export const attendanceSchema = z
  .object({
    placement: z
      .array(z.enum(ATTENDANCE_PLACEMENTS))
      .min(1)
      .describe('Where absence is noted: header (Afbud/Fraværende in the meeting header), first-item (under the first item, e.g. "Fraværende og bemærkninger"), every-decision (repeated under every decision).'),
    style: z
      .enum(['line', 'sentences'])
      .describe('line: a "Fraværende: A, B" line; sentences: prose ("A deltog ikke i sagens behandling.", "Der var afbud fra A.").'),
    label: z.string().min(1).optional().describe('The label of the line style, e.g. "Fraværende" or "Ikke til stede".'),
    membersListed: z
      .enum(['all', 'present'])
      .optional()
      .describe('all (default): the header\'s member list names every member; present: it names those present, and the absent (Afbud/Fraværende) are members too.'),
  })
  .strict()
  .describe('Where and how attendance is noted.');
export type Attendance = z.infer<typeof attendanceSchema>;

export const headerFieldSchema = z
  .object({
    field: z
      .string()
      .min(1)
      .describe('The field: kommune, udvalg, moededato, moedested, moededeltagere, afbud, formand, referent, profil, stedfortraedere, or a house-style field of your own (e.g. bemaerkninger).'),
    label: z.string().min(1).describe('The label as the house style publishes it, e.g. "Dato", "Lokale", "Medlemmer".'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other labels accepted for this field.'),
  })
  .strict();
export type HeaderFieldDef = z.infer<typeof headerFieldSchema>;

export const provenanceSchema = z
  .object({
    kommune: z.string().min(1).describe('The kommune whose minutes the profile was derived from.'),
    minutes: z.array(z.string().min(1)).default([]).describe('Which minutes: committee and date, e.g. "Byrådet 2021-09-01".'),
    years: z.string().min(1).optional().describe('Which years the minutes span, e.g. "2019-2021".'),
    urls: z.array(z.string().min(1)).default([]).describe('Where the minutes are published.'),
    notes: z.string().optional(),
  })
  .strict()
  .describe('Where the profile came from.');
export type Provenance = z.infer<typeof provenanceSchema>;

/** The fields of a profile, without defaults (a patch must not fill in what it does not say). */
const profileFields = {
  name: z.string().min(1).describe('Profile name, e.g. "randers".'),
  description: z.string().optional(),
  kommune: z.string().min(1).optional().describe('The kommune, as written in the header, e.g. "Randers Kommune".'),
  provenance: provenanceSchema.optional(),
  itemHeading: itemHeadingSchema,
  decisionHeading: decisionHeadingSchema,
  decisionHeadingAliases: z
    .array(decisionHeadingSchema)
    .describe('Further decision-heading forms the house also uses (accepted, never written).'),
  dateFormat: dateFormatSchema,
  sections: z.array(sectionDefSchema).min(1).describe('The sections of an item, in house-style order.'),
  sectionOrder: z
    .enum(['strict', 'none'])
    .describe('strict: sections follow the order of "sections" (section-order checks it); none: the house has no fixed order.'),
  requiredSections: z.array(z.string()).describe('Kinds every open item should have (besides the decision).'),
  emptySections: z
    .enum(['warn', 'allowed'])
    .describe('warn: empty-section reports a section with no content; allowed: the house\'s template prints every heading, also with nothing under it.'),
  caseNumber: caseNumberSchema,
  numbering: numberingSchema,
  attendance: attendanceSchema,
  contents: z
    .boolean()
    .describe('Whether the published minutes print a table of contents before the items (exports write one; default true).'),
  statusWords: statusWordsSchema,
  header: z
    .array(headerFieldSchema)
    .describe('Header fields whose label differs from the markup\'s (or that the house adds); the markup\'s own labels are always accepted.'),
};

/** A complete profile (after `extends` is resolved). */
export const profileSchema = z
  .object({
    ...profileFields,
    itemHeading: profileFields.itemHeading.default('Punkt {n}: {title}'),
    decisionHeadingAliases: profileFields.decisionHeadingAliases.default([]),
    dateFormat: profileFields.dateFormat.default('dd-mm-yyyy'),
    sectionOrder: profileFields.sectionOrder.default('strict'),
    requiredSections: profileFields.requiredSections.default([]),
    emptySections: profileFields.emptySections.default('warn'),
    header: profileFields.header.default([]),
    contents: profileFields.contents.default(true),
    statusWords: profileFields.statusWords.default({ open: 'Åben', closed: 'Lukket' }),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** A profile that may be partial and start from another (`extends`): a `profiles/*.json` file or a `.referatrc.json` entry. */
export const profilePatchSchema = z
  .object(profileFields)
  .partial()
  .extend({
    caseNumber: z
      .union([z.object(caseNumberFields).partial().strict(), z.enum(['kle', 'short', 'any']).describe('Deprecated: use { "patterns": [...] }.')])
      .optional()
      .describe('Case-number forms; merged key by key with the base profile\'s.'),
    numbering: z
      .union([numberingSchema.partial(), z.enum(['continuous', 'per-meeting']).describe('Deprecated: use { "scheme": "year" | "per-meeting" }.')])
      .optional()
      .describe('How items are numbered; merged key by key with the base profile\'s.'),
    caseNumberRequired: z.boolean().optional().describe('Deprecated: use caseNumber.required.').meta({ deprecated: true }),
    absenceNotedPerItem: z.boolean().optional().describe('Deprecated: use attendance.placement (with "every-decision").').meta({ deprecated: true }),
    attendance: attendanceSchema.partial().optional().describe('Where and how attendance is noted; merged key by key with the base profile\'s.'),
    $schema: z.string().optional(),
    extends: z
      .string()
      .min(1)
      .optional()
      .describe('The profile this one starts from (default: randers): a profile name, or a profile file ("./base.json", relative to the file that says it); its values apply where this one is silent.'),
  })
  .strict();
export type ProfilePatch = z.input<typeof profilePatchSchema>;

const ruleSettingSchema = z.union([
  severitySchema,
  z
    .object({ severity: severitySchema.optional(), options: z.record(z.string(), z.unknown()).optional() })
    .strict(),
]);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    profile: z
      .string()
      .optional()
      .describe('The house-style profile: "randers" (default), a shipped kommune profile (e.g. "sonderborg", "viborg"), one defined under "profiles", or a profile file ("./profiles/x.json", relative to this file).'),
    profiles: z
      .record(z.string(), profilePatchSchema)
      .optional()
      .describe('House-style profiles of your own; "extends" names the profile they start from.'),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .optional()
      .describe('Rule severities by rule id, e.g. { "quorum": "off" }.'),
    members: z
      .array(z.string().min(1))
      .optional()
      .describe("The committee's member roster; used where a file has no Mødedeltagere."),
    lang: z.enum(['da', 'en']).optional().describe('Language of messages.'),
  })
  .strict();
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.infer<typeof configSchema>;

export const ruleSeverityOverride = ruleSettingSchema;
