import { ratingFigures, sameFigures } from './rating-summary';

describe('rating summary figures', () => {
  it('counts, sums, averages and distributes published ratings', () => {
    expect(ratingFigures({ 5: 2, 4: 1, 1: 1 })).toEqual({
      count: 4,
      ratingSum: 15,
      average: 3.75,
      distribution: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 },
    });
  });

  it('is all zeros without reviews', () => {
    expect(ratingFigures({})).toMatchObject({ count: 0, ratingSum: 0, average: 0 });
  });

  it('rounds the average to two decimals', () => {
    expect(ratingFigures({ 5: 1, 4: 1, 3: 1 }).average).toBe(4);
    expect(ratingFigures({ 5: 2, 4: 1 }).average).toBe(4.67);
  });

  it('compares figures field by field', () => {
    expect(sameFigures(ratingFigures({ 5: 1 }), ratingFigures({ 5: 1 }))).toBe(true);
    expect(sameFigures(ratingFigures({ 5: 1 }), ratingFigures({ 4: 1 }))).toBe(false);
  });
});
