import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, SERVICE_SPECS } from '@app/contracts';
import { databaseUri, expectEventually, testInfra } from '@app/testing';
import { INFRA_DIR, REPO_ROOT } from '../infra';
import { serviceLogFile } from './service-logs';

const PORT_OFFSET = 1100;

function collect(child: ChildProcess): { text: () => string } {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { text: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start', () => {
  it('brings all four services to ready, shows the store and Kafka healthy, and stops each cleanly on SIGTERM', async () => {
    const infra = testInfra();
    const child = spawn(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin'),
        'tools/start/start.ts',
        '--port-offset',
        String(PORT_OFFSET),
        '--namespace',
        `${infra.runId}-start`,
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          MONGODB_URI: databaseUri(infra.mongoUrl, 'unused'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = collect(child);
    const exited = exitOf(child);
    try {
      await expectEventually(() => expect(output.text()).toContain('the marketplace is up'), {
        timeoutMs: 150_000,
      });
      expect(output.text()).toMatch(/demo: seed book \S+ \(created\)/);
      expect(output.text()).toContain('demo: 23 offers from');
      // Not a terminal: the services' JSON lines come through as they are, and are in their files.
      const logFile = serviceLogFile(join(INFRA_DIR, 'logs'), 'catalog', `${infra.runId}-start`);
      expect(output.text()).toContain(`.infra/logs/${infra.runId}-start-catalog.log`);
      const logged = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.every((line) => (JSON.parse(line) as { service?: string }).service === 'catalog')).toBe(
        true,
      );
      expect(output.text()).toContain(logged[0]);
      for (const name of SERVICE_NAMES) {
        const url = `http://127.0.0.1:${SERVICE_SPECS[name].port + PORT_OFFSET}`;
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
        await expectEventually(async () => {
          const details = (await (await fetch(`${url}/health/details`)).json()) as any;
          expect(details.components.database.status).toBe('up');
          expect(details.components.kafka.status).toBe('up');
        });
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    for (const name of SERVICE_NAMES) expect(output.text()).toContain(`${name} stopped cleanly`);
  }, 240_000);
});

describe('service configuration', () => {
  it('stops a service whose MONGODB_URI is missing, naming the variable', async () => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), 'apps/catalog/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, KAFKA_BROKERS: '127.0.0.1:9', AUTH_JWT_SECRET: 'x'.repeat(40) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collect(child);
    expect(await exitOf(child)).toBe(1);
    expect(output.text()).toContain('MONGODB_URI is required');
  });
});
