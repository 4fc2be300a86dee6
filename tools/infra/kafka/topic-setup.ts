import { Admin, Kafka, logLevel } from 'kafkajs';
import { KafkaNaming, PhysicalTopic, topicPlan } from '@app/contracts';

export interface TopicSetupResult {
  readonly created: string[];
  readonly existing: string[];
  /** Existing topics with fewer partitions than the plan declares (never shrunk or grown here). */
  readonly mismatched: string[];
}

async function withAdmin<T>(brokers: string[], fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({
    clientId: 'infra-topics',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
  }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

async function missingPartitions(admin: Admin, plan: PhysicalTopic[]): Promise<string[]> {
  if (plan.length === 0) return [];
  const { topics } = await admin.fetchTopicMetadata({ topics: plan.map((t) => t.name) });
  return plan
    .filter((t) => (topics.find((m) => m.name === t.name)?.partitions.length ?? 0) < t.partitions)
    .map((t) => t.name);
}

const LEADER_WAIT_MS = 30_000;

/**
 * Waits until every partition of `topics` has a leader. kafkajs' own wait gives up on the first
 * "does not host this topic-partition" a just-created topic can answer on a busy broker; this one
 * asks again until the deadline.
 */
async function waitForLeaders(admin: Admin, topics: PhysicalTopic[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.name) });
      const ready = topics.every((t) => {
        const partitions = metadata.find((m) => m.name === t.name)?.partitions ?? [];
        return partitions.length >= t.partitions && partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without partition leaders after ${LEADER_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Creates every topic of the contracts' topic plan under `prefix` ('' for production naming, a
 * run prefix such as `t1732800000-ab12.` for a test run), with its partitions and configs, and
 * waits for partition leaders so producers can write at once.
 */
export async function ensureTopics(brokers: string[], prefix: string): Promise<TopicSetupResult> {
  const plan = topicPlan(new KafkaNaming(prefix));
  return withAdmin(brokers, async (admin) => {
    const present = new Set(await admin.listTopics());
    const missing = plan.filter((t) => !present.has(t.name));
    if (missing.length > 0) {
      // Resolves false when another process created them first: that is fine too.
      await admin.createTopics({
        waitForLeaders: false,
        timeout: 30_000,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          configEntries: Object.entries(t.configs).map(([name, value]) => ({ name, value })),
        })),
      });
      await waitForLeaders(admin, missing);
    }
    const existing = plan.filter((t) => present.has(t.name));
    return {
      created: missing.map((t) => t.name),
      existing: existing.map((t) => t.name),
      mismatched: await missingPartitions(admin, existing),
    };
  });
}

/** Deletes a test run's topics. Refuses the empty prefix: that would be every topic. */
export async function deleteTopicsWithPrefix(brokers: string[], prefix: string): Promise<string[]> {
  if (!prefix) throw new Error('refusing to delete topics without a run prefix');
  return withAdmin(brokers, async (admin) => {
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    return topics;
  });
}
