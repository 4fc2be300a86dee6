export type InfrastructureSource = 'environment' | 'docker' | 'native';

export type InfrastructureChoice =
  | { readonly source: 'environment'; readonly kafkaBrokers: string[]; readonly mongoUrl: string }
  | { readonly source: 'docker' }
  | { readonly source: 'native' };

export interface ChoiceInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `docker info` exited 0: an engine answers, not merely a client installed. */
  readonly dockerEngineAvailable: boolean;
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

/**
 * Where tests and `npm start` get Kafka and the store, in docs/architecture.md's order: endpoints from the
 * environment, then a working Docker engine, then native processes. `INFRA_SOURCE=native|docker`
 * skips the probe for a developer who wants one or the other.
 */
export function chooseInfrastructure(input: ChoiceInput): InfrastructureChoice {
  const { env } = input;
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
  const forced = env.INFRA_SOURCE?.trim();
  if (forced === 'native') return { source: 'native' };
  if (forced === 'docker') {
    if (!input.dockerEngineAvailable) {
      throw new Error('INFRA_SOURCE=docker but `docker info` fails: no Docker engine answers');
    }
    return { source: 'docker' };
  }
  if (forced) throw new Error(`INFRA_SOURCE must be "native" or "docker", got "${forced}"`);
  return input.dockerEngineAvailable ? { source: 'docker' } : { source: 'native' };
}

/** Whether the choice needs the (slow-ish) `docker info` probe at all. */
export function needsDockerProbe(env: Readonly<Record<string, string | undefined>>): boolean {
  const complete = Boolean(env.KAFKA_BROKERS?.trim() && env.MONGODB_URI?.trim());
  return !complete && env.INFRA_SOURCE?.trim() !== 'native';
}
