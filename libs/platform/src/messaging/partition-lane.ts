/** The parts of a Kafka message a lane needs: its offset and its key. */
export interface LaneMessage {
  readonly offset: string;
  readonly key: string;
}

interface Entry {
  readonly offset: bigint;
  done: boolean;
}

/**
 * One partition's messages on their way through the handlers, decoupled from fetching: messages
 * of one key run in offset order, different keys side by side, and `commitOffset()` is the offset
 * up to which every message is done, so a commit never skips one still in flight.
 *
 * The fetch loop only enqueues; a slow handler holds up its own key and the commit point, never
 * the next fetch.
 */
export class PartitionLane<M extends LaneMessage> {
  /** Messages not yet done (and the done ones behind the oldest unfinished one), by offset. */
  private readonly entries: Entry[] = [];
  private readonly keyTails = new Map<string, Promise<void>>();
  private highest = -1n;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  /**
   * @param run handles one message; resolves true when it is done (handled or dead-lettered),
   *   false when it was abandoned (shutting down): then it is never committed by this lane.
   */
  constructor(
    private readonly run: (message: M) => Promise<boolean>,
    private readonly onSettled: () => void = () => undefined,
  ) {}

  /** Messages enqueued and not yet settled. */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * Enqueues the messages this lane has not seen (a re-fetch after a rebalance repeats some),
   * each behind the previous message of its key.
   */
  push(messages: readonly M[]): void {
    for (const message of messages) {
      const offset = BigInt(message.offset);
      if (offset <= this.highest) continue;
      this.highest = offset;
      const entry: Entry = { offset, done: false };
      this.entries.push(entry);
      this.inFlight++;
      const previous = this.keyTails.get(message.key) ?? Promise.resolve();
      const tail = previous.then(async () => {
        entry.done = await this.run(message).catch(() => false);
        this.settle();
      });
      this.keyTails.set(message.key, tail);
      void tail.then(() => {
        if (this.keyTails.get(message.key) === tail) this.keyTails.delete(message.key);
      });
    }
  }

  /**
   * The offset to commit (the next one to read): the oldest message not yet done, or just past
   * the newest when all are done; undefined before the first message.
   */
  commitOffset(): string | undefined {
    while (this.entries.length > 0 && this.entries[0].done) this.entries.shift();
    if (this.entries.length > 0) return this.entries[0].offset.toString();
    return this.highest >= 0n ? (this.highest + 1n).toString() : undefined;
  }

  /** Resolves once no message is in flight (or right away). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    this.inFlight--;
    if (this.inFlight === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
    this.onSettled();
  }
}
