import { penNameStatusAfter, reviewStatusAfter } from './moderation-rules';

describe('review moderation transitions', () => {
  it.each([
    ['published', 'hold', 'held'],
    ['held', 'keep', 'published'],
    ['held', 'remove', 'removed'],
    ['published', 'remove', 'removed'],
    ['removed', 'restore', 'published'],
    ['pending', 'approve', 'published'],
    ['pending', 'reject', 'rejected'],
  ] as const)('%s + %s → %s', (status, action, next) => {
    expect(reviewStatusAfter(status, action)).toBe(next);
  });

  it.each([
    ['held', 'hold'],
    ['published', 'keep'],
    ['published', 'approve'],
    ['pending', 'hold'],
    ['withdrawn', 'remove'],
    ['withdrawn', 'restore'],
    ['rejected', 'restore'],
    ['removed', 'remove'],
  ] as const)('%s + %s changes nothing', (status, action) => {
    expect(reviewStatusAfter(status, action)).toBeUndefined();
  });
});

describe('pen name moderation transitions', () => {
  it('holds, keeps, removes and restores', () => {
    expect(penNameStatusAfter('active', 'hold', false)).toBe('held');
    expect(penNameStatusAfter('held', 'keep', false)).toBe('active');
    expect(penNameStatusAfter('held', 'remove', false)).toBe('removed');
    expect(penNameStatusAfter('removed', 'restore', false)).toBe('active');
  });

  it('does not restore a name the account has since replaced', () => {
    expect(penNameStatusAfter('removed', 'restore', true)).toBeUndefined();
  });

  it('ignores approve and reject, which are for pending reviews', () => {
    expect(penNameStatusAfter('active', 'approve', false)).toBeUndefined();
    expect(penNameStatusAfter('active', 'reject', false)).toBeUndefined();
  });
});
