import { kafkaContainerPlan, mongoContainerPlan } from './container-options';
import { kafkaContainer, mongoContainer } from './testcontainers-infrastructure';

/*
 * The containers built from the plans, read before they start: no Docker engine is needed (none
 * is asked for until `start()`), and nothing is mocked. These read testcontainers' own fields of
 * the pinned 12.2 release, so an upgrade that changes them fails here first, not on a Docker host.
 */

interface Internals {
  createOpts: { Image: string; ExposedPorts?: Record<string, object> };
  hostConfig: { PortBindings?: Record<string, { HostPort: string }[]> };
  environment: Record<string, string>;
  reuse: boolean;
  startupTimeoutMs?: number;
  waitStrategy: { constructor: { name: string }; message?: unknown };
  originalWaitStrategy?: { constructor: { name: string }; message?: unknown };
  beforeContainerCreated?(): Promise<void>;
}

const internals = (container: object): Internals => container as unknown as Internals;

/** Kafka's module finishes its configuration when the container is created; run that part only. */
async function createdKafka(hostPort?: number): Promise<Internals> {
  const kafka = internals(kafkaContainer(kafkaContainerPlan({ hostPort })));
  await kafka.beforeContainerCreated?.();
  return kafka;
}

describe('the Kafka container', () => {
  it('runs the pinned image in KRaft mode: broker and controller in one node, no ZooKeeper', async () => {
    const kafka = await createdKafka();
    expect(kafka.createOpts.Image).toBe(kafkaContainerPlan().image);
    expect(kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    });
    expect(kafka.environment.KAFKA_ZOOKEEPER_CONNECT).toBeUndefined();
  });

  it('listens for host clients on the planned port, bound to a random host port', async () => {
    const kafka = await createdKafka();
    expect(kafka.environment.KAFKA_LISTENERS).toContain('PLAINTEXT://0.0.0.0:9093');
    expect(kafka.createOpts.ExposedPorts).toHaveProperty('9093/tcp');
    expect(kafka.hostConfig.PortBindings?.['9093/tcp']).toEqual([{ HostPort: '0' }]);
  });

  it('keeps a fixed host port the module would otherwise replace with a random one', async () => {
    const kafka = await createdKafka(41234);
    expect(kafka.hostConfig.PortBindings?.['9093/tcp']).toEqual([{ HostPort: '41234' }]);
  });

  it('carries our single-node settings and waits for our log line, without reuse', async () => {
    const kafka = await createdKafka();
    expect(kafka.environment).toMatchObject({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
    expect(kafka.originalWaitStrategy?.constructor.name).toBe('LogWaitStrategy');
    expect(kafka.originalWaitStrategy?.message).toEqual(/Kafka Server started/);
    expect(kafka.startupTimeoutMs).toBe(180_000);
    expect(kafka.reuse).toBe(false);
  });
});

describe('the MongoDB container', () => {
  it('runs the pinned image on a random host port, waits for the replica-set health check, without reuse', () => {
    const mongo = internals(mongoContainer(mongoContainerPlan()));
    expect(mongo.createOpts.Image).toBe(mongoContainerPlan().image);
    expect(mongo.hostConfig.PortBindings?.['27017/tcp']).toEqual([{ HostPort: '0' }]);
    expect(mongo.waitStrategy.constructor.name).toBe('HealthCheckWaitStrategy');
    expect(mongo.startupTimeoutMs).toBe(120_000);
    expect(mongo.reuse).toBe(false);
  });

  it('binds a fixed host port when asked', () => {
    const mongo = internals(mongoContainer(mongoContainerPlan({ hostPort: 41235 })));
    expect(mongo.hostConfig.PortBindings?.['27017/tcp']).toEqual([{ HostPort: '41235' }]);
  });
});
