import { Injectable } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { EventPublisher } from './event-bus';
import { KafkaConnection } from './kafka-connection';
import { OutboundMessage } from './outbound-message';

@Injectable()
export class KafkaEventPublisher extends EventPublisher {
  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
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
