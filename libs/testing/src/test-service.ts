import { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceName } from '@app/contracts';
import { AppConfig, createService, loadAppConfig, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { testDatabaseUri, testInfra } from './infra/test-infra';
import { recordResponses } from './openapi/response-recorder';

export interface TestService {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts one service in-process on a free port, against the real Kafka broker and store of this
 * test run, with the run's topic prefix and its own database.
 */
export async function startTestService(
  service: ServiceName,
  moduleFor: (config: AppConfig) => DynamicModule,
  env: Record<string, string> = {},
): Promise<TestService> {
  const infra = testInfra();
  return startServiceOn(
    { kafkaBrokers: infra.kafkaBrokers, topicPrefix: infra.topicPrefix, mongoUri: testDatabaseUri(service) },
    service,
    moduleFor,
    env,
  );
}

/** Starts one service in-process against the given broker, topic prefix and database. */
export async function startServiceOn(
  infra: { kafkaBrokers: string[]; topicPrefix: string; mongoUri: string },
  service: ServiceName,
  moduleFor: (config: AppConfig) => DynamicModule,
  env: Record<string, string> = {},
): Promise<TestService> {
  const config = loadAppConfig(service, {
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: infra.mongoUri,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: infra.topicPrefix,
    AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createService(moduleFor(config), config);
  recordResponses(app, service);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, config, url: url.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
