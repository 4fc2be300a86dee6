import { join } from 'node:path';
import {
  ensureTopics,
  INFRA_DIR,
  instancePaths,
  startNativeKafka,
  startNativeStore,
  stopProcess,
} from '../../../../tools/infra';
import { newRunId } from '../infra/test-infra';

/**
 * The fault tier's own broker and store: separate processes, ports and data, so stopping them
 * never disturbs the integration tier or `npm start`.
 */
export const FAULT_DIR = join(INFRA_DIR, 'fault');
export const FAULT_KAFKA = { dir: FAULT_DIR, port: 19092, controllerPort: 19093 } as const;
export const FAULT_STORE = { dir: FAULT_DIR, port: 27117, backend: 'h2' } as const;

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

/** For fault specs: the broker and store the fault tier's global setup started. */
export function faultInfra(): FaultInfra {
  const kafkaBrokers = [`127.0.0.1:${FAULT_KAFKA.port}`];
  const mongoUrl = `mongodb://127.0.0.1:${FAULT_STORE.port}`;
  return {
    kafkaBrokers,
    mongoUrl,
    async newRun() {
      const runId = newRunId();
      const topicPrefix = `${runId}.`;
      await ensureTopics(kafkaBrokers, topicPrefix);
      return { runId, topicPrefix };
    },
    stopKafka: stopFaultKafka,
    startKafka: async () => void (await startFaultKafka()),
    stopStore: stopFaultStore,
    startStore: async () => void (await startFaultStore()),
  };
}
