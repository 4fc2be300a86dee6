import { DomainError, NotFoundError } from '@app/platform';

export class CaseNotFoundError extends NotFoundError {
  constructor(caseId: string) {
    super('CASE_NOT_FOUND', `case ${caseId} does not exist.`);
  }
}

/** The case's state does not allow this decision (or any: it is closed). */
export class DecisionNotAllowedError extends DomainError {
  constructor(input: { state: string; kind: string; decision: string; allowed: readonly string[] }) {
    super(
      'conflict',
      'DECISION_NOT_ALLOWED',
      input.allowed.length > 0
        ? `A ${input.kind} case that is ${input.state} can be decided with ${input.allowed.join(' or ')}, not ${input.decision}.`
        : `A ${input.kind} case that is ${input.state} takes no more decisions.`,
      { details: input },
    );
  }
}

export class CaseNotClaimableError extends DomainError {
  constructor(state: string) {
    super('conflict', 'CASE_NOT_CLAIMABLE', `A case that is ${state} is not waiting for a moderator.`, {
      details: { state },
    });
  }
}

/** Another moderator holds a live lease; it lapses on its own at `expiresAt`. */
export class CaseClaimedError extends DomainError {
  constructor(expiresAt: Date, now: number) {
    super('conflict', 'CASE_CLAIMED', 'Another moderator is working on this case.', {
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)),
      details: { claimExpiresAt: expiresAt.toISOString() },
    });
  }
}

export class ClaimRequiredError extends DomainError {
  constructor() {
    super(
      'conflict',
      'CLAIM_REQUIRED',
      'Claim the case first (or claim it again: your lease has expired) before deciding it.',
    );
  }
}

export class AppealNeedsAnotherModeratorError extends DomainError {
  constructor() {
    super(
      'conflict',
      'APPEAL_NEEDS_ANOTHER_MODERATOR',
      'An appeal is decided by a moderator other than the one whose decision is appealed.',
    );
  }
}

export class AppealNotAllowedError extends DomainError {
  constructor(reason: string) {
    super('conflict', 'APPEAL_NOT_ALLOWED', reason);
  }
}
