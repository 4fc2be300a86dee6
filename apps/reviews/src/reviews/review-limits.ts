import { RateLimit } from '@app/platform';

/**
 * Budgets for the actions that cost an abuser nothing and us a write or a rule-engine run. Far
 * above what a person does; they stop scripts, not reviewers.
 */
export const REVIEW_POST_LIMIT: RateLimit = { action: 'review.post', limit: 20, windowSeconds: 3600 };
export const REVIEW_EDIT_LIMIT: RateLimit = { action: 'review.edit', limit: 60, windowSeconds: 3600 };
export const REVIEW_CHECK_LIMIT: RateLimit = { action: 'review.check', limit: 120, windowSeconds: 60 };
export const HELPFUL_VOTE_LIMIT: RateLimit = { action: 'review.helpful', limit: 100, windowSeconds: 3600 };
