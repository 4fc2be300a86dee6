import { formatNumber, formatRatio, markdownTable, renderMarkdown } from './markdown-table';
import { AggregatedSuite } from './report';

describe('formatNumber', () => {
  it('gives small values two decimals, tens one, and large values none with separators', () => {
    expect(formatNumber(0.4567)).toBe('0.46');
    expect(formatNumber(42.44)).toBe('42.4');
    expect(formatNumber(12_345.6)).toBe('12,346');
  });
});

describe('markdownTable', () => {
  it('renders a header, a separator and one line per row, escaping pipes', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});

describe('renderMarkdown', () => {
  const suite: AggregatedSuite = {
    suite: 'messaging',
    runs: 2,
    errors: [],
    measurements: [
      {
        id: 'raw',
        label: 'raw round trip',
        role: 'ceiling',
        runs: 2,
        latencyMs: { count: 1000, p50: 1.5, p90: 3, p99: 10, mean: 2, max: 40 },
        p99PerRun: [9, 11],
      },
      {
        id: 'tput',
        label: 'raw throughput',
        role: 'ceiling',
        runs: 2,
        rate: { median: 40_000, perRun: [39_000, 41_000], unit: 'msg/s' },
      },
    ],
    goals: [
      {
        id: 'p99',
        label: 'our p99 ≤ 2× raw p99',
        bound: 'at-most',
        limit: 2,
        unit: 'ms',
        runs: 2,
        oursMedian: 25,
        ceilingMedian: 10,
        ratioMedian: 2.5,
        ratioPerRun: [2.2, 2.8],
        met: false,
        metInRuns: 0,
      },
    ],
  };

  const markdown = renderMarkdown({ startedAt: '2026-01-01T00:00:00Z', runs: 2, machine: '2 cpus.' }, [
    suite,
  ]);

  it('shows each measurement with its rate, latency percentiles and per-run p99', () => {
    expect(markdown).toContain(
      '| raw round trip | ceiling |  | 1.50 | 3.00 | 10.0 | 40.0 | 1,000 | 9.00, 11.0 |',
    );
    expect(markdown).toContain('| raw throughput | ceiling | 40,000 msg/s |');
  });

  it('shows each goal as a ratio to its ceiling, with every run’s ratio and the verdict', () => {
    expect(markdown).toContain(
      '| our p99 ≤ 2× raw p99 | 25.0 ms | 10.0 ms | 2.50× | 2.20×, 2.80× | ≤ 2× | NO (0/2 runs) |',
    );
  });

  it('says how many runs the medians are over', () => {
    expect(markdown).toContain('2 run(s); figures are medians of runs');
    expect(formatRatio(1.234)).toBe('1.23×');
  });
});
