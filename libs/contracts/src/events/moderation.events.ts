import { z } from 'zod';
import { idSchema, moderationTargetTypeSchema } from './common.schema';

export const moderationTargetSchema = z.object({
  type: moderationTargetTypeSchema,
  id: idSchema,
});
export type ModerationTarget = z.infer<typeof moderationTargetSchema>;

/** A case crossed its threshold: the owner hides the target until a decision. */
export const holdPlacedPayloadSchema = z.object({
  caseId: idSchema,
  target: moderationTargetSchema,
  reasonCode: z.string().min(1).max(64),
});

export const decisionSchema = z.enum(['keep', 'remove', 'restore', 'approve', 'reject']);

/** A moderator's decision; the statement of reasons is addressed to the content's author. */
export const decisionMadePayloadSchema = z.object({
  caseId: idSchema,
  target: moderationTargetSchema,
  decision: decisionSchema,
  reasonCode: z.string().min(1).max(64),
  statement: z.string().max(2000).default(''),
});
