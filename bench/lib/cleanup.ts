import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';
import { deleteTopicsWithPrefix } from '../../tools/infra';

/** Drops a run's databases, and deletes its topics and consumer groups (all carry its prefix). */
export async function cleanUpRun(input: {
  mongoUrl: string;
  databases: readonly string[];
  kafkaBrokers: string[];
  topicPrefix: string;
}): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (input.databases.length > 0) {
    await attempt('dropping databases', async () => {
      const client = await new mongo.MongoClient(input.mongoUrl).connect();
      try {
        for (const name of input.databases) await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    });
  }
  await attempt('deleting consumer groups', async () => {
    const admin = new Kafka({
      clientId: 'bench-cleanup',
      brokers: input.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(input.topicPrefix));
      if (ours.length > 0) await admin.deleteGroups(ours);
    } finally {
      await admin.disconnect();
    }
  });
  await attempt('deleting topics', () => deleteTopicsWithPrefix(input.kafkaBrokers, input.topicPrefix));
  return problems;
}
