import { DomainError, NotFoundError } from '@app/platform';
import { RuleViolation } from '../content-rules/content-rule';

export class ReviewNotFoundError extends NotFoundError {
  constructor(reviewId: string) {
    super('REVIEW_NOT_FOUND', `review ${reviewId} does not exist.`);
  }
}

export class ReviewAlreadyExistsError extends DomainError {
  constructor(existingReviewId: string) {
    super(
      'conflict',
      'REVIEW_ALREADY_EXISTS',
      'You have already reviewed this product; edit that review instead.',
      {
        details: { reviewId: existingReviewId, edit: `/reviews/${existingReviewId}` },
      },
    );
  }
}

export class ContentRulesViolatedError extends DomainError {
  constructor(ruleSetVersion: string, violations: RuleViolation[]) {
    super('unprocessable', 'CONTENT_RULES_VIOLATED', violations.map((v) => v.message).join(' '), {
      details: { ruleSetVersion, violations },
    });
  }
}

export class PenNameRequiredError extends DomainError {
  constructor() {
    super('unprocessable', 'PEN_NAME_REQUIRED', 'Create a pen name first, or post anonymously.');
  }
}

export class TermsNotAcceptedError extends DomainError {
  constructor(current: string) {
    super(
      'unprocessable',
      'TERMS_NOT_ACCEPTED',
      `Accept the current review licence terms (version ${current}) to post.`,
      {
        details: { termsVersion: current },
      },
    );
  }
}

export class ReviewNotEditableError extends DomainError {
  constructor(status: string) {
    super(
      'conflict',
      'REVIEW_UNDER_MODERATION',
      `A review that is ${status} cannot be changed by its author.`,
      {
        details: { status },
      },
    );
  }
}

export class OwnReviewVoteError extends DomainError {
  constructor() {
    super('unprocessable', 'OWN_REVIEW_VOTE', 'You cannot mark your own review as helpful.');
  }
}

export class AlreadyVotedError extends DomainError {
  constructor() {
    super('conflict', 'ALREADY_VOTED', 'You have already marked this review as helpful.');
  }
}
