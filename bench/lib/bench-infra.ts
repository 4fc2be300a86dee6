import { join } from 'node:path';
import {
  INFRA_DIR,
  instancePaths,
  releaseInfrastructure,
  resolveInfrastructure,
  startNativeKafka,
  startNativeStore,
  stopProcess,
} from '../../tools/infra';
import type { BenchInfra } from './context';

/**
 * The bench's own broker and store: separate processes, ports and data (like the fault tier's), so
 * other work on this machine neither stops them mid-run nor loads them with its traffic.
 */
const BENCH_SLOT = benchSlot(process.env.BENCH_INFRA_SLOT);
export const BENCH_INFRA_DIR = join(INFRA_DIR, BENCH_SLOT === 0 ? 'bench' : `bench-${BENCH_SLOT}`);
export const BENCH_KAFKA = {
  dir: BENCH_INFRA_DIR,
  port: 29092 + 10 * BENCH_SLOT,
  controllerPort: 29093 + 10 * BENCH_SLOT,
} as const;
export const BENCH_STORE = { dir: BENCH_INFRA_DIR, port: 27217 + 10 * BENCH_SLOT, backend: 'h2' } as const;

/**
 * BENCH_INFRA_SLOT=n (0–9) gives a bench its own broker, store, ports and data directory, so two
 * benches on one machine do not share (or stop) each other's instances. Default 0.
 */
export function benchSlot(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const slot = Number(raw);
  if (!Number.isInteger(slot) || slot < 0 || slot > 9) {
    throw new Error(`BENCH_INFRA_SLOT must be an integer from 0 to 9, got "${raw}"`);
  }
  return slot;
}

export type InfraMode = 'own' | 'shared';

export interface AcquiredInfra extends BenchInfra {
  readonly source: string;
  release(): Promise<void>;
}

/**
 * Where the bench runs: KAFKA_BROKERS + MONGODB_URI when both are set; else the shared development
 * infrastructure (`shared`, via `resolveInfrastructure`); else (`own`, the default) the bench's own
 * instances, stopped at the end if this call started them.
 */
export async function acquireBenchInfra(
  mode: InfraMode,
  log: (message: string) => void,
): Promise<AcquiredInfra> {
  if (mode === 'shared' || (process.env.KAFKA_BROKERS && process.env.MONGODB_URI)) {
    const resolved = await resolveInfrastructure({ onProgress: log });
    return {
      source: resolved.source,
      kafkaBrokers: resolved.kafkaBrokers,
      mongoUrl: resolved.mongoUrl,
      release: () => releaseInfrastructure(resolved.started),
    };
  }
  const [kafka, store] = await Promise.all([
    startNativeKafka({ ...BENCH_KAFKA, onProgress: log }),
    startNativeStore({ ...BENCH_STORE, onProgress: log }),
  ]);
  return {
    source: `bench's own native instances (${BENCH_INFRA_DIR})`,
    kafkaBrokers: kafka.brokers,
    mongoUrl: store.url,
    release: async () => {
      if (store.startedHere) await stopProcess(instancePaths(BENCH_INFRA_DIR, 'store').pidFile);
      if (kafka.startedHere) await stopProcess(instancePaths(BENCH_INFRA_DIR, 'kafka').pidFile);
    },
  };
}
