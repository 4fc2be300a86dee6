import { join } from 'node:path';
import {
  ensureTopics,
  INFRA_DIR,
  instancePaths,
  startNativeKafka,
  startNativeStore,
  stopProcess,
} from '../../../../tools/infra';
import type { InfraContainerIds } from '../../../../tools/infra/testcontainers-infrastructure';
import { newRunId } from '../infra/test-infra';

/**
 * The fault tier's own broker and store: separate processes (or containers), ports and data, so
 * stopping them never disturbs the integration tier or `npm start`.
 */
export const FAULT_DIR = join(INFRA_DIR, 'fault');
export const FAULT_KAFKA = { dir: FAULT_DIR, port: 19092, controllerPort: 19093 } as const;
export const FAULT_STORE = { dir: FAULT_DIR, port: 27117, backend: 'h2' } as const;

/** How the fault tier's global setup tells the spec workers where its broker and store are. */
export const FAULT_ENV = {
  kafkaBrokers: 'TEST_FAULT_KAFKA_BROKERS',
  mongoUrl: 'TEST_FAULT_MONGODB_URL',
  /** JSON `{kafka, store}` of Docker container ids, set only on the testcontainers path. */
  containers: 'TEST_FAULT_CONTAINERS',
} as const;

export interface FaultInfra {
  readonly kafkaBrokers: string[];
  readonly mongoUrl: string;
  /** A fresh topic and group prefix, with every planned topic created under it. */
  newRun(): Promise<{ runId: string; topicPrefix: string }>;
  stopKafka(): Promise<void>;
  startKafka(): Promise<void>;
  stopStore(): Promise<void>;
  startStore(): Promise<void>;
}

export async function startFaultKafka(): Promise<string[]> {
  return (await startNativeKafka(FAULT_KAFKA)).brokers;
}

export async function startFaultStore(): Promise<string> {
  return (await startNativeStore(FAULT_STORE)).url;
}

export async function stopFaultKafka(): Promise<void> {
  await stopProcess(instancePaths(FAULT_DIR, 'kafka').pidFile);
}

export async function stopFaultStore(): Promise<void> {
  await stopProcess(instancePaths(FAULT_DIR, 'store').pidFile);
}

/** The container ids the global setup published, when it took the testcontainers path. */
export function faultContainerIds(): InfraContainerIds | undefined {
  const published = process.env[FAULT_ENV.containers];
  return published ? (JSON.parse(published) as InfraContainerIds) : undefined;
}

type Outages = Pick<FaultInfra, 'stopKafka' | 'startKafka' | 'stopStore' | 'startStore'>;

/** Outages on the testcontainers path: stop a container and start it again, data kept. */
function containerOutages(ids: InfraContainerIds, kafkaBrokers: string[], mongoUrl: string): Outages {
  // Loaded on demand, as in tools/infra: the native path never loads the Docker client.
  const docker = () => import('../../../../tools/infra/testcontainers-infrastructure');
  return {
    stopKafka: async () => (await docker()).stopContainer(ids.kafka),
    startKafka: async () => {
      const { startContainer, waitForContainerKafka } = await docker();
      await startContainer(ids.kafka);
      await waitForContainerKafka(kafkaBrokers);
    },
    stopStore: async () => (await docker()).stopContainer(ids.store),
    startStore: async () => {
      const { startContainer, waitForWritablePrimary } = await docker();
      await startContainer(ids.store);
      await waitForWritablePrimary(mongoUrl);
    },
  };
}

const nativeOutages: Outages = {
  stopKafka: stopFaultKafka,
  startKafka: async () => void (await startFaultKafka()),
  stopStore: stopFaultStore,
  startStore: async () => void (await startFaultStore()),
};

/** For fault specs: the broker and store the fault tier's global setup started. */
export function faultInfra(): FaultInfra {
  const kafkaBrokers = process.env[FAULT_ENV.kafkaBrokers]?.split(',') ?? [`127.0.0.1:${FAULT_KAFKA.port}`];
  const mongoUrl = process.env[FAULT_ENV.mongoUrl] ?? `mongodb://127.0.0.1:${FAULT_STORE.port}`;
  const ids = faultContainerIds();
  return {
    kafkaBrokers,
    mongoUrl,
    async newRun() {
      const runId = newRunId();
      const topicPrefix = `${runId}.`;
      await ensureTopics(kafkaBrokers, topicPrefix);
      return { runId, topicPrefix };
    },
    ...(ids ? containerOutages(ids, kafkaBrokers, mongoUrl) : nativeOutages),
  };
}
