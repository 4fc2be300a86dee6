import { ConsumerGroup } from './consumer-groups';
import { DEAD_LETTER_PREFIX, REPLAY_PREFIX, Topic, TOPIC_SPECS, TopicSpec } from './topics';

/**
 * Run isolation: an optional prefix (e.g. `t1732800000-`) put in front of every topic and group id
 * so parallel test runs, or two environments on one cluster, never read each other's messages.
 * The empty prefix is production naming.
 */
export class KafkaNaming {
  constructor(readonly prefix = '') {
    if (!/^[a-zA-Z0-9._-]*$/.test(prefix)) {
      throw new Error(`topic prefix "${prefix}" may contain only letters, digits, ".", "_" and "-"`);
    }
  }

  topic(topic: Topic): string {
    return `${this.prefix}${topic}`;
  }

  group(group: ConsumerGroup): string {
    return `${this.prefix}${group}`;
  }

  deadLetterTopic(group: ConsumerGroup): string {
    return `${this.prefix}${DEAD_LETTER_PREFIX}${group}`;
  }

  replayTopic(group: ConsumerGroup): string {
    return `${this.prefix}${REPLAY_PREFIX}${group}`;
  }

  /** The topic as the code knows it, for a name read off the wire; undefined for foreign topics. */
  logicalTopic(physical: string): Topic | undefined {
    if (!physical.startsWith(this.prefix)) return undefined;
    const name = physical.slice(this.prefix.length);
    return TOPIC_SPECS.find((t: TopicSpec) => t.name === name)?.name;
  }
}
