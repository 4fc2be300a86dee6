import { chooseInfrastructure, InfrastructureSource, needsDockerProbe } from './choose-infrastructure';
import { composeDown, composeUp, DOCKER_ENDPOINTS, dockerEngineAvailable } from './docker-infrastructure';
import {
  ensureNativeInfrastructure,
  NativeComponent,
  stopNativeInfrastructure,
} from './native-infrastructure';
import { Progress, quiet } from './progress';

/** What a caller started, so its teardown stops exactly that. */
export type StartedComponent = NativeComponent | 'docker-compose';

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
 * Makes sure Kafka and a MongoDB-wire store are reachable, for `npm start` and the jest global
 * setup: endpoints from the environment (nothing started), else Docker compose, else native
 * processes under `.infra/`. Topics are not created here: see `ensureTopics`.
 */
export async function resolveInfrastructure(
  options: { env?: NodeJS.ProcessEnv; onProgress?: Progress } = {},
): Promise<ResolvedInfrastructure> {
  const env = options.env ?? process.env;
  const onProgress = options.onProgress ?? quiet;
  const choice = chooseInfrastructure({
    env,
    dockerEngineAvailable: needsDockerProbe(env) && dockerEngineAvailable(),
  });
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
  const native = started.filter((c): c is NativeComponent => c !== 'docker-compose');
  if (native.length > 0) await stopNativeInfrastructure({ components: native });
}
