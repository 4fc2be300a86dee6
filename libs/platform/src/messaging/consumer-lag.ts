import { ConsumerGroup, CONSUMER_GROUP_TOPICS } from '@app/contracts';
import { KafkaConnection } from './kafka-connection';

export interface GroupProgress {
  readonly group: string;
  /** Messages on the group's topics not yet committed by it. */
  readonly lag: number;
  /** Messages ever written to the group's dead-letter topic (within retention). */
  readonly deadLetters: number;
}

async function highWatermarks(kafka: KafkaConnection, topic: string): Promise<Map<number, number>> {
  const admin = await kafka.admin();
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

/** Lag and dead-letter counts of this service's consumer groups, read from the broker. */
export async function readGroupProgress(
  kafka: KafkaConnection,
  groups: readonly ConsumerGroup[],
): Promise<GroupProgress[]> {
  const admin = await kafka.admin();
  const { naming } = kafka;
  return Promise.all(
    groups.map(async (group) => {
      const topics = CONSUMER_GROUP_TOPICS[group].map((topic) => naming.topic(topic));
      const committed = await admin.fetchOffsets({ groupId: naming.group(group), topics });
      let lag = 0;
      for (const { topic, partitions } of committed) {
        const high = await highWatermarks(kafka, topic);
        for (const { partition, offset } of partitions) {
          const end = high.get(partition) ?? 0;
          // -1: nothing committed yet, so everything from the log start is still to be read.
          lag += Math.max(0, end - (Number(offset) < 0 ? 0 : Number(offset)));
        }
      }
      const dlq = await highWatermarks(kafka, naming.deadLetterTopic(group));
      const deadLetters = [...dlq.values()].reduce((sum, n) => sum + n, 0);
      return { group: naming.group(group), lag, deadLetters };
    }),
  );
}
