import type { FilterQuery, Model } from 'mongoose';
import { AnyEventEnvelope } from '@app/contracts';
import { OutboundMessage, toOutboundMessage } from '../messaging/outbound-message';

/**
 * The fields every event-producing aggregate document carries. `version` is bumped by every
 * change; `outbox` holds the events that change caused until the relay has published them;
 * `outboxPending` (set with the events, unset with their removal) lets the sweep find documents
 * with unpublished events by a plain equality, which every store serves from an index (our
 * development store serves no range query: a sweep by `outboxPendingSince` alone read every
 * document each second under the collection's lock); `outboxPendingSince` orders and delays it.
 * `outboxBatch` names the batch of the aggregate's last bulk write (`OutboxRelay.openBatch`): that
 * write's events are kept by the batch, not here, and are pending exactly while it is open; any
 * publish of the aggregate sends them first.
 */
export interface OutboxFields {
  version: number;
  outbox: OutboundMessage[];
  outboxPending?: true;
  outboxPendingSince?: Date;
  outboxBatch?: string;
}

/** Mongoose schema fields for `OutboxFields`, to spread into an aggregate's schema definition. */
export const OUTBOX_SCHEMA_FIELDS = {
  version: { type: Number, required: true },
  outbox: { type: [Object], default: () => [] },
  outboxPending: { type: Boolean, required: false },
  outboxPendingSince: { type: Date, required: false },
  outboxBatch: { type: String, required: false },
};

/** How a write left the aggregate's outbox: at which version, and the batch of its last bulk write. */
export interface WrittenOutbox {
  readonly version: number;
  readonly batch?: string;
}

/**
 * Outboxes a write returned whole: the aggregate's complete pending list right after the write,
 * with the version it was written at. The relay publishes such a list without reading the document
 * again (one store round trip less per event); any other list it is handed, it re-reads.
 */
const writtenOutboxes = new WeakMap<readonly OutboundMessage[], WrittenOutbox>();

/** The state in which `messages` was the aggregate's whole outbox, if a write here returned it. */
export function writtenOutbox(messages: readonly OutboundMessage[]): WrittenOutbox | undefined {
  return writtenOutboxes.get(messages);
}

/**
 * Index that serves the relay's sweep, `{ outboxPending: true, outboxPendingSince: { $lte: t } }`:
 * declare it with OUTBOX_SWEEP_INDEX_OPTIONS (sparse: only documents with unpublished events).
 */
export const OUTBOX_SWEEP_INDEX = { outboxPending: 1 } as const;
export const OUTBOX_SWEEP_INDEX_OPTIONS = { sparse: true } as const;

/** What a writer that builds its own update sets with the events it appends. */
export const OUTBOX_PENDING = { outboxPending: true } as const;

export interface AggregateChange<TDoc> {
  readonly id: string;
  /** Ownership scope and any other precondition; part of the atomic filter. */
  readonly scope?: FilterQuery<TDoc>;
  readonly expectedVersion: number;
  /** The fields the change sets (the new state); `version` and the outbox are handled here. */
  readonly set: Partial<TDoc>;
  readonly unset?: readonly (keyof TDoc & string)[];
  /** Events the change causes, built with `aggregateVersion = expectedVersion + 1`. */
  readonly events: readonly AnyEventEnvelope[];
}

/**
 * Inserts a new aggregate (version 1) with the events its creation causes, in one atomic write.
 * Returns the aggregate's outbox for the relay to publish right away.
 */
export async function insertAggregate<TDoc>(
  model: Model<TDoc>,
  doc: Omit<TDoc, keyof OutboxFields> & { _id: string },
  events: readonly AnyEventEnvelope[],
): Promise<OutboundMessage[]> {
  const outbox = events.map(toOutboundMessage);
  await model.collection.insertOne({
    ...doc,
    version: 1,
    outbox,
    ...(outbox.length > 0 ? { ...OUTBOX_PENDING, outboxPendingSince: new Date() } : {}),
  } as never);
  writtenOutboxes.set(outbox, { version: 1 });
  return outbox;
}

/**
 * Applies a change if, and only if, the aggregate is still at `expectedVersion` (and in scope):
 * the new state, the version bump and the caused events are one single-document atomic update.
 * Returns the aggregate's whole pending outbox after the change (the caused events, after any a
 * failed publish left behind), or undefined when another writer got there first (or the document
 * is not in scope): the caller re-reads and decides again, or answers 404/412.
 */
export async function updateAggregate<TDoc>(
  model: Model<TDoc>,
  change: AggregateChange<TDoc>,
): Promise<OutboundMessage[] | undefined> {
  const outbox = change.events.map(toOutboundMessage);
  const update: Record<string, unknown> = {
    $set: {
      ...change.set,
      version: change.expectedVersion + 1,
      ...(outbox.length > 0 ? OUTBOX_PENDING : {}),
    },
  };
  if (change.unset?.length) update.$unset = Object.fromEntries(change.unset.map((field) => [field, '']));
  if (outbox.length > 0) {
    update.$push = { outbox: { $each: outbox } };
    update.$min = { outboxPendingSince: new Date() };
  }
  // The whole document comes back: the portable store subset (docs/architecture.md) has no projection here.
  const after = await model.collection.findOneAndUpdate(
    { ...(change.scope ?? {}), _id: change.id, version: change.expectedVersion } as never,
    update as never,
    { returnDocument: 'after' },
  );
  if (!after) return undefined;
  const written = after as Partial<OutboxFields>;
  const pending = written.outbox ?? [];
  writtenOutboxes.set(pending, { version: change.expectedVersion + 1, batch: written.outboxBatch });
  return pending;
}
