import { PartitionLane } from './partition-lane';

interface TestMessage {
  offset: string;
  key: string;
}

/** A handler whose calls finish when the test says so, recording the order they started in. */
function controlledHandler() {
  const started: string[] = [];
  const finishers = new Map<string, (done: boolean) => void>();
  const run = (message: TestMessage) =>
    new Promise<boolean>((resolve) => {
      started.push(message.offset);
      finishers.set(message.offset, resolve);
    });
  const finish = async (offset: string, done = true) => {
    finishers.get(offset)!(done);
    await flush();
  };
  return { run, started, finish };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const msg = (offset: number, key: string): TestMessage => ({ offset: String(offset), key });

describe('PartitionLane', () => {
  it('runs the messages of one key in order and different keys side by side', async () => {
    const handler = controlledHandler();
    const lane = new PartitionLane(handler.run);
    lane.push([msg(0, 'a'), msg(1, 'b'), msg(2, 'a'), msg(3, 'c')]);
    await flush();
    expect(handler.started).toEqual(['0', '1', '3']);
    await handler.finish('0');
    expect(handler.started).toEqual(['0', '1', '3', '2']);
  });

  it('commits only up to the oldest message not yet done', async () => {
    const handler = controlledHandler();
    const lane = new PartitionLane(handler.run);
    expect(lane.commitOffset()).toBeUndefined();
    lane.push([msg(10, 'a'), msg(11, 'b'), msg(12, 'c')]);
    await flush();
    await handler.finish('11');
    await handler.finish('12');
    expect(lane.commitOffset()).toBe('10');
    await handler.finish('10');
    expect(lane.commitOffset()).toBe('13');
    expect(lane.pending).toBe(0);
  });

  it('never commits past a message that was abandoned (shutdown)', async () => {
    const handler = controlledHandler();
    const lane = new PartitionLane(handler.run);
    lane.push([msg(0, 'a'), msg(1, 'b')]);
    await flush();
    await handler.finish('0', false);
    await handler.finish('1');
    expect(lane.commitOffset()).toBe('0');
    await lane.idle();
  });

  it('ignores messages it has already seen (a re-fetch after a rebalance)', async () => {
    const handler = controlledHandler();
    const lane = new PartitionLane(handler.run);
    lane.push([msg(0, 'a'), msg(1, 'a')]);
    lane.push([msg(1, 'a'), msg(2, 'a')]);
    await flush();
    await handler.finish('0');
    await handler.finish('1');
    await handler.finish('2');
    expect(handler.started).toEqual(['0', '1', '2']);
    expect(lane.commitOffset()).toBe('3');
  });

  it('tells its owner each time a message settles, and resolves idle() when none is in flight', async () => {
    const handler = controlledHandler();
    let settled = 0;
    const lane = new PartitionLane(handler.run, () => settled++);
    lane.push([msg(0, 'a'), msg(1, 'b')]);
    await flush();
    const idle = lane.idle();
    await handler.finish('0');
    expect(settled).toBe(1);
    await handler.finish('1');
    await expect(idle).resolves.toBeUndefined();
    expect(settled).toBe(2);
  });
});
