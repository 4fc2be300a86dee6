import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { expectEventually, startTestService, testToken, TestService, UpstreamEvents } from '@app/testing';
import { OffersModule } from '../../apps/offers/src/offers.module';
import { FeedUploadError, uploadFeed } from './feed-upload';

type Json = Record<string, any>;

/** The seller CLI's upload, run against a real offers service on the real broker and store. */
describe('npm run feed -- upload', () => {
  let service: TestService;
  let dir: string;
  const upstream = new UpstreamEvents();

  const captured = () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return { out, text: () => text };
  };

  beforeAll(async () => {
    service = await startTestService('offers', (config) =>
      OffersModule.register(config, { feedPollIntervalMs: 100 }),
    );
    await upstream.connect();
    dir = await mkdtemp(join(tmpdir(), 'feed-cli-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await upstream.disconnect();
    await service.close();
  });

  it('uploads a CSV file, follows it to the end, writes the full report and prints a summary', async () => {
    const productId = await upstream.product();
    await expectEventually(async () =>
      expect((await fetch(`${service.url}/products/${productId}/offers`)).status).toBe(200),
    );
    const sellerId = uuidv7();
    const token = await testToken({ roles: ['seller'], sellerId, sub: `acc-${sellerId}` });
    const file = join(dir, 'inventory.csv');
    await writeFile(
      file,
      [
        '\uFEFFsku,product_id,condition,condition_note,price,quantity,handling_min,handling_max',
        `CLI-1,${productId},used_very_good,"Tight binding, clean pages; ""Stanford"" stamp.",12.50,3,1,2`,
        `CLI-2,${productId},new,,19.94,1,1,2`,
        `CLI-3,${productId},mint,,3.00,1,1,2`,
        '',
      ].join('\n'),
    );

    const first = captured();
    const result = await uploadFeed({
      file,
      baseUrl: service.url,
      token,
      pollIntervalMs: 50,
      out: first.out,
    });
    expect(result.repeated).toBe(false);
    expect(result.feed).toMatchObject({
      status: 'done',
      counts: { rows: 3, processed: 3, applied: 2, unchanged: 0, rejected: 1 },
    });
    expect(result.reportPath).toBe(`${file}.report.json`);
    const report = JSON.parse(await readFile(result.reportPath, 'utf8')) as { entries: Json[] };
    expect(report.entries.map((e) => [e.sku, e.outcome, e.code])).toEqual([
      ['CLI-1', 'applied', undefined],
      ['CLI-2', 'applied', undefined],
      ['CLI-3', 'rejected', 'CONDITION_INVALID'],
    ]);
    expect(first.text()).toContain(`feed ${result.feed.id} (inventory.csv): 3 rows\n`);
    expect(first.text()).toContain('done: 2 applied, 0 unchanged, 1 rejected\n');
    expect(first.text()).toContain(`full report: ${result.reportPath}\n`);

    // The default Idempotency-Key comes from the file: uploading it again follows the same feed.
    const again = captured();
    const repeat = await uploadFeed({
      file,
      baseUrl: service.url,
      token,
      pollIntervalMs: 50,
      out: again.out,
    });
    expect(repeat.repeated).toBe(true);
    expect(repeat.feed.id).toBe(result.feed.id);
    expect(again.text()).toContain('uploaded before');
    const offers = await fetch(`${service.url}/sellers/me/offers`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await offers.json()) as { items: Json[] }).items.map((o) => o.sku).sort()).toEqual([
      'CLI-1',
      'CLI-2',
    ]);
  });

  it('sends .jsonl files as JSON lines', async () => {
    const sellerId = uuidv7();
    const token = await testToken({ roles: ['seller'], sellerId });
    const file = join(dir, 'stock.jsonl');
    await writeFile(file, '{"sku":"NOT-MINE","quantity":0}\n');
    const { feed } = await uploadFeed({
      file,
      baseUrl: service.url,
      token,
      pollIntervalMs: 50,
      out: new PassThrough(),
    });
    expect(feed).toMatchObject({ status: 'done', counts: { rows: 1, rejected: 1 } });
  });

  it('stops with the service’s error code when the file cannot be read as a feed', async () => {
    const token = await testToken({ roles: ['seller'], sellerId: uuidv7() });
    const file = join(dir, 'wrong.csv');
    await writeFile(file, 'sku,colour\nA-1,red\n');
    const upload = uploadFeed({ file, baseUrl: service.url, token, out: new PassThrough() });
    await expect(upload).rejects.toBeInstanceOf(FeedUploadError);
    await expect(upload).rejects.toMatchObject({ status: 400, code: 'FEED_UNREADABLE' });
  });
});
