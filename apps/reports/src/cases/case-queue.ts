import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@app/platform';
import type { QueuePriority, QueueState } from './case.schema';

/**
 * The queue's order is (priority descending, creation order ascending). The store's indexes serve
 * equality only, and a sort runs over every candidate of the match, so the queue is cut into
 * buckets — one `(state, priority, block of consecutive cases)` each, blocks of 1,000 cases at low
 * priorities and wider at rarer high ones (case-rules.ts) — that an index serves by equality and
 * that hold at most a block's worth of cases. A page walks the buckets in queue
 * order and reads only as many as it needs. A small registry, kept per filter (none, target type,
 * reason, both), lists the buckets that hold matching cases, so a page skips empty ones.
 */
export interface BucketGroup {
  readonly priority: number;
  readonly queueBlock: number;
  readonly states: QueueState[];
}

/** The page starts at (priority, block), after case number `seq` within it. */
export interface QueueCursor {
  readonly p: number;
  readonly b: number;
  readonly s: number;
}

const cursorSchema = z.strictObject({ p: z.int().min(0), b: z.int().min(0), s: z.int().min(-1) });

export function decodeQueueCursor(cursor: string | undefined): QueueCursor | undefined {
  return decodeCursor(cursor, cursorSchema);
}

export function encodeQueueCursor(position: QueueCursor): string {
  return encodeCursor({ p: position.p, b: position.b, s: position.s });
}

/** Buckets with the same priority and block, in queue order, from the cursor's bucket on. */
export function bucketGroups(priorities: readonly QueuePriority[], from?: QueueCursor): BucketGroup[] {
  const groups = new Map<string, BucketGroup>();
  for (const registered of priorities) {
    for (const block of Object.keys(registered.blocks)) {
      const queueBlock = Number(block);
      const key = `${registered.priority}|${queueBlock}`;
      const group = groups.get(key) ?? { priority: registered.priority, queueBlock, states: [] };
      if (!group.states.includes(registered.queueState)) group.states.push(registered.queueState);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .filter((g) => !from || g.priority < from.p || (g.priority === from.p && g.queueBlock >= from.b))
    .sort((a, b) => b.priority - a.priority || a.queueBlock - b.queueBlock);
}

/** The registry a page with these filters reads: `*`, `t:<type>`, `r:<reason>` or both. */
export function queueFilterKey(filters: { targetType?: string; reasonCode?: string }): string {
  const parts = [
    ...(filters.targetType ? [`t:${filters.targetType}`] : []),
    ...(filters.reasonCode ? [`r:${filters.reasonCode}`] : []),
  ];
  return parts.length > 0 ? parts.join('|') : '*';
}

/** Every registry a case is listed in: one per filter combination that matches it. */
export function filterKeysOf(c: { targetType: string; reasonCode: string }): string[] {
  return [
    queueFilterKey({}),
    queueFilterKey({ targetType: c.targetType }),
    queueFilterKey({ reasonCode: c.reasonCode }),
    queueFilterKey({ targetType: c.targetType, reasonCode: c.reasonCode }),
  ];
}

export function registryId(queueState: QueueState, filter: string, priority: number): string {
  return `${queueState}|${filter}|${priority}`;
}
