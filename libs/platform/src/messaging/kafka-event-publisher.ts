import { Injectable } from '@nestjs/common';
import { AnyEventEnvelope, eventRoute } from '@app/contracts';
import { EventPublisher } from './event-bus';
import { KafkaConnection } from './kafka-connection';
import { eventHeaders } from './kafka-headers';

@Injectable()
export class KafkaEventPublisher extends EventPublisher {
  constructor(private readonly connection: KafkaConnection) {
    super();
  }

  async publish(events: readonly AnyEventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.connection.producer();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const event of events) {
      const { topic, key } = eventRoute(event);
      const physical = this.connection.naming.topic(topic);
      const messages = byTopic.get(physical) ?? [];
      messages.push({ key, value: JSON.stringify(event), headers: eventHeaders(event) });
      byTopic.set(physical, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }
}
