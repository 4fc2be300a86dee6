import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError, ValidationError } from './domain-error';
import { describeError } from './error-response';

/** A Fastify-style error: its `code` and `statusCode`, and a message that quotes the request. */
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('describeError', () => {
  const id = 'corr-00000001';

  it('keeps a domain error code, message and details, with its kind status', () => {
    const problems = [{ field: 'body.title', rule: 'required', message: 'is required' }];
    expect(describeError(new ValidationError(problems), id)).toEqual({
      status: 400,
      retryAfter: undefined,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'body.title: is required',
          details: problems,
          correlationId: id,
        },
      },
    });
    expect(
      describeError(new DomainError('conflict', 'NOT_YET', 'later', { retryAfterSeconds: 3 }), id),
    ).toMatchObject({ status: 409, retryAfter: 3 });
  });

  it.each([
    ['FST_ERR_BAD_URL', 400, 'BAD_URL'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'BAD_REQUEST'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'BAD_REQUEST'],
  ])('gives Fastify error %s status %d and code %s, without quoting the request', (code, status, stable) => {
    const answer = describeError(fastifyError(code, status, "'/<script>' is not valid"), id);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toEqual({ code: stable, message: expect.any(String), correlationId: id });
    expect(answer.body.error.message).not.toContain('<script>');
  });

  it("answers a JSON syntax error with a fixed message, not the parser's quote of the body", () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token \'<\', "<script>" is not valid JSON'), {
      statusCode: 400,
    });
    expect(describeError(syntax, id).body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON.',
      correlationId: id,
    });
  });

  it('answers an HttpException (how Nest hands on Fastify refusals) by its status, in our words', () => {
    expect(describeError(new NotFoundException('Cannot GET /<script>'), id)).toMatchObject({
      status: 404,
      body: { error: { code: 'ROUTE_NOT_FOUND', message: 'No such route.' } },
    });
    const badJson = new HttpException("Body is not valid JSON: '<script>'", 400);
    expect(describeError(badJson, id).body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request could not be read: its body or headers are malformed.',
      correlationId: id,
    });
    expect(describeError(new HttpException('Unsupported Media Type: <b>', 415), id)).toMatchObject({
      status: 415,
      body: {
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: "This route does not accept the request's Content-Type.",
        },
      },
    });
    expect(describeError(new BadRequestException('internal wording'), id).body.error.message).not.toContain(
      'internal',
    );
  });

  it('gives an unplanned client error of the framework a generic message by its status', () => {
    expect(
      describeError(fastifyError('FST_ERR_SOMETHING_NEW', 406, 'quoted <input>'), id).body.error,
    ).toEqual({
      code: 'NOT_ACCEPTABLE',
      message: 'The request was refused (Not Acceptable).',
      correlationId: id,
    });
  });

  it('tells nothing about an unplanned server error', () => {
    expect(describeError(new TypeError('secret internals'), id)).toEqual({
      status: 500,
      body: {
        error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.', correlationId: id },
      },
    });
    expect(describeError(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 500, 'internals'), id).status).toBe(500);
  });
});
