import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from './cli-args';
import { AggregatedSuite, RunResult } from './report';

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: BenchOptions;
  readonly machine: Record<string, string | number>;
  readonly infra: { readonly source: string; readonly kafkaBrokers: string[]; readonly mongoUrl: string };
  /** Medians over runs: what the markdown table shows. */
  readonly summary: AggregatedSuite[];
  /** Every run's own figures and goal ratios. */
  readonly runs: RunResult[];
}

/** `2024-11-28T14:03:05.123Z` → `2024-11-28T14-03-05Z`, safe in file names everywhere. */
export function fileStamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/** Writes `bench-<stamp>.json` and `.md` under `dir`, plus `latest.json` / `latest.md`. */
export function writeResults(
  dir: string,
  report: BenchReport,
  markdown: string,
): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `bench-${fileStamp(report.startedAt)}`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(`${base}.json`, json);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(join(dir, 'latest.json'), json);
  writeFileSync(join(dir, 'latest.md'), markdown);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
