import { Injectable } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { EventPublisher } from './event-bus';
import { KafkaConnection } from './kafka-connection';
import { OutboundMessage } from './outbound-message';

interface PendingPublish {
  readonly messages: readonly OutboundMessage[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Bounds of one combined request, well under the broker's default 1 MB message batch limit. */
const MAX_BATCH_MESSAGES = 500;
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * Publishes through the shared producer, one request in flight (ordering per partition). Calls
 * that arrive while a request is out are combined into the next request: under load this turns
 * hundreds of single-event requests into a few batches, without reordering anything — a caller's
 * messages keep their order, and the relay starts an aggregate's next publish only after the
 * previous one has resolved. Every caller learns the outcome of the request that carried its
 * messages.
 */
@Injectable()
export class KafkaEventPublisher extends EventPublisher {
  private readonly queue: PendingPublish[] = [];
  private sending = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  publish(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ messages, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.send(batch.flatMap((pending) => pending.messages));
          batch.forEach((pending) => pending.resolve());
        } catch (error) {
          batch.forEach((pending) => pending.reject(error));
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** Whole calls only, so one caller's messages never straddle two requests. */
  private takeBatch(): PendingPublish[] {
    const batch: PendingPublish[] = [];
    let count = 0;
    let bytes = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      const nextBytes = next.messages.reduce((sum, m) => sum + m.value.length + m.key.length, 0);
      const fits = count + next.messages.length <= MAX_BATCH_MESSAGES && bytes + nextBytes <= MAX_BATCH_BYTES;
      if (batch.length > 0 && !fits) break;
      batch.push(this.queue.shift() as PendingPublish);
      count += next.messages.length;
      bytes += nextBytes;
    }
    return batch;
  }

  private async send(messages: readonly OutboundMessage[]): Promise<void> {
    const producer = await this.connection.producer();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const { topic, key, value, headers } of messages) {
      const physical = this.connection.naming.topic(topic);
      const batch = byTopic.get(physical) ?? [];
      batch.push({ key, value, headers });
      byTopic.set(physical, batch);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })),
    });
    for (const [topic, batch] of byTopic) this.metrics.eventsPublished.inc({ topic }, batch.length);
  }
}
