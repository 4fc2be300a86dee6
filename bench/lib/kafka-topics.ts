import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

const READY_TIMEOUT_MS = 30_000;

/**
 * Creates topics and waits until every partition has a leader. Right after a create (or a
 * delete of other topics) a one-node KRaft broker may briefly answer metadata requests with
 * "does not host this topic-partition", which kafkajs' own `waitForLeaders` does not ride out.
 */
export async function createTopicsAndWait(
  brokers: string[],
  topics: readonly { topic: string; numPartitions: number }[],
): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const ready = await admin
        .fetchTopicMetadata({ topics: topics.map((t) => t.topic) })
        .then((metadata) =>
          topics.every((wanted) => {
            const found = metadata.topics.find((t) => t.name === wanted.topic);
            return (
              found?.partitions.length === wanted.numPartitions &&
              found.partitions.every((p) => p.leader >= 0)
            );
          }),
        )
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline)
        throw new Error(`topics ${topics.map((t) => t.topic).join(', ')} got no leaders`);
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Retries a setup step that can fail transiently while the broker settles its metadata. */
export async function withSetupRetries<T>(step: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(500 * attempt);
    }
  }
}
