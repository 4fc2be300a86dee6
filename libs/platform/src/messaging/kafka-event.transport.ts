import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import pLimit from 'p-limit';
import { isObservable, lastValueFrom } from 'rxjs';
import { CONSUMER_GROUP_TOPICS, ConsumerGroup, parseEvent, AnyEventEnvelope } from '@app/contracts';
import { runWithCorrelation } from '../logging/correlation';
import { MetricsService } from '../metrics/metrics.service';
import { EventContext, HandlerOutcome } from './event-bus';
import { KafkaConnection } from './kafka-connection';
import { copyHeaders, headerString } from './kafka-headers';
import { handlerPattern } from './on-event.decorator';
import { LaneMessage, PartitionLane } from './partition-lane';
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
}

type DeadLetterReason = 'invalid-event' | 'handler-failed';
export type ConsumerState = 'starting' | 'member' | 'rebalancing' | 'crashed';

/** How often each consumer commits the offsets its lanes have finished (a crash re-reads less). */
const COMMIT_INTERVAL_MS = 1_000;
/** A partition with this many messages in flight stops fetching until it is down to RESUME_BELOW. */
const PAUSE_AT = 2_000;
const RESUME_BELOW = 500;
/** The broker answers a fetch as soon as there is data; this only bounds an idle one. */
const FETCH_MAX_WAIT_MS = 500;
/** How long a shutdown waits for handlers in flight before it commits and leaves the group. */
const CLOSE_GRACE_MS = 5_000;

interface LaneMessageOf extends LaneMessage {
  readonly message: KafkaMessage;
}

interface LaneState {
  readonly topic: string;
  readonly partition: number;
  readonly lane: PartitionLane<LaneMessageOf>;
  /** The last offset committed for this partition by this consumer. */
  committed?: string;
  /** Set while the partition is paused for having too much in flight. */
  resume?: () => void;
}

/** One consumer of one group, with its partitions' lanes. */
interface GroupRun {
  readonly group: ConsumerGroup;
  readonly consumer: Consumer;
  readonly lanes: Map<string, LaneState>;
  /** Partitions this member owns since the last rebalance; only theirs are committed. */
  assigned: Set<string>;
  commitTimer?: NodeJS.Timeout;
}

function laneKey(topic: string, partition: number): string {
  return `${topic}|${partition}`;
}

const RESTART_POLICY: RetryPolicy = { maxAttempts: Infinity, initialBackoffMs: 500, maxBackoffMs: 15_000 };

/**
 * The Nest microservice transport for our events. Per consumer group it validates each event,
 * dispatches it to the `@OnEvent` handler, retries transient failures with backoff, and after the
 * last attempt writes the message to `dlq.<group>` and moves on: a poison event never blocks its
 * partition and is never silently dropped (if even the dead-letter write fails, it is retried and
 * the partition's committed offset waits for it).
 *
 * Fetching and handling are decoupled: each partition's messages go to a `PartitionLane` (one key
 * in order, keys side by side) and the consumer fetches on, committing once a second the offsets
 * up to which everything is done.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENT_TRANSPORT;
  private readonly log = new Logger(KafkaEventTransport.name);
  private readonly runs = new Map<ConsumerGroup, GroupRun>();
  private readonly retry: RetryPolicy;
  private readonly states = new Map<ConsumerGroup, { state: ConsumerState; memberId?: string }>();
  private readonly starting = new Set<Promise<void>>();
  /** Handlers running at once, over all groups and partitions (KAFKA_CONSUMER_CONCURRENCY). */
  private readonly limit: pLimit.Limit;
  private closed = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: MetricsService,
    private readonly options: KafkaEventTransportOptions,
  ) {
    super();
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.limit = pLimit(connection.consumerConcurrency);
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
   * Stops consuming: waits for consumers still starting, gives handlers in flight a moment to
   * finish, commits what is done, then leaves the groups. A message not done by then stays
   * uncommitted; the next owner of its partition handles it again.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.starting]);
    await Promise.all(
      [...this.runs.values()].map(async (run) => {
        this.stopCommitting(run);
        const lanes = [...run.lanes.values()].map((state) => state.lane.idle());
        await Promise.race([Promise.all(lanes), sleep(CLOSE_GRACE_MS)]);
        await this.commitDone(run);
        await run.consumer.disconnect();
      }),
    );
    this.runs.clear();
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
    return new Map([...this.runs].map(([group, run]) => [group, run.consumer])) as T;
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
      // An idle fetch returns after this long; leaving the group waits for the fetch in flight.
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    });
    const run: GroupRun = { group, consumer, lanes: new Map(), assigned: new Set() };
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.states.set(group, { state: 'member', memberId: payload.memberId });
      run.assigned = new Set(
        Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
          partitions.map((partition) => laneKey(topic, partition)),
        ),
      );
    });
    consumer.on(consumer.events.REBALANCING, () => this.states.set(group, { state: 'rebalancing' }));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.states.set(group, { state: 'crashed' });
      // kafkajs restarts on retriable errors itself; otherwise we start a fresh consumer.
      if (!payload.restart && !this.closed) {
        this.stopCommitting(run);
        this.runs.delete(group);
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
        // We commit ourselves, only offsets whose messages are all done (see PartitionLane).
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.enqueueBatch(run, payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await consumer.disconnect();
      return;
    }
    run.commitTimer = setInterval(() => void this.commitDone(run), COMMIT_INTERVAL_MS);
    this.runs.set(group, run);
    this.log.log({ group: naming.group(group) }, 'consumer started');
  }

  /**
   * Hands a fetched batch to its partition's lane and returns at once, so the next fetch does not
   * wait for the slowest handler of this one. The fetch position moves on (resolveOffset); what is
   * committed is the lane's own progress. A partition with too much in flight is paused until its
   * lane has caught up.
   */
  private enqueueBatch(run: GroupRun, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (this.closed || batch.messages.length === 0 || !payload.isRunning()) return Promise.resolve();
    const key = laneKey(batch.topic, batch.partition);
    let state = run.lanes.get(key);
    if (!state) {
      const created: LaneState = {
        topic: batch.topic,
        partition: batch.partition,
        lane: new PartitionLane(
          (item) =>
            this.limit(() => this.runToCompletion(run.group, batch.topic, batch.partition, item.message)),
          () => {
            if (created.resume && created.lane.pending <= RESUME_BELOW) {
              created.resume();
              created.resume = undefined;
            }
          },
        ),
      };
      state = created;
      run.lanes.set(key, state);
    }
    state.lane.push(
      batch.messages.map((message) => ({
        offset: message.offset,
        key: message.key?.toString('utf8') ?? '',
        message,
      })),
    );
    payload.resolveOffset(batch.messages[batch.messages.length - 1].offset);
    if (!state.resume && state.lane.pending >= PAUSE_AT) state.resume = payload.pause();
    return Promise.resolve();
  }

  /**
   * Handles one message until it is done: handled, or dead-lettered. Only a failed dead-letter
   * write repeats (the message must not be committed unhandled); false when shutting down.
   */
  private async runToCompletion(
    group: ConsumerGroup,
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (this.closed) return false;
      try {
        return await this.handleMessage(group, topic, partition, message);
      } catch (error) {
        const delay = backoffMs(RESTART_POLICY, attempt);
        this.log.error(
          { group, topic, partition, offset: message.offset, err: error, retryInMs: delay },
          'could not dead-letter an event, retrying',
        );
        await sleep(delay);
      }
    }
  }

  /** Commits, for each partition this member owns, the offset up to which every message is done. */
  private async commitDone(run: GroupRun): Promise<void> {
    const offsets = [...run.lanes.entries()].flatMap(([key, state]) => {
      const offset = state.lane.commitOffset();
      if (!run.assigned.has(key) || offset === undefined || offset === state.committed) return [];
      return [{ state, offset }];
    });
    if (offsets.length === 0) return;
    try {
      await run.consumer.commitOffsets(
        offsets.map(({ state, offset }) => ({ topic: state.topic, partition: state.partition, offset })),
      );
      for (const { state, offset } of offsets) state.committed = offset;
    } catch (error) {
      // A rebalance or an outage: the next tick commits again (a crash re-delivers, idempotently).
      this.log.warn({ group: run.group, err: error }, 'offset commit failed, will retry');
    }
  }

  private stopCommitting(run: GroupRun): void {
    clearInterval(run.commitTimer);
  }

  private async handleMessage(
    group: ConsumerGroup,
    topic: string,
    partition: number,
    message: KafkaMessage,
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
      this.dispatchWithRetries({ group, topic, partition, message, event, handler }),
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
        publishedAt: kafkaTimestamp(input.message),
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

function kafkaTimestamp(message: KafkaMessage): Date | undefined {
  const millis = Number(message.timestamp);
  return Number.isFinite(millis) && millis > 0 ? new Date(millis) : undefined;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
