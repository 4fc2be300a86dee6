import type { InfraMode } from './bench-infra';
import { BenchProfile } from './profile';

export interface BenchOptions {
  /** Suite names; empty means every suite. */
  readonly suites: string[];
  /** Whole-bench repetitions; the report gives medians over them (the machine is noisy). */
  readonly runs: number;
  readonly profile: BenchProfile['name'];
  /** `own`: the bench's own broker and store; `shared`: the development ones (`infra:up`). */
  readonly infra: InfraMode;
  readonly help: boolean;
}

export const DEFAULT_RUNS = 3;

export const USAGE = `usage: npm run bench -- [suite ...] [--runs N] [--quick] [--shared-infra]

  suite           run only these suites (default: all of bench/suites/*.suite.ts)
  --runs N        repeat the whole bench N times and report medians (default ${DEFAULT_RUNS})
  --quick         short durations, to try the bench out (figures not comparable)
  --shared-infra  use the development broker and store (npm run infra:up) instead of the
                  bench's own instances; KAFKA_BROKERS + MONGODB_URI, when set, win over both
`;

function positiveInteger(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`${flag} needs a whole number of at least 1, got ${value ?? 'nothing'}`);
  }
  return parsed;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const suites: string[] = [];
  let runs = DEFAULT_RUNS;
  let profile: BenchProfile['name'] = 'full';
  let infra: InfraMode = 'own';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') profile = 'quick';
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--shared-infra') infra = 'shared';
    else if (arg === '--runs') runs = positiveInteger('--runs', argv[++i]);
    else if (arg.startsWith('--runs=')) runs = positiveInteger('--runs', arg.slice('--runs='.length));
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (!suites.includes(arg)) suites.push(arg);
  }
  return { suites, runs, profile, infra, help };
}
