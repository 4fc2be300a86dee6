import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The four Lighthouse categories the storefront is held to, and each one's least score (0–100). */
export const LIGHTHOUSE_GOALS = {
  performance: 90,
  accessibility: 95,
  'best-practices': 95,
  seo: 95,
} as const;
export type LighthouseCategory = keyof typeof LIGHTHOUSE_GOALS;
export const LIGHTHOUSE_CATEGORIES = Object.keys(LIGHTHOUSE_GOALS) as LighthouseCategory[];

/** The parts of a Lighthouse JSON report (LHR) read here. */
export interface LighthouseReport {
  readonly lighthouseVersion?: string;
  readonly configSettings?: { readonly formFactor?: string };
  readonly runtimeError?: { readonly code: string; readonly message: string };
  readonly categories: Partial<
    Record<string, { readonly score: number | null; readonly auditRefs: { id: string; weight: number }[] }>
  >;
  readonly audits: Record<string, { readonly title: string; readonly score: number | null }>;
}

/** Each category's score as Lighthouse shows it (0–100); a category that did not score fails loudly. */
export function lighthouseScores(report: LighthouseReport): Record<LighthouseCategory, number> {
  if (report.runtimeError)
    throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const scores = {} as Record<LighthouseCategory, number>;
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const score = report.categories[category]?.score;
    if (typeof score !== 'number') throw new Error(`lighthouse report has no ${category} score`);
    scores[category] = Math.round(score * 100);
  }
  return scores;
}

/** Categories whose score is under its goal. */
export function missedGoals(scores: Record<LighthouseCategory, number>): LighthouseCategory[] {
  return LIGHTHOUSE_CATEGORIES.filter((category) => scores[category] < LIGHTHOUSE_GOALS[category]);
}

/** Titles of a category's weighted audits that did not pass: what to fix to raise its score. */
export function failingAudits(report: LighthouseReport, category: LighthouseCategory): string[] {
  return (report.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
    .map((audit) => audit.title);
}

const LIGHTHOUSE_CLI = require.resolve('lighthouse/cli/index.js');
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';

/**
 * One Lighthouse run (its default: mobile form factor, simulated throttling) of `url` in the
 * Chromium at `chromePath`, through the lighthouse CLI in a process of its own (the package is
 * ES modules only, the bench CommonJS).
 */
export async function runLighthouse(url: string, chromePath: string): Promise<LighthouseReport> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const output = join(dir, 'report.json');
  try {
    const args = [
      LIGHTHOUSE_CLI,
      url,
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS}`,
    ];
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', HOME: dir, CHROME_PATH: chromePath },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-3_000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${stderr}`);
    return JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
