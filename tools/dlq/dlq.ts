import { parseArgs } from 'node:util';
import { CONSUMER_GROUP_TOPICS, ConsumerGroup, KafkaNaming } from '@app/contracts';
import type { SASLOptions } from 'kafkajs';
import { DeadLetter, DeadLetters, parseDeadLetterId } from './dead-letters';

const HELP = `Inspect and replay dead letters.

  npm run dlq -- list [--group <group>]
  npm run dlq -- show <id>
  npm run dlq -- replay <id> [<id> ...]
  npm run dlq -- replay --all [--group <group>]

An id is <group>@<partition>:<offset>, as list prints it. Replay re-runs the group's handler on
the stored message (through replay.<group>); it never produces onto the original entity topic.
Uses KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX, and KAFKA_SASL_MECHANISM,
KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SSL where the cluster needs them.`;

const GROUPS = Object.keys(CONSUMER_GROUP_TOPICS) as ConsumerGroup[];

function asGroup(value: string): ConsumerGroup {
  if (!(GROUPS as string[]).includes(value))
    throw new Error(`unknown group "${value}": one of ${GROUPS.join(', ')}`);
  return value as ConsumerGroup;
}

function line(letter: DeadLetter): string {
  const h = letter.headers;
  return [
    letter.id.padEnd(34),
    (h['event-type'] ?? '?').padEnd(22),
    (h['dlq-reason'] ?? '?').padEnd(15),
    (h['dlq-failed-at'] ?? '').padEnd(25),
    (h['dlq-error'] ?? '').slice(0, 100),
  ].join(' ');
}

async function find(tool: DeadLetters, id: string): Promise<DeadLetter> {
  const { group } = parseDeadLetterId(id);
  const letter = (await tool.list(asGroup(group))).find((l) => l.id === id);
  if (!letter) throw new Error(`no dead letter ${id}`);
  return letter;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...ids] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const {
    KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX,
    KAFKA_SASL_MECHANISM,
    KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD,
  } = process.env;
  const tool = new DeadLetters(
    (KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    new KafkaNaming(KAFKA_TOPIC_PREFIX ?? ''),
    {
      ssl: process.env.KAFKA_SSL === 'true',
      ...(KAFKA_SASL_MECHANISM && KAFKA_SASL_USERNAME && KAFKA_SASL_PASSWORD
        ? {
            sasl: {
              mechanism: KAFKA_SASL_MECHANISM,
              username: KAFKA_SASL_USERNAME,
              password: KAFKA_SASL_PASSWORD,
            } as SASLOptions,
          }
        : {}),
    },
  );
  const groups = values.group ? [asGroup(values.group)] : GROUPS;
  const out = (text: string) => process.stdout.write(`${text}\n`);

  switch (command) {
    case 'list': {
      let total = 0;
      for (const group of groups) {
        const letters = await tool.list(group);
        total += letters.length;
        letters.forEach((letter) => out(line(letter)));
      }
      out(`${total} dead letter(s)`);
      return;
    }
    case 'show': {
      if (ids.length !== 1) throw new Error('show takes one id');
      const letter = await find(tool, ids[0]);
      out(JSON.stringify({ ...letter, value: safeJson(letter.value) }, null, 2));
      return;
    }
    case 'replay': {
      const letters = values.all
        ? (await Promise.all(groups.map((group) => tool.list(group)))).flat()
        : await Promise.all(ids.map((id) => find(tool, id)));
      if (letters.length === 0) throw new Error('nothing to replay: give ids or --all');
      await tool.replay(letters);
      letters.forEach((letter) => out(`replayed ${letter.id}`));
      return;
    }
    default:
      throw new Error(`unknown command "${command}"\n\n${HELP}`);
  }
}

function safeJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
