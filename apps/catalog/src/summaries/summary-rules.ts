import type { Money, OfferSummary, RatingSummary } from '@app/contracts';

/**
 * Pure rules of the product page's two summaries: what is stored from an event, when an event
 * replaces what is stored, and what the page shows. The stored form is the event's payload and
 * its `occurredAt`, nothing derived, so a rebuild from the topics reproduces it exactly.
 */

export interface StoredOfferSummary {
  version: number;
  asOf: string;
  totalOffers: number;
  byConditionClass: OfferSummary['byConditionClass'];
  lowestPrice: Money | null;
  bestHandlingDays: { min: number; max: number } | null;
}

export interface StoredRatingSummary {
  version: number;
  asOf: string;
  count: number;
  ratingSum: number;
  distribution: RatingSummary['distribution'];
}

/** Summaries are whole replacements; only a strictly newer version replaces (dupes and stragglers don't). */
export function isNewerSummary(
  stored: { version: number } | undefined | null,
  incomingVersion: number,
): boolean {
  return !stored || incomingVersion > stored.version;
}

export function storedOfferSummary(payload: OfferSummary, occurredAt: string): StoredOfferSummary {
  return {
    version: payload.version,
    asOf: occurredAt,
    totalOffers: payload.totalOffers,
    byConditionClass: {
      new: {
        count: payload.byConditionClass.new.count,
        lowestPrice: payload.byConditionClass.new.lowestPrice,
      },
      used: {
        count: payload.byConditionClass.used.count,
        lowestPrice: payload.byConditionClass.used.lowestPrice,
      },
      collectible: {
        count: payload.byConditionClass.collectible.count,
        lowestPrice: payload.byConditionClass.collectible.lowestPrice,
      },
    },
    lowestPrice: payload.lowestPrice,
    bestHandlingDays: payload.bestHandlingDays,
  };
}

export function storedRatingSummary(payload: RatingSummary, occurredAt: string): StoredRatingSummary {
  const d = payload.distribution;
  return {
    version: payload.version,
    asOf: occurredAt,
    count: payload.count,
    ratingSum: payload.ratingSum,
    distribution: { '1': d['1'], '2': d['2'], '3': d['3'], '4': d['4'], '5': d['5'] },
  };
}

/**
 * "from $2.61 (Save 92%)": savings against list price in whole percent, rounded down, in integer
 * arithmetic (no float can round 91.99… up). Null when there is nothing to save or compare.
 */
export function savingsPercent(
  listPrice: Money | undefined,
  lowest: Money | null | undefined,
): number | null {
  if (!listPrice || !lowest || listPrice.currency !== lowest.currency || listPrice.amountMinor <= 0)
    return null;
  const saved = listPrice.amountMinor - lowest.amountMinor;
  if (saved <= 0) return null;
  return Math.floor((saved * 100) / listPrice.amountMinor);
}

/** Average to one decimal, half up, from the integer sum (4.45 → 4.5); null without reviews. */
export function averageRating(count: number, ratingSum: number): number | null {
  if (count <= 0) return null;
  return Math.round((ratingSum * 10) / count) / 10;
}

/** "Usually ships in 1-2 business days" (or "in 1 business day" when min equals max). */
export function handlingLabel(days: { min: number; max: number } | null): string | null {
  if (!days) return null;
  const span = days.min === days.max ? `${days.min}` : `${days.min}-${days.max}`;
  return `Usually ships in ${span} business day${days.max === 1 ? '' : 's'}`;
}
