import { MongoClient } from 'mongodb';
import { deleteTopicsWithPrefix, releaseInfrastructure } from '../../../../tools/infra';
import { recalledRun, TestRunState } from './test-run-state';

/** Removes the run's databases so a long-lived store (H2 on disk) does not grow run after run. */
async function dropRunDatabases(state: TestRunState): Promise<void> {
  const client = new MongoClient(state.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const ours = databases.map((d) => d.name).filter((name) => name.startsWith(`${state.runId}_`));
    for (const name of ours) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

/**
 * Jest global teardown of the integration tier: deletes this run's topics and databases (unless
 * TEST_KEEP_DATA=1, for a post-mortem), then stops what the setup started (unless INFRA_KEEP=1;
 * containers are removed, and testcontainers' Ryuk removes them anyway once jest exits).
 * A failed cleanup is reported but does not fail the run: the tests have already decided it.
 */
export default async function globalTeardown(): Promise<void> {
  const state = recalledRun();
  if (!state) return;
  if (process.env.TEST_KEEP_DATA !== '1') {
    const cleanups = await Promise.allSettled([
      deleteTopicsWithPrefix(state.kafkaBrokers, state.topicPrefix),
      dropRunDatabases(state),
    ]);
    for (const c of cleanups) {
      if (c.status === 'rejected') process.stderr.write(`[infra] cleanup failed: ${String(c.reason)}\n`);
    }
  }
  if (process.env.INFRA_KEEP === '1' || state.started.length === 0) return;
  await releaseInfrastructure(state.started);
}
