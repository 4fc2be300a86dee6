import { KAFKA_SINGLE_NODE_SETTINGS } from './kafka/kafka-config';

/*
 * What the test tiers ask of testcontainers on a machine with a Docker engine, as plain data:
 * testcontainers-infrastructure.ts turns these plans into containers, and the unit tests read them
 * without needing an engine.
 */

/**
 * Pinned images. Kafka: @testcontainers/kafka 12 drives Confluent's images only (it starts the
 * broker through `/etc/confluent/docker/run`, which apache/kafka lacks); Confluent Platform 7.9
 * ships Apache Kafka 3.9, the line our native broker runs (KAFKA_VERSION). MongoDB: a real server,
 * as production runs it.
 */
export const CONTAINER_IMAGES = {
  kafka: 'confluentinc/cp-kafka:7.9.1',
  mongodb: 'mongo:8.0.13',
} as const;

/**
 * The listener @testcontainers/kafka opens for clients outside Docker. It advertises it as
 * `<testcontainers host>:<host port bound to it>`, which is what `kafkaBrokersOf` returns.
 */
export const KAFKA_CLIENT_PORT = 9093;
export const MONGODB_PORT = 27017;
/** @testcontainers/mongodb starts `mongod --replSet rs0` and initiates it in its health check. */
export const MONGODB_REPLICA_SET = 'rs0';

export type WaitPlan =
  /** Ready when the container's log shows a line matching `message`. */
  | { readonly kind: 'log'; readonly message: RegExp }
  /** Ready when the container's health check passes. */
  | { readonly kind: 'health-check' };

export interface ContainerPlan {
  readonly image: string;
  /** The container port clients reach from the host. */
  readonly containerPort: number;
  /**
   * The host port bound to it; undefined lets Docker pick a free one. Only the fault tier fixes
   * it: Docker gives a restarted container a new random port, and its clients hold the old one.
   */
  readonly hostPort: number | undefined;
  readonly environment: Readonly<Record<string, string>>;
  readonly wait: WaitPlan;
  readonly startupTimeoutMs: number;
  /** Never reuse a container across runs: each run starts clean and removes what it started. */
  readonly reuse: false;
}

export interface KafkaContainerPlan extends ContainerPlan {
  /** One node acting as broker and controller, no ZooKeeper. */
  readonly mode: 'kraft';
}

export interface MongoContainerPlan extends ContainerPlan {
  /** A single-node replica set: transactions and change streams work as in production. */
  readonly replicaSet: typeof MONGODB_REPLICA_SET;
}

/** `offsets.topic.replication.factor` → `KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR`, as Confluent's images read it. */
export function kafkaEnvironmentName(property: string): string {
  if (!/^[a-z0-9.]+$/.test(property)) {
    throw new Error(`no KAFKA_* spelling for "${property}" (only dots map to underscores)`);
  }
  return `KAFKA_${property.toUpperCase().replace(/\./g, '_')}`;
}

export function kafkaContainerPlan(options: { hostPort?: number } = {}): KafkaContainerPlan {
  const settings: Record<string, string> = {};
  for (const [property, value] of Object.entries(KAFKA_SINGLE_NODE_SETTINGS)) {
    settings[kafkaEnvironmentName(property)] = String(value);
  }
  return {
    image: CONTAINER_IMAGES.kafka,
    mode: 'kraft',
    containerPort: KAFKA_CLIENT_PORT,
    hostPort: options.hostPort,
    environment: { ...settings, KAFKA_HEAP_OPTS: '-Xms256m -Xmx768m' },
    // Kafka's own "started" line, logged once the broker serves requests (KafkaRaftServer).
    wait: { kind: 'log', message: /Kafka Server started/ },
    startupTimeoutMs: 180_000,
    reuse: false,
  };
}

export function mongoContainerPlan(options: { hostPort?: number } = {}): MongoContainerPlan {
  return {
    image: CONTAINER_IMAGES.mongodb,
    replicaSet: MONGODB_REPLICA_SET,
    containerPort: MONGODB_PORT,
    hostPort: options.hostPort,
    environment: {},
    // The module's health check initiates the replica set and passes once this node is primary.
    wait: { kind: 'health-check' },
    startupTimeoutMs: 120_000,
    reuse: false,
  };
}

export function kafkaBrokersOf(host: string, port: number): string[] {
  return [`${host}:${port}`];
}

/**
 * The replica set's only member is named after the container's hostname, which the host cannot
 * resolve: the driver must talk to the address it was given instead of following the member list.
 */
export function mongoUrlOf(host: string, port: number): string {
  return `mongodb://${host}:${port}/?directConnection=true`;
}
