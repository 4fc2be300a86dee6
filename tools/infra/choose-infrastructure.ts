/**
 * Who asks for infrastructure:
 * - `start`: `npm start`, `infra:up`, the bench's shared mode; on a Docker engine, docker compose;
 * - `tests`: the integration tier; on a Docker engine, fresh testcontainers for the run;
 * - `fault-tests`: the fault tier, which stops and restarts its broker and store, so it always runs
 *   instances of its own (testcontainers on an engine, else native) and never the environment's.
 */
export type InfrastructureUse = 'start' | 'tests' | 'fault-tests';

export type InfrastructureSource = 'environment' | 'docker' | 'testcontainers' | 'native';

export type InfrastructureChoice =
  | { readonly source: 'environment'; readonly kafkaBrokers: string[]; readonly mongoUrl: string }
  | { readonly source: 'docker' }
  | { readonly source: 'testcontainers' }
  | { readonly source: 'native' };

export interface ChoiceInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `docker info` exited 0: an engine answers, not merely a client installed. */
  readonly dockerEngineAvailable: boolean;
  /** Defaults to `start`. */
  readonly use?: InfrastructureUse;
}

function parseBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const bad = brokers.find((b) => !/^[^\s:/]+:\d{1,5}$/.test(b));
  if (brokers.length === 0 || bad !== undefined) {
    throw new Error(`KAFKA_BROKERS must be host:port[,host:port...], got "${value}"`);
  }
  return brokers;
}

/**
 * The server part of a MongoDB connection string: scheme, credentials, hosts and options, without
 * the database, so tests and services can each add their own database name.
 * `mongodb://u:p@h1,h2/catalog?replicaSet=rs0` → `mongodb://u:p@h1,h2/?replicaSet=rs0`.
 */
export function mongoServerUrl(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(?:\?(.*))?$/.exec(uri.trim());
  if (!match) throw new Error(`MONGODB_URI must be a mongodb:// connection string, got "${uri}"`);
  const [, server, options] = match;
  return options ? `${server}/?${options}` : server;
}

/** `mongodb://h:1/?replicaSet=rs` + `db` → `mongodb://h:1/db?replicaSet=rs`. */
export function databaseUri(serverUrl: string, database: string): string {
  const [base, query] = serverUrl.split('?', 2);
  const server = base.replace(/\/+$/, '');
  return query ? `${server}/${database}?${query}` : `${server}/${database}`;
}

/** Endpoints given in the environment, when both are; half of them is a mistake worth stopping for. */
function environmentEndpoints(
  env: ChoiceInput['env'],
): Extract<InfrastructureChoice, { source: 'environment' }> | undefined {
  const brokers = env.KAFKA_BROKERS?.trim();
  const mongoUri = env.MONGODB_URI?.trim();
  if (brokers && mongoUri) {
    return { source: 'environment', kafkaBrokers: parseBrokers(brokers), mongoUrl: mongoServerUrl(mongoUri) };
  }
  if (brokers || mongoUri) {
    const [set, unset] = brokers ? ['KAFKA_BROKERS', 'MONGODB_URI'] : ['MONGODB_URI', 'KAFKA_BROKERS'];
    throw new Error(
      `${set} is set but ${unset} is not: set both to use your own infrastructure, or neither to ` +
        'let tools/infra start it',
    );
  }
  return undefined;
}

/**
 * Where tests and `npm start` get Kafka and the store, in docs/architecture.md's order: endpoints from the
 * environment, then a working Docker engine (compose for `start`, testcontainers for the test
 * tiers), then native processes. `INFRA_SOURCE=native|docker` skips the probe for a developer who
 * wants one or the other.
 */
export function chooseInfrastructure(input: ChoiceInput): InfrastructureChoice {
  const { env } = input;
  const use = input.use ?? 'start';
  if (use !== 'fault-tests') {
    const endpoints = environmentEndpoints(env);
    if (endpoints) return endpoints;
  }
  const engine: InfrastructureChoice = use === 'start' ? { source: 'docker' } : { source: 'testcontainers' };
  const forced = env.INFRA_SOURCE?.trim();
  if (forced === 'native') return { source: 'native' };
  if (forced === 'docker') {
    if (!input.dockerEngineAvailable) {
      throw new Error('INFRA_SOURCE=docker but `docker info` fails: no Docker engine answers');
    }
    return engine;
  }
  if (forced) throw new Error(`INFRA_SOURCE must be "native" or "docker", got "${forced}"`);
  return input.dockerEngineAvailable ? engine : { source: 'native' };
}

/** Whether the choice for `use` needs the (slow-ish) `docker info` probe at all. */
export function needsDockerProbe(
  env: Readonly<Record<string, string | undefined>>,
  use: InfrastructureUse = 'start',
): boolean {
  if (env.INFRA_SOURCE?.trim() === 'native') return false;
  const complete = Boolean(env.KAFKA_BROKERS?.trim() && env.MONGODB_URI?.trim());
  return use === 'fault-tests' || !complete;
}
