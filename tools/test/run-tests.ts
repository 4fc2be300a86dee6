import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/infra-paths';
import { missingPrerequisites, requireChromium, requireJdk, requireMaven } from '../infra/prerequisites';

/**
 * `npm test`: first what the tiers need (the README's prerequisites checked, the deployment
 * checkers installed, both idempotent), then unit and integration tests in parallel workers, then
 * the fault tests alone and in band (they stop and start their own broker and store, and must not
 * compete with the rest for the CPU), then the storefront's browser journeys (Playwright). Ends
 * with one line, `tests: N passed, N failed`, summed over all runs.
 */
interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

const passthrough = process.argv.slice(2);
const resultsDir = mkdtempSync(join(tmpdir(), 'marketplace-tests-'));

function runJest(name: string, args: string[]): JestSummary | undefined {
  const outputFile = join(resultsDir, `${name}.json`);
  const jest = require.resolve('jest/bin/jest');
  const result = spawnSync(
    process.execPath,
    [jest, ...args, '--json', `--outputFile=${outputFile}`, ...passthrough],
    {
      stdio: 'inherit',
    },
  );
  try {
    return JSON.parse(readFileSync(outputFile, 'utf8')) as JestSummary;
  } catch {
    process.stderr.write(`jest (${name}) ended with code ${result.status} and wrote no results\n`);
    return undefined;
  }
}

/** Playwright's JSON report, as far as the count needs it. */
interface PlaywrightReport {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

/**
 * The storefront's browser journeys (apps/web/e2e/*.e2e.ts): their global setup starts the stack
 * on test ports. Counted like a jest run: flaky (passed on retry) counts as passed.
 */
function runPlaywright(): JestSummary | undefined {
  const outputFile = join(resultsDir, 'journeys.json');
  const cli = require.resolve('@playwright/test/cli');
  const result = spawnSync(
    process.execPath,
    [cli, 'test', '--config', 'apps/web/playwright.config.ts', '--reporter=list,json'],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: outputFile } },
  );
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as PlaywrightReport;
    const stats = report.stats ?? { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
    const setupFailed = (report.errors?.length ?? 0) > 0;
    return {
      numPassedTests: stats.expected + stats.flaky,
      numFailedTests: stats.unexpected,
      numPendingTests: stats.skipped,
      numRuntimeErrorTestSuites: setupFailed ? 1 : 0,
      success: result.status === 0 && !setupFailed,
    };
  } catch {
    process.stderr.write(`playwright ended with code ${result.status} and wrote no results\n`);
    return undefined;
  }
}

function closingLine(passed: number, failed: number, skipped = 0): string {
  return `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}

/** Stops before jest: the reason is above, then the usual closing line. */
function stopBeforeTests(reason?: string): never {
  if (reason) process.stderr.write(`${reason}\n`);
  process.stdout.write(closingLine(0, 1));
  process.exit(1);
}

const INSTALL_DEPLOY_TOOLS = 'deploy/tools/install.sh';

/**
 * The tiers' tools: a JDK and Maven for the native broker and store (integration and fault tiers,
 * tools/infra), Chromium for the browser journeys, and the deployment checkers of deploy/*.spec.ts
 * (unit tier), which install.sh builds on first use (Go, Python 3 with venv) and then finds
 * cached. Each missing tool is one line. install.sh checks Java and Maven too, so it runs only once
 * they are there: no tool is named twice.
 */
function prepareTiers(): void {
  const missing = missingPrerequisites([requireJdk, requireMaven, () => requireChromium()]);
  for (const line of missing) process.stderr.write(`${line}\n`);
  if (missing.length > 0) stopBeforeTests();
  const deployTools = spawnSync('bash', [INSTALL_DEPLOY_TOOLS], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (deployTools.status !== 0) stopBeforeTests();
}

prepareTiers();

const runs = [
  runJest('main', ['--selectProjects', 'unit', 'integration']),
  runJest('fault', ['--selectProjects', 'fault', '--runInBand']),
  runPlaywright(),
];

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const run of runs) {
  if (!run) {
    ok = false;
    failed += 1;
    continue;
  }
  passed += run.numPassedTests;
  failed += run.numFailedTests + run.numRuntimeErrorTestSuites;
  skipped += run.numPendingTests;
  ok &&= run.success;
}
process.stdout.write(closingLine(passed, failed, skipped));
process.exit(ok && failed === 0 ? 0 : 1);
