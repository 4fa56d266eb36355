/** The registry of rules: one file per rule, in the order of the spec (§7). */
import type { Rule } from './types.js';
import missingDecision from './missing-decision.js';
import itemNumbering from './item-numbering.js';
import decisionPoints from './decision-points.js';
import listNumbering from './list-numbering.js';
import unknownPerson from './unknown-person.js';
import duplicateName from './duplicate-name.js';
import afbudNotNoted from './afbud-not-noted.js';
import leftNotNoted from './left-not-noted.js';
import voteCount from './vote-count.js';
import quorum from './quorum.js';
import meetingDate from './meeting-date.js';
import caseNumber from './case-number.js';
import cprNumber from './cpr-number.js';
import closedItemContent from './closed-item-content.js';
import emptySection from './empty-section.js';
import duplicateSection from './duplicate-section.js';
import sectionOrder from './section-order.js';
import unknownField from './unknown-field.js';
import unsafeLink from './unsafe-link.js';

export const allRules: readonly Rule[] = [
  missingDecision,
  itemNumbering,
  decisionPoints,
  listNumbering,
  unknownPerson,
  duplicateName,
  afbudNotNoted,
  leftNotNoted,
  voteCount,
  quorum,
  meetingDate,
  caseNumber,
  cprNumber,
  closedItemContent,
  emptySection,
  duplicateSection,
  sectionOrder,
  unknownField,
  unsafeLink,
];

const byId = new Map(allRules.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
