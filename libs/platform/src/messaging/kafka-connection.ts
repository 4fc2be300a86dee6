import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer, SASLOptions } from 'kafkajs';
import { KafkaNaming } from '@app/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** One kafkajs client per process, with its log routed to ours and its noise kept out. */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  readonly naming: KafkaNaming;
  readonly sessionTimeoutMs: number;
  readonly consumerConcurrency: number;
  private producerPromise?: Promise<Producer>;
  private producerConnected = false;
  private adminPromise?: Promise<Admin>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.naming = new KafkaNaming(config.kafka.topicPrefix);
    this.sessionTimeoutMs = config.kafka.sessionTimeoutMs;
    this.consumerConcurrency = config.kafka.consumerConcurrency;
    this.kafka = new Kafka({
      clientId: config.kafka.clientId,
      brokers: config.kafka.brokers,
      ssl: config.kafka.ssl,
      ...(config.kafka.sasl ? { sasl: { ...config.kafka.sasl } as SASLOptions } : {}),
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.log(entry),
    });
  }

  /** The shared producer (acks from all in-sync replicas, ordered per partition). */
  producer(): Promise<Producer> {
    this.producerPromise ??= (async () => {
      // One request in flight keeps each partition in order through retries; duplicates a retry
      // may cause are harmless (at-least-once, idempotent consumers). kafkajs' idempotent mode
      // would need unbounded retries, which would stall the relay through an outage.
      const producer = this.kafka.producer({
        idempotent: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer.on(producer.events.CONNECT, () => (this.producerConnected = true));
      producer.on(producer.events.DISCONNECT, () => (this.producerConnected = false));
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producerPromise = undefined;
      throw error;
    });
    return this.producerPromise;
  }

  isProducerConnected(): boolean {
    return this.producerConnected;
  }

  admin(): Promise<Admin> {
    this.adminPromise ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.adminPromise = undefined;
      throw error;
    });
    return this.adminPromise;
  }

  async onApplicationShutdown(): Promise<void> {
    const [producer, admin] = await Promise.allSettled([this.producerPromise, this.adminPromise]);
    if (producer.status === 'fulfilled' && producer.value) await producer.value.disconnect();
    if (admin.status === 'fulfilled' && admin.value) await admin.value.disconnect();
  }

  private log({ level, log }: LogEntry): void {
    const { message, ...extra } = log;
    if (level === logLevel.ERROR) this.logger.error(extra, message);
    else if (level === logLevel.WARN) this.logger.warn(extra, message);
    else this.logger.debug(extra, message);
  }
}
