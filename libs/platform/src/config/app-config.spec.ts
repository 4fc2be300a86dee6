import { LOCAL_DEV_JWT_SECRET } from '../auth/local-dev-secret';
import { ConfigError, loadAppConfig } from './app-config';

const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/offers',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.2:9092',
  AUTH_JWT_SECRET: 'a'.repeat(40),
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadAppConfig('offers', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('service configuration', () => {
  it('applies the service defaults: its port, loopback host, USD', () => {
    const config = loadAppConfig('offers', valid);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3002 });
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092', '127.0.0.2:9092']);
    expect(config.currency).toBe('USD');
  });

  it('names a missing MONGODB_URI and says what it is for', () => {
    expect(problemsOf({ ...valid, MONGODB_URI: undefined })).toEqual([
      expect.stringMatching(/^MONGODB_URI is required \(this service's own MongoDB database/),
    ]);
  });

  it('refuses a MongoDB URI without a database and a broker without a port', () => {
    const problems = problemsOf({
      ...valid,
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: 'kafka',
    });
    expect(problems).toEqual([
      expect.stringContaining('MONGODB_URI must be a mongodb:// URI that names a database'),
      expect.stringContaining('KAFKA_BROKERS.0 must be host:port'),
    ]);
  });

  it('needs a token key: a shared secret or a JWKS URL', () => {
    expect(problemsOf({ ...valid, AUTH_JWT_SECRET: undefined })).toEqual([
      expect.stringContaining('AUTH_JWT_SECRET is required unless AUTH_JWKS_URL is set'),
    ]);
    expect(
      loadAppConfig('offers', {
        ...valid,
        AUTH_JWT_SECRET: undefined,
        AUTH_JWKS_URL: 'https://id.example/jwks',
      }).auth.jwksUrl,
    ).toBe('https://id.example/jwks');
  });

  it('refuses the public development secret in production', () => {
    expect(problemsOf({ ...valid, NODE_ENV: 'production', AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET })).toEqual([
      expect.stringContaining('public development secret'),
    ]);
  });

  it('refuses a currency that is not an ISO code and a non-numeric port', () => {
    expect(problemsOf({ ...valid, CURRENCY: 'dollars', PORT: 'eighty' })).toHaveLength(2);
  });

  it('opens docs and health details unless told otherwise, and reads a switch strictly', () => {
    expect(loadAppConfig('offers', valid)).toMatchObject({ docsEnabled: true, healthDetailsEnabled: true });
    expect(
      loadAppConfig('offers', { ...valid, DOCS_ENABLED: 'false', HEALTH_DETAILS_ENABLED: '0' }),
    ).toMatchObject({ docsEnabled: false, healthDetailsEnabled: false });
    expect(problemsOf({ ...valid, HEALTH_DETAILS_ENABLED: 'no' })).toEqual([
      expect.stringMatching(/^HEALTH_DETAILS_ENABLED /),
    ]);
  });
});
