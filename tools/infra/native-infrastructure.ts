import { INFRA_DIR, instancePaths } from './infra-paths';
import { installKafka, kafkaAnswers, startNativeKafka } from './kafka/kafka-launcher';
import { runningProcess, stopProcess, StopResult } from './process-control';
import { Progress, quiet } from './progress';
import { installStore, startNativeStore, StoreBackend, storeAnswers } from './store/store-launcher';

export type NativeComponent = 'kafka' | 'store';

export const NATIVE_DEFAULTS = {
  kafkaPort: 9092,
  kafkaControllerPort: 9093,
  storePort: 27017,
} as const;

export interface NativeInfrastructure {
  readonly kafkaBrokers: string[];
  readonly mongoUrl: string;
  /** The components this call started (not those it found running). */
  readonly started: NativeComponent[];
}

/**
 * Kafka and the store as native processes on their default ports, installed and started as
 * needed. Installs run one after the other (two Maven runs would share ~/.m2 unsafely); the
 * two processes then start side by side.
 */
export async function ensureNativeInfrastructure(
  options: { dir?: string; storeBackend?: StoreBackend; onProgress?: Progress } = {},
): Promise<NativeInfrastructure> {
  const dir = options.dir ?? INFRA_DIR;
  const onProgress = options.onProgress ?? quiet;
  await installKafka({ onProgress });
  await installStore({ onProgress });
  const [kafka, store] = await Promise.all([
    startNativeKafka({
      dir,
      port: NATIVE_DEFAULTS.kafkaPort,
      controllerPort: NATIVE_DEFAULTS.kafkaControllerPort,
      onProgress,
    }),
    startNativeStore({
      dir,
      port: NATIVE_DEFAULTS.storePort,
      backend: options.storeBackend ?? 'h2',
      onProgress,
    }),
  ]);
  const started: NativeComponent[] = [];
  if (kafka.startedHere) started.push('kafka');
  if (store.startedHere) started.push('store');
  return { kafkaBrokers: kafka.brokers, mongoUrl: store.url, started };
}

/** Stops native components by their pid files; the store goes first so it never outlives a test. */
export async function stopNativeInfrastructure(
  options: { dir?: string; components?: NativeComponent[] } = {},
): Promise<Record<NativeComponent, StopResult | 'skipped'>> {
  const dir = options.dir ?? INFRA_DIR;
  const components = options.components ?? ['kafka', 'store'];
  const results: Record<NativeComponent, StopResult | 'skipped'> = { kafka: 'skipped', store: 'skipped' };
  const stops = components.map(async (component) => {
    results[component] = await stopProcess(instancePaths(dir, component).pidFile);
  });
  await Promise.all(stops);
  return results;
}

export interface ComponentStatus {
  readonly component: NativeComponent;
  readonly state: 'running' | 'unhealthy' | 'stopped';
  readonly pid?: number;
  readonly endpoint: string;
  readonly logFile: string;
}

export async function nativeInfrastructureStatus(options: { dir?: string } = {}): Promise<ComponentStatus[]> {
  const dir = options.dir ?? INFRA_DIR;
  const defaults: Record<NativeComponent, string> = {
    kafka: `127.0.0.1:${NATIVE_DEFAULTS.kafkaPort}`,
    store: `mongodb://127.0.0.1:${NATIVE_DEFAULTS.storePort}`,
  };
  const probe: Record<NativeComponent, (endpoint: string) => Promise<boolean>> = {
    kafka: (endpoint) => kafkaAnswers(endpoint.split(',')),
    store: (endpoint) => storeAnswers(endpoint),
  };
  return Promise.all(
    (['kafka', 'store'] as const).map(async (component): Promise<ComponentStatus> => {
      const paths = instancePaths(dir, component);
      const record = runningProcess(paths.pidFile);
      const endpoint = record?.endpoint || defaults[component];
      if (!record) return { component, state: 'stopped', endpoint, logFile: paths.logFile };
      const healthy = await probe[component](endpoint);
      return {
        component,
        state: healthy ? 'running' : 'unhealthy',
        pid: record.pid,
        endpoint,
        logFile: paths.logFile,
      };
    }),
  );
}
