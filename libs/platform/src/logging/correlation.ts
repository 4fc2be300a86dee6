import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The request a log line was written for, as request logs show it. */
export interface RequestSummary {
  readonly method: string;
  readonly url: string;
}

interface CorrelationContext {
  readonly correlationId: string;
  /** Set for HTTP requests only, so a log line written while serving one names it. */
  readonly req?: RequestSummary;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export const CORRELATION_HEADER = 'x-correlation-id';

/** A caller-supplied id is kept only if it is short and plain, so it is safe in logs and headers. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function acceptableCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value) ? value : undefined;
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Runs `fn` with a correlation id that logs and produced events pick up. */
export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** Like `runWithCorrelation`, for serving an HTTP request: logs written meanwhile also name it. */
export function runWithRequestCorrelation<T>(correlationId: string, req: RequestSummary, fn: () => T): T {
  return storage.run({ correlationId, req }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * The fields every log line gets from the context it is written in (a pino `mixin`). A fresh
 * object each time: pino merges the line's own fields into what the mixin returns.
 */
export function correlationLogFields(): { correlationId?: string; req?: RequestSummary } {
  const context = storage.getStore();
  if (!context) return {};
  return context.req
    ? { correlationId: context.correlationId, req: context.req }
    : { correlationId: context.correlationId };
}
