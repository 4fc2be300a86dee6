import { relative } from 'node:path';
import { paint } from './service-logs';

export interface SummaryEntry {
  readonly name: string;
  readonly url: string;
  /** Paths under the URL worth a click, shown after it (for an API: its docs and health details). */
  readonly links?: readonly string[];
}

/**
 * The block `npm start` prints once everything is up: every URL, what the demo loaded, where the
 * JSON logs are and how to get a token, between two rules so it stands out from the service logs.
 */
export function summaryBlock(input: {
  readonly entries: readonly SummaryEntry[];
  readonly demo: readonly string[];
  readonly logFiles: readonly string[];
  readonly repoRoot: string;
  readonly colour: boolean;
}): string[] {
  const width = Math.max(...input.entries.map((entry) => entry.name.length));
  const rule = '-'.repeat(72);
  return [
    rule,
    paint('the marketplace is up', 1, input.colour, 22),
    ...input.entries.map(
      (entry) =>
        `  ${entry.name.padEnd(width)}  ${entry.url}${(entry.links ?? []).map((link) => `   ${entry.url}${link}`).join('')}`,
    ),
    ...input.demo.map((line) => `demo: ${line}`),
    `logs (JSON): ${input.logFiles.map((file) => relative(input.repoRoot, file)).join(', ')}`,
    'tokens for signed-in routes: npm run token -- --role seller --seller-id s-1',
    'press Ctrl-C to stop',
    rule,
  ];
}
