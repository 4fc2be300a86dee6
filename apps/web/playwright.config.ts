import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_WEB_URL } from './e2e/stack';

/**
 * Browser journeys (`e2e/*.e2e.ts`) against the real stack: the global setup runs `npm start`'s
 * launcher on test ports (Kafka and the store as it resolves them, the four services, the demo
 * data, the built storefront) and stops it afterwards.
 */

/** Debian's Chromium where it is installed (our machines and CI); Playwright's own browser elsewhere. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './test-results',
  globalSetup: './e2e/global-setup.ts',
  // Two cores are shared with the services under test: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E_WEB_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
    },
    trace: 'off',
    screenshot: 'off',
  },
});
