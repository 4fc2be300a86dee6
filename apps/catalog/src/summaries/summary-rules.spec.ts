import {
  averageRating,
  handlingLabel,
  isNewerSummary,
  savingsPercent,
  storedOfferSummary,
  storedRatingSummary,
} from './summary-rules';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

describe('savings against list price', () => {
  it('shows the seed page figure: from $2.61 against $32.95 saves 92%', () => {
    expect(savingsPercent(usd(3295), usd(261))).toBe(92);
  });

  it('rounds down, never up', () => {
    expect(savingsPercent(usd(1000), usd(1))).toBe(99);
    expect(savingsPercent(usd(3000), usd(2001))).toBe(33);
    expect(savingsPercent(usd(3295), usd(2339))).toBe(29);
  });

  it('shows no saving when the lowest price is at or above list, or unknown', () => {
    expect(savingsPercent(usd(1000), usd(1000))).toBeNull();
    expect(savingsPercent(usd(1000), usd(1200))).toBeNull();
    expect(savingsPercent(undefined, usd(100))).toBeNull();
    expect(savingsPercent(usd(1000), null)).toBeNull();
    expect(savingsPercent(usd(1000), { amountMinor: 10, currency: 'EUR' })).toBeNull();
  });
});

describe('average rating', () => {
  it('rounds to one decimal, half up', () => {
    expect(averageRating(20, 89)).toBe(4.5);
    expect(averageRating(3, 13)).toBe(4.3);
    expect(averageRating(3, 14)).toBe(4.7);
  });

  it('is null without reviews ("Be the first to write a review")', () => {
    expect(averageRating(0, 0)).toBeNull();
  });
});

describe('summary merge rules', () => {
  it('applies the first summary and any strictly newer version', () => {
    expect(isNewerSummary(undefined, 1)).toBe(true);
    expect(isNewerSummary(null, 3)).toBe(true);
    expect(isNewerSummary({ version: 3 }, 4)).toBe(true);
  });

  it('ignores a duplicate and an older version', () => {
    expect(isNewerSummary({ version: 4 }, 4)).toBe(false);
    expect(isNewerSummary({ version: 4 }, 2)).toBe(false);
  });

  it('stores the payload and its occurredAt in a fixed shape, dropping unknown fields', () => {
    const payload = {
      productId: 'p1',
      version: 2,
      totalOffers: 23,
      byConditionClass: {
        new: { count: 6, lowestPrice: usd(1994), extra: true },
        used: { count: 17, lowestPrice: usd(261) },
        collectible: { count: 0, lowestPrice: null },
      },
      lowestPrice: usd(261),
      bestHandlingDays: { min: 1, max: 2 },
    };
    expect(storedOfferSummary(payload, '2026-01-01T00:00:00.000Z')).toEqual({
      version: 2,
      asOf: '2026-01-01T00:00:00.000Z',
      totalOffers: 23,
      byConditionClass: {
        new: { count: 6, lowestPrice: usd(1994) },
        used: { count: 17, lowestPrice: usd(261) },
        collectible: { count: 0, lowestPrice: null },
      },
      lowestPrice: usd(261),
      bestHandlingDays: { min: 1, max: 2 },
    });
    const rating = storedRatingSummary(
      {
        productId: 'p1',
        version: 1,
        count: 2,
        ratingSum: 9,
        distribution: { '5': 1, '4': 1, '3': 0, '2': 0, '1': 0 },
      },
      '2026-01-01T00:00:00.000Z',
    );
    expect(Object.keys(rating.distribution)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('handling label', () => {
  it('reads as the page does', () => {
    expect(handlingLabel({ min: 1, max: 2 })).toBe('Usually ships in 1-2 business days');
    expect(handlingLabel({ min: 1, max: 1 })).toBe('Usually ships in 1 business day');
    expect(handlingLabel(null)).toBeNull();
  });
});
