import { REVIEWS_SETTINGS } from './reviews-settings';

describe('reviews settings', () => {
  it('has documented defaults', () => {
    expect(REVIEWS_SETTINGS.defaults).toEqual({
      postLimit: { action: 'review.post', limit: 20, windowSeconds: 3600 },
      editLimit: { action: 'review.edit', limit: 60, windowSeconds: 3600 },
      checkLimit: { action: 'review.check', limit: 120, windowSeconds: 60 },
      helpfulVoteLimit: { action: 'review.helpful', limit: 100, windowSeconds: 3600 },
    });
  });

  it('reads a budget from the environment', () => {
    expect(REVIEWS_SETTINGS.load({ REVIEWS_POSTS_PER_HOUR: '5' }).postLimit.limit).toBe(5);
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => REVIEWS_SETTINGS.load({ REVIEWS_HELPFUL_VOTES_PER_HOUR: '0' })).toThrow(
      /REVIEWS_HELPFUL_VOTES_PER_HOUR/,
    );
  });
});
