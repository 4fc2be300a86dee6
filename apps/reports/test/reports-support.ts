import { Kafka, logLevel } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { AnyEventEnvelope, KafkaNaming } from '@app/contracts';
import { Role, toOutboundMessage } from '@app/platform';
import { expectEventually, TestService, testInfra, testToken } from '@app/testing';
import { SEED_BOOK } from '../../../tools/demo/catalog-demo';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read loosely in tests
export type Json = Record<string, any>;

export interface Caller {
  readonly sub: string;
  readonly roles?: Role[];
  readonly sellerId?: string;
}

export const customer = (): Caller => ({ sub: `acc-${uuidv7()}` });
export const moderator = (): Caller => ({ sub: `mod-${uuidv7()}`, roles: ['moderator'] });
export const seller = (): Caller => {
  const sellerId = uuidv7();
  return { sub: `acc-${sellerId}`, roles: ['seller'], sellerId };
};

export async function call(
  service: TestService,
  method: string,
  path: string,
  caller?: Caller,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (caller) {
    headers.authorization = `Bearer ${await testToken({ sub: caller.sub, roles: caller.roles ?? ['customer'], sellerId: caller.sellerId })}`;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

/** A valid ISBN-13 no other test uses: the run's suites share the catalog's database. */
export function freshIsbn13(): string {
  const body = `978${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export async function newProduct(catalog: TestService): Promise<string> {
  const created = await call(
    catalog,
    'POST',
    '/products',
    { sub: 'reports-editor', roles: ['catalog-editor'] },
    {
      ...SEED_BOOK,
      isbn: freshIsbn13(),
    },
  );
  if (created.status !== 201) throw new Error(`product: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** Retries while the target's event is on its way to the reports service (409 REFERENCE_NOT_YET_KNOWN). */
export async function fileReport(
  reports: TestService,
  reporter: Caller,
  target: { type: string; id: string },
  reasonCode: string,
  comment?: string,
): Promise<{ status: number; body: Json }> {
  return expectEventually(async () => {
    const response = await call(reports, 'POST', '/reports', reporter, {
      target,
      reasonCode,
      ...(comment ? { comment } : {}),
    });
    expect([200, 201]).toContain(response.status);
    return response;
  });
}

/** The queue's case of a target (walks the queue's pages with the given filters). */
export async function queuedCaseOf(
  reports: TestService,
  targetId: string,
  filters: Record<string, string> = {},
): Promise<Json> {
  return expectEventually(async () => {
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const query = new URLSearchParams({ ...filters, limit: '100', ...(cursor ? { cursor } : {}) });
      const response = await call(reports, 'GET', `/moderation/cases?${query.toString()}`, moderator());
      expect(response.status).toBe(200);
      const found = (response.body.items as Json[]).find((item) => (item.target as Json).id === targetId);
      if (found) return found;
      cursor = response.body.nextCursor as string | undefined;
      if (!cursor) break;
    }
    throw new Error(`no queued case for ${targetId}`);
  });
}

export async function decide(
  reports: TestService,
  caseId: string,
  by: Caller,
  decision: string,
  reasonCode = 'spam_or_advertising',
): Promise<{ status: number; body: Json }> {
  const claimed = await call(reports, 'POST', `/moderation/cases/${caseId}/claim`, by);
  if (claimed.status !== 200) return claimed;
  return call(reports, 'POST', `/moderation/cases/${caseId}/decision`, by, {
    decision,
    reasonCode,
    statement: `Decision ${decision}: see our content guidelines.`,
  });
}

/** Produces recorded events again, exactly as they were (same ids, topics and keys). */
export async function replayEvents(events: readonly unknown[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'reports-replay',
    brokers: testInfra().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const naming = new KafkaNaming(testInfra().topicPrefix);
  await producer.connect();
  try {
    for (const event of events) {
      const message = toOutboundMessage(event as AnyEventEnvelope);
      await producer.send({
        topic: naming.topic(message.topic),
        messages: [{ key: message.key, value: message.value, headers: message.headers }],
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Events a service's consumers have handled so far, whatever the outcome. */
export async function handledTotal(service: TestService): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('events_handled_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
