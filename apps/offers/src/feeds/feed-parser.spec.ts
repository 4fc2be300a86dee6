import { FeedFormatError, parseFeed } from './feed-parser';
import { applyPhase, isRejection, parsePriceMinor, readFeedRow, splitDuplicates, FeedRow } from './feed-row';

const HEADER = 'sku,product_id,condition,condition_note,price,quantity,handling_min,handling_max';

describe('CSV feed parsing', () => {
  it('reads quoted fields holding commas and newlines, and reports the line each record ends on', () => {
    const csv = `${HEADER}\nA-1,p1,used_good,"Good, clean copy.\nSome shelf wear.",2.61,1,1,2\nA-2,p1,new,,19.94,3,1,2\n`;
    const { rows, unreadable } = parseFeed(csv, 'csv');
    expect(unreadable).toEqual([]);
    expect(rows.map((r) => [r.line, r.fields.sku, r.fields.conditionNote])).toEqual([
      [3, 'A-1', 'Good, clean copy.\nSome shelf wear.'],
      [4, 'A-2', ''],
    ]);
  });
  it('skips a UTF-8 byte order mark and blank lines', () => {
    const { rows } = parseFeed(`\uFEFF${HEADER}\n\nA-1,p1,new,,19.94,3,1,2\n\n\n`, 'csv');
    expect(rows).toHaveLength(1);
    expect(rows[0].fields.sku).toBe('A-1');
  });
  it('reports rows with the wrong number of fields and keeps the rest', () => {
    const { rows, unreadable } = parseFeed(`${HEADER}\nA-1,p1\nA-2,p1,new,,19.94,3,1,2\n`, 'csv');
    expect(unreadable).toEqual([{ line: 2, message: 'expected 8 fields, found 2' }]);
    expect(rows).toHaveLength(1);
  });
  it('refuses a file with unknown columns or an unterminated quote as a whole', () => {
    expect(() => parseFeed('sku,colour\nA,red\n', 'csv')).toThrow(FeedFormatError);
    expect(() => parseFeed(`${HEADER}\n"A-1,p1,new,,1,1,1,1\n`, 'csv')).toThrow(FeedFormatError);
  });
  it('reads JSON lines and reports lines that are not objects', () => {
    const { rows, unreadable } = parseFeed(
      '{"sku":"A","price":"2.61","quantity":1}\n\n[1]\nnot json\n',
      'jsonl',
    );
    expect(rows).toEqual([{ line: 1, fields: { sku: 'A', price: '2.61', quantity: '1' } }]);
    expect(unreadable.map((u) => u.line)).toEqual([3, 4]);
  });
});

describe('feed rows', () => {
  const raw = (fields: Record<string, string>) => ({ line: 7, fields });
  it('reads an upsert row, with prices in currency units', () => {
    expect(
      readFeedRow(
        raw({
          sku: 'A',
          productId: 'p',
          condition: 'Used_Good',
          conditionNote: 'ok',
          price: '2.61',
          quantity: '4',
          handlingMin: '1',
          handlingMax: '2',
        }),
      ),
    ).toEqual({
      line: 7,
      sku: 'A',
      action: 'upsert',
      productId: 'p',
      condition: 'used_good',
      conditionNote: 'ok',
      priceMinor: 261,
      quantity: 4,
      handlingMin: 1,
      handlingMax: 2,
    });
  });
  it('treats a row without product and condition as a price-and-quantity update', () => {
    expect(readFeedRow(raw({ sku: 'A', price: '', quantity: '0' }))).toMatchObject({
      action: 'update',
      quantity: 0,
    });
  });
  it('rejects bad conditions, prices and SKUs with a reason code', () => {
    const codeOf = (fields: Record<string, string>) => {
      const row = readFeedRow(raw(fields));
      return isRejection(row) ? row.code : undefined;
    };
    expect(
      codeOf({
        sku: 'A',
        productId: 'p',
        condition: 'mint',
        price: '1',
        quantity: '1',
        handlingMin: '1',
        handlingMax: '2',
      }),
    ).toBe('CONDITION_INVALID');
    expect(codeOf({ sku: 'A', price: '$2.61' })).toBe('PRICE_INVALID');
    expect(codeOf({ sku: 'A', price: '2.615' })).toBe('PRICE_INVALID');
    expect(codeOf({ sku: 'bad sku!', price: '1' })).toBe('SKU_INVALID');
    expect(codeOf({ sku: 'A' })).toBe('NOTHING_TO_UPDATE');
  });
  it('parses prices exactly, never through floats', () => {
    expect(parsePriceMinor('19.94')).toBe(1994);
    expect(parsePriceMinor('0.1')).toBe(10);
    expect(parsePriceMinor('7')).toBe(700);
    expect(parsePriceMinor('1e3')).toBeUndefined();
  });
  it('refuses later rows of a SKU that already appeared in the feed', () => {
    const rows: FeedRow[] = [
      { line: 2, sku: 'A', action: 'update', quantity: 1 },
      { line: 3, sku: 'A', action: 'update', quantity: 2 },
    ];
    const { unique, duplicates } = splitDuplicates(rows);
    expect(unique.map((r) => r.line)).toEqual([2]);
    expect(duplicates).toEqual([expect.objectContaining({ line: 3, code: 'DUPLICATE_SKU' })]);
  });
  it('applies stock-outs and withdrawals, then price changes, then new listings', () => {
    expect(applyPhase({ line: 1, sku: 'a', action: 'withdraw' })).toBe(0);
    expect(applyPhase({ line: 1, sku: 'a', action: 'update', quantity: 0 })).toBe(0);
    expect(applyPhase({ line: 1, sku: 'a', action: 'update', priceMinor: 5 })).toBe(1);
    expect(applyPhase({ line: 1, sku: 'a', action: 'upsert', quantity: 3 })).toBe(2);
  });
});
