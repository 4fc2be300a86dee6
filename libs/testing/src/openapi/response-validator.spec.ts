import { readFileSync } from 'node:fs';
import { documentPath } from '../../../../tools/openapi/openapi-paths';
import { OpenApiResponseValidator, RecordedResponse } from './response-validator';

describe('OpenApiResponseValidator (on the committed catalog document)', () => {
  const validator = new OpenApiResponseValidator(JSON.parse(readFileSync(documentPath('catalog'), 'utf8')));
  const notFound: RecordedResponse = {
    method: 'GET',
    route: '/products/:id',
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({
      error: {
        code: 'PRODUCT_NOT_FOUND',
        message: 'product p-1 does not exist',
        correlationId: 'c-00000001',
      },
    }),
  };

  it('accepts an answer the document describes', () => {
    expect(validator.problemOf(notFound)).toBeUndefined();
  });

  it('names a status the operation does not list', () => {
    expect(validator.problemOf({ ...notFound, status: 418 })).toMatch(
      /GET \/products\/\{id\} → 418: status not documented/,
    );
  });

  it('names an error code the route does not list, and a body off its schema', () => {
    const foreignCode = notFound.body.replace('PRODUCT_NOT_FOUND', 'OFFER_NOT_FOUND');
    expect(validator.problemOf({ ...notFound, body: foreignCode })).toMatch(/allowed values/);
    const noCorrelation = JSON.stringify({ error: { code: 'PRODUCT_NOT_FOUND', message: 'x' } });
    expect(validator.problemOf({ ...notFound, body: noCorrelation })).toMatch(/correlationId/);
  });

  it('checks success bodies against the view schema', () => {
    const page = { items: [{ id: 'p-1' }] };
    const search = { ...notFound, route: '/products', status: 200, body: JSON.stringify(page) };
    expect(validator.problemOf(search)).toMatch(/must have required property 'isbn13'/);
  });

  it('names a documented header the answer does not carry', () => {
    const page = { ...notFound, status: 200, headers: ['x-correlation-id'], body: '{}' };
    expect(validator.problemOf(page)).toMatch(/documented header ETag not sent/);
  });

  it('leaves routes the document does not describe alone', () => {
    expect(validator.problemOf({ ...notFound, route: '/docs/json', status: 200 })).toBeUndefined();
    expect(validator.problemOf({ ...notFound, method: 'HEAD' })).toBeUndefined();
  });
});
