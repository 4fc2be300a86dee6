import { z } from 'zod';

/**
 * Building blocks shared by event payloads. Consumers parse with these schemas: unknown fields are
 * stripped (a producer may add optional fields within a topic version), missing or invalid
 * required fields fail the parse and send the event to the dead-letter topic.
 */
export const idSchema = z.string().min(1).max(64);
export const timestampSchema = z.iso.datetime({ offset: true });

/** ISO 4217 code; the marketplace runs in one configured currency. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

/** Money is integer minor units plus a currency, never a float. */
export const moneySchema = z.object({
  amountMinor: z.int().nonnegative(),
  currency: currencySchema,
});
export type Money = z.infer<typeof moneySchema>;

export const changedFieldsSchema = z.array(z.string().min(1)).default([]);

export const ModerationTargetType = {
  Product: 'product',
  Offer: 'offer',
  Review: 'review',
  PenName: 'pen_name',
} as const;
export type ModerationTargetType = (typeof ModerationTargetType)[keyof typeof ModerationTargetType];
export const moderationTargetTypeSchema = z.enum(['product', 'offer', 'review', 'pen_name']);

export const ModerationActionKind = {
  Hold: 'hold',
  Keep: 'keep',
  Remove: 'remove',
  Restore: 'restore',
  Approve: 'approve',
  Reject: 'reject',
} as const;
export type ModerationActionKind = (typeof ModerationActionKind)[keyof typeof ModerationActionKind];
export const moderationActionKindSchema = z.enum(['hold', 'keep', 'remove', 'restore', 'approve', 'reject']);

/**
 * What an owner's *Moderated event says about the action it answers. `causationId` of the envelope
 * is the action's eventId as well; `applied` is false when the action changed nothing (a duplicate,
 * or a decision that no longer applies) — every action is still answered.
 */
export const moderationOutcomeSchema = z.object({
  action: moderationActionKindSchema,
  actionEventId: z.uuid(),
  caseId: idSchema,
  applied: z.boolean(),
  reasonCode: z.string().min(1).max(64).optional(),
});
export type ModerationOutcome = z.infer<typeof moderationOutcomeSchema>;
