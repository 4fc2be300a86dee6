import { parse } from 'csv-parse/sync';

export type FeedFormat = 'csv' | 'jsonl';

/** One record of a feed as written, keyed by canonical field name, with its 1-based line. */
export interface RawFeedRow {
  line: number;
  fields: Record<string, string>;
}

export interface ParsedFeed {
  rows: RawFeedRow[];
  /** Records that could not be read at all (a JSON line that is not an object, a wrong column count). */
  unreadable: { line: number; message: string }[];
}

/** Header spellings sellers use (snake_case, camelCase, spaced) → one canonical name. */
const CANONICAL: Record<string, string> = {
  sku: 'sku',
  productid: 'productId',
  condition: 'condition',
  conditionnote: 'conditionNote',
  note: 'conditionNote',
  price: 'price',
  currency: 'currency',
  quantity: 'quantity',
  qty: 'quantity',
  handlingmin: 'handlingMin',
  handlingmax: 'handlingMax',
  handlingdays: 'handlingDays',
  action: 'action',
};

export function canonicalField(name: string): string | undefined {
  return CANONICAL[
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '')
  ];
}

export class FeedFormatError extends Error {}

function parseCsv(text: string): ParsedFeed {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new FeedFormatError(`The CSV cannot be read: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new FeedFormatError('The CSV is empty: it needs a header row.');
  const columns = header.record.map((name) => canonicalField(name));
  const unknown = header.record.filter((_, index) => columns[index] === undefined);
  if (unknown.length > 0) throw new FeedFormatError(`Unknown CSV columns: ${unknown.join(', ')}.`);
  if (!columns.includes('sku')) throw new FeedFormatError('The CSV header needs a sku column.');
  const parsed: ParsedFeed = { rows: [], unreadable: [] };
  for (const { record, info } of body) {
    // `info.lines` is the line the record ends on; quoted newlines make records span lines.
    const line = info.lines;
    if (record.every((value) => value.trim() === '')) continue;
    if (record.length !== columns.length) {
      parsed.unreadable.push({ line, message: `expected ${columns.length} fields, found ${record.length}` });
      continue;
    }
    const fields: Record<string, string> = {};
    columns.forEach((column, index) => (fields[column!] = record[index]));
    parsed.rows.push({ line, fields });
  }
  return parsed;
}

function parseJsonLines(text: string): ParsedFeed {
  const parsed: ParsedFeed = { rows: [], unreadable: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((source, index) => {
      const line = index + 1;
      if (source.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(source);
      } catch {
        parsed.unreadable.push({ line, message: 'not valid JSON' });
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        parsed.unreadable.push({ line, message: 'each line must be a JSON object' });
        return;
      }
      const fields: Record<string, string> = {};
      for (const [key, raw] of Object.entries(value)) {
        const name = canonicalField(key);
        if (!name) {
          parsed.unreadable.push({ line, message: `unknown field ${key}` });
          return;
        }
        fields[name] = typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : String(raw);
      }
      parsed.rows.push({ line, fields });
    });
  return parsed;
}

/** Reads a whole feed; a file that is not CSV / JSON lines at all is a FeedFormatError. */
export function parseFeed(text: string, format: FeedFormat): ParsedFeed {
  return format === 'csv' ? parseCsv(text) : parseJsonLines(text);
}
