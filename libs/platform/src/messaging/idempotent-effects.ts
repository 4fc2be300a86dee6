import type { Model } from 'mongoose';

/** Any collection-backed model; these helpers use the driver collection only. */
type CollectionModel = Pick<Model<unknown>, 'collection'>;
import { isDuplicateKey } from '../database/mongo-errors';
import { HandlerOutcome } from './event-bus';

/**
 * Version guard for projections of full-state events: writes `set` only if the stored version is
 * older than the incoming one (or the document does not exist yet), in one atomic upsert. An
 * older or repeated event changes nothing. The upsert's duplicate-key refusal means "a newer or
 * equal version is already there".
 */
export async function applyIfNewer(
  model: CollectionModel,
  input: { id: string; version: number; set: Record<string, unknown> },
): Promise<Extract<HandlerOutcome, 'applied' | 'skipped-stale'>> {
  try {
    const result = await model.collection.updateOne(
      { _id: input.id, version: { $lt: input.version } } as never,
      { $set: { ...input.set, version: input.version } },
      { upsert: true },
    );
    return result.modifiedCount + result.upsertedCount > 0 ? 'applied' : 'skipped-stale';
  } catch (error) {
    if (isDuplicateKey(error)) return 'skipped-stale';
    throw error;
  }
}

/**
 * How many applied event ids a document remembers — consumers' applied events and the moderation
 * actions an entity has answered alike (one memory size, so the two cannot drift). A redelivery
 * comes back within a rebalance or a replay of recent offsets, while a document sees a handful of
 * such events in that time; 200 ids (about 8 kB) is far beyond that and still small for a document.
 * Ids older than that are covered by version guards, or, for moderation, by the case having moved on.
 */
export const APPLIED_EVENT_MEMORY = 200;

/**
 * Applied-event marker for effects that are not full-state replacements (counters, appends):
 * the update runs only if the document has not recorded this event id, and records it in the same
 * atomic update. A redelivered event changes nothing.
 */
export async function applyOnce(
  model: CollectionModel,
  input: { id: string; eventId: string; update: Record<string, unknown>; upsert?: boolean },
): Promise<Extract<HandlerOutcome, 'applied' | 'skipped-duplicate'>> {
  const update = {
    ...input.update,
    $push: {
      ...((input.update.$push as Record<string, unknown>) ?? {}),
      appliedEventIds: { $each: [input.eventId], $slice: -APPLIED_EVENT_MEMORY },
    },
  };
  try {
    const result = await model.collection.updateOne(
      { _id: input.id, appliedEventIds: { $ne: input.eventId } } as never,
      update as never,
      { upsert: input.upsert ?? false },
    );
    return result.modifiedCount + result.upsertedCount > 0 ? 'applied' : 'skipped-duplicate';
  } catch (error) {
    if (isDuplicateKey(error)) return 'skipped-duplicate';
    throw error;
  }
}
