import 'reflect-metadata';
import { createService, LOCAL_DEV_JWT_SECRET, loadAppConfig } from '@app/platform';
import { loadReportsSettings } from '../../../apps/reports/src/common/reports-settings';
import { ReportsModule } from '../../../apps/reports/src/reports.module';
import { announceListening } from '../../lib/bench-server';

/** The reports service as it runs in production (logs only fatal: stdout carries the listening line). */
async function main(): Promise<void> {
  const config = loadAppConfig('reports', {
    NODE_ENV: 'production',
    PORT: '0',
    MONGODB_URI: process.env.BENCH_MONGODB_URI,
    KAFKA_BROKERS: process.env.BENCH_KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: process.env.BENCH_TOPIC_PREFIX,
    AUTH_JWT_SECRET: `${LOCAL_DEV_JWT_SECRET}-bench`,
    LOG_LEVEL: 'fatal',
    DOCS_ENABLED: 'false',
  });
  const settings = loadReportsSettings({ REPORTS_PER_HOUR: '10000' });
  const app = await createService(ReportsModule.register(config, settings), config);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const shutdown = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('disconnect', shutdown);
  announceListening((await app.getUrl()).replace('[::1]', '127.0.0.1'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
