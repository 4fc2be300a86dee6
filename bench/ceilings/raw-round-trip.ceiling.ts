import { performance } from 'node:perf_hooks';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { buildEvent, Topic, topicSpec } from '@app/contracts';
import { SAMPLE_PAYLOADS } from '@app/testing';
import type { BenchContext } from '../lib/context';
import { createTopicsAndWait } from '../lib/kafka-topics';
import { runOpenLoop } from '../lib/open-loop';
import type { Measurement } from '../lib/report';
import { ratePerSecond, summarize } from '../lib/stats';
import { waitUntil } from '../lib/wait';

/** Same partition count as the entity topic our path publishes to. */
const PARTITIONS = topicSpec(Topic.OffersOffer).partitions;
const THROUGHPUT_BATCH = 500;
const THROUGHPUT_IN_FLIGHT = 4;
const DRAIN_TIMEOUT_MS = 60_000;

interface Timing {
  start: number;
  inserted?: number;
  acked?: number;
  received?: number;
}

/** A value the size and shape of one of our events, so the raw path carries the same bytes. */
function eventValue(): string {
  return JSON.stringify(
    buildEvent('OfferUpdated', {
      aggregateId: uuidv7(),
      aggregateVersion: 2,
      correlationId: 'bench-raw',
      payload: SAMPLE_PAYLOADS.OfferUpdated,
    }),
  );
}

async function joinedConsumer(
  kafka: Kafka,
  input: { groupId: string; topic: string; onBatch: (seqs: number[], at: number) => void },
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: input.groupId, allowAutoTopicCreation: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: [input.topic], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const at = performance.now();
      input.onBatch(
        batch.messages.map((message) => Number(message.headers?.seq?.toString())),
        at,
      );
      await Promise.resolve();
    },
  });
  await joined;
  return consumer;
}

/** One insert then one produce, timed from before the insert to the consumer's receipt. */
class RoundTrips {
  readonly timings = new Map<number, Timing>();
  private readonly waiters = new Map<number, () => void>();
  failures = 0;

  constructor(
    private readonly writes: mongo.Collection,
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly value: string,
  ) {}

  received(seqs: number[], at: number): void {
    for (const seq of seqs) {
      const timing = this.timings.get(seq);
      if (!timing || timing.received !== undefined) continue;
      timing.received = at;
      this.waiters.get(seq)?.();
      this.waiters.delete(seq);
    }
  }

  async start(seq: number, key: string): Promise<void> {
    const timing: Timing = { start: performance.now() };
    this.timings.set(seq, timing);
    try {
      await this.writes.insertOne({ _id: uuidv7(), aggregateId: key, seq, event: this.value } as never);
      timing.inserted = performance.now();
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key, value: this.value, headers: { seq: String(seq) } }],
      });
      timing.acked = performance.now();
    } catch {
      this.failures++;
    }
  }

  async startAndReceive(seq: number, key: string): Promise<void> {
    const delivered = new Promise<void>((resolve) => this.waiters.set(seq, resolve));
    await this.start(seq, key);
    await delivered;
  }

  complete(seqs: readonly number[]): Timing[] {
    return seqs.flatMap((seq) => {
      const timing = this.timings.get(seq);
      return timing?.received === undefined ? [] : [timing];
    });
  }
}

function roundTripMeasurement(input: {
  id: string;
  label: string;
  timings: readonly Timing[];
  expected: number;
  details: Record<string, number | string>;
}): Measurement[] {
  const { timings } = input;
  const stage = (name: string, pick: (t: Timing) => number | undefined): Measurement => ({
    id: `${input.id}.stage.${name}`,
    label: `  stage: ${name}`,
    role: 'ceiling',
    latencyMs: summarize(timings.flatMap((t) => (pick(t) === undefined ? [] : [pick(t) as number]))),
  });
  return [
    {
      id: input.id,
      label: input.label,
      role: 'ceiling',
      latencyMs: summarize(timings.map((t) => (t.received as number) - t.start)),
      details: { ...input.details, expected: input.expected, missing: input.expected - timings.length },
    },
    stage('insert', (t) => (t.inserted === undefined ? undefined : t.inserted - t.start)),
    stage('produce (send → ack)', (t) =>
      t.acked === undefined || t.inserted === undefined ? undefined : t.acked - t.inserted,
    ),
    stage('ack → consumer receives', (t) =>
      t.acked === undefined ? undefined : (t.received as number) - t.acked,
    ),
  ];
}

async function measureThroughput(
  ctx: BenchContext,
  kafka: Kafka,
  producer: Producer,
  value: string,
): Promise<Measurement> {
  const total = ctx.profile.throughputMessages;
  const topic = `${ctx.topicPrefix}bench.raw-throughput`;
  let received = 0;
  let lastReceived = 0;
  const consumer = await joinedConsumer(kafka, {
    groupId: `${ctx.topicPrefix}bench.raw-throughput`,
    topic,
    onBatch: (seqs, at) => {
      received += seqs.length;
      lastReceived = at;
    },
  });
  try {
    ctx.log(`raw kafka: throughput, ${total} messages in batches of ${THROUGHPUT_BATCH}`);
    const started = performance.now();
    const inFlight: Promise<unknown>[] = [];
    for (let sent = 0; sent < total; sent += THROUGHPUT_BATCH) {
      const messages = Array.from({ length: Math.min(THROUGHPUT_BATCH, total - sent) }, (_, i) => ({
        key: `key-${(sent + i) % 200}`,
        value,
        headers: { seq: String(sent + i) },
      }));
      inFlight.push(producer.send({ topic, acks: -1, messages }));
      if (inFlight.length >= THROUGHPUT_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const producedMs = performance.now() - started;
    await waitUntil(() => received >= total, {
      timeoutMs: DRAIN_TIMEOUT_MS,
      what: 'raw throughput messages to arrive',
    });
    return {
      id: 'ceiling.raw.throughput',
      label: `raw kafkajs produce → consume throughput (batches of ${THROUGHPUT_BATCH}, acks=all)`,
      role: 'ceiling',
      rate: { value: ratePerSecond(total, lastReceived - started), unit: 'msg/s' },
      details: {
        messages: total,
        produceOnlyRate: Math.round(ratePerSecond(total, producedMs)),
        valueBytes: Buffer.byteLength(value),
      },
    };
  } finally {
    await consumer.disconnect();
  }
}

/**
 * The messaging ceilings: one raw driver `insertOne` followed by a raw kafkajs produce → consume
 * round trip (timed from before the insert to the consumer's receipt), unloaded one at a time and
 * at the steady offered rate our own path is measured at; and raw produce → consume throughput.
 */
export async function measureRawRoundTripCeiling(ctx: BenchContext): Promise<Measurement[]> {
  const { profile } = ctx;
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: ctx.infra.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const topics = ['raw-round-trip', 'raw-throughput'].map((name) => `${ctx.topicPrefix}bench.${name}`);
  await createTopicsAndWait(
    ctx.infra.kafkaBrokers,
    topics.map((topic) => ({ topic, numPartitions: PARTITIONS })),
  );

  const client = await new mongo.MongoClient(ctx.databaseUri('raw_ceiling')).connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const value = eventValue();
  const trips = new RoundTrips(client.db().collection('writes'), producer, topics[0], value);
  const consumer = await joinedConsumer(kafka, {
    groupId: `${ctx.topicPrefix}bench.raw-round-trip`,
    topic: topics[0],
    onBatch: (seqs, at) => trips.received(seqs, at),
  });
  try {
    const keys = Array.from({ length: profile.steadyAggregates }, () => uuidv7());
    let seq = 0;
    const steady = async (durationMs: number) => {
      const first = seq;
      const loop = await runOpenLoop({
        ratePerSecond: profile.steadyRate,
        durationMs,
        start: (index) => void trips.start(seq++, keys[index % keys.length]),
      });
      const seqs = Array.from({ length: seq - first }, (_, i) => first + i);
      await waitUntil(() => trips.complete(seqs).length === seqs.length, {
        timeoutMs: DRAIN_TIMEOUT_MS,
        what: 'raw round trips to arrive',
      }).catch(() =>
        ctx.log(`raw kafka: ${seqs.length - trips.complete(seqs).length} round trips never arrived`),
      );
      return { seqs, loop };
    };

    ctx.log(`raw kafka: warm-up at ${profile.steadyRate}/s for ${profile.steadyWarmupMs} ms`);
    await steady(profile.steadyWarmupMs);

    ctx.log(`raw kafka: ${profile.sequentialRoundTrips} round trips one at a time`);
    const sequential: number[] = [];
    for (let i = 0; i < profile.sequentialRoundTrips; i++) {
      sequential.push(seq);
      await trips.startAndReceive(seq++, keys[i % keys.length]);
    }

    ctx.log(`raw kafka: ${profile.steadyRate}/s for ${profile.steadyDurationMs} ms`);
    const measured = await steady(profile.steadyDurationMs);

    const measurements = [
      ...roundTripMeasurement({
        id: 'ceiling.raw.round-trip',
        label: `raw insertOne + kafkajs produce → consume, ${profile.steadyRate}/s open loop`,
        timings: trips.complete(measured.seqs),
        expected: measured.seqs.length,
        details: {
          offeredRate: profile.steadyRate,
          achievedRate: Math.round(measured.loop.achievedRate),
          failures: trips.failures,
          schedulerLatenessP99Ms: measured.loop.lateness.p99,
        },
      }),
      ...roundTripMeasurement({
        id: 'ceiling.raw.round-trip-unloaded',
        label: 'raw insertOne + kafkajs produce → consume, one at a time',
        timings: trips.complete(sequential),
        expected: sequential.length,
        details: {},
      }).slice(0, 1),
    ];
    measurements.push(await measureThroughput(ctx, kafka, producer, value));
    return measurements;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await client.close();
  }
}
