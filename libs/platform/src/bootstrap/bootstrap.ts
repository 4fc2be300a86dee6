import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Connection } from 'mongoose';
import { SERVICE_SPECS, ServiceName } from '@app/contracts';
import { AppConfig, ConfigError, loadAppConfigFromEnvironment } from '../config/app-config';
import { loadSettingsFromEnvironment, SettingsDefinition } from '../config/service-settings';
import { consumersHealth, databaseHealth, kafkaHealth, outboxHealth } from '../health/contributors';
import { OutboxRelay } from '../outbox/outbox-relay';
import { HealthRegistry } from '../health/health.registry';
import { KafkaConnection } from '../messaging/kafka-connection';
import { traceRequests } from '../logging/request-tracing';
import { KafkaEventTransport } from '../messaging/kafka-event.transport';
import { MetricsService } from '../metrics/metrics.service';
import { answerClientError, answerFrameworkError } from '../errors/fastify-errors';
import { setupDocs } from './docs';
import { instrumentHttp } from './http-metrics';
import { secureResponses } from './response-headers';

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Runs `load` or stops the process with a message naming each bad variable. */
function exitOnConfigError<T>(service: ServiceName, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, msg: error.message, problems: error.problems })}\n`,
    );
    process.exit(1);
  }
}

/** Reads the environment or stops the process with a message naming each bad variable. */
export function loadConfigOrExit(service: ServiceName): AppConfig {
  return exitOnConfigError(service, () => loadAppConfigFromEnvironment(service));
}

/** Reads a service's own settings (`defineSettings`) the same way as its config. */
export function loadSettingsOrExit<T extends object>(
  service: ServiceName,
  definition: SettingsDefinition<T>,
): T {
  return exitOnConfigError(service, () => loadSettingsFromEnvironment(definition));
}

/**
 * Creates and starts one service: Fastify HTTP, the Kafka event transport for the service's
 * consumer groups, health, metrics and docs, with graceful shutdown on SIGTERM/SIGINT.
 */
export async function createService(
  module: DynamicModule,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  // Without @fastify/middie: what Express-style middleware did here (correlation ids, request
  // logs) is done by Fastify hooks, and middie's own per-request hook is pure cost. A Nest
  // middleware added later fails the start (the adapter has no `use`): write a Fastify hook.
  // A URL the router cannot decode and a request Node's parser refuses never reach Nest's
  // filter: Fastify's own seams answer them in the same error shape.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    skipMiddie: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  // The hooks must be in place before `listen` registers the routes.
  const fastify = app.getHttpAdapter().getInstance();
  traceRequests(fastify, PinoLogger.root);
  secureResponses(fastify);
  const metrics = app.get(MetricsService);
  metrics.setServiceLabel(config.service);
  instrumentHttp(fastify, metrics);

  const kafka = app.get(KafkaConnection);
  const groups = SERVICE_SPECS[config.service].consumerGroups;
  const transport = new KafkaEventTransport(kafka, metrics, { groups });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });

  const health = app.get(HealthRegistry);
  health.register(databaseHealth(app.get<Connection>(getConnectionToken())));
  health.register(kafkaHealth(kafka));
  health.register(consumersHealth(transport, kafka, groups));
  health.register(outboxHealth(app.get(OutboxRelay)));

  setupDocs(app, config);
  return app;
}

export async function startService(
  module: DynamicModule,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const app = await createService(module, config);
  const health = app.get(HealthRegistry);
  const logger = app.get(Logger);
  await app.startAllMicroservices();
  await app.listen(config.http.port, config.http.host);
  logger.log({ url: await app.getUrl() }, `${config.service} listening`);

  // On SIGTERM readiness turns 503 first, so load balancers stop sending traffic; then Nest closes
  // the HTTP server (in-flight requests finish), the consumers, Kafka and MongoDB.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      health.markShuttingDown();
      logger.log({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), config.shutdownGraceMs);
      force.unref();
      void app.close().then(() => process.exit(0));
    });
  }
  return app;
}

/** The whole of a service's main.ts: config, start, and a clear fatal log if the start fails. */
export function runService(service: ServiceName, moduleFor: (config: AppConfig) => DynamicModule): void {
  const config = loadConfigOrExit(service);
  startService(moduleFor(config), config).catch((error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, msg: 'start failed', error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exit(1);
  });
}
