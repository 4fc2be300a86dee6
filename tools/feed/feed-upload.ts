import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';

export interface FeedView {
  id: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  counts: { rows: number; processed: number; applied: number; unchanged: number; rejected: number };
  failure?: string;
}

export interface UploadOptions {
  /** The CSV or JSON lines file (`.jsonl` / `.ndjson` are sent as JSON lines). */
  file: string;
  /** The offers service, e.g. http://127.0.0.1:3002. */
  baseUrl: string;
  /** A seller's bearer token. */
  token: string;
  /** Default: derived from the file's content, so uploading the same file again is harmless. */
  idempotencyKey?: string;
  /** Default: `<file>.report.json`. */
  reportPath?: string;
  pollIntervalMs?: number;
  /** Where the summary lines go (the progress bar draws on stderr when it is a terminal). */
  out?: NodeJS.WritableStream;
}

export interface UploadResult {
  feed: FeedView;
  reportPath: string;
  /** True when the service answered with an earlier upload of the same file (same key). */
  repeated: boolean;
}

/** A refusal of the service, with its stable error code when it sent one. */
export class FeedUploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    let code: string | undefined;
    let message = text;
    try {
      const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
      code = error?.code;
      message = error?.message ?? text;
    } catch {
      // not JSON: the raw text says it
    }
    throw new FeedUploadError(
      `${init.method ?? 'GET'} ${url} answered ${response.status}${code ? ` ${code}` : ''}: ${message}`,
      response.status,
      code,
    );
  }
  return { status: response.status, body: JSON.parse(text) as T };
}

async function follow(input: {
  url: string;
  headers: Record<string, string>;
  rows: number;
  pollIntervalMs: number;
}): Promise<FeedView> {
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} rows | {status}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(input.rows, 0, { status: 'queued' });
  try {
    for (;;) {
      const { body: feed } = await request<FeedView>(input.url, { headers: input.headers });
      bar.update(feed.counts.processed, { status: feed.status });
      if (feed.status === 'done' || feed.status === 'failed') return feed;
      await new Promise((done) => setTimeout(done, input.pollIntervalMs));
    }
  } finally {
    bar.stop();
  }
}

/**
 * Uploads a feed, follows it with a progress bar until it is done or failed, writes the full
 * per-row report next to the file, and prints a summary.
 */
export async function uploadFeed(options: UploadOptions): Promise<UploadResult> {
  const out = options.out ?? process.stdout;
  const body = await readFile(options.file, 'utf8');
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${options.token}` };
  const jsonl = ['.jsonl', '.ndjson'].includes(extname(options.file).toLowerCase());
  const key =
    options.idempotencyKey ?? `file-${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;
  const submitted = await request<FeedView>(`${base}/sellers/me/inventory-feeds`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': jsonl ? 'application/x-ndjson' : 'text/csv',
      'idempotency-key': key,
    },
    body,
  });
  const repeated = submitted.status === 200;
  out.write(
    `feed ${submitted.body.id} (${basename(options.file)}): ${submitted.body.counts.rows} rows` +
      `${repeated ? ' (this file was uploaded before: following that feed)' : ''}\n`,
  );
  const feedUrl = `${base}/sellers/me/inventory-feeds/${submitted.body.id}`;
  const feed = await follow({
    url: feedUrl,
    headers,
    rows: submitted.body.counts.rows,
    pollIntervalMs: options.pollIntervalMs ?? 500,
  });
  const { body: report } = await request<unknown>(`${feedUrl}/report`, { headers });
  const reportPath = resolve(options.reportPath ?? `${options.file}.report.json`);
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const { applied, unchanged, rejected } = feed.counts;
  out.write(`${feed.status}: ${applied} applied, ${unchanged} unchanged, ${rejected} rejected\n`);
  if (feed.failure) out.write(`failure: ${feed.failure}\n`);
  out.write(`full report: ${reportPath}\n`);
  return { feed, reportPath, repeated };
}
