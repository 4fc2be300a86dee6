import { z } from 'zod';
import { decodeCursor, encodeCursor, ValidationError } from '@app/platform';
import type { ReviewSort } from './dto/review.dto';
import type { Review } from './review.schema';

type SortField = 'rating' | 'helpfulVotes';

/**
 * Each sort is one optional primary key plus `_id` (UUIDv7, so time-ordered) as the tie-breaker:
 * "newest" is `_id` descending. Keyset pagination: a page starts strictly after the cursor's key.
 */
const SORTS: Record<ReviewSort, { field?: SortField; direction: 1 | -1; idDirection: 1 | -1 }> = {
  newest: { direction: -1, idDirection: -1 },
  oldest: { direction: 1, idDirection: 1 },
  highest: { field: 'rating', direction: -1, idDirection: -1 },
  lowest: { field: 'rating', direction: 1, idDirection: -1 },
  most_helpful: { field: 'helpfulVotes', direction: -1, idDirection: -1 },
};

const cursorSchema = z.strictObject({ s: z.string(), k: z.number().nullable(), id: z.string().max(64) });

export interface ListingPlan {
  readonly after: Record<string, unknown>;
  readonly sort: Record<string, 1 | -1>;
}

export function listingPlan(sort: ReviewSort, cursor: string | undefined): ListingPlan {
  const spec = SORTS[sort];
  const order: Record<string, 1 | -1> = spec.field
    ? { [spec.field]: spec.direction, _id: spec.idDirection }
    : { _id: spec.idDirection };
  const position = decodeCursor(cursor, cursorSchema);
  if (!position) return { after: {}, sort: order };
  if (position.s !== sort) {
    throw new ValidationError([
      { field: 'query.cursor', rule: 'format', message: 'query.cursor belongs to another sort order' },
    ]);
  }
  const idAfter = { _id: { [spec.idDirection === 1 ? '$gt' : '$lt']: position.id } };
  if (!spec.field) return { after: idAfter, sort: order };
  const keyAfter = { [spec.field]: { [spec.direction === 1 ? '$gt' : '$lt']: position.k } };
  return { after: { $or: [keyAfter, { [spec.field]: position.k, ...idAfter }] }, sort: order };
}

export function nextCursor(sort: ReviewSort, last: Review): string {
  const field = SORTS[sort].field;
  return encodeCursor({ s: sort, k: field ? last[field] : null, id: last._id });
}
