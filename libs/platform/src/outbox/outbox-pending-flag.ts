/**
 * Opt-in for large collections: `outboxPending: true` is set by the writer in the same atomic write
 * that adds events to the outbox, and the relay unsets it with `outboxPendingSince` once they are
 * published. The sweep of a collection registered with `{ pendingFlag: true }` then asks
 * `{ outboxPending: true, outboxPendingSince: { $lte } }`: a plain equality our development store
 * serves from an index (it serves no range query, so the plain sweep reads every document of the
 * collection each second, holding the collection's lock while it does). On MongoDB either index
 * serves it.
 */
export const OUTBOX_PENDING_FIELD = 'outboxPending';

export interface OutboxPendingFlag {
  outboxPending?: true;
}

/** Sparse: only documents with unpublished events carry the flag. */
export const OUTBOX_PENDING_INDEX = { outboxPending: 1 } as const;

export interface OutboxRegistration {
  /** The collection's writers set `outboxPending: true` with every event they add. */
  readonly pendingFlag?: boolean;
}
