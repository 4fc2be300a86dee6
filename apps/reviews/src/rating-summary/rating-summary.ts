import type { StarCounts } from '../reviews/review.repository';
import type { StarDistribution } from './rating-summary.schema';

export interface RatingFigures {
  count: number;
  ratingSum: number;
  average: number;
  distribution: StarDistribution;
}

/** The summary's figures from per-star counts (computed here: `$avg` is not portable). */
export function ratingFigures(counts: StarCounts): RatingFigures {
  const distribution: StarDistribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let ratingSum = 0;
  for (const stars of [1, 2, 3, 4, 5] as const) {
    const n = counts[stars] ?? 0;
    distribution[String(stars) as keyof StarDistribution] = n;
    count += n;
    ratingSum += n * stars;
  }
  return {
    count,
    ratingSum,
    average: count === 0 ? 0 : Math.round((ratingSum / count) * 100) / 100,
    distribution,
  };
}

export function sameFigures(a: Omit<RatingFigures, 'average'>, b: Omit<RatingFigures, 'average'>): boolean {
  return (
    a.count === b.count &&
    a.ratingSum === b.ratingSum &&
    (['1', '2', '3', '4', '5'] as const).every((stars) => a.distribution[stars] === b.distribution[stars])
  );
}
