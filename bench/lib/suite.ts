import type { BenchContext } from './context';

/**
 * A bench suite: `bench/suites/<name>.suite.ts` exports one as `suite`. It records what it
 * measures through `ctx.results` and registers its cleanups with `ctx.defer`.
 */
export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<void>;
}

export const SUITE_FILE = /^([a-z][a-z0-9-]*)\.suite\.(ts|js)$/;

/** The suite name a file declares by its name, or undefined for any other file. */
export function suiteNameOf(fileName: string): string | undefined {
  return SUITE_FILE.exec(fileName)?.[1];
}

/**
 * The suites to run, in registry order: all of them without names, else the named ones, refusing
 * a name no suite has (a typo must not silently bench nothing).
 */
export function selectSuites<T extends { name: string }>(
  available: readonly T[],
  requested: readonly string[],
): T[] {
  if (requested.length === 0) return [...available];
  const unknown = requested.filter((name) => !available.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    const known = available.map((suite) => suite.name).join(', ') || 'none';
    throw new Error(`unknown bench suite(s): ${unknown.join(', ')} (available: ${known})`);
  }
  return available.filter((suite) => requested.includes(suite.name));
}
