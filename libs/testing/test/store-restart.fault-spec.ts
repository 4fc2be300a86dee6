import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, MongoServerError } from 'mongodb';
import { INFRA_DIR, instancePaths, NativeStore, startNativeStore, stopProcess } from '../../../tools/infra';

/*
 * Store conformance check 7 (docs/store-conformance.md): data survives a restart of the store. A
 * fault test: it runs its own store process (H2 backend, as `npm start` uses) on a port and data
 * directory of its own, stops it with SIGTERM as `infra:down` does, and starts it again.
 */

const DIR = join(INFRA_DIR, 'fault', 'store-restart');
// Not 27117: that is the store the other fault tests share; this one is stopped and restarted.
const PORT = 27118;
const DATABASE = 'restart_check';

interface Item {
  _id: number;
  sku: string;
  stock: number;
}

let store: NativeStore | undefined;

const start = (): Promise<NativeStore> => startNativeStore({ dir: DIR, port: PORT, backend: 'h2' });

beforeAll(async () => {
  // A previous run that died may have left its store running or its data behind.
  await stopProcess(instancePaths(DIR, 'store').pidFile);
  rmSync(join(DIR, 'data'), { recursive: true, force: true });
  store = await start();
});

afterAll(async () => {
  if (store) await stopProcess(store.pidFile);
});

function running(): NativeStore {
  if (!store) throw new Error('the store did not start');
  return store;
}

describe('store restart (conformance check 7)', () => {
  it('check 7: acknowledged inserts, updates and a unique index survive a SIGTERM restart', async () => {
    const count = 500;
    let client = new MongoClient(running().url, { serverSelectionTimeoutMS: 5_000 });
    try {
      const items = client.db(DATABASE).collection<Item>('items');
      await items.createIndex({ sku: 1 }, { unique: true });
      for (let start = 0; start < count; start += 100) {
        await items.insertMany(
          Array.from({ length: 100 }, (_, i) => ({ _id: start + i, sku: `sku-${start + i}`, stock: 0 })),
        );
      }
      for (let i = 0; i < count; i += 5) await items.updateOne({ _id: i }, { $inc: { stock: 3 } });
      // The last write right before the stop: the one a lazy commit would lose.
      await items.updateOne({ _id: count - 1 }, { $set: { stock: 42 } });
    } finally {
      await client.close();
    }

    expect(await stopProcess(running().pidFile)).toBe('stopped');
    store = await start();

    client = new MongoClient(running().url, { serverSelectionTimeoutMS: 5_000 });
    try {
      const items = client.db(DATABASE).collection<Item>('items');
      const all = await items.find().sort({ _id: 1 }).toArray();
      expect(all).toHaveLength(count);
      const wrong = all.filter((d) => {
        const expected = d._id === count - 1 ? 42 : d._id % 5 === 0 ? 3 : 0;
        return d.sku !== `sku-${d._id}` || d.stock !== expected;
      });
      expect(wrong).toEqual([]);
      const duplicate = await items.insertOne({ _id: count, sku: 'sku-7', stock: 0 }).then(
        () => 'accepted',
        (e: unknown) => (e instanceof MongoServerError ? e.code : String(e)),
      );
      expect(duplicate).toBe(11000);
    } finally {
      await client.close();
    }
  });

  it('check 7: a write while the store is down fails fast, and the same client recovers after the restart', async () => {
    const client = new MongoClient(running().url, { serverSelectionTimeoutMS: 1_500 });
    try {
      const events = client.db(DATABASE).collection<{ _id: string }>('outage');
      await events.insertOne({ _id: 'before' });

      expect(await stopProcess(running().pidFile)).toBe('stopped');
      const began = Date.now();
      const outcome = await events.insertOne({ _id: 'during' }).then(
        () => 'accepted',
        (e: unknown) => (e instanceof Error ? e.name : String(e)),
      );
      expect(outcome).toMatch(/^Mongo(ServerSelection|Network|NetworkTimeout)Error$/);
      expect(Date.now() - began).toBeLessThan(10_000);

      store = await start();
      // The driver notices the server is back on its next server selection.
      let recovered = false;
      for (let attempt = 0; attempt < 10 && !recovered; attempt++) {
        recovered = await events.insertOne({ _id: 'after' }).then(
          () => true,
          () => false,
        );
      }
      expect(recovered).toBe(true);
      expect((await events.find().toArray()).map((d) => d._id).sort()).toEqual(['after', 'before']);
    } finally {
      await client.close();
    }
  });
});
