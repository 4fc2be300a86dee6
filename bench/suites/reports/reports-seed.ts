import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { REASON_CODES } from '../../../apps/reports/src/common/reason-codes';
import { queuePosition } from '../../../apps/reports/src/cases/case-rules';
import { filterKeysOf, registryId } from '../../../apps/reports/src/cases/case-queue';
import type { ModerationCase } from '../../../apps/reports/src/cases/case.schema';

const TARGET_TYPES = ['product', 'offer', 'review', 'pen_name'] as const;
const BATCH = 1_000;

/** Reviews the reports service knows from its projection, ready to be reported. */
export async function seedTargets(uri: string, count: number): Promise<string[]> {
  const client = await MongoClient.connect(uri);
  try {
    const ids = Array.from({ length: count }, () => uuidv7());
    await client
      .db()
      .collection('targets')
      .insertMany(
        ids.map((id) => ({
          _id: `review:${id}`,
          type: 'review',
          targetId: id,
          status: 'published',
          authorKey: `account:bench-author-${id.slice(-6)}`,
          version: 1,
        })) as never[],
      );
    return ids;
  } finally {
    await client.close();
  }
}

/**
 * Open cases as the service writes them (queue position from the service's own rules, a
 * registered bucket for each): one to three reports each, scores spread like a real backlog
 * (mostly low, a tail of high ones), created over the last 30 days.
 */
export async function seedOpenCases(uri: string, count: number, log: (done: number) => void): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const counter = await db
      .collection<{ _id: string; value: number }>('counters')
      .findOneAndUpdate(
        { _id: 'case-seq' },
        { $inc: { value: count } },
        { upsert: true, returnDocument: 'after' },
      );
    const firstSeq = (counter?.value ?? count) - count + 1;
    const priorities = new Map<
      string,
      { queueState: string; filter: string; priority: number; blocks: Record<string, Date> }
    >();
    const now = Date.now();
    for (let start = 0; start < count; start += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => {
        const n = start + i;
        const seq = firstSeq + n;
        const createdAt = new Date(now - 30 * 86_400_000 + Math.floor((n / count) * 30 * 86_400_000));
        const reports = 1 + (n % 3);
        const reason = REASON_CODES[n % REASON_CODES.length];
        const score = Math.round((reports * (1 + (n % 5)) + (n % 97 === 0 ? 20 : 0)) * 100) / 100;
        const position = queuePosition('open', score, seq)!;
        const type = TARGET_TYPES[n % TARGET_TYPES.length];
        for (const filter of filterKeysOf({ targetType: type, reasonCode: reason })) {
          const id = registryId(position.queueState, filter, position.priority);
          const registered = priorities.get(id) ?? {
            queueState: position.queueState,
            filter,
            priority: position.priority,
            blocks: {},
          };
          registered.blocks[String(position.queueBlock)] = new Date();
          priorities.set(id, registered);
        }
        const doc: ModerationCase = {
          _id: uuidv7({ msecs: createdAt.getTime() }),
          caseKey: `report:${type}:bench-${n}`,
          kind: 'report',
          target: { type, id: `bench-${n}` },
          targetType: type,
          authorKey: type === 'product' ? null : `account:bench-author-${n % 5_000}`,
          state: 'open',
          score,
          reportCount: reports,
          reportIds: Array.from({ length: reports }, () => uuidv7()),
          reasonScores: { [reason]: score },
          reasonCode: reason,
          held: score >= 10,
          decisions: [],
          actions: [],
          audit: [
            {
              at: createdAt,
              actor: { kind: 'system' },
              what: 'case_opened',
              before: {},
              after: { state: 'open', score: 0 },
            },
          ],
          seq,
          ...position,
          createdAt,
          updatedAt: createdAt,
          version: 1 + reports,
          outbox: [],
        };
        return doc;
      });
      await db.collection('cases').insertMany(docs as never[], { ordered: false });
      log(start + docs.length);
    }
    await db.collection('queue_priorities').bulkWrite(
      [...priorities.entries()].map(([_id, registered]) => ({
        updateOne: {
          filter: { _id },
          update: {
            $set: Object.fromEntries(Object.entries(registered.blocks).map(([b, at]) => [`blocks.${b}`, at])),
            $setOnInsert: {
              queueState: registered.queueState,
              filter: registered.filter,
              priority: registered.priority,
            },
          },
          upsert: true,
        },
      })) as never[],
    );
  } finally {
    await client.close();
  }
}
