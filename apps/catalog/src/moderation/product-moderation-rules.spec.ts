import { nextVisibility } from './product-moderation-rules';

describe('product moderation rules', () => {
  it('hides a visible product on hold and shows it again on keep', () => {
    expect(nextVisibility('visible', 'hold')).toBe('held');
    expect(nextVisibility('held', 'keep')).toBe('visible');
  });

  it('removes a visible or held product, and restores a removed one', () => {
    expect(nextVisibility('visible', 'remove')).toBe('removed');
    expect(nextVisibility('held', 'remove')).toBe('removed');
    expect(nextVisibility('removed', 'restore')).toBe('visible');
  });

  it('changes nothing for repeated or inapplicable actions', () => {
    expect(nextVisibility('held', 'hold')).toBeUndefined();
    expect(nextVisibility('removed', 'hold')).toBeUndefined();
    expect(nextVisibility('visible', 'keep')).toBeUndefined();
    expect(nextVisibility('removed', 'keep')).toBeUndefined();
    expect(nextVisibility('visible', 'restore')).toBeUndefined();
    expect(nextVisibility('visible', 'approve')).toBeUndefined();
    expect(nextVisibility('held', 'reject')).toBeUndefined();
  });
});
