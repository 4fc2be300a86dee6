import { sameFigures, summaryFigures, SummaryInput } from './offer-summary';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const offer = (condition: SummaryInput['condition'], price: number, min = 1, max = 2): SummaryInput => ({
  condition,
  price: usd(price),
  handlingDays: { min, max },
});

describe('offer summary math', () => {
  it('counts per condition class with the lowest price of each and overall', () => {
    const figures = summaryFigures([
      offer('new', 1994),
      offer('new', 2500),
      offer('used_good', 261, 2, 4),
      offer('used_like_new', 899),
      offer('collectible_very_good', 4500, 1, 1),
    ]);
    expect(figures).toEqual({
      totalOffers: 5,
      byConditionClass: {
        new: { count: 2, lowestPrice: usd(1994) },
        used: { count: 2, lowestPrice: usd(261) },
        collectible: { count: 1, lowestPrice: usd(4500) },
      },
      lowestPrice: usd(261),
      bestHandlingDays: { min: 1, max: 1 },
    });
  });
  it('prefers the smaller upper bound for the best handling time, then the smaller lower bound', () => {
    expect(summaryFigures([offer('new', 1, 0, 3), offer('new', 1, 2, 2)]).bestHandlingDays).toEqual({
      min: 2,
      max: 2,
    });
    expect(summaryFigures([offer('new', 1, 2, 2), offer('new', 1, 1, 2)]).bestHandlingDays).toEqual({
      min: 1,
      max: 2,
    });
  });
  it('is empty without offers', () => {
    expect(summaryFigures([])).toMatchObject({ totalOffers: 0, lowestPrice: null, bestHandlingDays: null });
  });
  it('tells equal figures from changed ones', () => {
    const a = summaryFigures([offer('new', 1994)]);
    expect(sameFigures(a, summaryFigures([offer('new', 1994)]))).toBe(true);
    expect(sameFigures(a, summaryFigures([offer('new', 1995)]))).toBe(false);
  });
});
