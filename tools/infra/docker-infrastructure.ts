import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './infra-paths';

/*
 * `npm start`'s Docker path: docker-compose.yml's `infra` profile (the test tiers use testcontainers
 * instead: testcontainers-infrastructure.ts). No machine of ours (CI included) has a Docker engine,
 * so this path is never exercised by our CI; it is kept deliberately thin.
 */

export const DOCKER_ENDPOINTS = {
  kafkaBrokers: ['127.0.0.1:9092'],
  mongoUrl: 'mongodb://127.0.0.1:27017',
} as const;

const COMPOSE = ['compose', '--profile', 'infra'];
const INFRA_SERVICES = ['kafka', 'mongodb'];

function compose(args: string[]): string {
  const result = spawnSync('docker', [...COMPOSE, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`docker ${[...COMPOSE, ...args].join(' ')} failed:\n${result.stderr}`);
  }
  return result.stdout;
}

function runningServices(): string[] {
  return compose(['ps', '--status', 'running', '--services'])
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

function requireComposePlugin(): void {
  const result = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' });
  if (result.status !== 0) {
    throw new Error(
      'a Docker engine answers but `docker compose` is missing: install the compose plugin ' +
        '(apt-get install docker-compose-plugin), or set INFRA_SOURCE=native',
    );
  }
}

/** Starts the infra profile and waits for its health checks; reports whether it started anything. */
export function composeUp(): { startedHere: boolean } {
  requireComposePlugin();
  const before = runningServices();
  compose(['up', '-d', '--wait', ...INFRA_SERVICES]);
  return { startedHere: INFRA_SERVICES.some((s) => !before.includes(s)) };
}

export function composeDown(): void {
  compose(['stop', ...INFRA_SERVICES]);
}
