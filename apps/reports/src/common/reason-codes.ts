import { z } from 'zod';

/**
 * Why something is reported, and how much one report of that kind weighs (1 = least urgent,
 * 5 = most). Severity × reporter weight is a report's contribution to its case's score. The same
 * codes are the reason a moderator gives with a decision. Do not rename a code: stored reports,
 * decisions and events carry it.
 */
export const REASON_SEVERITY = {
  offensive_or_hateful: 3,
  sexual_content: 4,
  violence_or_threats: 5,
  spam_or_advertising: 2,
  personal_information: 4,
  counterfeit_or_illegal: 4,
  misleading_product_information: 2,
  intellectual_property: 3,
  other: 1,
} as const;

export type ReasonCode = keyof typeof REASON_SEVERITY;
export const REASON_CODES = Object.keys(REASON_SEVERITY) as [ReasonCode, ...ReasonCode[]];
export const reasonCodeSchema = z.enum(REASON_CODES);

/** The reason a pre-moderation case carries: nobody reported it, the content rules held it back. */
export const PRE_MODERATION_REASON = 'pre_moderation';
