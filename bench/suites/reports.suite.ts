import { join } from 'node:path';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { testToken } from '@app/testing';
import { recordCeiling } from '../ceilings';
import { spawnBenchServer } from '../lib/bench-server';
import { measureHttpLoad } from '../lib/http-load';
import { formatRatio } from '../lib/markdown-table';
import { statValue } from '../lib/report';
import type { BenchSuite } from '../lib/suite';
import { seedOpenCases, seedTargets } from './reports/reports-seed';

/**
 * Goals (ours: the issue asks for the figures), as ratios to the bare Fastify + driver `findOne`
 * ceiling of the same run. A report costs about ten store round trips (duplicate check, target,
 * rate limit, reporter record, case, report insert, case update, queue registry, counted mark)
 * against the ceiling's one; a queue page reads the registry and a few index-served buckets.
 */
export const REPORTS_RATE_GOAL = 0.05;
export const QUEUE_P99_GOAL = 5;
const OPEN_CASES = { full: 100_000, quick: 10_000 } as const;
const TARGETS = 500;
const REPORTS = { full: 3_000, quick: 600 } as const;
const REPORT_CONCURRENCY = 16;
const REASONS = ['spam_or_advertising', 'offensive_or_hateful', 'personal_information', 'other'];
const SECRET = `${LOCAL_DEV_JWT_SECRET}-bench`;

export const suite: BenchSuite = {
  name: 'reports',
  description:
    'reports accepted per second (POST /reports) and the moderation queue page p99 with 100,000 open cases, against the bare findOne ceiling',
  async run(ctx) {
    ctx.results.goal({
      id: 'reports.rate',
      label: `reports accepted/s ≥ ${REPORTS_RATE_GOAL}× bare findOne by _id req/s`,
      ours: { measurement: 'ours.reports.accepted', stat: 'rate' },
      ceiling: { measurement: 'ceiling.http.find-by-id', stat: 'rate' },
      bound: 'at-least',
      limit: REPORTS_RATE_GOAL,
    });
    ctx.results.goal({
      id: 'queue.p99',
      label: `queue page p99 ≤ ${QUEUE_P99_GOAL}× bare findOne by _id p99 (same load)`,
      ours: { measurement: 'ours.reports.queue-page', stat: 'p99' },
      ceiling: { measurement: 'ceiling.http.find-by-id', stat: 'p99' },
      bound: 'at-most',
      limit: QUEUE_P99_GOAL,
    });
    const [ceiling] = await recordCeiling(ctx, 'http-find');
    await ctx.ensurePlatformTopics();
    const uri = ctx.databaseUri('reports');
    const server = await spawnBenchServer(join(__dirname, 'reports', 'reports.server.ts'), {
      BENCH_MONGODB_URI: uri,
      BENCH_KAFKA_BROKERS: ctx.infra.kafkaBrokers.join(','),
      BENCH_TOPIC_PREFIX: ctx.topicPrefix,
    });
    ctx.defer(() => server.stop());

    // Reports over HTTP: auth, validation, projection check, rate limit, case write (holds included).
    const targets = await seedTargets(uri, TARGETS);
    const total = REPORTS[ctx.profile.name];
    const tokens = await Promise.all(
      Array.from({ length: total }, (_, i) => testToken({ sub: `bench-reporter-${i}`, secret: SECRET })),
    );
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: REPORT_CONCURRENCY }, async () => {
        while (next < total) {
          const i = next++;
          const t0 = performance.now();
          const response = await fetch(`${server.url}/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              target: { type: 'review', id: targets[i % TARGETS] },
              reasonCode: REASONS[i % REASONS.length],
              comment: 'Seen on the product page.',
            }),
          });
          await response.arrayBuffer();
          if (response.status === 201) latencies.push(performance.now() - t0);
          else failures++;
        }
      }),
    );
    const elapsed = performance.now() - started;
    if (failures > 0) throw new Error(`${failures} of ${total} reports were not accepted`);
    const accepted = ctx.results.measurement({
      id: 'ours.reports.accepted',
      label: `POST /reports, ${REPORT_CONCURRENCY} concurrent, ${total} reporters on ${TARGETS} reviews`,
      role: 'ours',
      rate: { value: ctx.stats.ratePerSecond(latencies.length, elapsed), unit: 'reports/s' },
      latencyMs: ctx.stats.summarize(latencies),
      details: { reports: total, targets: TARGETS, concurrency: REPORT_CONCURRENCY },
    });

    // The queue with 100,000 open cases: first pages, filtered pages and deep pages by cursor.
    const cases = OPEN_CASES[ctx.profile.name];
    ctx.log(`seeding ${cases} open cases`);
    const seeded = Date.now();
    await seedOpenCases(uri, cases, (done) => done % 20_000 === 0 && ctx.log(`  ${done} cases`));
    ctx.results.note(`seeded ${cases} open cases in ${((Date.now() - seeded) / 1000).toFixed(0)} s`);
    const moderatorToken = await testToken({
      sub: 'bench-moderator',
      roles: ['moderator'],
      secret: SECRET,
      ttlSeconds: 3_600,
    });
    const headers = { authorization: `Bearer ${moderatorToken}` };
    const paths = [
      '/moderation/cases?limit=20',
      '/moderation/cases?limit=50',
      '/moderation/cases?targetType=offer&limit=20',
      '/moderation/cases?reason=spam_or_advertising&limit=20',
      '/moderation/cases?targetType=review&reason=personal_information&limit=20',
      '/moderation/cases?state=open&limit=20',
    ];
    let cursor: string | undefined;
    for (let page = 0; page < 30; page++) {
      const path = `/moderation/cases?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await fetch(`${server.url}${path}`, { headers });
      const body = (await response.json()) as { items: unknown[]; nextCursor?: string };
      if (response.status !== 200 || body.items.length !== 20)
        throw new Error(`queue page ${page}: ${response.status}`);
      if (page % 5 === 4) paths.push(path);
      cursor = body.nextCursor;
    }
    const { profile } = ctx;
    const queue = await measureHttpLoad({
      url: server.url,
      paths,
      headers,
      connections: profile.httpConnections,
      durationMs: profile.httpDurationMs,
      warmupMs: profile.httpWarmupMs,
    });
    if (queue.notOk + queue.errors > 0)
      throw new Error(`queue: ${queue.notOk} non-2xx and ${queue.errors} errors`);
    const queueMeasurement = ctx.results.measurement({
      id: 'ours.reports.queue-page',
      label: `GET /moderation/cases (first, filtered and deep pages) with ${cases} open cases`,
      role: 'ours',
      rate: { value: queue.requestsPerSecond, unit: 'req/s' },
      latencyMs: queue.latency,
      details: { connections: profile.httpConnections, requests: queue.ok, openCases: cases },
    });
    ctx.results.note(
      `reports accepted/s ÷ findOne req/s: ${formatRatio(statValue(accepted, 'rate') / statValue(ceiling, 'rate'))}; ` +
        `queue page p50 ÷ findOne p50: ${formatRatio(statValue(queueMeasurement, 'p50') / statValue(ceiling, 'p50'))} (no goal)`,
    );
  },
};
