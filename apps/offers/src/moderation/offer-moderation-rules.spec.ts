import { offerStatusAfter } from './offer-moderation-rules';

describe('offer moderation rules', () => {
  it('holds an active offer and keep brings back the status it had', () => {
    const held = offerStatusAfter({ status: 'out_of_stock' }, 'hold');
    expect(held).toEqual({ status: 'held', statusBeforeModeration: 'out_of_stock' });
    expect(offerStatusAfter(held!, 'keep')).toEqual({ status: 'out_of_stock' });
  });
  it('suspends on remove and restores the status before the hold', () => {
    const suspended = offerStatusAfter({ status: 'held', statusBeforeModeration: 'active' }, 'remove');
    expect(suspended).toEqual({ status: 'suspended', statusBeforeModeration: 'active' });
    expect(offerStatusAfter(suspended!, 'restore')).toEqual({ status: 'active' });
  });
  it.each([
    ['held', 'hold'],
    ['active', 'keep'],
    ['active', 'restore'],
    ['suspended', 'remove'],
    ['active', 'approve'],
  ] as const)('%s + %s changes nothing', (status, action) => {
    expect(offerStatusAfter({ status }, action)).toBeUndefined();
  });
});
