import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with the metrics every service shares. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly eventsHandled = new Counter({
    name: 'events_handled_total',
    help: 'Events consumed, by consumer group, event type and outcome',
    labelNames: ['group', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly eventHandlingDuration = new Histogram({
    name: 'event_handling_duration_seconds',
    help: 'Time a handler took for one event, by consumer group and event type',
    labelNames: ['group', 'type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'events_dead_lettered_total',
    help: 'Events sent to a dead-letter topic, by consumer group and reason',
    labelNames: ['group', 'reason'] as const,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'events_published_total',
    help: 'Events acknowledged by the broker, by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  setServiceLabel(service: string): void {
    this.registry.setDefaultLabels({ service });
  }
}
