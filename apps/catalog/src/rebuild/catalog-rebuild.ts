import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';
import { v4 as uuidv4 } from 'uuid';
import { ConsumerGroup, KafkaNaming, parseEvent, Topic } from '@app/contracts';
import { PRODUCTS_COLLECTION, ProductDocument } from '../products/product.schema';
import { storedOfferSummary, storedRatingSummary } from '../summaries/summary-rules';
import { applyOfferSummary, applyRatingSummary, resetSummaries } from '../summaries/summary-writes';

/** The compacted topics the product page read model is built from. */
const SUMMARY_TOPICS = [Topic.OffersSummary, Topic.ReviewsRatingSummary] as const;

export interface CatalogRebuildOptions {
  readonly mongoUri: string;
  readonly kafkaBrokers: string[];
  readonly topicPrefix: string;
  readonly log?: (message: string) => void;
}

export interface CatalogRebuildResult {
  readonly productsReset: number;
  readonly eventsRead: number;
  readonly applied: number;
}

/**
 * Rebuilds the product page summaries from zero: forgets them, then replays the compacted summary
 * topics from offset zero up to their end as of the start, through the same guarded writes the
 * live consumer uses. It reads under a throwaway group, so it runs beside a live catalog (whose
 * version guards make the two commute) and leaves the catalog group's offsets alone.
 */
export async function rebuildCatalog(options: CatalogRebuildOptions): Promise<CatalogRebuildResult> {
  const log = options.log ?? (() => undefined);
  const naming = new KafkaNaming(options.topicPrefix);
  const kafka = new Kafka({
    clientId: 'catalog-rebuild',
    brokers: options.kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const client = await new mongo.MongoClient(options.mongoUri).connect();
  const admin = kafka.admin();
  const groupId = `${naming.group(ConsumerGroup.Catalog)}.rebuild-${uuidv4()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    const products = client.db().collection<ProductDocument>(PRODUCTS_COLLECTION);
    await admin.connect();
    const ends = await endOffsets(
      admin,
      SUMMARY_TOPICS.map((t) => naming.topic(t)),
    );
    const productsReset = await resetSummaries(products);
    log(`forgot the summaries of ${productsReset} products; replaying ${ends.size} partitions`);
    let eventsRead = 0;
    let applied = 0;
    const remaining = new Set([...ends].filter(([, end]) => end > 0n).map(([key]) => key));
    await consumer.connect();
    await consumer.subscribe({
      topics: [...ends.keys()].map((k) => k.split('#')[0]).filter(unique),
      fromBeginning: true,
    });
    await new Promise<void>((resolve, reject) => {
      if (remaining.size === 0) return resolve();
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const key = `${topic}#${partition}`;
            eventsRead++;
            const parsed = message.value
              ? parseEvent(JSON.parse(message.value.toString('utf8')), naming.logicalTopic(topic))
              : undefined;
            if (parsed?.ok && parsed.event.type === 'OfferSummaryChanged') {
              const { payload, occurredAt } = parsed.event;
              if (
                (await applyOfferSummary(
                  products,
                  payload.productId,
                  storedOfferSummary(payload, occurredAt),
                )) === 'applied'
              )
                applied++;
            } else if (parsed?.ok && parsed.event.type === 'RatingSummaryChanged') {
              const { payload, occurredAt } = parsed.event;
              if (
                (await applyRatingSummary(
                  products,
                  payload.productId,
                  storedRatingSummary(payload, occurredAt),
                )) === 'applied'
              )
                applied++;
            }
            if (BigInt(message.offset) + 1n >= (ends.get(key) ?? 0n)) remaining.delete(key);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    log(`read ${eventsRead} events, applied ${applied}`);
    return { productsReset, eventsRead, applied };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await client.close();
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

/** `topic#partition` → the offset after the last message as of now. */
async function endOffsets(admin: ReturnType<Kafka['admin']>, topics: string[]): Promise<Map<string, bigint>> {
  const ends = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      // An empty (or fully compacted-away) partition has nothing to wait for.
      ends.set(`${topic}#${partition}`, BigInt(high) > BigInt(low) ? BigInt(high) : 0n);
    }
  }
  return ends;
}
