import { Consumer, Kafka, logLevel, Message, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import {
  buildEvent,
  EventType,
  KafkaNaming,
  ModerationActionKind,
  ModerationTargetType,
  Topic,
} from '@app/contracts';
import { toOutboundMessage } from '@app/platform';
import { SAMPLE_PAYLOADS, sampleProduct } from './factories/event-payloads.factory';
import { testInfra } from './infra/test-infra';

/** Produces catalog and moderation events as the catalog and reports services would. */
export class UpstreamEvents {
  private readonly producer: Producer;
  private readonly naming = new KafkaNaming(testInfra().topicPrefix);
  /** Every message sent, by event id, so that one can be delivered again byte for byte. */
  private readonly sent = new Map<string, { topic: string; message: Message }>();

  constructor(clientId = 'upstream-test') {
    const kafka = new Kafka({
      clientId,
      brokers: testInfra().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async product(
    input: { productId?: string; version?: number; visibility?: 'visible' | 'held' | 'removed' } = {},
  ): Promise<string> {
    const productId = input.productId ?? uuidv7();
    const version = input.version ?? 1;
    await this.send(
      buildEvent(version === 1 ? 'ProductCreated' : 'ProductUpdated', {
        aggregateId: productId,
        aggregateVersion: version,
        correlationId: `test-${productId}`,
        payload: {
          ...SAMPLE_PAYLOADS.ProductCreated,
          product: { ...sampleProduct, productId, version, visibility: input.visibility ?? 'visible' },
        },
      }),
    );
    return productId;
  }

  /** A hold or decision on any target; returns the action's event id. */
  async moderate(input: {
    targetType: ModerationTargetType;
    targetId: string;
    action: ModerationActionKind;
    eventId?: string;
  }): Promise<string> {
    const target = { type: input.targetType, id: input.targetId };
    const common = {
      aggregateId: 'case-1',
      aggregateVersion: 1,
      correlationId: `mod-${input.targetId}`,
      eventId: input.eventId,
    };
    const event =
      input.action === 'hold'
        ? buildEvent('HoldPlaced', {
            ...common,
            payload: { caseId: 'case-1', target, reasonCode: 'threshold' },
          })
        : buildEvent('DecisionMade', {
            ...common,
            payload: {
              caseId: 'case-1',
              target,
              decision: input.action,
              reasonCode: 'abuse',
              statement: 'Breaks the rules.',
            },
          });
    await this.send(event);
    return event.eventId;
  }

  /** Sends an event already sent once again, unchanged, as a broker redelivery would. */
  async redeliver(eventId: string): Promise<void> {
    const sent = this.sent.get(eventId);
    if (!sent) throw new Error(`no event ${eventId} was sent by this producer`);
    await this.producer.send({ topic: sent.topic, messages: [sent.message] });
  }

  private async send(event: Parameters<typeof toOutboundMessage>[0]): Promise<void> {
    const outbound = toOutboundMessage(event);
    const sent = {
      topic: this.naming.topic(outbound.topic),
      message: { key: outbound.key, value: outbound.value, headers: outbound.headers },
    };
    this.sent.set(event.eventId, sent);
    await this.producer.send({ topic: sent.topic, messages: [sent.message] });
  }
}

/** Collects this run's events of some topics, read from the start. */
export class TopicRecorder {
  readonly events: {
    type: EventType;
    aggregateId: string;
    aggregateVersion: number;
    causationId: string | null;
    payload: Record<string, unknown>;
  }[] = [];
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;

  constructor(name = 'recorder') {
    this.kafka = new Kafka({
      clientId: `${name}-reader`,
      brokers: testInfra().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = this.kafka.consumer({ groupId: `${testInfra().topicPrefix}${name}-${uuidv7()}` });
  }

  async start(topics: Topic[]): Promise<void> {
    const naming = new KafkaNaming(testInfra().topicPrefix);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map((t) => naming.topic(t)), fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        if (message.value)
          this.events.push(JSON.parse(message.value.toString()) as TopicRecorder['events'][number]);
        return Promise.resolve();
      },
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
