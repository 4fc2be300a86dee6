import { AggregatedGoal, AggregatedMeasurement, AggregatedSuite } from './report';

export interface ReportHeader {
  readonly startedAt: string;
  readonly runs: number;
  readonly machine: string;
}

/** A value with precision that suits its size: 0.42, 4.2, 42, 4,200. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** Cells are plain text; a pipe would split the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function measurementRow(m: AggregatedMeasurement): string[] {
  const latency = m.latencyMs;
  const ms = (value: number | undefined) => (value === undefined ? '' : formatNumber(value));
  return [
    m.label,
    m.role,
    m.rate ? `${formatNumber(m.rate.median)} ${m.rate.unit}` : '',
    ms(latency?.p50),
    ms(latency?.p90),
    ms(latency?.p99),
    ms(latency?.max),
    latency ? Math.round(latency.count).toLocaleString('en-US') : '',
    m.runs > 1 && m.p99PerRun ? m.p99PerRun.map(formatNumber).join(', ') : '',
  ];
}

function goalRow(g: AggregatedGoal): string[] {
  const bound = g.bound === 'at-most' ? '≤' : '≥';
  return [
    g.label,
    `${formatNumber(g.oursMedian)} ${g.unit}`,
    `${formatNumber(g.ceilingMedian)} ${g.unit}`,
    formatRatio(g.ratioMedian),
    g.ratioPerRun.map(formatRatio).join(', '),
    `${bound} ${g.limit}×`,
    `${g.met ? 'yes' : 'NO'} (${g.metInRuns}/${g.runs} runs)`,
  ];
}

/** The markdown report: per suite, a table of measurements and one of goals (ratios to ceilings). */
export function renderMarkdown(header: ReportHeader, suites: readonly AggregatedSuite[]): string {
  const parts = [
    `# Bench ${header.startedAt}`,
    '',
    `${header.runs} run(s); figures are medians of runs (ratios: median of each run's own ratio). ${header.machine}`,
  ];
  for (const suite of suites) {
    parts.push('', `## ${suite.suite}`, '');
    parts.push(
      markdownTable(
        ['measurement', 'role', 'rate', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'samples', 'p99 per run'],
        suite.measurements.map(measurementRow),
      ),
    );
    if (suite.goals.length > 0) {
      parts.push(
        '',
        markdownTable(
          ['goal', 'ours', 'ceiling', 'ratio', 'ratio per run', 'goal', 'met'],
          suite.goals.map(goalRow),
        ),
      );
    }
    for (const error of suite.errors) parts.push('', `**failed** ${error}`);
  }
  return `${parts.join('\n')}\n`;
}
