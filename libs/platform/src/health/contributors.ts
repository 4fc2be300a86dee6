import type { Connection } from 'mongoose';
import type { KafkaConnection } from '../messaging/kafka-connection';
import type { KafkaEventTransport } from '../messaging/kafka-event.transport';
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

export function consumersHealth(transport: KafkaEventTransport): HealthContributor {
  return {
    name: 'consumers',
    critical: false,
    check() {
      const groups = transport.describeConsumers();
      const allRunning = groups.every((g) => g.state === 'member');
      return Promise.resolve({ status: allRunning ? 'up' : 'down', details: { groups } });
    },
  };
}
