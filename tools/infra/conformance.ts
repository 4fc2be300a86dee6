import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startFerretDb } from './ferretdb/ferretdb-launcher';
import { INFRA_DIR, REPO_ROOT } from './infra-paths';
import { stopProcess } from './process-control';
import { NativeStore, startNativeStore } from './store/store-launcher';

/*
 * npm run conformance -- --store <candidate> [--store <candidate>...] | --all
 *
 * Starts each candidate store on a port of its own with fresh data, runs the store conformance
 * suite (libs/testing/test/store-conformance.int-spec.ts) against it, probes check 7 (data
 * survives a SIGTERM restart), stops it, and prints the candidate × check table recorded in
 * docs/store-conformance.md. Results are also kept in .infra/conformance/results.json.
 */

interface Candidate {
  readonly port: number;
  readonly start: (dir: string, port: number) => Promise<NativeStore>;
}

const CANDIDATES: Record<string, Candidate> = {
  'mongo-java-server-h2': {
    port: 27217,
    start: (dir, port) => startNativeStore({ dir, port, backend: 'h2' }),
  },
  'mongo-java-server-memory': {
    port: 27218,
    start: (dir, port) => startNativeStore({ dir, port, backend: 'memory' }),
  },
  'mongo-java-server-h2-stock': {
    port: 27219,
    start: (dir, port) => startNativeStore({ dir, port, backend: 'h2', stock: true }),
  },
  'mongo-java-server-memory-stock': {
    port: 27220,
    start: (dir, port) => startNativeStore({ dir, port, backend: 'memory', stock: true }),
  },
  'ferretdb-sqlite': {
    port: 27221,
    start: (dir, port) => startFerretDb({ dir, port }),
  },
};

const CHECKS = ['1', '2', '3', '4', '5', '6', '6b', '7', '8', 'P'] as const;
type CheckId = (typeof CHECKS)[number];

interface CheckResult {
  readonly passed: boolean;
  readonly note: string;
}
type CandidateResults = Partial<Record<CheckId, CheckResult>>;

const RESULTS_DIR = join(INFRA_DIR, 'conformance');
const RESULTS_FILE = join(RESULTS_DIR, 'results.json');
const SPEC = 'libs/testing/test/store-conformance.int-spec.ts';

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

interface JestAssertion {
  readonly title: string;
  readonly status: string;
  readonly failureMessages: string[];
}

/** A self-contained jest config: the suite needs no Kafka, so no global setup. */
function jestConfig(): string {
  return JSON.stringify({
    rootDir: REPO_ROOT,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/${SPEC}`],
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
    moduleNameMapper: {
      '^@app/(contracts|platform|testing)$': '<rootDir>/libs/$1/src',
      '^@app/(contracts|platform|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
    },
  });
}

function checkId(title: string): CheckId | undefined {
  if (title.startsWith('portable subset')) return 'P';
  const match = /^check (\d[a-z]?)\b/.exec(title);
  return match ? (match[1] as CheckId) : undefined;
}

/** The first line of a failure, which the suite writes as a short note. */
function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim().length > 0) ?? '';
  return line
    .replace(/^Error: /, '')
    .trim()
    .slice(0, 160);
}

function runSuite(url: string, dir: string): CandidateResults {
  const output = join(dir, 'jest.json');
  const jest = require.resolve('jest/bin/jest');
  spawnSync(
    process.execPath,
    [jest, '--config', jestConfig(), '--json', `--outputFile=${output}`, '--testTimeout=180000'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        TEST_MONGODB_URL: url,
        TEST_RUN_ID: `conformance${Date.now()}`,
        CONFORMANCE_REPORT_DIR: dir,
      },
    },
  );
  if (!existsSync(output)) throw new Error(`jest wrote no results to ${output}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    testResults: { assertionResults: JestAssertion[]; message: string }[];
  };
  const results: CandidateResults = {};
  for (const suite of report.testResults) {
    for (const assertion of suite.assertionResults) {
      const id = checkId(assertion.title);
      if (!id) continue;
      const passed = assertion.status === 'passed';
      const note = passed ? '' : firstLine(assertion.failureMessages.join('\n'));
      const previous = results[id];
      // A check with several tests (8) passes only if all of them do.
      results[id] = previous && !previous.passed ? previous : { passed, note: previous?.note || note };
    }
  }
  return results;
}

/** Check 7, as store-restart.fault-spec.ts does it for the chosen store: write, SIGTERM, restart, read. */
async function restartProbe(candidate: Candidate, dir: string): Promise<CheckResult> {
  const documents = 200;
  const first = await candidate.start(dir, candidate.port);
  const db = 'conformance_restart';
  let client = new MongoClient(first.url, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client
      .db(db)
      .collection<{ _id: number; value: string }>('docs')
      .insertMany(Array.from({ length: documents }, (_, i) => ({ _id: i, value: `v${i}` })));
  } finally {
    await client.close();
  }
  await stopProcess(first.pidFile);
  const second = await candidate.start(dir, candidate.port);
  client = new MongoClient(second.url, { serverSelectionTimeoutMS: 5_000 });
  try {
    const found = await client.db(db).collection('docs').countDocuments();
    return found === documents
      ? { passed: true, note: '' }
      : { passed: false, note: `${found} of ${documents} acknowledged documents after a restart` };
  } finally {
    await client.close();
    await stopProcess(second.pidFile);
  }
}

async function evaluate(name: string): Promise<CandidateResults> {
  const candidate = CANDIDATES[name];
  const dir = join(RESULTS_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  print(`${name}: starting on 127.0.0.1:${candidate.port}`);
  const store = await candidate.start(dir, candidate.port);
  let results: CandidateResults;
  try {
    print(`${name}: running ${SPEC}`);
    results = runSuite(store.url, dir);
  } finally {
    await stopProcess(store.pidFile);
  }
  print(`${name}: probing check 7 (restart)`);
  results['7'] = await restartProbe(candidate, join(dir, 'restart')).catch((error: unknown) => ({
    passed: false,
    note: firstLine(String(error)),
  }));
  return results;
}

function table(all: Record<string, CandidateResults>): string[] {
  const lines = [`| candidate | ${CHECKS.join(' | ')} |`, `|---|${CHECKS.map(() => '---').join('|')}|`];
  for (const [name, results] of Object.entries(all)) {
    const cells = CHECKS.map((id) => {
      const r = results[id];
      if (!r) return '–';
      return r.passed ? 'pass' : `**fail**: ${r.note.replace(/\|/g, '\\|')}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines;
}

function parseArgs(argv: string[]): string[] {
  if (argv.includes('--all')) return Object.keys(CANDIDATES);
  const names = argv.flatMap((arg, i) => (arg === '--store' && argv[i + 1] ? [argv[i + 1]] : []));
  const unknown = names.filter((n) => !(n in CANDIDATES));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(
      `usage: npm run conformance -- --store <candidate> [--store ...] | --all\n` +
        `candidates: ${Object.keys(CANDIDATES).join(', ')}` +
        (unknown.length ? `\nunknown: ${unknown.join(', ')}` : ''),
    );
  }
  return names;
}

async function main(): Promise<void> {
  const names = parseArgs(process.argv.slice(2));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const all: Record<string, CandidateResults> = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, CandidateResults>)
    : {};
  const ran: Record<string, CandidateResults> = {};
  for (const name of names) {
    ran[name] = await evaluate(name);
    all[name] = ran[name];
    writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
  }
  print();
  for (const line of table(ran)) print(line);
  const failed = Object.values(ran).some((r) => CHECKS.some((id) => r[id] && !r[id]?.passed));
  print();
  print(`all results so far: ${RESULTS_FILE}`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
