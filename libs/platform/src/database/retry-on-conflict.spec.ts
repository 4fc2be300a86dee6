import { CONFLICT_ATTEMPTS, LOST_RACE, retryOnConflict } from './retry-on-conflict';

describe('retryOnConflict', () => {
  const exhausted = () => new Error('kept changing');

  it('returns the first result that is not a lost race, passing the attempt number', async () => {
    const seen: number[] = [];
    const result = await retryOnConflict({ exhausted }, (n) => {
      seen.push(n);
      return Promise.resolve(n < 3 ? LOST_RACE : 'written');
    });
    expect(result).toBe('written');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws the caller’s error after the default number of lost races', async () => {
    let calls = 0;
    const run = retryOnConflict({ exhausted }, () => {
      calls++;
      return Promise.resolve(LOST_RACE);
    });
    await expect(run).rejects.toThrow('kept changing');
    expect(calls).toBe(CONFLICT_ATTEMPTS);
  });

  it('honours a call site’s own limit, with or without jitter', async () => {
    for (const jitter of [false, true]) {
      let calls = 0;
      const run = retryOnConflict({ attempts: 3, jitter, exhausted }, () => {
        calls++;
        return Promise.resolve(LOST_RACE);
      });
      await expect(run).rejects.toThrow('kept changing');
      expect(calls).toBe(3);
    }
  });

  it('lets an error of the attempt through at once', async () => {
    let calls = 0;
    const run = retryOnConflict({ exhausted }, () => {
      calls++;
      return Promise.reject(new Error('not found'));
    });
    await expect(run).rejects.toThrow('not found');
    expect(calls).toBe(1);
  });

  it('treats undefined and false as results, not as lost races', async () => {
    expect(await retryOnConflict({ exhausted }, () => Promise.resolve(undefined))).toBeUndefined();
    expect(await retryOnConflict({ exhausted }, () => Promise.resolve(false))).toBe(false);
  });
});
