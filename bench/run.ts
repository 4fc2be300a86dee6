import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { databaseUri } from '@app/testing';
import { ensureTopics } from '../tools/infra';
import { acquireBenchInfra } from './lib/bench-infra';
import { cleanUpRun } from './lib/cleanup';
import { withSetupRetries } from './lib/kafka-topics';
import { BenchOptions, parseBenchArgs, USAGE } from './lib/cli-args';
import { benchDatabaseName, BenchContext, BenchInfra, newRunPrefix } from './lib/context';
import { renderMarkdown } from './lib/markdown-table';
import { PROFILES } from './lib/profile';
import { aggregateRuns, RunResult, SuiteRecorder, SuiteResult } from './lib/report';
import { writeResults } from './lib/results-writer';
import * as stats from './lib/stats';
import { BenchSuite, selectSuites } from './lib/suite';
import { discoverSuites, loadSuite } from './lib/suite-registry';

const RESULTS_DIR = join(__dirname, 'results');
const benchStarted = Date.now();

function log(message: string): void {
  process.stderr.write(`[bench +${((Date.now() - benchStarted) / 1000).toFixed(1)}s] ${message}\n`);
}

async function runSuite(
  suite: BenchSuite,
  base: Omit<BenchContext, 'results' | 'defer' | 'log'>,
): Promise<SuiteResult> {
  const results = new SuiteRecorder(suite.name);
  const deferred: (() => Promise<unknown> | void)[] = [];
  const ctx: BenchContext = {
    ...base,
    results,
    defer: (cleanup) => void deferred.push(cleanup),
    log: (message) => log(`${suite.name}: ${message}`),
  };
  log(`suite ${suite.name}: ${suite.description}`);
  let failure: unknown;
  try {
    await suite.run(ctx);
  } catch (error) {
    failure = error;
    log(
      `suite ${suite.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  for (const cleanup of deferred.reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => log(`suite ${suite.name}: cleanup failed: ${String(error)}`));
  }
  return results.result(failure);
}

async function runOnce(
  run: number,
  suites: readonly BenchSuite[],
  infra: BenchInfra,
  options: BenchOptions,
): Promise<RunResult> {
  const runPrefix = newRunPrefix();
  const topicPrefix = `${runPrefix}.`;
  const databases = new Set<string>();
  const shared = new Map<string, Promise<unknown>>();
  let topicsReady: Promise<unknown> | undefined;
  const base: Omit<BenchContext, 'results' | 'defer' | 'log'> = {
    infra,
    runPrefix,
    topicPrefix,
    profile: PROFILES[options.profile],
    stats,
    databaseName: (name) => benchDatabaseName(runPrefix, name),
    databaseUri: (name) => {
      const database = benchDatabaseName(runPrefix, name);
      databases.add(database);
      return databaseUri(infra.mongoUrl, database);
    },
    ensurePlatformTopics: async () => {
      topicsReady ??= withSetupRetries(() => ensureTopics(infra.kafkaBrokers, topicPrefix));
      await topicsReady;
    },
    shared: <T>(key: string, produce: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, produce());
      return shared.get(key) as Promise<T>;
    },
  };
  log(`run ${run}/${options.runs} (${runPrefix})`);
  const startedAt = new Date().toISOString();
  const results: SuiteResult[] = [];
  try {
    for (const suite of suites) results.push(await runSuite(suite, base));
  } finally {
    const problems = await cleanUpRun({
      mongoUrl: infra.mongoUrl,
      databases: [...databases],
      kafkaBrokers: infra.kafkaBrokers,
      topicPrefix,
    });
    for (const problem of problems) log(`cleanup of ${runPrefix}: ${problem}`);
  }
  return { run, runPrefix, startedAt, suites: results };
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const suites = selectSuites(discoverSuites(join(__dirname, 'suites')), options.suites).map(loadSuite);
  const startedAt = new Date().toISOString();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageAtStart: Number(loadavg()[0].toFixed(2)),
  };
  const infra = await acquireBenchInfra(options.infra, log);
  log(`infrastructure (${infra.source}): kafka ${infra.kafkaBrokers.join(',')}, store ${infra.mongoUrl}`);
  // Interrupted (Ctrl-C, a timeout's SIGTERM): the broker and store this bench started stop too,
  // instead of holding the slot's ports until someone ends them by hand.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping what this bench started`);
      void infra.release().finally(() => process.exit(code));
    });
  }
  const runs: RunResult[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) runs.push(await runOnce(run, suites, infra, options));
  } finally {
    await infra.release();
  }
  const summary = aggregateRuns(runs);
  const machineLine = `${machine.cpus} cpus, node ${machine.node}, load average ${machine.loadAverageAtStart} at start, ${loadavg()[0].toFixed(2)} at end, profile ${options.profile}.`;
  const markdown = renderMarkdown({ startedAt, runs: runs.length, machine: machineLine }, summary);
  const notes = runs.flatMap((r) =>
    r.suites.flatMap((s) => s.notes.map((n) => `- run ${r.run}, ${s.suite}: ${n}`)),
  );
  const fullMarkdown = notes.length > 0 ? `${markdown}\nNotes:\n${notes.join('\n')}\n` : markdown;
  const paths = writeResults(
    RESULTS_DIR,
    {
      startedAt,
      finishedAt: new Date().toISOString(),
      options,
      machine: { ...machine, loadAverageAtEnd: Number(loadavg()[0].toFixed(2)) },
      infra: { source: infra.source, kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl },
      summary,
      runs,
    },
    fullMarkdown,
  );
  process.stdout.write(fullMarkdown);
  log(`results: ${paths.json}, ${paths.markdown}`);
  return summary.some((suite) => suite.errors.length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
