import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { SERVICE_SPECS } from '@app/contracts';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { mintToken } from '../token/mint-token';

const HELP = `Upload a bulk inventory feed and follow it to the end.

  npm run feed -- upload inventory.csv
  npm run feed -- upload stock.jsonl --seller-id 0193c9a0-5e11-7000-8000-000000000001

Options:
  --seller-id <id>   the seller (a local token is minted; default: the demo's BN.com seller)
  --token <jwt>      use this bearer token instead of minting one (also OFFERS_TOKEN)
  --url <base>       the offers service (default: OFFERS_URL or http://127.0.0.1:${SERVICE_SPECS.offers.port})
  --key <key>        Idempotency-Key (default: the file's SHA-256, so re-running is safe)
  --report <path>    where to write the full per-row report (default: <file>.report.json)`;

interface FeedView {
  id: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  counts: { rows: number; processed: number; applied: number; unchanged: number; rejected: number };
  failure?: string;
}

async function token(values: { token?: string; 'seller-id'?: string }): Promise<string> {
  const given = values.token ?? process.env.OFFERS_TOKEN;
  if (given) return given;
  const sellerId = values['seller-id'] ?? '0193c9a0-5e11-7000-8000-000000000001';
  return mintToken({
    secret: process.env.AUTH_JWT_SECRET ?? LOCAL_DEV_JWT_SECRET,
    issuer: process.env.AUTH_ISSUER ?? LOCAL_AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE ?? LOCAL_AUTH_AUDIENCE,
    subject: `feed-cli-${sellerId}`,
    roles: ['seller'],
    sellerId,
    ageVerified: true,
    ttlSeconds: 3600,
  });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function follow(url: string, headers: Record<string, string>, rows: number): Promise<FeedView> {
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} rows | {status}' },
    Presets.shades_classic,
  );
  bar.start(rows, 0, { status: 'queued' });
  for (;;) {
    const feed = await request<FeedView>(url, { headers });
    bar.update(feed.counts.processed, { status: feed.status });
    if (feed.status === 'done' || feed.status === 'failed') {
      bar.stop();
      return feed;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}

async function upload(file: string, values: Record<string, string | undefined>): Promise<void> {
  const body = await readFile(file, 'utf8');
  const base = values.url ?? process.env.OFFERS_URL ?? `http://127.0.0.1:${SERVICE_SPECS.offers.port}`;
  const headers = { authorization: `Bearer ${await token(values)}` };
  const jsonl = ['.jsonl', '.ndjson'].includes(extname(file).toLowerCase());
  const submitted = await request<FeedView>(`${base}/sellers/me/inventory-feeds`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': jsonl ? 'application/x-ndjson' : 'text/csv',
      'idempotency-key': values.key ?? `file-${createHash('sha256').update(body).digest('hex').slice(0, 32)}`,
    },
    body,
  });
  process.stdout.write(`feed ${submitted.id} (${basename(file)}): ${submitted.counts.rows} rows\n`);
  const feedUrl = `${base}/sellers/me/inventory-feeds/${submitted.id}`;
  const feed = await follow(feedUrl, headers, submitted.counts.rows);
  const report = await request<unknown>(`${feedUrl}/report`, { headers });
  const reportPath = resolve(values.report ?? `${file}.report.json`);
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const { applied, unchanged, rejected } = feed.counts;
  process.stdout.write(`${feed.status}: ${applied} applied, ${unchanged} unchanged, ${rejected} rejected\n`);
  if (feed.failure) process.stdout.write(`failure: ${feed.failure}\n`);
  process.stdout.write(`full report: ${reportPath}\n`);
  if (feed.status === 'failed') process.exitCode = 1;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'seller-id': { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file] = positionals;
  if (values.help || command !== 'upload' || !file) {
    process.stdout.write(`${HELP}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const { help: _help, ...options } = values;
  await upload(file, options);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
