import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import type { ServiceName } from '@app/contracts';
import { AppConfig, createService, LOCAL_DEV_JWT_SECRET, loadAppConfig } from '@app/platform';
import { exitWithError } from './bare-server';
import { announceListening } from './bench-server';

/**
 * Runs one of our services as it runs in production (Nest, auth, validation, consumers) inside a
 * bench server script, on the broker and store the bench passes in BENCH_* variables. Logs only
 * fatal: stdout carries the listening line.
 */
export function serveBenchService(service: ServiceName, module: (config: AppConfig) => DynamicModule): void {
  const main = async () => {
    const config = loadAppConfig(service, {
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: process.env.BENCH_MONGODB_URI,
      KAFKA_BROKERS: process.env.BENCH_KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: process.env.BENCH_TOPIC_PREFIX,
      AUTH_JWT_SECRET: `${LOCAL_DEV_JWT_SECRET}-bench`,
      LOG_LEVEL: 'fatal',
      DOCS_ENABLED: 'false',
    });
    const app = await createService(module(config), config);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const shutdown = () => void app.close().finally(() => process.exit(0));
    process.once('SIGTERM', shutdown);
    process.once('disconnect', shutdown);
    announceListening((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  };
  main().catch(exitWithError);
}
