import { connectionError } from './readiness';

describe('connectionError', () => {
  it("adds fetch's hidden cause to its message", () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(connectionError(error)).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('keeps a plain error as it is', () => {
    expect(connectionError(new Error('catalog answered 503'))).toBe('catalog answered 503');
    expect(connectionError('odd')).toBe('odd');
  });
});
