import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { freePort } from '../../../../tools/infra/free-port';
import { expectEventually } from '../expect-eventually';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface ProbeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the probe service as its own process (so a test can kill it) and waits until ready. */
export async function spawnProbeProcess(env: {
  kafkaBrokers: string[];
  topicPrefix: string;
  mongoUri: string;
  extra?: Record<string, string>;
}): Promise<ProbeProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [require.resolve('ts-node/dist/bin'), 'libs/testing/src/probe/probe-main.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        MONGODB_URI: env.mongoUri,
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: env.topicPrefix,
        AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET,
        LOG_LEVEL: 'warn',
        ...env.extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await expectEventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`probe exited early (${child.exitCode}):\n${output}`);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  return {
    url,
    child,
    output: () => output,
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
