import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ValidationError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './cursor';
import { unknownReference, uuidV7Time } from './references';
import { ZodValidationPipe } from './zod-validation';

describe('request validation', () => {
  const pipe = new ZodValidationPipe(
    z.strictObject({ title: z.string().min(1).max(5), pages: z.int().positive() }),
    'body',
  );
  const problemsOf = (value: unknown) => {
    try {
      pipe.transform(value, { type: 'body' });
    } catch (error) {
      if (error instanceof ValidationError) return error.problems;
      throw error;
    }
    throw new Error('expected a validation error');
  };

  it('names every bad field with the rule it broke', () => {
    expect(problemsOf({ title: 'too long', isAdmin: true })).toEqual([
      expect.objectContaining({ field: 'body.title', rule: 'max_length' }),
      expect.objectContaining({ field: 'body.pages', rule: 'required' }),
      expect.objectContaining({ field: 'body.isAdmin', rule: 'unknown_field' }),
    ]);
  });

  it('refuses an operator object where a value is expected', () => {
    expect(problemsOf({ title: { $gt: '' }, pages: 1 })).toEqual([
      expect.objectContaining({ field: 'body.title', rule: 'type' }),
    ]);
  });

  it('passes a valid body through, parsed', () => {
    expect(pipe.transform({ title: 'Maps', pages: 393 }, { type: 'body' })).toEqual({
      title: 'Maps',
      pages: 393,
    });
  });
});

describe('cursors', () => {
  const schema = z.strictObject({ price: z.int(), id: z.string() });

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor({ price: 261, id: 'o-1' }), schema)).toEqual({ price: 261, id: 'o-1' });
  });

  it('refuses a tampered or foreign cursor with a 400', () => {
    expect(() => decodeCursor('not-base64-json', schema)).toThrow(ValidationError);
    expect(() => decodeCursor(encodeCursor({ price: 1, id: 'x', $where: '1' } as never), schema)).toThrow(
      ValidationError,
    );
  });
});

describe('unknown references', () => {
  it('reads the creation time of a UUIDv7', () => {
    const before = Date.now();
    const time = uuidV7Time(uuidv7());
    expect(time).toBeGreaterThanOrEqual(before);
    expect(uuidV7Time('not-a-uuid')).toBeUndefined();
  });

  it('answers 409 REFERENCE_NOT_YET_KNOWN with Retry-After for a young id, 404 for an old one', () => {
    const young = unknownReference({ kind: 'product', id: uuidv7(), notFoundCode: 'PRODUCT_NOT_FOUND' });
    expect(young).toMatchObject({ kind: 'conflict', code: 'REFERENCE_NOT_YET_KNOWN' });
    expect(young.retryAfterSeconds).toBeGreaterThan(0);
    const old = unknownReference({
      kind: 'product',
      id: uuidv7({ msecs: Date.now() - 60_000 }),
      notFoundCode: 'PRODUCT_NOT_FOUND',
    });
    expect(old).toMatchObject({ kind: 'not_found', code: 'PRODUCT_NOT_FOUND' });
  });
});
