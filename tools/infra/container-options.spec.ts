import {
  CONTAINER_IMAGES,
  kafkaBrokersOf,
  kafkaContainerPlan,
  kafkaEnvironmentName,
  mongoContainerPlan,
  mongoUrlOf,
} from './container-options';
import { databaseUri, mongoServerUrl } from './choose-infrastructure';
import { KAFKA_VERSION } from './kafka/kafka-config';

describe('CONTAINER_IMAGES', () => {
  it.each(Object.entries(CONTAINER_IMAGES))('pins %s to an exact version', (_, image) => {
    expect(image).toMatch(/^[a-z0-9/-]+:\d+\.\d+\.\d+$/);
  });

  it("uses Confluent's Kafka image, the only one @testcontainers/kafka 12 knows how to start", () => {
    expect(CONTAINER_IMAGES.kafka).toMatch(/^confluentinc\/cp-kafka:/);
  });

  it('runs the Kafka line of the native broker (Confluent Platform 7.9 ships Apache Kafka 3.9)', () => {
    const apacheLineOfConfluent: Record<string, string> = { '7.9': '3.9' };
    const confluent = CONTAINER_IMAGES.kafka.split(':')[1].split('.').slice(0, 2).join('.');
    expect(apacheLineOfConfluent[confluent]).toBe(KAFKA_VERSION.split('.').slice(0, 2).join('.'));
  });

  it('runs a MongoDB 8.0 server', () => {
    expect(CONTAINER_IMAGES.mongodb).toMatch(/^mongo:8\.0\.\d+$/);
  });
});

describe('kafkaContainerPlan', () => {
  const plan = kafkaContainerPlan();

  it('asks for one KRaft node on a random host port, never reused', () => {
    expect(plan).toMatchObject({
      image: CONTAINER_IMAGES.kafka,
      mode: 'kraft',
      containerPort: 9093,
      hostPort: undefined,
      reuse: false,
    });
  });

  it('binds a fixed host port only when asked (the fault tier)', () => {
    expect(kafkaContainerPlan({ hostPort: 41234 }).hostPort).toBe(41234);
  });

  it('passes the single-node overrides and the topic policy of the native broker', () => {
    expect(plan.environment).toMatchObject({
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_LOG_CLEANER_ENABLE: 'true',
    });
  });

  it('waits for the broker to log that it started, for up to three minutes', () => {
    expect(plan.wait).toEqual({ kind: 'log', message: /Kafka Server started/ });
    expect(
      plan.wait.kind === 'log' && plan.wait.message.test('[KafkaRaftServer nodeId=1] Kafka Server started'),
    ).toBe(true);
    expect(plan.startupTimeoutMs).toBe(180_000);
  });

  it('spells properties as Confluent images read them', () => {
    expect(kafkaEnvironmentName('group.initial.rebalance.delay.ms')).toBe(
      'KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS',
    );
    expect(() => kafkaEnvironmentName('some_property')).toThrow('no KAFKA_* spelling');
  });
});

describe('mongoContainerPlan', () => {
  it('asks for a single-node replica set on a random host port, ready on its health check', () => {
    expect(mongoContainerPlan()).toEqual({
      image: CONTAINER_IMAGES.mongodb,
      replicaSet: 'rs0',
      containerPort: 27017,
      hostPort: undefined,
      environment: {},
      wait: { kind: 'health-check' },
      startupTimeoutMs: 120_000,
      reuse: false,
    });
  });
});

describe('endpoints of started containers', () => {
  it('gives the broker as advertised: the testcontainers host and the bound port', () => {
    expect(kafkaBrokersOf('localhost', 32771)).toEqual(['localhost:32771']);
  });

  it('connects to the replica set member directly, keeping that through database names', () => {
    const url = mongoUrlOf('localhost', 32772);
    expect(url).toBe('mongodb://localhost:32772/?directConnection=true');
    expect(mongoServerUrl(url)).toBe(url);
    expect(databaseUri(url, 't1_catalog')).toBe('mongodb://localhost:32772/t1_catalog?directConnection=true');
  });
});
