import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONSUMER_GROUP_TOPICS,
  DEAD_LETTER_PREFIX,
  KafkaNaming,
  REPLAY_PREFIX,
  SERVICE_NAMES,
  SERVICE_SPECS,
  topicPlan,
} from '@app/contracts';
import { DEAD_LETTER_TOOL, generatedKafkaFiles } from './kafka-manifests';
import { K8sObject, named, ofKind, Overlay, OVERLAYS, render } from './support/manifests';
import { REPO_ROOT, requireTools } from './support/tools';

jest.setTimeout(60_000);

interface KafkaTopic extends K8sObject {
  readonly spec: { topicName?: string; partitions: number; replicas: number; config: Record<string, string> };
}
interface Acl {
  readonly resource: { type: string; name: string; patternType?: 'literal' | 'prefix' };
  readonly operations: string[];
}
interface KafkaUser extends K8sObject {
  readonly spec: { authentication: { type: string }; authorization: { type: string; acls: Acl[] } };
}
interface KafkaNodePool extends K8sObject {
  readonly spec: { replicas: number; roles: string[] };
}
interface Kafka extends K8sObject {
  readonly spec: {
    kafka: {
      authorization?: { type: string };
      config: Record<string, string | number | boolean>;
      listeners: { name: string; authentication?: { type: string } }[];
    };
  };
}

const naming = new KafkaNaming('');
const plan = topicPlan(naming);

/** Whether Kafka's simple authorizer lets this user do `operation` on a resource (allow rules only). */
function allowed(user: KafkaUser, type: 'topic' | 'group', name: string, operation: string): boolean {
  return user.spec.authorization.acls.some((acl) => {
    if (acl.resource.type !== type) return false;
    const nameMatches =
      acl.resource.patternType === 'prefix' ? name.startsWith(acl.resource.name) : name === acl.resource.name;
    return nameMatches && (acl.operations.includes(operation) || acl.operations.includes('All'));
  });
}

describe('generated Kafka manifests', () => {
  it.each(Object.keys(generatedKafkaFiles()))('%s is what libs/contracts generates today', (path) => {
    const onDisk = readFileSync(join(REPO_ROOT, path), 'utf8');
    // On failure: npx ts-node deploy/generate-kafka-manifests.ts
    expect(onDisk).toBe(generatedKafkaFiles()[path]);
  });
});

describe.each(OVERLAYS)('k8s/%s Kafka', (overlay: Overlay) => {
  let objects: K8sObject[];
  let kafka: Kafka;

  beforeAll(() => {
    requireTools();
    objects = render(overlay);
    kafka = ofKind<Kafka>(objects, 'Kafka')[0];
  });

  const brokers = () =>
    ofKind<KafkaNodePool>(objects, 'KafkaNodePool')
      .filter((pool) => pool.spec.roles.includes('broker'))
      .reduce((sum, pool) => sum + pool.spec.replicas, 0);
  const controllers = () =>
    ofKind<KafkaNodePool>(objects, 'KafkaNodePool')
      .filter((pool) => pool.spec.roles.includes('controller'))
      .reduce((sum, pool) => sum + pool.spec.replicas, 0);

  it('has exactly one KafkaTopic per topic of topicPlan(), with its partitions and configs', () => {
    const topics = ofKind<KafkaTopic>(objects, 'KafkaTopic');
    expect(topics.map((t) => t.spec.topicName ?? t.metadata.name).sort()).toEqual(
      plan.map((t) => t.name).sort(),
    );
    for (const planned of plan) {
      const topic = named<KafkaTopic>(objects, 'KafkaTopic', planned.name);
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe(kafka.metadata.name);
      expect({ name: planned.name, partitions: topic.spec.partitions }).toEqual({
        name: planned.name,
        partitions: planned.partitions,
      });
      expect(topic.spec.config).toMatchObject(planned.configs);
      const extra = Object.keys(topic.spec.config).filter((key) => !(key in planned.configs));
      expect(extra.every((key) => key === 'min.insync.replicas')).toBe(true);
    }
  });

  it('replicates every topic so that one broker can be lost (prod: 3 replicas, min.insync.replicas=2)', () => {
    for (const topic of ofKind<KafkaTopic>(objects, 'KafkaTopic')) {
      expect(topic.spec.replicas).toBeLessThanOrEqual(brokers());
      if (overlay === 'prod') {
        expect({
          topic: topic.metadata.name,
          replicas: topic.spec.replicas,
          minIsr: topic.spec.config['min.insync.replicas'],
        }).toEqual({ topic: topic.metadata.name, replicas: 3, minIsr: '2' });
      }
    }
  });

  it('runs in KRaft mode with node pools; prod has 3 brokers and a quorum of 3 controllers', () => {
    expect(controllers()).toBeGreaterThanOrEqual(1);
    expect(controllers() % 2).toBe(1);
    const config = kafka.spec.kafka.config;
    expect(String(config['auto.create.topics.enable'])).toBe('false');
    if (overlay === 'prod') {
      expect({ brokers: brokers(), controllers: controllers() }).toEqual({ brokers: 3, controllers: 3 });
      expect(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]))).toMatchObject({
        'default.replication.factor': '3',
        'min.insync.replicas': '2',
        'offsets.topic.replication.factor': '3',
        'transaction.state.log.replication.factor': '3',
        'transaction.state.log.min.isr': '2',
      });
    }
  });

  it('authenticates every listener and authorizes with ACLs', () => {
    expect(kafka.spec.kafka.authorization?.type).toBe('simple');
    for (const listener of kafka.spec.kafka.listeners)
      expect(listener.authentication?.type).toBe('scram-sha-512');
  });

  it.each(SERVICE_NAMES)(
    'lets %s write what it produces and its dead letters, and read what its groups consume',
    (service) => {
      const spec = SERVICE_SPECS[service];
      const user = named<KafkaUser>(objects, 'KafkaUser', service);
      expect(user.metadata.labels?.['strimzi.io/cluster']).toBe(kafka.metadata.name);
      const writes = new Set<string>([
        ...spec.produces.map((t) => naming.topic(t)),
        ...spec.consumerGroups.map((g) => naming.deadLetterTopic(g)),
      ]);
      const reads = new Set<string>(
        spec.consumerGroups.flatMap((g) => [
          ...CONSUMER_GROUP_TOPICS[g].map((t) => naming.topic(t)),
          naming.replayTopic(g),
        ]),
      );
      for (const topic of plan) {
        expect({ topic: topic.name, write: allowed(user, 'topic', topic.name, 'Write') }).toEqual({
          topic: topic.name,
          write: writes.has(topic.name),
        });
        expect({ topic: topic.name, read: allowed(user, 'topic', topic.name, 'Read') }).toEqual({
          topic: topic.name,
          read: reads.has(topic.name),
        });
      }
      for (const topic of [...writes, ...reads]) expect(allowed(user, 'topic', topic, 'Describe')).toBe(true);
      const allGroups = Object.keys(CONSUMER_GROUP_TOPICS);
      for (const group of allGroups) {
        const own = (spec.consumerGroups as readonly string[]).includes(group);
        expect({ group, read: allowed(user, 'group', naming.group(group as never), 'Read') }).toEqual({
          group,
          read: own,
        });
      }
    },
  );

  it('lets the dead-letter tool read dead letters and write replays, and touch no entity topic', () => {
    const user = named<KafkaUser>(objects, 'KafkaUser', DEAD_LETTER_TOOL);
    for (const topic of plan) {
      const deadLetter = topic.name.startsWith(DEAD_LETTER_PREFIX);
      const replay = topic.name.startsWith(REPLAY_PREFIX);
      expect({ topic: topic.name, read: allowed(user, 'topic', topic.name, 'Read') }).toEqual({
        topic: topic.name,
        read: deadLetter,
      });
      expect({ topic: topic.name, write: allowed(user, 'topic', topic.name, 'Write') }).toEqual({
        topic: topic.name,
        write: replay,
      });
    }
    // tools/dlq lists under a throwaway group `dlq-tool-<uuid>` and deletes it afterwards.
    expect(allowed(user, 'group', 'dlq-tool-6f1c', 'Read')).toBe(true);
    expect(allowed(user, 'group', 'dlq-tool-6f1c', 'Delete')).toBe(true);
    expect(allowed(user, 'group', 'catalog', 'Read')).toBe(false);
  });
});
