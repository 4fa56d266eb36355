/**
 * The house-style profiles that ship with the tools. See docs/configuration.md.
 */
import type { Profile } from './schema.js';

const common = {
  resume: { kind: 'resume', name: 'Resumé', aliases: ['Resume', 'Sagsresumé', 'Sagsresume'], portalClass: 'resume' },
  indstilling: { kind: 'indstilling', name: 'Indstilling', aliases: [], portalClass: 'indstilling' },
  beslutning: { kind: 'beslutning', name: 'Beslutning', aliases: [], portalClass: 'beslutning' },
  sagsfremstilling: {
    kind: 'sagsfremstilling',
    name: 'Sagsfremstilling',
    aliases: ['Sagsbeskrivelse'],
    portalClass: 'sagsfremstilling',
  },
  oekonomi: {
    kind: 'oekonomi',
    name: 'Økonomi',
    aliases: ['Økonomiske konsekvenser', 'Bevillingsmæssige konsekvenser', 'Oekonomi'],
    portalClass: 'oekonomi',
  },
  bilag: { kind: 'bilag', name: 'Bilag', aliases: [], portalClass: 'bilag' },
} as const;

/** Randers Kommune: as seeds 000 and 003. */
export const randers: Profile = {
  name: 'randers',
  description: 'Randers Kommune: Resumé, Indstilling, Beslutning, Sagsfremstilling, Økonomi, Bilag; KLE case numbers; numbering continuous through the year; absence noted on every item.',
  sections: [
    { ...common.resume, aliases: [...common.resume.aliases] },
    { ...common.indstilling, aliases: [] },
    { ...common.beslutning, aliases: [] },
    { ...common.sagsfremstilling, aliases: [...common.sagsfremstilling.aliases] },
    { ...common.oekonomi, aliases: [...common.oekonomi.aliases] },
    { kind: 'hoering', name: 'Høring', aliases: ['Høringssvar'], portalClass: 'hoering' },
    { ...common.bilag, aliases: [] },
  ],
  decisionHeading: 'plain',
  numbering: 'continuous',
  caseNumber: 'kle',
  caseNumberRequired: true,
  absenceNotedPerItem: true,
  requiredSections: [],
};

/** Sønderborg-like: Sagsresumé, decision heading with committee and date after the case presentation. */
export const sonderborg: Profile = {
  name: 'sonderborg',
  description: 'Sønderborg-like: Sagsresumé, Sagsfremstilling, Bevillingsmæssige konsekvenser, Indstilling, then "Beslutning <udvalg> den <dato>"; short case numbers (23/64938); numbering restarts at every meeting; absence noted once.',
  sections: [
    { kind: 'resume', name: 'Sagsresumé', aliases: ['Resumé', 'Resume', 'Sagsresume'], portalClass: 'resume' },
    { ...common.sagsfremstilling, aliases: [...common.sagsfremstilling.aliases] },
    { kind: 'hoering', name: 'Høring', aliases: ['Høringssvar'], portalClass: 'hoering' },
    { kind: 'kommunikation', name: 'Kommunikation', aliases: [], portalClass: 'kommunikation' },
    { kind: 'tidsplan', name: 'Tidsplan', aliases: [], portalClass: 'tidsplan' },
    { kind: 'lovgrundlag', name: 'Lovgrundlag', aliases: [], portalClass: 'lovgrundlag' },
    {
      kind: 'oekonomi',
      name: 'Bevillingsmæssige konsekvenser',
      aliases: ['Økonomi', 'Økonomiske konsekvenser'],
      portalClass: 'oekonomi',
    },
    { ...common.indstilling, aliases: [] },
    { ...common.beslutning, aliases: [] },
    { ...common.bilag, aliases: [] },
  ],
  decisionHeading: 'committee-date',
  numbering: 'per-meeting',
  caseNumber: 'short',
  caseNumberRequired: true,
  absenceNotedPerItem: false,
  requiredSections: [],
};

export const builtinProfiles: Readonly<Record<string, Profile>> = Object.freeze({ randers, sonderborg });

export const DEFAULT_PROFILE = 'randers';
