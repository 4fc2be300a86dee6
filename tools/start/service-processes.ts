import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_SPECS, ServiceName } from '@app/contracts';
import { databaseUri } from '../infra/choose-infrastructure';
import { waitForReady } from './readiness';

export interface ServiceEndpoints {
  readonly kafkaBrokers: readonly string[];
  /** Server URL without a database; each service gets its own database on it. */
  readonly mongoUrl: string;
  readonly topicPrefix?: string;
  readonly databasePrefix?: string;
  readonly portOffset?: number;
}

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

/** The environment one service needs, all of it spelled out (no hidden defaults from the shell). */
export function serviceEnvironment(
  name: ServiceName,
  endpoints: ServiceEndpoints,
  extra: Record<string, string>,
): Record<string, string> {
  const spec = SERVICE_SPECS[name];
  return {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(spec.port + (endpoints.portOffset ?? 0)),
    MONGODB_URI: databaseUri(endpoints.mongoUrl, `${endpoints.databasePrefix ?? ''}${spec.database}`),
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: endpoints.topicPrefix ?? '',
    ...extra,
  };
}

/** Starts a compiled service (`npm run build` output) as its own process. */
export function spawnService(input: {
  repoRoot: string;
  name: ServiceName;
  env: Record<string, string>;
  /** 'pipe': the caller reads the child's stdout and stderr (npm start's log routing). */
  output: 'inherit' | 'ignore' | 'pipe';
}): RunningService {
  const child = spawn(
    process.execPath,
    ['-r', 'tsconfig-paths/register', join('dist', 'apps', input.name, 'src', 'main.js')],
    {
      cwd: input.repoRoot,
      env: { PATH: process.env.PATH ?? '', ...input.env, TS_NODE_BASEURL: './dist' },
      stdio: ['ignore', input.output, input.output],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name: input.name, url: `http://127.0.0.1:${input.env.PORT}`, child, exited };
}

/** Polls `/health/ready` until it answers 200, the process dies, or the deadline passes. */
export async function waitUntilReady(service: RunningService, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  await waitForReady({
    name: service.name,
    baseUrl: service.url,
    timeoutMs,
    givenUp: () => (exitCode === undefined ? undefined : `exited with code ${exitCode} before it was ready`),
  });
}

/** SIGTERM, then SIGKILL after the grace period; resolves with the exit code (null if killed). */
export async function stopService(
  service: Pick<RunningService, 'child' | 'exited'>,
  graceMs: number,
): Promise<number | null> {
  if (service.child.exitCode !== null) return service.child.exitCode;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  try {
    return await service.exited;
  } finally {
    clearTimeout(timer);
  }
}
