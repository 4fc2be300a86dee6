import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { AnyEventEnvelope, buildEvent, ConsumerGroup, KafkaNaming, Topic } from '@app/contracts';
import { toOutboundMessage } from '@app/platform';
import {
  databaseUri,
  expectEventually,
  faultInfra,
  ProbeModule,
  ProbeService,
  SAMPLE_PAYLOADS,
  spawnProbeProcess,
  startServiceOn,
  TestService,
} from '@app/testing';
import { DeadLetters } from '../../../tools/dlq/dead-letters';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const infra = faultInfra();

function offerEvent(input: {
  id: string;
  version: number;
  quantity?: number;
  sku?: string;
  eventId?: string;
}) {
  return buildEvent(input.version === 1 ? 'OfferListed' : 'OfferUpdated', {
    aggregateId: input.id,
    aggregateVersion: input.version,
    eventId: input.eventId,
    correlationId: `fault-${input.id}`,
    payload: {
      offer: {
        ...SAMPLE_PAYLOADS.OfferListed.offer,
        offerId: input.id,
        sku: input.sku ?? 'PROBE',
        quantity: input.quantity ?? input.version,
        version: input.version,
      },
      changedFields: [],
    },
  });
}

describe('reliable messaging under faults', () => {
  let naming: KafkaNaming;
  let topicPrefix: string;
  let mongoUri: string;
  let client: MongoClient;
  let db: Db;
  let producer: Producer;
  let probe: TestService | undefined;

  const startProbe = async (env: Record<string, string> = {}) => {
    probe = await startServiceOn(
      { kafkaBrokers: infra.kafkaBrokers, topicPrefix, mongoUri },
      'offers',
      ProbeModule.register,
      {
        OUTBOX_SWEEP_INTERVAL_MS: '300',
        ...env,
      },
    );
    return probe;
  };
  const stopProbe = async () => {
    await probe?.close();
    probe = undefined;
  };
  /** Produces events as our relay would (key, value, headers), optionally onto one partition. */
  const produce = (events: { event: object; partition?: number; key?: string }[]) =>
    producer.send({
      topic: naming.topic(Topic.OffersOffer),
      acks: -1,
      messages: events.map(({ event, partition, key }) => {
        const message = toOutboundMessage(event as AnyEventEnvelope);
        return { key: key ?? message.key, value: JSON.stringify(event), headers: message.headers, partition };
      }),
    });
  const effects = (id: string) => db.collection('probe_effects').findOne({ _id: id as never });
  const projection = (id: string) => db.collection('probe_projection').findOne({ _id: id as never });
  const arrivals = (id: string) =>
    db.collection('probe_arrivals').find({ offerId: id }).sort({ _id: 1 }).toArray();

  beforeAll(async () => {
    const run = await infra.newRun();
    topicPrefix = run.topicPrefix;
    naming = new KafkaNaming(topicPrefix);
    mongoUri = databaseUri(infra.mongoUrl, `${run.runId}_probe`);
    client = await MongoClient.connect(infra.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
    db = client.db(`${run.runId}_probe`);
    producer = new Kafka({
      clientId: 'fault-test',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterEach(stopProbe);

  afterAll(async () => {
    await producer?.disconnect();
    await client?.close();
  });

  it('delivers the events of one aggregate in order, each applied once', async () => {
    const service = (await startProbe()).app.get(ProbeService);
    const versions = await Promise.all(Array.from({ length: 30 }, () => service.write('order-1')));
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await expectEventually(async () => expect(await projection('order-1')).toMatchObject({ version: 30 }));
    expect((await arrivals('order-1')).map((a) => a.version)).toEqual(versions.sort((a, b) => a - b));
    expect(await effects('order-1')).toMatchObject({ applied: 30 });
  });

  it('publishes an event whose relay died right after the write, once in effect, after restart', async () => {
    const child = await spawnProbeProcess({
      kafkaBrokers: infra.kafkaBrokers,
      topicPrefix,
      mongoUri,
      extra: {
        PROBE_SKIP_PUBLISH_AFTER_WRITE: 'true',
        OUTBOX_SWEEP_INTERVAL_MS: '60000',
        KAFKA_SESSION_TIMEOUT_MS: '10000',
      },
    });
    const response = await fetch(`${child.url}/probe/items/crash-1`, { method: 'POST' });
    expect(response.status).toBe(201);
    await child.kill('SIGKILL');
    const item = await db.collection('probe_items').findOne({ _id: 'crash-1' as never });
    expect(item?.outbox).toHaveLength(1);

    // The killed process still holds its partitions until its session times out.
    await startProbe();
    await expectEventually(async () => expect(await effects('crash-1')).toMatchObject({ applied: 1 }), {
      timeoutMs: 60_000,
    });
    await expectEventually(async () =>
      expect(await db.collection('probe_items').findOne({ _id: 'crash-1' as never })).toMatchObject({
        outbox: [],
      }),
    );
    expect(await effects('crash-1')).toMatchObject({ applied: 1 });
  });

  it('keeps accepting writes while Kafka is down for 30 s and delivers every event afterwards, once', async () => {
    const service = (await startProbe()).app.get(ProbeService);
    await service.write('outage-warmup');
    await expectEventually(async () => expect(await effects('outage-warmup')).toMatchObject({ applied: 1 }));

    await infra.stopKafka();
    const written: Record<string, number> = {};
    const until = Date.now() + 30_000;
    let writes = 0;
    while (Date.now() < until) {
      const id = `outage-${writes % 5}`;
      written[id] = await service.write(id);
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(writes).toBeGreaterThan(50);
    await infra.startKafka();

    for (const [id, version] of Object.entries(written)) {
      await expectEventually(async () => expect(await effects(id)).toMatchObject({ applied: version }), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });
      expect(await projection(id)).toMatchObject({ version });
    }
  });

  it('applies a duplicated event once and ignores an older version after a newer one', async () => {
    await startProbe();
    const v2 = offerEvent({ id: 'dup-1', version: 2, quantity: 2 });
    const v1 = offerEvent({ id: 'dup-1', version: 1, quantity: 1 });
    await produce([v2, v2, v1].map((event) => ({ event })));
    await expectEventually(async () => expect(await arrivals('dup-1')).toHaveLength(3));
    expect(await projection('dup-1')).toMatchObject({ version: 2, quantity: 2 });
    // Two distinct events were applied (v2 once, v1 once as an event); the duplicate of v2 was not.
    expect(await effects('dup-1')).toMatchObject({ applied: 2 });
  });

  it('dead-letters a poison event after bounded retries, handles the next one, and replays it once fixed', async () => {
    const service = (await startProbe()).app.get(ProbeService);
    await service.setPoisonBroken(true);
    await produce([
      { partition: 0, event: offerEvent({ id: 'poison-1', version: 1, sku: 'POISON-1' }) },
      { partition: 0, event: offerEvent({ id: 'after-poison', version: 1 }) },
    ]);
    await expectEventually(async () => expect(await effects('after-poison')).toMatchObject({ applied: 1 }));

    const tool = new DeadLetters(infra.kafkaBrokers, naming);
    const letters = await expectEventually(async () => {
      const found = (await tool.list(ConsumerGroup.OffersSummaryBuilder)).filter((l) => l.key === 'poison-1');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0].headers).toMatchObject({
      'dlq-reason': 'handler-failed',
      'dlq-attempts': '5',
      'dlq-original-topic': naming.topic(Topic.OffersOffer),
      'event-type': 'OfferListed',
    });
    expect(letters[0].headers['dlq-error']).toContain('cannot process POISON-1');
    expect(await effects('poison-1')).toBeNull();

    await service.setPoisonBroken(false);
    const replay = spawnSync(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), 'tools/dlq/dlq.ts', 'replay', letters[0].id],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, KAFKA_BROKERS: infra.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: topicPrefix },
        encoding: 'utf8',
      },
    );
    expect(replay.stdout).toContain(`replayed ${letters[0].id}`);
    await expectEventually(async () => expect(await effects('poison-1')).toMatchObject({ applied: 1 }));
  });

  it('dead-letters an event with an invalid payload and handles one with an extra optional field', async () => {
    await startProbe();
    const invalid = JSON.parse(JSON.stringify(offerEvent({ id: 'invalid-1', version: 1 })));
    delete invalid.payload.offer.sku;
    const extra = JSON.parse(JSON.stringify(offerEvent({ id: 'extra-1', version: 1 })));
    extra.payload.offer.giftWrapAvailable = true;
    await produce([{ event: invalid, key: 'invalid-1' }, { event: extra }]);
    await expectEventually(async () => expect(await effects('extra-1')).toMatchObject({ applied: 1 }));
    const tool = new DeadLetters(infra.kafkaBrokers, naming);
    await expectEventually(async () => {
      const letter = (await tool.list(ConsumerGroup.OffersSummaryBuilder)).find((l) => l.key === 'invalid-1');
      expect(letter?.headers).toMatchObject({ 'dlq-reason': 'invalid-event', 'dlq-attempts': '0' });
      expect(letter?.headers['dlq-error']).toContain('payload.offer.sku');
    });
    expect(await effects('invalid-1')).toBeNull();
  });

  it('resumes a consumer killed mid-stream without gaps or double effects', async () => {
    const items = Array.from({ length: 40 }, (_, i) => `stream-${i}`);
    const child = await spawnProbeProcess({
      kafkaBrokers: infra.kafkaBrokers,
      topicPrefix,
      mongoUri,
      extra: { KAFKA_SESSION_TIMEOUT_MS: '10000' },
    });
    const messages = [];
    for (let version = 1; version <= 10; version++) {
      for (const id of items) messages.push({ event: offerEvent({ id, version }) });
    }
    await produce(messages);
    await expectEventually(async () =>
      expect(await db.collection('probe_arrivals').countDocuments({ offerId: /^stream-/ })).toBeGreaterThan(
        60,
      ),
    );
    await child.kill('SIGKILL');

    await startProbe();
    for (const id of items) {
      await expectEventually(async () => expect(await projection(id)).toMatchObject({ version: 10 }), {
        timeoutMs: 90_000,
      });
      expect(await effects(id)).toMatchObject({ applied: 10 });
    }
  });

  it('fails writes cleanly while the store is down and loses nothing acknowledged', async () => {
    const { url, app } = await startProbe();
    const service = app.get(ProbeService);
    for (let i = 0; i < 5; i++) await service.write('store-1');

    await infra.stopStore();
    const refused = await fetch(`${url}/probe/items/store-2`, { method: 'POST' });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    // Events that arrive meanwhile wait for the store instead of being dead-lettered.
    await produce([{ event: offerEvent({ id: 'store-3', version: 1 }) }]);
    await infra.startStore();

    await expectEventually(async () => expect(await projection('store-1')).toMatchObject({ version: 5 }), {
      timeoutMs: 60_000,
    });
    expect(await db.collection('probe_items').findOne({ _id: 'store-1' as never })).toMatchObject({
      version: 5,
    });
    await expectEventually(async () => expect(await effects('store-3')).toMatchObject({ applied: 1 }), {
      timeoutMs: 60_000,
    });
    expect(await effects('store-1')).toMatchObject({ applied: 5 });
  });
});
