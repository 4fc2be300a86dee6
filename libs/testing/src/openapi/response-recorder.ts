import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument } from '@app/platform';
import { OpenApiResponseValidator } from './response-validator';

/**
 * While enabled (the integration tier's setup does it), every service a test starts in-process
 * checks each HTTP answer against its own OpenAPI document, and the test that caused a mismatch
 * fails (see ../jest/openapi-responses.ts). One place, so every integration suite is covered.
 */
let enabled = false;
const problems: string[] = [];

export function enableResponseValidation(): void {
  enabled = true;
}

/** The mismatches seen since the last call. */
export function takeResponseProblems(): string[] {
  return problems.splice(0, problems.length);
}

/** Adds the check to a service before it listens (Fastify hooks must be in place by then). */
export function recordResponses(app: NestFastifyApplication, service: string): void {
  if (!enabled) return;
  const validator = new OpenApiResponseValidator(buildOpenApiDocument(app, service) as never);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (typeof payload === 'string' || payload === null || payload === undefined) {
        const problem = validator.problemOf({
          method: request.method,
          route: request.routeOptions.url ?? '',
          status: reply.statusCode,
          contentType: reply.getHeader('content-type') as string | undefined,
          headers: Object.keys(reply.getHeaders()),
          body: payload ?? '',
        });
        if (problem) problems.push(problem);
      }
      return payload;
    });
}
