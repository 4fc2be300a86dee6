import {
  chooseInfrastructure,
  InfrastructureChoice,
  InfrastructureSource,
  InfrastructureUse,
  needsDockerProbe,
} from './choose-infrastructure';
import { dockerEngineAvailable } from './docker-engine';
import { composeDown, composeUp, DOCKER_ENDPOINTS } from './docker-infrastructure';
import {
  ensureNativeInfrastructure,
  NativeComponent,
  stopNativeInfrastructure,
} from './native-infrastructure';
import { Progress, quiet } from './progress';

/** A container this run started, by Docker id: removed, not merely stopped, when released. */
export type StartedContainer = `container:${string}`;

/** What a caller started, so its teardown stops exactly that. */
export type StartedComponent = NativeComponent | 'docker-compose' | StartedContainer;

/**
 * The choice for `use` on this machine now. The Docker engine is probed here and nowhere else,
 * and only when the choice depends on it.
 */
export function currentInfrastructureChoice(
  use: InfrastructureUse,
  env: NodeJS.ProcessEnv = process.env,
): InfrastructureChoice {
  return chooseInfrastructure({
    env,
    use,
    dockerEngineAvailable: needsDockerProbe(env, use) && dockerEngineAvailable(),
  });
}

export interface ResolvedInfrastructure {
  readonly source: InfrastructureSource;
  readonly kafkaBrokers: string[];
  /** Server URL without a database, e.g. `mongodb://127.0.0.1:27017`. */
  readonly mongoUrl: string;
  /** True when this call started at least one component. */
  readonly startedHere: boolean;
  readonly started: StartedComponent[];
}

/**
 * Makes sure Kafka and a MongoDB-wire store are reachable, for `npm start` (`use: 'start'`, the
 * default) and the integration tier's global setup (`use: 'tests'`): endpoints from the
 * environment (nothing started), else on a Docker engine compose (start) or testcontainers
 * (tests), else native processes under `.infra/`. Topics are not created here: see `ensureTopics`.
 */
export async function resolveInfrastructure(
  options: { env?: NodeJS.ProcessEnv; onProgress?: Progress; use?: 'start' | 'tests' } = {},
): Promise<ResolvedInfrastructure> {
  const onProgress = options.onProgress ?? quiet;
  const choice = currentInfrastructureChoice(options.use ?? 'start', options.env ?? process.env);
  switch (choice.source) {
    case 'environment':
      return { ...choice, startedHere: false, started: [] };
    case 'docker': {
      onProgress('starting Kafka and MongoDB with docker compose (profile infra)');
      const { startedHere } = composeUp();
      return {
        source: 'docker',
        kafkaBrokers: [...DOCKER_ENDPOINTS.kafkaBrokers],
        mongoUrl: DOCKER_ENDPOINTS.mongoUrl,
        startedHere,
        started: startedHere ? ['docker-compose'] : [],
      };
    }
    case 'testcontainers': {
      // Loaded on demand: the native path never pays for testcontainers and its Docker client.
      const { startInfraContainers } = await import('./testcontainers-infrastructure');
      const containers = await startInfraContainers({ onProgress });
      return {
        source: 'testcontainers',
        kafkaBrokers: containers.kafkaBrokers,
        mongoUrl: containers.mongoUrl,
        startedHere: true,
        started: [`container:${containers.containerIds.kafka}`, `container:${containers.containerIds.store}`],
      };
    }
    case 'native': {
      const native = await ensureNativeInfrastructure({ onProgress });
      return {
        source: 'native',
        kafkaBrokers: native.kafkaBrokers,
        mongoUrl: native.mongoUrl,
        startedHere: native.started.length > 0,
        started: native.started,
      };
    }
  }
}

/** Stops what `resolveInfrastructure` reported as started by it, and nothing else. */
export async function releaseInfrastructure(started: readonly StartedComponent[]): Promise<void> {
  if (started.includes('docker-compose')) composeDown();
  const containers = started.filter((c): c is StartedContainer => c.startsWith('container:'));
  if (containers.length > 0) {
    const { removeContainers } = await import('./testcontainers-infrastructure');
    await removeContainers(containers.map((c) => c.slice('container:'.length)));
  }
  const native = started.filter((c): c is NativeComponent => c === 'kafka' || c === 'store');
  if (native.length > 0) await stopNativeInfrastructure({ components: native });
}
