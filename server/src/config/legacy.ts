/**
 * Older profile values, rewritten into the current schema before validation, so that a
 * `.referatrc.json` written for an earlier version still loads:
 * `decisionHeading: "plain" | "committee-date"`, `numbering: "continuous" | "per-meeting"`,
 * `caseNumber: "kle" | "short" | "any"`, `caseNumberRequired`, `absenceNotedPerItem`.
 */

const LEGACY_DECISION: Record<string, string> = {
  plain: 'Beslutning',
  'committee-date': 'Beslutning {committee} den {date}',
};

const LEGACY_NUMBERING: Record<string, string> = { continuous: 'year', year: 'year', term: 'term', 'per-meeting': 'per-meeting' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The profile (or patch) with older values rewritten; anything else is returned as is. */
export function upgradeLegacyProfile(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const p: Record<string, unknown> = { ...raw };
  if (typeof p.decisionHeading === 'string' && p.decisionHeading in LEGACY_DECISION) p.decisionHeading = LEGACY_DECISION[p.decisionHeading];
  if (typeof p.numbering === 'string' && p.numbering in LEGACY_NUMBERING) p.numbering = { scheme: LEGACY_NUMBERING[p.numbering] };
  if (typeof p.caseNumber === 'string') p.caseNumber = { patterns: [p.caseNumber] };
  if ('caseNumberRequired' in p) {
    const required = p.caseNumberRequired;
    delete p.caseNumberRequired;
    p.caseNumber = { ...(isRecord(p.caseNumber) ? p.caseNumber : {}), required };
  }
  if ('absenceNotedPerItem' in p) {
    const perItem = p.absenceNotedPerItem;
    delete p.absenceNotedPerItem;
    const placement = perItem === true ? ['header', 'every-decision'] : perItem === false ? ['header'] : perItem;
    p.attendance = { ...(isRecord(p.attendance) ? p.attendance : {}), placement };
  }
  return p;
}

/** A configuration with the profiles under `profiles` upgraded. */
export function upgradeLegacyConfig(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.profiles)) return raw;
  return { ...raw, profiles: Object.fromEntries(Object.entries(raw.profiles).map(([k, v]) => [k, upgradeLegacyProfile(v)])) };
}
