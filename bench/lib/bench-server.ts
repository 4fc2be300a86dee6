import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** The line a bench server script prints on stdout once it listens. */
export interface ListeningLine {
  readonly url: string;
}

/** Announces a listening bench server to the process that spawned it (see `spawnBenchServer`). */
export function announceListening(url: string): void {
  process.stdout.write(`${JSON.stringify({ url } satisfies ListeningLine)}\n`);
}

/**
 * Runs a server script under ts-node in its own process, so the load generator (in this process)
 * and the server under load never share an event loop; resolves once the script announces its URL.
 * The script exits when this process goes away (its IPC channel closes).
 */
export function spawnBenchServer(script: string, env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<BenchServer>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${script} did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${error.message}\n${stderr}`));
    };
    const exitedEarly = (code: number | null) =>
      fail(new Error(`${script} exited (${code}) before listening`));
    child.once('exit', exitedEarly);
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    lines.on('line', (line) => {
      try {
        const { url } = JSON.parse(line) as ListeningLine;
        clearTimeout(timer);
        child.off('exit', exitedEarly);
        resolve({ url, stop });
      } catch {
        // Anything else the script prints is not ours to parse.
      }
    });
  });
}
