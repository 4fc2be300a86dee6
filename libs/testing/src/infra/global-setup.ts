import { ensureTopics, resolveInfrastructure } from '../../../../tools/infra';
import { rememberRun } from './test-run-state';
import { newRunId, TEST_ENV } from './test-infra';

/**
 * Jest global setup of the integration tier: makes sure Kafka and the store are up (environment
 * endpoints; on a Docker engine, fresh testcontainers for this run; else native processes:
 * tools/infra), creates this run's topics under a run prefix, and publishes the endpoints to the
 * workers through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const progress = (message: string): void => {
    process.stderr.write(`[infra] ${message}\n`);
  };
  const infra = await resolveInfrastructure({ use: 'tests', onProgress: progress });
  const runId = newRunId();
  const topicPrefix = `${runId}.`;
  await ensureTopics(infra.kafkaBrokers, topicPrefix);

  process.env[TEST_ENV.kafkaBrokers] = infra.kafkaBrokers.join(',');
  process.env[TEST_ENV.mongoUrl] = infra.mongoUrl;
  process.env[TEST_ENV.runId] = runId;
  process.env[TEST_ENV.topicPrefix] = topicPrefix;
  rememberRun({
    runId,
    topicPrefix,
    kafkaBrokers: infra.kafkaBrokers,
    mongoUrl: infra.mongoUrl,
    started: infra.started,
  });
}
