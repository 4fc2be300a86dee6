import {
  bucketGroups,
  decodeQueueCursor,
  encodeQueueCursor,
  filterKeysOf,
  queueFilterKey,
} from './case-queue';
import type { QueuePriority } from './case.schema';

const registered = (queueState: 'open' | 'appealed', priority: number, blocks: number[]): QueuePriority => ({
  _id: `${queueState}|*|${priority}`,
  queueState,
  filter: '*',
  priority,
  blocks: Object.fromEntries(blocks.map((block) => [String(block), new Date()])),
});

describe('queue buckets', () => {
  const buckets = [registered('open', 2, [0]), registered('open', 9, [3, 1]), registered('appealed', 9, [3])];

  it('walks buckets by priority (highest first), then oldest block first, merging states', () => {
    expect(bucketGroups(buckets).map((g) => [g.priority, g.queueBlock, g.states])).toEqual([
      [9, 1, ['open']],
      [9, 3, ['open', 'appealed']],
      [2, 0, ['open']],
    ]);
  });

  it('resumes from the cursor’s bucket', () => {
    expect(bucketGroups(buckets, { p: 9, b: 3, s: 3_017 }).map((g) => [g.priority, g.queueBlock])).toEqual([
      [9, 3],
      [2, 0],
    ]);
  });

  it('round-trips its cursor and refuses a forged one', () => {
    expect(decodeQueueCursor(encodeQueueCursor({ p: 4, b: 2, s: 2_001 }))).toEqual({ p: 4, b: 2, s: 2_001 });
    expect(() => decodeQueueCursor(Buffer.from('{"p":{"$gt":0}}').toString('base64url'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('queue registry filters', () => {
  it('lists a case under every filter combination it matches', () => {
    expect(filterKeysOf({ targetType: 'offer', reasonCode: 'spam_or_advertising' })).toEqual([
      '*',
      't:offer',
      'r:spam_or_advertising',
      't:offer|r:spam_or_advertising',
    ]);
  });

  it('reads the registry that matches the page filters exactly', () => {
    expect(queueFilterKey({})).toBe('*');
    expect(queueFilterKey({ reasonCode: 'other' })).toBe('r:other');
    expect(queueFilterKey({ targetType: 'review', reasonCode: 'other' })).toBe('t:review|r:other');
  });
});
