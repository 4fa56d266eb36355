/**
 * `.referatrc.json` and house-style profiles, as zod schemas. The JSON Schema shipped
 * for editor completion (`schemas/referatrc.schema.json`) is generated from these.
 */
import { z } from 'zod';

export const severitySchema = z
  .enum(['error', 'warning', 'info', 'off'])
  .describe('How a finding of the rule is reported: error, warning, info or off.');
export type Severity = z.infer<typeof severitySchema>;

export const sectionDefSchema = z
  .object({
    kind: z
      .string()
      .min(1)
      .describe(
        'Canonical kind: resume, indstilling, beslutning, sagsfremstilling, oekonomi, bilag, or a house-style kind of your own.',
      ),
    name: z.string().min(1).describe('The heading as the house style writes it, e.g. "Resumé".'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other headings accepted for this section.'),
    portalClass: z
      .string()
      .optional()
      .describe("The CSS class of the section in the portal's JSON record, e.g. 'resume'."),
  })
  .strict();
export type SectionDef = z.infer<typeof sectionDefSchema>;

export const profileSchema = z
  .object({
    name: z.string().min(1).describe('Profile name, e.g. "randers".'),
    description: z.string().optional(),
    sections: z.array(sectionDefSchema).min(1).describe('The sections of an item, in house-style order.'),
    decisionHeading: z
      .enum(['plain', 'committee-date'])
      .describe(
        'plain: "Beslutning"; committee-date: "Beslutning <udvalg> den <DD-MM-YYYY>" as used e.g. in Sønderborg.',
      ),
    numbering: z
      .enum(['continuous', 'per-meeting'])
      .describe('continuous: item numbers continue through the year; per-meeting: they restart at 1.'),
    caseNumber: z
      .enum(['kle', 'short', 'any'])
      .describe('kle: 00.22.00-P35-1-24; short: 23/64938; any: either form.'),
    caseNumberRequired: z.boolean().describe('Whether every item must have a Sagsnr.'),
    absenceNotedPerItem: z
      .boolean()
      .describe('Whether members with Afbud are noted absent again under every item\'s decision.'),
    requiredSections: z
      .array(z.string())
      .default([])
      .describe('Kinds every open item should have (besides the decision).'),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

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
      .describe('The house-style profile: "randers" (default), "sonderborg", or one defined under "profiles".'),
    profiles: z
      .record(z.string(), profileSchema.partial().extend({ extends: z.string().optional() }))
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
