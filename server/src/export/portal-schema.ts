/**
 * The JSON publication record, in the shape of the publishing portal's data (seed 002):
 * one record per item with the sections as HTML carrying the portal's class names.
 * docs/portal-record.schema.json is generated from these schemas (scripts: see docs/export.md).
 */
import { z } from 'zod';

export const portalFieldSchema = z
  .object({
    Navn: z.string().describe('Field name; the portal leaves it empty.'),
    Html: z
      .string()
      .describe(
        "The item's sections as HTML: `<h3>Resumé</h3> <span class='resume'>…</span>` for each section, with the portal's class names.",
      ),
  })
  .strict();

export const portalAttachmentSchema = z
  .object({
    Navn: z.string().describe('The attachment name as listed under Bilag.'),
    Order: z.number().int().nonnegative().describe('Position in the Bilag list, from 0.'),
    Link: z.string().optional().describe('A link target, when the Bilag bullet was a link (http(s), mailto or relative).'),
  })
  .strict();

export const portalItemSchema = z
  .object({
    Punktnummer: z.string().describe('The item number as written, e.g. "92" or "1.a".'),
    Number: z.string().describe('Same as Punktnummer.'),
    Navn: z.string().describe('The item title.'),
    Caption: z.string().describe('Same as Navn.'),
    SagsNummer: z.string().nullable().describe('The case number (Sagsnr), or null.'),
    CaseNumber: z.string().nullable().describe('Same as SagsNummer.'),
    IsOpen: z.boolean().describe('False for a closed item (lukket punkt).'),
    Sorting: z.number().int().nonnegative().describe('Position of the item in the meeting, from 0.'),
    Felter: z.array(portalFieldSchema).describe('The sections as HTML; empty for a closed item in the public edition.'),
    Bilag: z.array(portalAttachmentSchema).describe('Attachments; empty for a closed item in the public edition.'),
  })
  .strict();

export const portalMeetingSchema = z
  .object({
    title: z.string().describe('The published title, e.g. "REFERAT Beskæftigelsesudvalget d. 03-12-2024".'),
    kind: z.enum(['REFERAT', 'DAGSORDEN']),
    edition: z.enum(['public', 'internal']).describe('public: closed items reduced to number, title and case number.'),
    committee: z.string().nullable(),
    period: z.string().nullable(),
    municipality: z.string().nullable(),
    date: z.string().nullable().describe('ISO date, YYYY-MM-DD.'),
    time: z.string().nullable().describe('HH:MM.'),
    dateText: z.string().nullable().describe('The date in the Danish long form.'),
    place: z.string().nullable(),
    participants: z.array(z.string()).describe('Mødedeltagere as written (party letters included).'),
    absent: z.array(z.string()).describe('Members in Afbud.'),
  })
  .strict();

export const portalExportSchema = z
  .object({
    meeting: portalMeetingSchema,
    items: z.array(portalItemSchema),
  })
  .strict()
  .describe('A referat as publication records: the meeting and one portal-shaped record per item.');

export type PortalItem = z.infer<typeof portalItemSchema>;
export type PortalExport = z.infer<typeof portalExportSchema>;

/** The JSON Schema of the export (draft 2020-12), as written to docs/portal-record.schema.json. */
export function portalJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(portalExportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, title: 'Referat portal export', ...schema };
}
