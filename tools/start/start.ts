import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVICE_NAMES } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { SEED_BOOK_ISBN13 } from '../demo/catalog-demo';
import { loadDemo } from '../demo/load-demo';
import { ensureTopics, INFRA_DIR, releaseInfrastructure, REPO_ROOT, resolveInfrastructure } from '../infra';
import { MissingPrerequisiteError } from '../infra/prerequisites';
import { showServiceOutput } from './service-logs';
import {
  RunningService,
  serviceEnvironment,
  spawnService,
  stopService,
  waitUntilReady,
} from './service-processes';
import { summaryBlock } from './summary';
import { bookPageUrl, ensureWebBuild, spawnWeb, WEB_BASE_PORT, waitUntilWebReady } from './web-process';

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;

function say(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

/**
 * `npm start`: infrastructure up (environment endpoints, Docker, or native), topics created, the
 * four services built and started, URLs printed. Ctrl-C stops the services, then whatever
 * infrastructure this run started (`--keep-infra` leaves it running).
 */
function options() {
  const { values } = parseArgs({
    options: {
      'keep-infra': { type: 'boolean', default: false },
      // A second copy beside a running one (tests): other ports, prefixed topics and databases.
      'port-offset': { type: 'string', default: '0' },
      namespace: { type: 'string', default: '' },
      // Leave the storefront out (e.g. to run `npm run dev:web` on its port instead).
      'no-web': { type: 'boolean', default: false },
    },
  });
  const portOffset = Number(values['port-offset']);
  if (!Number.isInteger(portOffset) || portOffset < 0)
    throw new Error('--port-offset must be a whole number');
  return {
    keepInfra: values['keep-infra'] ?? false,
    portOffset,
    namespace: values.namespace ?? '',
    web: !values['no-web'],
  };
}

async function main(): Promise<void> {
  const { keepInfra, portOffset, namespace, web: withWeb } = options();
  const infra = await resolveInfrastructure({ onProgress: say });
  say(`infrastructure: ${infra.source} (Kafka ${infra.kafkaBrokers.join(',')}, store ${infra.mongoUrl})`);
  const topicPrefix = namespace ? `${namespace}.` : '';
  await ensureTopics(infra.kafkaBrokers, topicPrefix);

  say('building the services (tsc)');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (withWeb) ensureWebBuild(say);

  const services: RunningService[] = SERVICE_NAMES.map((name) =>
    spawnService({
      repoRoot: REPO_ROOT,
      name,
      env: serviceEnvironment(
        name,
        { ...infra, topicPrefix, databasePrefix: namespace ? `${namespace}_` : '', portOffset },
        {
          AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET,
        },
      ),
      output: 'pipe',
    }),
  );

  const urlOf = (name: string) => services.find((service) => service.name === name)?.url ?? '';
  const web = withWeb
    ? spawnWeb({
        port: WEB_BASE_PORT + portOffset,
        upstreams: {
          catalog: urlOf('catalog'),
          offers: urlOf('offers'),
          reviews: urlOf('reviews'),
          reports: urlOf('reports'),
        },
        output: 'pipe',
      })
    : undefined;
  const processes = web ? [...services, web] : services;
  // JSON in .infra/logs/<name>.log; on a terminal a readable view, elsewhere the JSON itself.
  const output = showServiceOutput({
    processes,
    logDir: join(INFRA_DIR, 'logs'),
    namespace,
    terminal: process.stdout,
  });

  let stopping = false;
  const stopAll = async (requestedExitCode: number): Promise<never> => {
    let exitCode = requestedExitCode;
    if (!stopping) {
      stopping = true;
      say('stopping the services');
      const codes = await Promise.all(processes.map((running) => stopService(running, STOP_GRACE_MS)));
      processes.forEach((service, i) =>
        say(
          codes[i] === 0
            ? `${service.name} stopped cleanly`
            : `${service.name} stopped with code ${codes[i]}`,
        ),
      );
      if (codes.some((code) => code !== 0)) exitCode = exitCode || 1;
      await output.drained;
      if (!keepInfra && infra.startedHere) {
        say('stopping the infrastructure this run started');
        await releaseInfrastructure(infra.started);
      }
    }
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    await Promise.all([
      ...services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)),
      ...(web ? [waitUntilWebReady(web, READY_TIMEOUT_MS)] : []),
    ]);
  } catch (error) {
    say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }

  const demo: string[] = [];
  try {
    demo.push(...(await loadDemo({ catalog: urlOf('catalog'), offers: urlOf('offers') })));
  } catch (error) {
    say(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }

  if (web) demo.push(`the seed book in the storefront: ${await bookPageUrl(web, SEED_BOOK_ISBN13)}`);
  const entries = [
    ...(web ? [{ name: 'web', url: web.url }] : []),
    ...services.map((service) => ({
      name: service.name,
      url: service.url,
      links: ['/docs', '/health/details'],
    })),
  ];
  const colour = process.stdout.isTTY && process.stdout.hasColors();
  const block = summaryBlock({ entries, demo, logFiles: output.logFiles, repoRoot: REPO_ROOT, colour });
  for (const line of block) say(line);
  for (const service of processes) {
    void service.exited.then((code) => {
      if (!stopping) {
        say(`${service.name} exited unexpectedly (code ${code})`);
        void stopAll(1);
      }
    });
  }
}

/** A missing tool is one line saying how to install it; anything unexpected keeps its stack. */
function describeFailure(error: unknown): string {
  if (error instanceof MissingPrerequisiteError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error: unknown) => {
  say(`start failed: ${describeFailure(error)}`);
  process.exit(1);
});
