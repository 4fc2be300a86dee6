import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { SERVICE_NAMES } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { loadDemo } from '../demo/load-demo';
import { ensureTopics, releaseInfrastructure, REPO_ROOT, resolveInfrastructure } from '../infra';
import {
  RunningService,
  serviceEnvironment,
  spawnService,
  stopService,
  waitUntilReady,
} from './service-processes';

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
    },
  });
  const portOffset = Number(values['port-offset']);
  if (!Number.isInteger(portOffset) || portOffset < 0)
    throw new Error('--port-offset must be a whole number');
  return { keepInfra: values['keep-infra'] ?? false, portOffset, namespace: values.namespace ?? '' };
}

async function main(): Promise<void> {
  const { keepInfra, portOffset, namespace } = options();
  const infra = await resolveInfrastructure({ onProgress: say });
  say(`infrastructure: ${infra.source} (Kafka ${infra.kafkaBrokers.join(',')}, store ${infra.mongoUrl})`);
  const topicPrefix = namespace ? `${namespace}.` : '';
  await ensureTopics(infra.kafkaBrokers, topicPrefix);

  say('building the services (tsc)');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });

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
      output: 'inherit',
    }),
  );

  let stopping = false;
  const stopAll = async (requestedExitCode: number): Promise<never> => {
    let exitCode = requestedExitCode;
    if (!stopping) {
      stopping = true;
      say('stopping the services');
      const codes = await Promise.all(services.map((service) => stopService(service, STOP_GRACE_MS)));
      services.forEach((service, i) =>
        say(
          codes[i] === 0
            ? `${service.name} stopped cleanly`
            : `${service.name} stopped with code ${codes[i]}`,
        ),
      );
      if (codes.some((code) => code !== 0)) exitCode = exitCode || 1;
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
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
  } catch (error) {
    say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }

  try {
    const urlOf = (name: string) => services.find((service) => service.name === name)?.url ?? '';
    for (const line of await loadDemo({ catalog: urlOf('catalog'), offers: urlOf('offers') })) {
      say(`demo: ${line}`);
    }
  } catch (error) {
    say(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }

  say('the marketplace is up:');
  for (const service of services) {
    say(
      `  ${service.name.padEnd(8)} ${service.url}   docs ${service.url}/docs   health ${service.url}/health/details`,
    );
  }
  say('tokens for signed-in routes: npm run token -- --role seller --seller-id s-1');
  say('press Ctrl-C to stop');
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        say(`${service.name} exited unexpectedly (code ${code})`);
        void stopAll(1);
      }
    });
  }
}

main().catch((error: unknown) => {
  say(`start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
