import { OFFERS_SETTINGS } from '../common/offers-settings';
import { OfferRuleError } from './offer.errors';
import { checkOfferTerms, conditionClassOf, OfferTerms, stockStatus } from './offer-rules';

const terms = (overrides: Partial<OfferTerms> = {}): OfferTerms => ({
  condition: 'used_good',
  conditionNote: 'Item is in good condition but packaging may have signs of shelf wear.',
  price: { amountMinor: 261, currency: 'USD' },
  quantity: 1,
  handlingDays: { min: 1, max: 2 },
  ...overrides,
});

const codeOf = (value: OfferTerms): string | undefined => {
  try {
    checkOfferTerms(value, OFFERS_SETTINGS.defaults, 'USD');
    return undefined;
  } catch (error) {
    if (error instanceof OfferRuleError) return error.code;
    throw error;
  }
};

describe('offer condition rules', () => {
  it('classes conditions as new, used or collectible', () => {
    expect(conditionClassOf('new')).toBe('new');
    expect(conditionClassOf('used_acceptable')).toBe('used');
    expect(conditionClassOf('collectible_like_new')).toBe('collectible');
  });
  it('requires a condition note for used and collectible copies, not for new ones', () => {
    expect(codeOf(terms({ conditionNote: '  ' }))).toBe('CONDITION_NOTE_REQUIRED');
    expect(codeOf(terms({ condition: 'collectible_good', conditionNote: undefined }))).toBe(
      'CONDITION_NOTE_REQUIRED',
    );
    expect(codeOf(terms({ condition: 'new', conditionNote: undefined }))).toBeUndefined();
  });
  it('refuses a note over 1,000 characters and accepts exactly 1,000', () => {
    expect(codeOf(terms({ conditionNote: 'a'.repeat(1001) }))).toBe('CONDITION_NOTE_TOO_LONG');
    expect(codeOf(terms({ conditionNote: 'a'.repeat(1000) }))).toBeUndefined();
  });
  it('refuses markup and control characters in a note', () => {
    expect(codeOf(terms({ conditionNote: 'Nice <script>x</script>' }))).toBe('CONDITION_NOTE_NOT_PLAIN_TEXT');
    expect(codeOf(terms({ conditionNote: 'bell\u0007' }))).toBe('CONDITION_NOTE_NOT_PLAIN_TEXT');
    expect(codeOf(terms({ conditionNote: 'Price < list, 2 > 1\nsecond line' }))).toBeUndefined();
  });
});

describe('price, quantity and handling bounds', () => {
  it('accepts the bounds themselves and refuses one minor unit outside them', () => {
    const { minPriceMinor, maxPriceMinor } = OFFERS_SETTINGS.defaults;
    expect(codeOf(terms({ price: { amountMinor: minPriceMinor, currency: 'USD' } }))).toBeUndefined();
    expect(codeOf(terms({ price: { amountMinor: maxPriceMinor, currency: 'USD' } }))).toBeUndefined();
    expect(codeOf(terms({ price: { amountMinor: minPriceMinor - 1, currency: 'USD' } }))).toBe(
      'PRICE_OUT_OF_BOUNDS',
    );
    expect(codeOf(terms({ price: { amountMinor: maxPriceMinor + 1, currency: 'USD' } }))).toBe(
      'PRICE_OUT_OF_BOUNDS',
    );
    expect(codeOf(terms({ price: { amountMinor: 19.5, currency: 'USD' } }))).toBe('PRICE_OUT_OF_BOUNDS');
  });
  it('refuses another currency than the marketplace one', () => {
    expect(codeOf(terms({ price: { amountMinor: 261, currency: 'EUR' } }))).toBe('CURRENCY_NOT_SUPPORTED');
  });
  it('bounds quantity to 0-9,999 and handling to min ≤ max', () => {
    expect(codeOf(terms({ quantity: 0 }))).toBeUndefined();
    expect(codeOf(terms({ quantity: 10_000 }))).toBe('QUANTITY_OUT_OF_BOUNDS');
    expect(codeOf(terms({ quantity: -1 }))).toBe('QUANTITY_OUT_OF_BOUNDS');
    expect(codeOf(terms({ handlingDays: { min: 3, max: 2 } }))).toBe('HANDLING_DAYS_INVALID');
  });
  it('puts an offer with no stock out of stock', () => {
    expect(stockStatus(0)).toBe('out_of_stock');
    expect(stockStatus(3)).toBe('active');
  });
});
