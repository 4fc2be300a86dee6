import { spawnSync } from 'node:child_process';

/**
 * Whether a Docker engine answers. The one place that asks: `docker info` talks to the engine,
 * while `docker --version` succeeds with the client alone (as on our machines, which have the CLI
 * and no engine).
 */
export function dockerEngineAvailable(): boolean {
  const result = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 });
  return result.status === 0;
}
