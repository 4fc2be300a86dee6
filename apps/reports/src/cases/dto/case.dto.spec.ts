import { actionView, toQueueItem } from './case.dto';
import type { QueuedCase } from '../case.repository';

const SENT = Date.parse('2026-11-28T12:00:00Z');

describe('action answers', () => {
  const action = { eventId: 'e-1', action: 'hold' as const, reasonCode: 'other', sentAt: new Date(SENT) };

  it('shows an action as sent until its owner answers, and overdue after the configured time', () => {
    expect(actionView(action, SENT + 119_000, 120).status).toBe('sent');
    expect(actionView(action, SENT + 121_000, 120).status).toBe('overdue');
  });

  it('shows when and how the owner answered', () => {
    const answered = { ...action, answeredAt: new Date(SENT + 500), applied: true, targetStatus: 'held' };
    expect(actionView(answered, SENT + 999_000, 120)).toMatchObject({
      status: 'answered',
      applied: true,
      targetStatus: 'held',
      answeredAt: '2026-11-28T12:00:00.500Z',
    });
  });

  it('counts overdue actions and hides an expired claim in the queue', () => {
    const queued: QueuedCase = {
      _id: 'c-1',
      kind: 'report',
      target: { type: 'review', id: 'r-1' },
      state: 'open',
      score: 12,
      priority: 12,
      queueBlock: 0,
      reportCount: 3,
      reasonCode: 'other',
      held: true,
      claim: { moderatorId: 'mod-a', claimedAt: new Date(SENT), expiresAt: new Date(SENT + 60_000) },
      actions: [action],
      seq: 1,
      createdAt: new Date(SENT),
    };
    expect(toQueueItem(queued, SENT + 30_000, 120)).toMatchObject({
      overdueActions: 0,
      claim: { moderatorId: 'mod-a' },
    });
    expect(toQueueItem(queued, SENT + 200_000, 120)).toMatchObject({ overdueActions: 1, claim: null });
  });
});
