import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { CONSUMER_GROUP_TOPICS, ConsumerGroup, parseEvent, AnyEventEnvelope } from '@app/contracts';
import { runWithCorrelation } from '../logging/correlation';
import { MetricsService } from '../metrics/metrics.service';
import { EventContext, HandlerOutcome } from './event-bus';
import { KafkaConnection } from './kafka-connection';
import { copyHeaders, headerString } from './kafka-headers';
import { handlerPattern } from './on-event.decorator';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isInfrastructureFault,
  isRetryable,
  RetryPolicy,
} from './retry-policy';

export const KAFKA_EVENT_TRANSPORT = Symbol('KAFKA_EVENT_TRANSPORT');

export interface KafkaEventTransportOptions {
  readonly groups: readonly ConsumerGroup[];
  readonly retry?: RetryPolicy;
  /** Partitions of one consumer handled at the same time (order is kept within a partition). */
  readonly partitionsConsumedConcurrently?: number;
}

type DeadLetterReason = 'invalid-event' | 'handler-failed';
export type ConsumerState = 'starting' | 'member' | 'rebalancing' | 'crashed';

/** Messages handled per slice of a batch: bounds the concurrency and what a crash re-delivers. */
const BATCH_SLICE = 64;

const RESTART_POLICY: RetryPolicy = { maxAttempts: Infinity, initialBackoffMs: 500, maxBackoffMs: 15_000 };

/**
 * The Nest microservice transport for our events. Per consumer group it validates each event,
 * dispatches it to the `@OnEvent` handler, retries transient failures with backoff, and after the
 * last attempt writes the message to `dlq.<group>` and moves on: a poison event never blocks its
 * partition and is never silently dropped (if even the dead-letter write fails, the offset is not
 * committed and the batch is redelivered).
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENT_TRANSPORT;
  private readonly log = new Logger(KafkaEventTransport.name);
  private readonly consumers = new Map<ConsumerGroup, Consumer>();
  private readonly retry: RetryPolicy;
  private readonly states = new Map<ConsumerGroup, { state: ConsumerState; memberId?: string }>();
  private readonly starting = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: MetricsService,
    private readonly options: KafkaEventTransportOptions,
  ) {
    super();
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /**
   * Consumers start in the background and keep retrying: a Kafka outage at start must not keep the
   * HTTP API (and its readiness) down.
   */
  listen(callback: (error?: unknown) => void): void {
    for (const group of this.options.groups) {
      if (this.hasHandlers(group)) this.track(this.startGroupUntilRunning(group));
    }
    callback();
  }

  /**
   * Stops consuming: waits for consumers still starting, then leaves the groups. A handler that is
   * running finishes or is abandoned with its offset uncommitted; the next owner handles it again.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.starting]);
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
  }

  private track(start: Promise<void>): void {
    this.starting.add(start);
    void start.finally(() => this.starting.delete(start));
  }

  /** Each group with handlers, and whether its consumer currently holds a group membership. */
  describeConsumers(): { group: string; state: ConsumerState; memberId?: string }[] {
    return [...this.states].map(([group, { state, memberId }]) => ({
      group: this.connection.naming.group(group),
      state,
      memberId,
    }));
  }

  on(): never {
    throw new Error('KafkaEventTransport does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  private hasHandlers(group: ConsumerGroup): boolean {
    return [...this.getHandlers().keys()].some((pattern) => pattern.startsWith(`${group}:`));
  }

  private async startGroupUntilRunning(group: ConsumerGroup): Promise<void> {
    this.states.set(group, { state: 'starting' });
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await this.startGroup(group);
        return;
      } catch (error) {
        const delay = backoffMs(RESTART_POLICY, attempt);
        this.log.warn({ group, attempt, err: error, retryInMs: delay }, 'consumer could not start, retrying');
        await sleep(delay);
      }
    }
  }

  private async startGroup(group: ConsumerGroup): Promise<void> {
    const { naming } = this.connection;
    const consumer = this.connection.kafka.consumer({
      groupId: naming.group(group),
      sessionTimeout: this.connection.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.connection.sessionTimeoutMs / 10),
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) =>
      this.states.set(group, { state: 'member', memberId: payload.memberId }),
    );
    consumer.on(consumer.events.REBALANCING, () => this.states.set(group, { state: 'rebalancing' }));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.states.set(group, { state: 'crashed' });
      // kafkajs restarts on retriable errors itself; otherwise we start a fresh consumer.
      if (!payload.restart && !this.closed) {
        this.consumers.delete(group);
        this.track(consumer.disconnect().finally(() => this.startGroupUntilRunning(group)));
      }
    });
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [
          ...CONSUMER_GROUP_TOPICS[group].map((topic) => naming.topic(topic)),
          naming.replayTopic(group),
        ],
        fromBeginning: true,
      });
      await consumer.run({
        autoCommit: true,
        // Committing after every batch costs a round trip before the next fetch; once a second
        // is enough, and the idempotent handlers absorb what a crash makes us read again.
        autoCommitInterval: 1_000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.handleBatch(group, payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await consumer.disconnect();
      return;
    }
    this.consumers.set(group, consumer);
    this.log.log({ group: naming.group(group) }, 'consumer started');
  }

  /**
   * Order matters per key (one aggregate), not across keys: within a slice of the batch, the
   * messages of each key run in order while different keys run side by side, so one slow
   * aggregate does not hold up the rest of the partition. Offsets are resolved slice by slice,
   * only once every message of the slice is done; a crash re-delivers at most that slice, which
   * the idempotent handlers absorb.
   */
  private async handleBatch(group: ConsumerGroup, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    for (let start = 0; start < batch.messages.length; start += BATCH_SLICE) {
      if (this.closed || !payload.isRunning() || payload.isStale()) return;
      const slice = batch.messages.slice(start, start + BATCH_SLICE);
      const byKey = new Map<string, KafkaMessage[]>();
      for (const message of slice) {
        const key = message.key?.toString('utf8') ?? '';
        byKey.set(key, [...(byKey.get(key) ?? []), message]);
      }
      const finished = await Promise.all(
        [...byKey.values()].map(async (messages) => {
          for (const message of messages) {
            if (!(await this.handleMessage(group, batch.topic, batch.partition, message, heartbeat)))
              return false;
          }
          return true;
        }),
      );
      if (finished.includes(false)) return;
      payload.resolveOffset(slice[slice.length - 1].offset);
      await payload.heartbeat();
    }
    await payload.commitOffsetsIfNecessary();
  }

  private async handleMessage(
    group: ConsumerGroup,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const parsed = this.parse(topic, message);
    if (!parsed.ok) {
      await this.deadLetter({
        group,
        topic,
        partition,
        message,
        reason: 'invalid-event',
        error: parsed.error,
        attempts: 0,
      });
      return true;
    }
    const event = parsed.event;
    const handler = this.getHandlerByPattern(handlerPattern(group, event.type));
    if (!handler) {
      this.metrics.eventsHandled.inc({ group, type: event.type, outcome: 'no-handler' });
      return true;
    }
    return runWithCorrelation(event.correlationId, () =>
      this.dispatchWithRetries({ group, topic, partition, message, event, handler, heartbeat }),
    );
  }

  private parse(topic: string, message: KafkaMessage): ReturnType<typeof parseEvent> {
    const logicalTopic = this.connection.naming.logicalTopic(topic);
    if (!message.value) return { ok: false, reason: 'invalid-envelope', error: 'message has no value' };
    let raw: unknown;
    try {
      raw = JSON.parse(message.value.toString('utf8'));
    } catch (error) {
      return {
        ok: false,
        reason: 'invalid-envelope',
        error: `value is not JSON: ${(error as Error).message}`,
      };
    }
    return parseEvent(raw, logicalTopic);
  }

  private async dispatchWithRetries(input: {
    group: ConsumerGroup;
    topic: string;
    partition: number;
    message: KafkaMessage;
    event: AnyEventEnvelope;
    handler: MessageHandler;
    heartbeat: () => Promise<void>;
  }): Promise<boolean> {
    const { group, event, handler } = input;
    let outageAttempts = 0;
    for (let attempt = 1; ; attempt++) {
      const context: EventContext = {
        group,
        topic: input.topic,
        partition: input.partition,
        offset: input.message.offset,
        attempt,
      };
      const timer = this.metrics.eventHandlingDuration.startTimer({ group, type: event.type });
      try {
        const outcome = await invoke(handler, event, context);
        timer();
        this.metrics.eventsHandled.inc({ group, type: event.type, outcome });
        this.log.debug({ group, type: event.type, eventId: event.eventId, outcome }, 'event handled');
        return true;
      } catch (error) {
        timer();
        // Shutting down: leave the offset uncommitted, the next owner of the partition handles it.
        if (this.closed) return false;
        if (isInfrastructureFault(error)) {
          // Not this event's fault: wait for the store or broker, keep the partition's place and
          // the group membership, and do not spend the event's own retry budget.
          attempt--;
          const delay = backoffMs(RESTART_POLICY, ++outageAttempts);
          this.log.warn(
            { group, type: event.type, err: error, retryInMs: delay },
            'infrastructure unavailable, waiting',
          );
          await sleep(delay);
          await input.heartbeat().catch(() => undefined);
          continue;
        }
        const retryable = isRetryable(error);
        if (!retryable || attempt >= this.retry.maxAttempts) {
          await this.deadLetter({
            ...input,
            reason: 'handler-failed',
            error: describeError(error),
            attempts: attempt,
          });
          return true;
        }
        this.log.warn(
          { group, type: event.type, eventId: event.eventId, attempt, err: error },
          'handler failed, retrying',
        );
        await sleep(backoffMs(this.retry, attempt));
        await input.heartbeat().catch(() => undefined);
      }
    }
  }

  private async deadLetter(input: {
    group: ConsumerGroup;
    topic: string;
    partition: number;
    message: KafkaMessage;
    reason: DeadLetterReason;
    error: string;
    attempts: number;
  }): Promise<void> {
    const { group, topic, partition, message, reason, error, attempts } = input;
    const producer = await this.connection.producer();
    await producer.send({
      topic: this.connection.naming.deadLetterTopic(group),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...copyHeaders(message.headers),
            'dlq-group': group,
            'dlq-reason': reason,
            'dlq-error': error.slice(0, 4_000),
            'dlq-attempts': String(attempts),
            'dlq-original-topic': topic,
            'dlq-original-partition': String(partition),
            'dlq-original-offset': message.offset,
            'dlq-original-timestamp': message.timestamp,
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    this.metrics.deadLetters.inc({ group, reason });
    this.log.error(
      {
        group,
        topic,
        partition,
        offset: message.offset,
        eventType: headerString(message.headers, 'event-type'),
        reason,
        error,
      },
      'event dead-lettered',
    );
  }
}

async function invoke(
  handler: MessageHandler,
  event: AnyEventEnvelope,
  context: EventContext,
): Promise<HandlerOutcome> {
  const result: unknown = await handler(event, context);
  const value: unknown = isObservable(result)
    ? await lastValueFrom(result, { defaultValue: undefined })
    : result;
  return typeof value === 'string' ? (value as HandlerOutcome) : 'applied';
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
