import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@app/contracts';
import { EventPublisher, HandlerOutcome, OutboundMessage } from '@app/platform';
import { ProbeModule, ProbeService, startServiceOn } from '@app/testing';
import type { BenchContext } from '../../lib/context';
import { runOpenLoop } from '../../lib/open-loop';
import type { Measurement } from '../../lib/report';
import { summarize } from '../../lib/stats';
import { waitUntil } from '../../lib/wait';

const DRAIN_TIMEOUT_MS = 60_000;

/** Every instant of one event's way, in `performance.now()` ms of this process. */
interface EventTiming {
  aggregateId: string;
  version: number;
  /** Just before `ProbeService.write()` was called. */
  start: number;
  /** `write()` resolved: the atomic update with the outbox append is acknowledged. */
  written?: number;
  /** The relay handed the event to the publisher (after reading the aggregate's outbox). */
  publishCalled?: number;
  /** The broker acknowledged the publish. */
  acked?: number;
  /** The consumer's handler was invoked (the event came off Kafka, was parsed and validated). */
  handlerStarted?: number;
  /** The handler's effect is stored (its version-guarded projection write). */
  effectStored?: number;
}

type ProbeEvent = EventEnvelope<'OfferListed' | 'OfferUpdated'>;

/**
 * Observes the probe service from outside, without changing the libraries: wraps the probe's
 * handler and the event publisher so each event's instants are recorded as they happen.
 */
class PathObserver {
  private readonly byAggregateVersion = new Map<string, EventTiming>();
  private readonly publishCalledByEventId = new Map<string, number>();
  private readonly ackedByEventId = new Map<string, number>();
  private readonly pendingHandled = new Map<string, { eventId: string; started: number; stored: number }>();
  writeFailures = 0;

  static key(aggregateId: string, version: number): string {
    return `${aggregateId}#${version}`;
  }

  attach(probe: ProbeService, publisher: EventPublisher): void {
    const handle = probe.handle.bind(probe);
    probe.handle = async (event: ProbeEvent): Promise<HandlerOutcome> => {
      const started = performance.now();
      const outcome = await handle(event);
      this.handled(event, started, performance.now());
      return outcome;
    };
    const publish = publisher.publish.bind(publisher);
    publisher.publish = async (messages: readonly OutboundMessage[]): Promise<void> => {
      const called = performance.now();
      for (const { eventId } of messages) {
        if (!this.publishCalledByEventId.has(eventId)) this.publishCalledByEventId.set(eventId, called);
      }
      await publish(messages);
      const acked = performance.now();
      for (const { eventId } of messages) {
        if (!this.ackedByEventId.has(eventId)) this.ackedByEventId.set(eventId, acked);
      }
    };
  }

  write(probe: ProbeService, aggregateId: string): void {
    const start = performance.now();
    probe.write(aggregateId).then(
      (version) => {
        const key = PathObserver.key(aggregateId, version);
        const timing: EventTiming = { aggregateId, version, start, written: performance.now() };
        this.byAggregateVersion.set(key, timing);
        // The consumer may have been quicker than this continuation.
        const early = this.pendingHandled.get(key);
        if (early) this.complete(timing, early);
      },
      () => this.writeFailures++,
    );
  }

  private handled(event: ProbeEvent, started: number, stored: number): void {
    const key = PathObserver.key(event.aggregateId, event.aggregateVersion);
    const timing = this.byAggregateVersion.get(key);
    const record = { eventId: event.eventId, started, stored };
    if (timing) this.complete(timing, record);
    else if (!this.pendingHandled.has(key)) this.pendingHandled.set(key, record);
  }

  private complete(timing: EventTiming, handled: { eventId: string; started: number; stored: number }): void {
    if (timing.effectStored !== undefined) return; // a redelivery: the first effect is the one that counts
    timing.handlerStarted = handled.started;
    timing.effectStored = handled.stored;
    timing.publishCalled = this.publishCalledByEventId.get(handled.eventId);
    timing.acked = this.ackedByEventId.get(handled.eventId);
  }

  /** Timings of events whose write started in [from, to). */
  startedBetween(from: number, to: number): EventTiming[] {
    return [...this.byAggregateVersion.values()].filter((t) => t.start >= from && t.start < to);
  }
}

function stage(
  id: string,
  name: string,
  timings: readonly EventTiming[],
  span: (t: EventTiming) => number | undefined,
): Measurement {
  const samples = timings.flatMap((t) => {
    const value = span(t);
    return value === undefined || Number.isNaN(value) ? [] : [value];
  });
  return {
    id: `${id}.stage.${name}`,
    label: `  stage: ${name}`,
    role: 'ours',
    latencyMs: summarize(samples),
  };
}

/**
 * Our path, end to end, at a steady offered rate: the probe service (a real service on our
 * platform, in this process) writes an aggregate through the outbox, the relay publishes right
 * after the write, and the same service consumes the event through our Kafka transport and stores
 * its effects. Latency per event: from just before `write()` to the handler's effects being stored.
 */
export async function measureOutboxPath(ctx: BenchContext): Promise<Measurement[]> {
  const { profile } = ctx;
  await ctx.ensurePlatformTopics();
  const service = await startServiceOn(
    {
      kafkaBrokers: ctx.infra.kafkaBrokers,
      topicPrefix: ctx.topicPrefix,
      mongoUri: ctx.databaseUri('probe'),
    },
    'offers',
    (config) => ProbeModule.register(config),
    // The table goes to stdout, where the service's JSON logs would land too; only fatal ones do.
    { LOG_LEVEL: 'fatal' },
  );
  ctx.defer(() => service.close());
  const probe = service.app.get(ProbeService);
  // The effect a real projection handler stores (one version-guarded write), not the tests'
  // delivery log and counter on top of it.
  probe.effects = 'projection';
  const observer = new PathObserver();
  observer.attach(probe, service.app.get(EventPublisher));
  const ids = Array.from({ length: profile.steadyAggregates }, () => uuidv7());

  const steady = async (durationMs: number) => {
    const from = performance.now();
    const failedBefore = observer.writeFailures;
    const loop = await runOpenLoop({
      ratePerSecond: profile.steadyRate,
      durationMs,
      start: (index) => observer.write(probe, ids[index % ids.length]),
    });
    const to = performance.now();
    const expected = loop.issued - (observer.writeFailures - failedBefore);
    await waitUntil(
      () => {
        const timings = observer.startedBetween(from, to);
        return timings.length >= expected && timings.every((t) => t.effectStored !== undefined);
      },
      { timeoutMs: DRAIN_TIMEOUT_MS, what: 'our events to be handled' },
    ).catch(() => ctx.log('our path: some events were not handled in time'));
    return { from, to, loop };
  };

  ctx.log(`our path: warm-up at ${profile.steadyRate}/s for ${profile.steadyWarmupMs} ms`);
  await steady(profile.steadyWarmupMs);
  ctx.log(`our path: ${profile.steadyRate}/s for ${profile.steadyDurationMs} ms`);
  const failuresBefore = observer.writeFailures;
  const { from, to, loop } = await steady(profile.steadyDurationMs);
  const all = observer.startedBetween(from, to);
  const timings = all.filter((t) => t.effectStored !== undefined);

  const id = 'ours.outbox-path';
  const byStart = [...timings].sort((a, b) => a.start - b.start);
  const fifth = Math.max(1, Math.floor(byStart.length / 5));
  const p50Of = (slice: readonly EventTiming[]) =>
    summarize(slice.map((t) => (t.effectStored as number) - t.start)).p50;
  return [
    {
      id,
      label: `our path: write → relay → Kafka → consumer effect stored, ${profile.steadyRate}/s open loop`,
      role: 'ours',
      rate: { value: loop.achievedRate, unit: 'events/s offered' },
      latencyMs: summarize(timings.map((t) => (t.effectStored as number) - t.start)),
      details: {
        offeredRate: profile.steadyRate,
        issued: loop.issued,
        missing: loop.issued - timings.length,
        writeFailures: observer.writeFailures - failuresBefore,
        schedulerLatenessP99Ms: loop.lateness.p99,
        aggregates: profile.steadyAggregates,
        // A latency that grows across the window means the path cannot keep up with the rate.
        p50FirstFifthMs: p50Of(byStart.slice(0, fifth)),
        p50LastFifthMs: p50Of(byStart.slice(-fifth)),
      },
    },
    stage(id, 'write (findOne + atomic update)', timings, (t) => t.written! - t.start),
    stage(id, 'relay: written → publish called', timings, (t) => t.publishCalled! - t.written!),
    stage(id, 'produce (publish → ack)', timings, (t) => t.acked! - t.publishCalled!),
    stage(id, 'ack → handler starts', timings, (t) => t.handlerStarted! - t.acked!),
    stage(id, 'handler (1 version-guarded write)', timings, (t) => t.effectStored! - t.handlerStarted!),
  ];
}
