import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel, Partitioners, SASLOptions } from 'kafkajs';
import { ConsumerGroup, DEAD_LETTER_TOOL_GROUP_PREFIX, KafkaNaming } from '@app/contracts';

export interface DeadLetter {
  /** `<group>@<partition>:<offset>` within the group's dead-letter topic. */
  readonly id: string;
  readonly group: ConsumerGroup;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

export function parseDeadLetterId(id: string): { group: string; partition: number; offset: string } {
  const match = /^([a-z0-9.-]+)@(\d+):(\d+)$/.exec(id);
  if (!match) throw new Error(`"${id}" is not a dead-letter id (expected <group>@<partition>:<offset>)`);
  return { group: match[1], partition: Number(match[2]), offset: match[3] };
}

function headersOf(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return headers;
}

/** Reads and replays dead letters. Used by `npm run dlq` and by the fault tests. */
export class DeadLetters {
  private readonly kafka: Kafka;

  constructor(
    brokers: string[],
    private readonly naming: KafkaNaming,
    auth: { sasl?: SASLOptions; ssl?: boolean } = {},
  ) {
    this.kafka = new Kafka({ clientId: 'dlq-tool', brokers, logLevel: logLevel.NOTHING, ...auth });
  }

  /** Every dead letter of a group currently on its topic, oldest first. */
  async list(group: ConsumerGroup): Promise<DeadLetter[]> {
    const topic = this.naming.deadLetterTopic(group);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = (await admin.fetchTopicOffsets(topic)).filter((p) => Number(p.high) > Number(p.low));
      if (ends.length === 0) return [];
      const remaining = new Map(ends.map((p) => [p.partition, Number(p.high) - 1]));
      const letters: DeadLetter[] = [];
      // A throwaway group that reads from the start and is deleted afterwards.
      const groupId = `${this.naming.prefix}${DEAD_LETTER_TOOL_GROUP_PREFIX}${randomUUID()}`;
      const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: ({ partition, message }) => {
              letters.push({
                id: `${group}@${partition}:${message.offset}`,
                group,
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? null,
                value: message.value?.toString() ?? null,
                headers: headersOf(message),
              });
              if (Number(message.offset) >= (remaining.get(partition) ?? -1)) remaining.delete(partition);
              if (remaining.size === 0) resolve();
              return Promise.resolve();
            },
          })
          .catch(reject);
      });
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Hands dead letters back to their group's handler through `replay.<group>`, which only that
   * group reads. The original entity topic is never written to.
   */
  async replay(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      for (const letter of letters) {
        const headers = Object.fromEntries(
          Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')),
        );
        await producer.send({
          topic: this.naming.replayTopic(letter.group),
          acks: -1,
          messages: [
            {
              key: letter.key,
              value: letter.value,
              headers: { ...headers, 'replayed-from': letter.id, 'replayed-at': new Date().toISOString() },
            },
          ],
        });
      }
    } finally {
      await producer.disconnect();
    }
  }
}
