import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

/** What we record beside a pid file, so status and stop know what the pid was. */
export interface ProcessRecord {
  readonly pid: number;
  /** A string that must appear in the process's command line: guards against a reused pid. */
  readonly marker: string;
  readonly endpoint: string;
  readonly logFile: string;
  readonly startedAt: string;
}

export type StopResult = 'not-running' | 'stopped' | 'killed';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function recordFile(pidFile: string): string {
  return `${pidFile}.json`;
}

/**
 * Starts a long-running process that outlives the caller: its own process group, output appended
 * to a log file, and unref'd so jest or `npm start` can exit while it runs.
 */
export function spawnDetached(options: {
  command: string;
  args: readonly string[];
  pidFile: string;
  logFile: string;
  marker: string;
  endpoint: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}): ProcessRecord {
  mkdirSync(dirname(options.pidFile), { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, 'a');
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  // A spawn failure is also emitted as an event; without a listener it would crash the caller.
  child.on('error', () => undefined);
  if (child.pid === undefined) {
    throw new Error(`could not start ${options.command}: see ${options.logFile}`);
  }
  child.unref();
  const record: ProcessRecord = {
    pid: child.pid,
    marker: options.marker,
    endpoint: options.endpoint,
    logFile: options.logFile,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(options.pidFile, `${child.pid}\n`);
  writeFileSync(recordFile(options.pidFile), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

export function readProcessRecord(pidFile: string): ProcessRecord | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const record = JSON.parse(readFileSync(recordFile(pidFile), 'utf8')) as ProcessRecord;
    return { ...record, pid };
  } catch {
    return { pid, marker: '', endpoint: '', logFile: '', startedAt: '' };
  }
}

export function removeProcessRecord(pidFile: string): void {
  rmSync(pidFile, { force: true });
  rmSync(recordFile(pidFile), { force: true });
}

/** True when the pid is a live (not zombie) process whose command line contains the marker. */
export function isProcessAlive(pid: number, marker = ''): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const procDir = `/proc/${pid}`;
  if (!existsSync(procDir)) return true; // no procfs: trust kill(0)
  try {
    // A child of this very process that exited stays a zombie until Node reaps it.
    const stat = readFileSync(`${procDir}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    if (!marker) return true;
    return readFileSync(`${procDir}/cmdline`, 'utf8').split('\0').join(' ').includes(marker);
  } catch {
    return false;
  }
}

/** The live process recorded in a pid file, or undefined (a stale pid file is removed). */
export function runningProcess(pidFile: string): ProcessRecord | undefined {
  const record = readProcessRecord(pidFile);
  if (!record) return undefined;
  if (isProcessAlive(record.pid, record.marker)) return record;
  removeProcessRecord(pidFile);
  return undefined;
}

async function waitForExit(pid: number, marker: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid, marker)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid, marker);
}

/**
 * Stops the process recorded in a pid file, and only that one: SIGTERM, wait for a clean exit
 * (Kafka's controlled shutdown, the store's final commit), then SIGKILL.
 */
export async function stopProcess(
  pidFile: string,
  options: { timeoutMs?: number } = {},
): Promise<StopResult> {
  const record = runningProcess(pidFile);
  if (!record) return 'not-running';
  const { pid, marker } = record;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // it exited after the check: nothing left to stop
  }
  if (await waitForExit(pid, marker, options.timeoutMs ?? 30_000)) {
    removeProcessRecord(pidFile);
    return 'stopped';
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it exited between the check and the kill
  }
  await waitForExit(pid, marker, 5_000);
  removeProcessRecord(pidFile);
  return 'killed';
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/** The last lines of a log file, for error messages when a process dies while starting. */
export function tailOf(file: string, lines = 20): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs `fn` while holding a lock directory, so two callers (`npm start` and a jest run, say) never
 * install or start the same component at once. A lock left by a dead process is taken over.
 */
export async function withLock<T>(
  lockDir: string,
  fn: () => Promise<T>,
  timeoutMs = 10 * 60_000,
): Promise<T> {
  const owner = `${lockDir}/owner`;
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(existsSync(owner) ? readFileSync(owner, 'utf8') : '', 10);
      if (Number.isInteger(holder) && !isProcessAlive(holder)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Runs a build step (mvn, javac, go build) to completion with its output in a log file, and fails
 * with the end of that log, so an install error names its cause.
 */
export function runToCompletion(options: {
  command: string;
  args: readonly string[];
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, 'w');
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  return new Promise((resolvePromise, reject) => {
    child.once('error', (error) => reject(new Error(`${options.command}: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolvePromise();
      const status = signal ? `signal ${signal}` : `exit code ${code}`;
      const step = [options.command, ...options.args].join(' ');
      reject(new Error(`${step} failed (${status}):\n${tailOf(options.logFile)}`));
    });
  });
}
