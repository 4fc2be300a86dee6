import { databaseUri } from '../../../../tools/infra/choose-infrastructure';

export { databaseUri };
/**
 * The infrastructure of the current integration test run, as the jest global setup
 * (global-setup.ts) published it in environment variables that every worker inherits.
 */
export interface TestInfra {
  readonly kafkaBrokers: string[];
  /** Server URL without a database. */
  readonly mongoUrl: string;
  /** Unique per `jest` run: isolates databases, topics and consumer groups of parallel runs. */
  readonly runId: string;
  /** Topic and consumer-group prefix of this run, e.g. `t1732800000123-k3j9.` */
  readonly topicPrefix: string;
}

export const TEST_ENV = {
  kafkaBrokers: 'TEST_KAFKA_BROKERS',
  mongoUrl: 'TEST_MONGODB_URL',
  runId: 'TEST_RUN_ID',
  topicPrefix: 'TEST_TOPIC_PREFIX',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: integration tests get their infrastructure from the jest global setup ` +
        '(libs/testing/src/infra/global-setup.ts); run them with `npm run test:int` or ' +
        '`npx jest --selectProjects integration`',
    );
  }
  return value;
}

export function testInfra(): TestInfra {
  return {
    kafkaBrokers: required(TEST_ENV.kafkaBrokers).split(','),
    mongoUrl: required(TEST_ENV.mongoUrl),
    runId: required(TEST_ENV.runId),
    topicPrefix: required(TEST_ENV.topicPrefix),
  };
}

/** A run id: time-ordered, short, and valid in database names, topic names and group ids. */
export function newRunId(now = Date.now(), random = Math.random): string {
  return `t${now}-${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** MongoDB refuses database names over 63 bytes and with `/\. "$`. */
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;

/** The database name of `name` in this run: `<runId>_<name>`. */
export function testDatabaseName(name: string): string {
  const database = `${required(TEST_ENV.runId)}_${name}`;
  if (!DATABASE_NAME.test(database)) {
    throw new Error(
      `"${database}" is not a usable database name: use letters, digits, "_" and "-", 63 at most`,
    );
  }
  return database;
}

/** A connection string for a database of its own in this run, e.g. for a service or a test file. */
export function testDatabaseUri(name: string): string {
  return databaseUri(required(TEST_ENV.mongoUrl), testDatabaseName(name));
}
