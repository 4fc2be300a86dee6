import { databaseUri, newRunId, testDatabaseUri, testInfra } from './test-infra';

describe('databaseUri', () => {
  it.each([
    ['mongodb://127.0.0.1:27017', 'mongodb://127.0.0.1:27017/t1_catalog'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/t1_catalog'],
    ['mongodb://h1:1,h2:2/?replicaSet=rs0', 'mongodb://h1:1,h2:2/t1_catalog?replicaSet=rs0'],
  ])('puts the database of %s before its options', (server, expected) => {
    expect(databaseUri(server, 't1_catalog')).toBe(expected);
  });
});

describe('newRunId', () => {
  it('is the time plus four base-36 characters, valid as a topic prefix and database name', () => {
    expect(newRunId(1732800000123, () => 0)).toBe('t1732800000123-0000');
    expect(newRunId(1732800000123, () => 0.999999)).toMatch(/^t1732800000123-[0-9a-z]{4}$/);
  });
});

describe('testInfra and testDatabaseUri', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('read what the global setup published', () => {
    Object.assign(process.env, {
      TEST_KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9094',
      TEST_MONGODB_URL: 'mongodb://127.0.0.1:27017',
      TEST_RUN_ID: 't1-abcd',
      TEST_TOPIC_PREFIX: 't1-abcd.',
    });
    expect(testInfra()).toEqual({
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9094'],
      mongoUrl: 'mongodb://127.0.0.1:27017',
      runId: 't1-abcd',
      topicPrefix: 't1-abcd.',
    });
    expect(testDatabaseUri('offers')).toBe('mongodb://127.0.0.1:27017/t1-abcd_offers');
  });

  it('says how to run integration tests when the setup did not run', () => {
    delete process.env.TEST_KAFKA_BROKERS;
    expect(() => testInfra()).toThrow('TEST_KAFKA_BROKERS is not set');
  });

  it('refuses a name MongoDB would refuse', () => {
    process.env.TEST_MONGODB_URL = 'mongodb://127.0.0.1:27017';
    process.env.TEST_RUN_ID = 't1-abcd';
    expect(() => testDatabaseUri('has.dot')).toThrow('not a usable database name');
  });
});
