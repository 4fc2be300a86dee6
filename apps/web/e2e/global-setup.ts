import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../tools/infra/infra-paths';
import { E2E_PORT_OFFSET, STACK_ENV } from './stack';

const UP_WITHIN_MS = 10 * 60_000;
const STOP_GRACE_MS = 30_000;
const SEED_SUMMARY_WITHIN_MS = 120_000;
const SERVICE_LINE = /\b(catalog|offers|reviews|reports)\s+(http:\/\/127\.0\.0\.1:\d+)/g;
// npm start names the seed book's storefront page on one line of its summary.
const SEED_LINE = /seed book (?:page|in the storefront): (http\S+)/;
const INFRA_LINE = /infrastructure: \S+ \(Kafka (\S+), store (\S+)\)/;

/**
 * Starts the journeys' stack with `npm start`'s own launcher (tools/start/start.ts) on test ports,
 * in a namespace of its own (topics and databases), and hands its URLs to the journeys. Returns
 * the teardown: SIGTERM, which stops the web app and services (and any infrastructure it started).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const namespace = `e2e-${Date.now().toString(36)}`;
  const logPath = join(tmpdir(), `bookstore-${namespace}.log`);
  const log = createWriteStream(logPath);
  const child = spawn(
    process.execPath,
    [
      require.resolve('ts-node/dist/bin'),
      'tools/start/start.ts',
      '--port-offset',
      String(E2E_PORT_OFFSET),
      '--namespace',
      namespace,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  process.stderr.write(`[e2e] starting the stack (log: ${logPath})\n`);

  const up = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure('was not up in time')), UP_WITHIN_MS);
    const poll = setInterval(() => {
      if (!output.includes('press Ctrl-C to stop')) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve();
    }, 500);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(failure(`exited with code ${code}`));
    });
  });
  try {
    await up;
  } catch (error) {
    await stop(child, log);
    throw error;
  }
  for (const [, name, url] of output.matchAll(SERVICE_LINE)) {
    process.env[STACK_ENV[name as keyof typeof STACK_ENV]] = url;
  }
  const seedPage = SEED_LINE.exec(output)?.[1];
  if (seedPage) process.env[STACK_ENV.seedPage] = seedPage;
  // The OIDC sign-in journey starts a service of its own on the same Kafka and store.
  const infra = INFRA_LINE.exec(output);
  if (infra) {
    process.env[STACK_ENV.kafkaBrokers] = infra[1];
    process.env[STACK_ENV.mongoUrl] = infra[2];
  }
  process.stderr.write(`[e2e] stack up; seed book page ${seedPage ?? '(not printed)'}\n`);
  if (seedPage) await seedOffersShown(seedPage);
  return () => stop(child, log);

  function failure(what: string): Error {
    return new Error(
      `the journeys' stack ${what}; its output (${logPath}) ends with:\n${output.slice(-3000)}`,
    );
  }
}

async function stop(child: ChildProcess, log: NodeJS.WritableStream): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  log.end();
}

/**
 * The demo's offers reach the catalog's page through the offer summary, a few seconds after
 * `npm start` has loaded them: the journeys start once the seed page shows all 23, so that the first
 * one does not meet a page rendered before the summary arrived.
 */
async function seedOffersShown(seedPage: string): Promise<void> {
  const deadline = Date.now() + SEED_SUMMARY_WITHIN_MS;
  while (Date.now() < deadline) {
    const html = await fetch(seedPage).then(
      (r) => r.text(),
      () => '',
    );
    // React separates adjacent text nodes with empty comments in server-rendered HTML.
    if (html.replace(/<!-- -->/g, '').includes('All (23)')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(
    `[e2e] the seed page did not show its 23 offers within ${SEED_SUMMARY_WITHIN_MS} ms\n`,
  );
}
