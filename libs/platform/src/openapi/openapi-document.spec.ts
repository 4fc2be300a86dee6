import 'reflect-metadata';
import { Controller, Delete, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { OptionalAuth, Public, Roles } from '../auth/auth.decorators';
import { ValidBody, ValidQuery } from '../http/zod-validation';
import { ApiRoute } from './api-route';
import { buildOpenApiDocument } from './openapi-document';

const thing = z.object({ id: z.string(), count: z.int().nullable() });

@Roles('seller')
@Controller('things')
class ThingController {
  @Post()
  @ApiRoute({
    summary: 'Create a thing.',
    responses: { 201: { description: 'Created.', schema: thing, headers: ['ETag', 'Location'] } },
    errors: { 409: ['THING_EXISTS'] },
    requestHeaders: { 'Idempotency-Key': { required: false, description: 'Once.' } },
  })
  create(@ValidBody(z.strictObject({ name: z.string() })) body: { name: string }) {
    return body;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete.',
    responses: { 204: { description: 'Gone.' } },
    errors: { 404: ['NO_THING'] },
  })
  remove(@Param('id') id: string) {
    return id;
  }

  @Public()
  @Get()
  @ApiRoute({ summary: 'List.', responses: { 200: { description: 'All.', schema: z.array(thing) } } })
  list(@ValidQuery(z.strictObject({ limit: z.coerce.number().optional() })) query: object) {
    return query;
  }

  @OptionalAuth()
  @Get(':id')
  @ApiRoute({ summary: 'One.', responses: { 200: { description: 'It.', schema: thing } } })
  one(@Param('id') id: string) {
    return id;
  }
}

@Module({ controllers: [ThingController] })
class ThingModule {}

type Operation = { security: unknown; parameters: { name?: string; $ref?: string }[]; responses: any };

describe('buildOpenApiDocument', () => {
  let paths: Record<string, Record<string, Operation>>;
  const codes = (operation: Operation, status: number): string[] =>
    operation.responses[status].content['application/json'].schema.allOf[1].properties.error.properties.code
      .enum;

  beforeAll(async () => {
    const app = await NestFactory.create(ThingModule, new FastifyAdapter(), { preview: true, logger: false });
    const document = buildOpenApiDocument(app, 'things');
    expect(document.openapi).toBe('3.1.0');
    paths = document.paths as never;
    await app.close();
  });

  it('documents a signed-in write: security, its answer and headers, its own and the derived errors', () => {
    const create = paths['/things'].post;
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(create.responses)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '500',
      '503',
    ]);
    expect(Object.keys(create.responses[201].headers)).toEqual(['X-Correlation-Id', 'ETag', 'Location']);
    expect(create.responses[201].content['application/json'].schema).toMatchObject({
      properties: { count: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
    });
    expect(codes(create, 400)).toEqual(['BAD_REQUEST', 'VALIDATION_FAILED']);
    expect(codes(create, 401)).toContain('AUTH_TOKEN_MISSING');
    expect(codes(create, 403)).toEqual(['ROLE_REQUIRED']);
    expect(codes(create, 409)).toEqual(['THING_EXISTS']);
    expect(create.parameters.map((p) => p.name ?? p.$ref)).toEqual([
      'Idempotency-Key',
      '#/components/parameters/CorrelationId',
    ]);
  });

  it('gives a 204 no body, an anonymous route `security: []`, an optional one both', () => {
    expect(paths['/things/{id}'].delete.responses[204].content).toBeUndefined();
    expect(paths['/things'].get.security).toEqual([]);
    expect(codes(paths['/things'].get, 400)).toEqual(['VALIDATION_FAILED']);
    expect(paths['/things'].get.responses[401]).toBeUndefined();
    const one = paths['/things/{id}'].get;
    expect(one.security).toEqual([{}, { bearer: [] }]);
    expect(codes(one, 401)).not.toContain('AUTH_TOKEN_MISSING');
    expect(one.responses[400]).toBeUndefined();
  });
});
