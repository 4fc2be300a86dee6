import { z } from 'zod';
import { defineSettings, RateLimit } from '@app/platform';

/**
 * The reviews service's own settings: budgets for the actions that cost an abuser nothing and us a
 * write or a rule-engine run. Far above what a person does; they stop scripts, not reviewers. Read
 * from `REVIEWS_*` variables next to the platform's config and validated the same way
 * (`defineSettings`): a bad value stops the start with a message naming the variable.
 */
export interface ReviewsSettings {
  readonly postLimit: RateLimit;
  readonly editLimit: RateLimit;
  readonly checkLimit: RateLimit;
  readonly helpfulVoteLimit: RateLimit;
}

const budget = z.coerce.number().int().positive().max(100_000);

export const reviewsEnvSchema = z.object({
  REVIEWS_POSTS_PER_HOUR: budget.default(20),
  REVIEWS_EDITS_PER_HOUR: budget.default(60),
  REVIEWS_CHECKS_PER_MINUTE: budget.default(120),
  REVIEWS_HELPFUL_VOTES_PER_HOUR: budget.default(100),
});

/** The reviews settings: `REVIEWS_*` variables, provided under `REVIEWS_SETTINGS.token`. */
export const REVIEWS_SETTINGS = defineSettings({
  token: Symbol('REVIEWS_SETTINGS'),
  schema: reviewsEnvSchema,
  fromEnv: (env): ReviewsSettings => ({
    postLimit: { action: 'review.post', limit: env.REVIEWS_POSTS_PER_HOUR, windowSeconds: 3600 },
    editLimit: { action: 'review.edit', limit: env.REVIEWS_EDITS_PER_HOUR, windowSeconds: 3600 },
    checkLimit: { action: 'review.check', limit: env.REVIEWS_CHECKS_PER_MINUTE, windowSeconds: 60 },
    helpfulVoteLimit: {
      action: 'review.helpful',
      limit: env.REVIEWS_HELPFUL_VOTES_PER_HOUR,
      windowSeconds: 3600,
    },
  }),
});
