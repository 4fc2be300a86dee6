import { offerConditionSchema, type OfferCondition } from '@app/contracts';
import { SKU_PATTERN } from '../offers/dto/offer.dto';
import type { RawFeedRow } from './feed-parser';

/** What a row asks for: a full upsert, a price-and-quantity change, or a withdrawal. */
export type FeedAction = 'upsert' | 'update' | 'withdraw';

export interface FeedRow {
  line: number;
  sku: string;
  action: FeedAction;
  productId?: string;
  condition?: OfferCondition;
  conditionNote?: string;
  priceMinor?: number;
  currency?: string;
  quantity?: number;
  handlingMin?: number;
  handlingMax?: number;
}

export interface RowRejection {
  line: number;
  sku?: string;
  code: string;
  message: string;
}

const reject = (row: RawFeedRow, code: string, message: string): RowRejection => ({
  line: row.line,
  sku: row.fields.sku?.trim() || undefined,
  code,
  message,
});

/** "19.94" → 1994; whole units or up to two decimals, nothing else (no symbols, no floats). */
export function parsePriceMinor(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function parseWhole(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,6}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Reads one raw row into a typed request, or says why it cannot be one. Business rules (bounds,
 * notes, product visibility) are checked when the row is applied, with the same code as the API.
 */
export function readFeedRow(raw: RawFeedRow): FeedRow | RowRejection {
  const f = raw.fields;
  const sku = f.sku?.trim() ?? '';
  if (!SKU_PATTERN.test(sku))
    return reject(raw, 'SKU_INVALID', 'sku must be 1-64 letters, digits or . _ - /');
  const actionText = (f.action ?? '').trim().toLowerCase();
  const action: FeedAction | undefined = present(actionText)
    ? ((['upsert', 'update', 'withdraw'] as const).find((a) => a === actionText) ??
      (actionText === 'delete' ? 'withdraw' : undefined))
    : present(f.productId) || present(f.condition)
      ? 'upsert'
      : 'update';
  if (!action) return reject(raw, 'ACTION_INVALID', 'action must be upsert, update or withdraw');
  if (action === 'withdraw') return { line: raw.line, sku, action };
  const row: FeedRow = { line: raw.line, sku, action };
  if (present(f.price)) {
    row.priceMinor = parsePriceMinor(f.price);
    if (row.priceMinor === undefined)
      return reject(raw, 'PRICE_INVALID', `price ${f.price} is not an amount like 19.94`);
  }
  if (present(f.currency)) row.currency = f.currency.trim().toUpperCase();
  if (present(f.quantity)) {
    row.quantity = parseWhole(f.quantity);
    if (row.quantity === undefined)
      return reject(raw, 'QUANTITY_INVALID', `quantity ${f.quantity} is not a whole number`);
  }
  if (action === 'update') {
    if (row.priceMinor === undefined && row.quantity === undefined) {
      return reject(raw, 'NOTHING_TO_UPDATE', 'an update row needs a price or a quantity');
    }
    return row;
  }
  return readListingFields(raw, row);
}

function readListingFields(raw: RawFeedRow, row: FeedRow): FeedRow | RowRejection {
  const f = raw.fields;
  if (!present(f.productId)) return reject(raw, 'PRODUCT_ID_REQUIRED', 'an upsert row needs product_id');
  row.productId = f.productId.trim();
  const condition = offerConditionSchema.safeParse((f.condition ?? '').trim().toLowerCase());
  if (!condition.success) {
    return reject(
      raw,
      'CONDITION_INVALID',
      `condition must be one of ${offerConditionSchema.options.join(', ')}`,
    );
  }
  row.condition = condition.data;
  if (present(f.conditionNote)) row.conditionNote = f.conditionNote;
  if (row.priceMinor === undefined) return reject(raw, 'PRICE_REQUIRED', 'an upsert row needs a price');
  if (row.quantity === undefined) return reject(raw, 'QUANTITY_REQUIRED', 'an upsert row needs a quantity');
  const days = present(f.handlingDays)
    ? /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(f.handlingDays.trim())
    : undefined;
  row.handlingMin = days ? Number(days[1]) : parseWhole(f.handlingMin);
  row.handlingMax = days ? Number(days[2]) : parseWhole(f.handlingMax);
  if (row.handlingMin === undefined || row.handlingMax === undefined) {
    return reject(
      raw,
      'HANDLING_DAYS_INVALID',
      'handling time needs handling_min and handling_max (or handling_days "1-2")',
    );
  }
  return row;
}

export function isRejection(value: FeedRow | RowRejection): value is RowRejection {
  return 'code' in value;
}

/**
 * Application order within a feed: stock-outs and withdrawals first, then price and quantity
 * changes, then full listings (a seller's "sold out" must never wait behind 40,000 new listings).
 */
export function applyPhase(row: FeedRow): number {
  if (row.action === 'withdraw' || row.quantity === 0) return 0;
  return row.action === 'update' ? 1 : 2;
}

/** Rows of a SKU that already appeared earlier in the same feed are refused, the first one counts. */
export function splitDuplicates(rows: readonly FeedRow[]): { unique: FeedRow[]; duplicates: RowRejection[] } {
  const firstLine = new Map<string, number>();
  const unique: FeedRow[] = [];
  const duplicates: RowRejection[] = [];
  for (const row of rows) {
    const first = firstLine.get(row.sku);
    if (first === undefined) {
      firstLine.set(row.sku, row.line);
      unique.push(row);
    } else {
      duplicates.push({
        line: row.line,
        sku: row.sku,
        code: 'DUPLICATE_SKU',
        message: `SKU ${row.sku} already appears on line ${first} of this feed`,
      });
    }
  }
  return { unique, duplicates };
}
