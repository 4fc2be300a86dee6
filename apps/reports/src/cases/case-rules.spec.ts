import {
  addReport,
  allowedDecisions,
  claimFor,
  liveClaim,
  MAX_WEIGHT,
  MIN_WEIGHT,
  priorityOf,
  queuePosition,
  reportContribution,
  reporterWeight,
  requireAppealable,
  requireOwnClaim,
  stateAfterDecision,
} from './case-rules';
import type { CaseDecision, ModerationCase } from './case.schema';

const T0 = Date.parse('2026-11-28T12:00:00Z');

describe('reporter weights', () => {
  it('gives a reporter without a record the weight 1', () => {
    expect(reporterWeight({ upheld: 0, dismissed: 0 })).toBe(1);
  });

  it('rises with upheld reports and falls with dismissed ones', () => {
    expect(reporterWeight({ upheld: 2, dismissed: 0 })).toBe(1.5);
    expect(reporterWeight({ upheld: 0, dismissed: 4 })).toBe(0.5);
    expect(reporterWeight({ upheld: 3, dismissed: 1 })).toBeGreaterThan(1);
  });

  it('stays within its bounds however long the record', () => {
    expect(reporterWeight({ upheld: 1_000, dismissed: 0 })).toBe(MAX_WEIGHT);
    expect(reporterWeight({ upheld: 0, dismissed: 1_000 })).toBe(MIN_WEIGHT);
  });
});

describe('scores and the threshold', () => {
  it('scores a report as its reason severity times the reporter weight', () => {
    expect(reportContribution('violence_or_threats', 1)).toBe(5);
    expect(reportContribution('spam_or_advertising', 1.5)).toBe(3);
    expect(reportContribution('other', 0.25)).toBe(0.25);
  });

  it('adds up reports per reason and names the case by the reason that weighs most', () => {
    const first = addReport(
      { score: 0, reasonScores: {}, held: false },
      { reason: 'spam_or_advertising', contribution: 2 },
      10,
    );
    const second = addReport({ ...first, held: false }, { reason: 'sexual_content', contribution: 4 }, 10);
    expect(second).toMatchObject({
      score: 6,
      reasonScores: { spam_or_advertising: 2, sexual_content: 4 },
      reasonCode: 'sexual_content',
      placeHold: false,
    });
  });

  it('places a hold when the score reaches the threshold, once', () => {
    const below = { score: 8, reasonScores: { offensive_or_hateful: 8 }, held: false };
    expect(addReport(below, { reason: 'offensive_or_hateful', contribution: 1.5 }, 10).placeHold).toBe(false);
    expect(addReport(below, { reason: 'offensive_or_hateful', contribution: 2 }, 10).placeHold).toBe(true);
    expect(addReport({ ...below, held: true }, { reason: 'other', contribution: 5 }, 10).placeHold).toBe(
      false,
    );
  });

  it('honours a configured threshold', () => {
    const state = { score: 0, reasonScores: {}, held: false };
    expect(addReport(state, { reason: 'violence_or_threats', contribution: 5 }, 5).placeHold).toBe(true);
    expect(addReport(state, { reason: 'violence_or_threats', contribution: 5 }, 5.01).placeHold).toBe(false);
  });
});

describe('queue position', () => {
  it('queues open and appealed cases by the whole part of their score, in blocks of creation order', () => {
    expect(queuePosition('open', 7.75, 2_345)).toEqual({ queueState: 'open', priority: 7, queueBlock: 2 });
    expect(queuePosition('appealed', 3, 10)).toEqual({ queueState: 'appealed', priority: 3, queueBlock: 0 });
    expect(queuePosition('decided', 3, 10)).toBeUndefined();
    expect(queuePosition('closed', 3, 10)).toBeUndefined();
    expect(priorityOf(1e9)).toBe(1_000);
  });

  it('widens the blocks of higher (rarer) priorities, keeping creation order within a priority', () => {
    expect(queuePosition('open', 7, 1_999)?.queueBlock).toBe(1);
    expect(queuePosition('open', 8, 1_999)?.queueBlock).toBe(0);
    expect(queuePosition('open', 35, 15_999)?.queueBlock).toBe(0);
    expect(queuePosition('open', 35, 16_000)?.queueBlock).toBe(1);
  });
});

function decision(over: Partial<CaseDecision> = {}): CaseDecision {
  return {
    decision: 'remove',
    reasonCode: 'spam_or_advertising',
    statement: 'Advertising is not allowed.',
    moderatorId: 'mod-a',
    decidedAt: new Date(T0),
    actionEventId: 'e-1',
    onAppeal: false,
    ...over,
  };
}

describe('the case state machine', () => {
  it.each([
    ['report', 'open', 'keep', 'decided'],
    ['report', 'open', 'remove', 'decided'],
    ['pre_moderation', 'open', 'approve', 'decided'],
    ['pre_moderation', 'open', 'reject', 'decided'],
    ['report', 'appealed', 'restore', 'closed'],
    ['report', 'appealed', 'remove', 'closed'],
  ] as const)('a %s case that is %s + %s → %s', (kind, state, d, next) => {
    expect(stateAfterDecision(kind, state, d)).toBe(next);
  });

  it.each([
    ['report', 'open', 'approve'],
    ['report', 'open', 'restore'],
    ['pre_moderation', 'open', 'keep'],
    ['pre_moderation', 'open', 'remove'],
    ['report', 'decided', 'keep'],
    ['report', 'decided', 'restore'],
    ['report', 'appealed', 'keep'],
    ['report', 'closed', 'restore'],
    ['pre_moderation', 'decided', 'approve'],
  ] as const)('refuses a %s case that is %s + %s with DECISION_NOT_ALLOWED', (kind, state, d) => {
    expect(() => stateAfterDecision(kind, state, d)).toThrow(
      expect.objectContaining({ code: 'DECISION_NOT_ALLOWED' }),
    );
  });

  it('lists the legal decisions of each state', () => {
    expect(allowedDecisions('report', 'open')).toEqual(['keep', 'remove']);
    expect(allowedDecisions('report', 'closed')).toEqual([]);
  });

  it('lets the author appeal a removal once, and nothing else', () => {
    const removed = { state: 'decided' as const, decisions: [decision()], appeal: undefined };
    expect(() => requireAppealable(removed)).not.toThrow();
    const appeal = { message: 'x', appealedAt: new Date(T0), excludedModeratorId: 'mod-a' };
    expect(() => requireAppealable({ ...removed, state: 'appealed', appeal })).toThrow(
      expect.objectContaining({ code: 'APPEAL_NOT_ALLOWED' }),
    );
    expect(() =>
      requireAppealable({ state: 'closed', decisions: [decision(), decision({ onAppeal: true })], appeal }),
    ).toThrow(expect.objectContaining({ code: 'APPEAL_NOT_ALLOWED' }));
    expect(() => requireAppealable({ ...removed, decisions: [decision({ decision: 'keep' })] })).toThrow(
      expect.objectContaining({ code: 'APPEAL_NOT_ALLOWED' }),
    );
  });
});

describe('claims and their lease', () => {
  const open: Pick<ModerationCase, 'state' | 'claim' | 'appeal'> = { state: 'open' };
  const lease = { now: T0, leaseSeconds: 300 };

  it('gives a lease that expires on its own', () => {
    const claim = claimFor(open, 'mod-a', lease);
    expect(claim.expiresAt.getTime()).toBe(T0 + 300_000);
    expect(liveClaim(claim, T0 + 299_999)).toBe(claim);
    expect(liveClaim(claim, T0 + 300_000)).toBeUndefined();
  });

  it('keeps other moderators off while the lease runs, and lets them in once it has expired', () => {
    const claim = claimFor(open, 'mod-a', lease);
    expect(() => claimFor({ ...open, claim }, 'mod-b', { ...lease, now: T0 + 1_000 })).toThrow(
      expect.objectContaining({ code: 'CASE_CLAIMED' }),
    );
    expect(claimFor({ ...open, claim }, 'mod-b', { ...lease, now: T0 + 300_001 }).moderatorId).toBe('mod-b');
  });

  it('renews the holder’s own lease', () => {
    const claim = claimFor(open, 'mod-a', lease);
    const renewed = claimFor({ ...open, claim }, 'mod-a', { ...lease, now: T0 + 60_000 });
    expect(renewed.expiresAt.getTime()).toBe(T0 + 360_000);
    expect(renewed.claimedAt.getTime()).toBe(T0);
  });

  it('requires the decider’s own live lease', () => {
    const claim = claimFor(open, 'mod-a', lease);
    expect(() => requireOwnClaim({ ...open, claim }, 'mod-a', T0 + 1)).not.toThrow();
    expect(() => requireOwnClaim({ ...open, claim }, 'mod-a', T0 + 300_000)).toThrow(
      expect.objectContaining({ code: 'CLAIM_REQUIRED' }),
    );
    expect(() => requireOwnClaim({ ...open, claim }, 'mod-b', T0 + 1)).toThrow(
      expect.objectContaining({ code: 'CASE_CLAIMED' }),
    );
  });

  it('refuses decided cases and keeps an appeal from the moderator who decided it', () => {
    expect(() => claimFor({ state: 'decided' }, 'mod-a', lease)).toThrow(
      expect.objectContaining({ code: 'CASE_NOT_CLAIMABLE' }),
    );
    const appealed = {
      state: 'appealed' as const,
      appeal: { message: 'm', appealedAt: new Date(T0), excludedModeratorId: 'mod-a' },
    };
    expect(() => claimFor(appealed, 'mod-a', lease)).toThrow(
      expect.objectContaining({ code: 'APPEAL_NEEDS_ANOTHER_MODERATOR' }),
    );
    expect(claimFor(appealed, 'mod-b', lease).moderatorId).toBe('mod-b');
  });
});
