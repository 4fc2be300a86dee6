import { CONSUMER_GROUP_TOPICS, ConsumerGroup } from './consumer-groups';
import { KafkaNaming } from './naming';
import { DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS, REPLAY_RETENTION_MS, TOPIC_SPECS } from './topics';

/** A topic as a broker must have it: physical name, partitions and topic-level configs. */
export interface PhysicalTopic {
  readonly name: string;
  readonly partitions: number;
  readonly configs: Readonly<Record<string, string>>;
}

/**
 * Every topic the marketplace needs on a cluster, dead-letter and replay topics included, with its
 * settings.
 * `infra:up`, the test setup and the Kubernetes manifests are all generated from this one list.
 */
export function topicPlan(naming: KafkaNaming = new KafkaNaming()): PhysicalTopic[] {
  const entity = TOPIC_SPECS.map(
    (spec): PhysicalTopic => ({
      name: naming.topic(spec.name),
      partitions: spec.partitions,
      configs:
        spec.cleanupPolicy === 'compact'
          ? { 'cleanup.policy': 'compact' }
          : { 'cleanup.policy': 'delete', 'retention.ms': String(spec.retentionMs) },
    }),
  );
  const groups = Object.keys(CONSUMER_GROUP_TOPICS) as ConsumerGroup[];
  const deadLetters = groups.map((group) => ({
    name: naming.deadLetterTopic(group),
    partitions: DEAD_LETTER_PARTITIONS,
    configs: { 'cleanup.policy': 'delete', 'retention.ms': String(DEAD_LETTER_RETENTION_MS) },
  }));
  const replays = groups.map((group) => ({
    name: naming.replayTopic(group),
    partitions: DEAD_LETTER_PARTITIONS,
    configs: { 'cleanup.policy': 'delete', 'retention.ms': String(REPLAY_RETENTION_MS) },
  }));
  return [...entity, ...deadLetters, ...replays];
}
