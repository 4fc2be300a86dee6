import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm test`: unit and integration tests in parallel workers, then the fault tests alone and in
 * band (they stop and start their own broker and store, and must not compete with the rest for
 * the CPU). Ends with one line, `tests: N passed, N failed`, summed over both runs.
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

const runs = [
  runJest('main', ['--selectProjects', 'unit', 'integration']),
  runJest('fault', ['--selectProjects', 'fault', '--runInBand']),
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
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(ok && failed === 0 ? 0 : 1);
