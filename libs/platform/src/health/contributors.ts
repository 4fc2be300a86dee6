import type { Connection } from 'mongoose';
import type { KafkaConnection } from '../messaging/kafka-connection';
import type { ConsumerGroup } from '@app/contracts';
import { readGroupProgress } from '../messaging/consumer-lag';
import type { KafkaEventTransport } from '../messaging/kafka-event.transport';
import type { OutboxRelay } from '../outbox/outbox-relay';
import { HealthContributor } from './health.registry';

export function databaseHealth(connection: Connection): HealthContributor {
  return {
    name: 'database',
    critical: true,
    async check() {
      const started = Date.now();
      if (!connection.db) return { status: 'down', details: { state: connection.readyState } };
      await connection.db.command({ ping: 1 });
      return { status: 'up', details: { database: connection.name, latencyMs: Date.now() - started } };
    },
  };
}

export function kafkaHealth(kafka: KafkaConnection): HealthContributor {
  return {
    name: 'kafka',
    critical: false,
    async check() {
      const started = Date.now();
      const admin = await kafka.admin();
      const cluster = await admin.describeCluster();
      return {
        status: 'up',
        details: {
          brokers: cluster.brokers.length,
          controller: cluster.controller,
          producerConnected: kafka.isProducerConnected(),
          latencyMs: Date.now() - started,
        },
      };
    },
  };
}

/** Membership, lag and dead letters of the service's consumer groups. */
export function consumersHealth(
  transport: KafkaEventTransport,
  kafka: KafkaConnection,
  groups: readonly ConsumerGroup[],
): HealthContributor {
  return {
    name: 'consumers',
    critical: false,
    async check() {
      const members = transport.describeConsumers();
      const progress = await readGroupProgress(kafka, groups);
      const allRunning = members.every((g) => g.state === 'member');
      return {
        status: allRunning ? 'up' : 'down',
        details: {
          groups: progress.map((p) => ({ ...p, ...members.find((m) => m.group === p.group) })),
        },
      };
    },
  };
}

export function outboxHealth(relay: OutboxRelay): HealthContributor {
  return {
    name: 'outbox',
    critical: false,
    async check() {
      const backlog = await relay.backlog();
      return { status: 'up', details: { pendingAggregates: backlog } };
    },
  };
}
