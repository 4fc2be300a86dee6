import { chooseInfrastructure, mongoServerUrl, needsDockerProbe } from './choose-infrastructure';

describe('chooseInfrastructure', () => {
  const endpoints = {
    KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
    MONGODB_URI: 'mongodb://db:27017/catalog',
  };

  it('uses endpoints from the environment when both are set, even with a Docker engine', () => {
    expect(chooseInfrastructure({ env: endpoints, dockerEngineAvailable: true })).toEqual({
      source: 'environment',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      mongoUrl: 'mongodb://db:27017',
    });
  });

  it('refuses half an environment instead of silently starting the other half', () => {
    expect(() =>
      chooseInfrastructure({ env: { KAFKA_BROKERS: 'k:9092' }, dockerEngineAvailable: false }),
    ).toThrow('KAFKA_BROKERS is set but MONGODB_URI is not');
    expect(() =>
      chooseInfrastructure({ env: { MONGODB_URI: 'mongodb://db' }, dockerEngineAvailable: true }),
    ).toThrow('MONGODB_URI is set but KAFKA_BROKERS is not');
  });

  it('rejects a malformed broker list', () => {
    expect(() =>
      chooseInfrastructure({
        env: { ...endpoints, KAFKA_BROKERS: 'kafka-1' },
        dockerEngineAvailable: false,
      }),
    ).toThrow('KAFKA_BROKERS must be host:port');
  });

  it('treats blank variables as unset', () => {
    expect(
      chooseInfrastructure({ env: { KAFKA_BROKERS: ' ', MONGODB_URI: '' }, dockerEngineAvailable: false }),
    ).toEqual({ source: 'native' });
  });

  it('uses Docker when an engine answers and no endpoints are given', () => {
    expect(chooseInfrastructure({ env: {}, dockerEngineAvailable: true })).toEqual({ source: 'docker' });
  });

  it('falls back to native services without a Docker engine', () => {
    expect(chooseInfrastructure({ env: {}, dockerEngineAvailable: false })).toEqual({ source: 'native' });
  });

  it('lets INFRA_SOURCE force native over an available engine', () => {
    expect(chooseInfrastructure({ env: { INFRA_SOURCE: 'native' }, dockerEngineAvailable: true })).toEqual({
      source: 'native',
    });
  });

  it('fails when INFRA_SOURCE asks for Docker and no engine answers', () => {
    expect(() =>
      chooseInfrastructure({ env: { INFRA_SOURCE: 'docker' }, dockerEngineAvailable: false }),
    ).toThrow('no Docker engine');
  });

  it('rejects an unknown INFRA_SOURCE', () => {
    expect(() =>
      chooseInfrastructure({ env: { INFRA_SOURCE: 'k8s' }, dockerEngineAvailable: false }),
    ).toThrow('INFRA_SOURCE must be');
  });
});

describe('chooseInfrastructure per use', () => {
  const endpoints = { KAFKA_BROKERS: 'k:9092', MONGODB_URI: 'mongodb://db:27017/x' };
  const uses = ['start', 'tests', 'fault-tests'] as const;
  const choose = (use: (typeof uses)[number], env: Record<string, string>, engine: boolean) =>
    chooseInfrastructure({ use, env, dockerEngineAvailable: engine }).source;

  it.each([
    // use, environment endpoints, engine answers → source
    ['start', false, true, 'docker'],
    ['start', false, false, 'native'],
    ['start', true, true, 'environment'],
    ['tests', false, true, 'testcontainers'],
    ['tests', false, false, 'native'],
    ['tests', true, true, 'environment'],
    ['tests', true, false, 'environment'],
    ['fault-tests', false, true, 'testcontainers'],
    ['fault-tests', false, false, 'native'],
    ['fault-tests', true, true, 'testcontainers'],
    ['fault-tests', true, false, 'native'],
  ] as const)('%s with endpoints=%s and engine=%s → %s', (use, withEndpoints, engine, source) => {
    expect(choose(use, withEndpoints ? endpoints : {}, engine)).toBe(source);
  });

  it('defaults to the start choice, which keeps docker compose', () => {
    expect(chooseInfrastructure({ env: {}, dockerEngineAvailable: true })).toEqual({ source: 'docker' });
  });

  it.each(uses)('lets INFRA_SOURCE=native win over an engine for %s', (use) => {
    expect(choose(use, { INFRA_SOURCE: 'native' }, true)).toBe('native');
  });

  it('makes INFRA_SOURCE=docker mean testcontainers for the test tiers, compose for start', () => {
    expect(choose('start', { INFRA_SOURCE: 'docker' }, true)).toBe('docker');
    expect(choose('tests', { INFRA_SOURCE: 'docker' }, true)).toBe('testcontainers');
    expect(choose('fault-tests', { INFRA_SOURCE: 'docker' }, true)).toBe('testcontainers');
    expect(() => choose('tests', { INFRA_SOURCE: 'docker' }, false)).toThrow('no Docker engine');
  });

  it('ignores half an environment for the fault tier, which never uses it', () => {
    expect(choose('fault-tests', { KAFKA_BROKERS: 'k:9092' }, false)).toBe('native');
    expect(() => choose('tests', { KAFKA_BROKERS: 'k:9092' }, false)).toThrow('MONGODB_URI is not');
  });
});

describe('needsDockerProbe', () => {
  it('skips the probe when endpoints are complete or native is forced', () => {
    expect(needsDockerProbe({ KAFKA_BROKERS: 'k:1', MONGODB_URI: 'mongodb://m' })).toBe(false);
    expect(needsDockerProbe({ KAFKA_BROKERS: 'k:1', MONGODB_URI: 'mongodb://m' }, 'tests')).toBe(false);
    expect(needsDockerProbe({ INFRA_SOURCE: 'native' })).toBe(false);
    expect(needsDockerProbe({ INFRA_SOURCE: 'native' }, 'fault-tests')).toBe(false);
    expect(needsDockerProbe({})).toBe(true);
  });

  it('probes for the fault tier even with endpoints, which it does not use', () => {
    expect(needsDockerProbe({ KAFKA_BROKERS: 'k:1', MONGODB_URI: 'mongodb://m' }, 'fault-tests')).toBe(true);
  });
});

describe('mongoServerUrl', () => {
  it.each([
    ['mongodb://127.0.0.1:27017', 'mongodb://127.0.0.1:27017'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017'],
    ['mongodb://127.0.0.1:27017/catalog', 'mongodb://127.0.0.1:27017'],
    ['mongodb://u:p@h1:1,h2:2/offers?replicaSet=rs0', 'mongodb://u:p@h1:1,h2:2/?replicaSet=rs0'],
    [
      'mongodb+srv://u:p@cluster.example/reviews?retryWrites=true',
      'mongodb+srv://u:p@cluster.example/?retryWrites=true',
    ],
  ])('%s → %s', (uri, expected) => {
    expect(mongoServerUrl(uri)).toBe(expected);
  });

  it('rejects what is not a MongoDB connection string', () => {
    expect(() => mongoServerUrl('postgres://db')).toThrow('mongodb://');
  });
});
