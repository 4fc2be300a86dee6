import { stringify } from 'yaml';
import {
  CONSUMER_GROUP_TOPICS,
  DEAD_LETTER_PREFIX,
  DEAD_LETTER_TOOL_GROUP_PREFIX,
  KafkaNaming,
  REPLAY_PREFIX,
  SERVICE_NAMES,
  SERVICE_SPECS,
  ServiceSpec,
  topicPlan,
} from '@app/contracts';

/** The Strimzi `Kafka` resource every topic and user belongs to (`strimzi.io/cluster`). */
export const KAFKA_CLUSTER = 'marketplace';
export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';

/** The KafkaUser of `npm run dlq` (tools/dlq). */
export const DEAD_LETTER_TOOL = 'dead-letter-tool';

export { DEAD_LETTER_TOOL_GROUP_PREFIX };

/** Production naming: the empty prefix. Isolated test runs never reach a Kubernetes cluster. */
const naming = new KafkaNaming('');

export type AclOperation = 'Read' | 'Write' | 'Describe' | 'Delete';
export interface AclRule {
  readonly resource: {
    readonly type: 'topic' | 'group';
    readonly name: string;
    readonly patternType: 'literal' | 'prefix';
  };
  readonly operations: AclOperation[];
}

interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels: Record<string, string> };
  readonly spec: unknown;
}

const labels = { 'strimzi.io/cluster': KAFKA_CLUSTER };

/**
 * One KafkaTopic per entry of `topicPlan()`. One replica here (the single-broker base); the prod
 * overlay raises every topic to 3 replicas with `min.insync.replicas=2`.
 */
export function kafkaTopics(): Resource[] {
  return topicPlan(naming).map((topic) => ({
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaTopic',
    metadata: { name: topic.name, labels },
    spec: { topicName: topic.name, partitions: topic.partitions, replicas: 1, config: { ...topic.configs } },
  }));
}

/**
 * The ACLs of one service: what it produces, what its groups read (their topics and their
 * `replay.<group>`), its groups, and the dead-letter topics it writes its poison events to.
 */
export function serviceAcls(spec: ServiceSpec): AclRule[] {
  const operations = new Map<string, Set<AclOperation>>();
  const grant = (topic: string, ...ops: AclOperation[]) => {
    const set = operations.get(topic) ?? new Set<AclOperation>();
    ops.forEach((op) => set.add(op));
    operations.set(topic, set);
  };
  spec.produces.forEach((topic) => grant(naming.topic(topic), 'Describe', 'Write'));
  for (const group of spec.consumerGroups) {
    CONSUMER_GROUP_TOPICS[group].forEach((topic) => grant(naming.topic(topic), 'Describe', 'Read'));
    grant(naming.replayTopic(group), 'Describe', 'Read');
    grant(naming.deadLetterTopic(group), 'Describe', 'Write');
  }
  const topicRules = [...operations].map(
    ([name, ops]): AclRule => ({
      resource: { type: 'topic', name, patternType: 'literal' },
      operations: [...ops].sort(),
    }),
  );
  const groupRules = spec.consumerGroups.map(
    (group): AclRule => ({
      resource: { type: 'group', name: naming.group(group), patternType: 'literal' },
      operations: ['Read'],
    }),
  );
  return [...topicRules, ...groupRules];
}

/**
 * Listing dead letters reads `dlq.*` under a throwaway group it deletes afterwards; replaying writes
 * to `replay.*`. Never an entity topic: a replay must not reach compacted entity state.
 */
export function deadLetterToolAcls(): AclRule[] {
  return [
    {
      resource: { type: 'topic', name: DEAD_LETTER_PREFIX, patternType: 'prefix' },
      operations: ['Describe', 'Read'],
    },
    {
      resource: { type: 'topic', name: REPLAY_PREFIX, patternType: 'prefix' },
      operations: ['Describe', 'Write'],
    },
    {
      resource: { type: 'group', name: DEAD_LETTER_TOOL_GROUP_PREFIX, patternType: 'prefix' },
      operations: ['Delete', 'Read'],
    },
  ];
}

function kafkaUser(name: string, acls: AclRule[]): Resource {
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaUser',
    metadata: { name, labels },
    spec: {
      // The User Operator creates a Secret of the same name holding the generated `password`.
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls },
    },
  };
}

/** One KafkaUser per service, named after it, and one for the dead-letter tool. */
export function kafkaUsers(): Resource[] {
  return [
    ...SERVICE_NAMES.map((service) => kafkaUser(service, serviceAcls(SERVICE_SPECS[service]))),
    kafkaUser(DEAD_LETTER_TOOL, deadLetterToolAcls()),
  ];
}

const GENERATED_HEADER = [
  '# GENERATED from libs/contracts by deploy/generate-kafka-manifests.ts: do not edit by hand.',
  '# Regenerate with `npx ts-node deploy/generate-kafka-manifests.ts`; a test fails when this file drifts.',
].join('\n');

export function renderDocuments(resources: readonly Resource[]): string {
  const body = resources.map((resource) => stringify(resource, { lineWidth: 0 })).join('---\n');
  return `${GENERATED_HEADER}\n${body}`;
}

/** The generated files, relative to the repository root. */
export function generatedKafkaFiles(): Record<string, string> {
  return {
    'k8s/base/kafka/topics.yaml': renderDocuments(kafkaTopics()),
    'k8s/base/kafka/users.yaml': renderDocuments(kafkaUsers()),
  };
}
