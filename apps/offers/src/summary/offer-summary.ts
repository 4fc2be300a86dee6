import type { ConditionClass, OfferCondition } from '@app/contracts';
import { conditionClassOf } from '../offers/offer-rules';

export interface SummaryInput {
  condition: OfferCondition;
  price: { amountMinor: number; currency: string };
  handlingDays: { min: number; max: number };
}

interface ClassFigures {
  count: number;
  lowestPrice: { amountMinor: number; currency: string } | null;
}

/** The summary's figures, without product id and version. */
export interface SummaryFigures {
  totalOffers: number;
  byConditionClass: Record<ConditionClass, ClassFigures>;
  lowestPrice: { amountMinor: number; currency: string } | null;
  bestHandlingDays: { min: number; max: number } | null;
}

const lower = <T extends { amountMinor: number }>(a: T | null, b: T): T =>
  a === null || b.amountMinor < a.amountMinor ? b : a;

/** Faster is a smaller upper bound first ("ships in 1-2 days" beats "1-3"), then a smaller lower one. */
function faster(a: SummaryInput['handlingDays'] | null, b: SummaryInput['handlingDays']) {
  if (a === null || b.max < a.max || (b.max === a.max && b.min < a.min)) return { min: b.min, max: b.max };
  return a;
}

/**
 * Computed in code over the product's active offers: `$min` accumulators are not in the portable
 * subset, and a product has at most a few hundred active offers.
 */
export function summaryFigures(activeOffers: readonly SummaryInput[]): SummaryFigures {
  const empty = (): ClassFigures => ({ count: 0, lowestPrice: null });
  const figures: SummaryFigures = {
    totalOffers: 0,
    byConditionClass: { new: empty(), used: empty(), collectible: empty() },
    lowestPrice: null,
    bestHandlingDays: null,
  };
  for (const offer of activeOffers) {
    const price = { amountMinor: offer.price.amountMinor, currency: offer.price.currency };
    const entry = figures.byConditionClass[conditionClassOf(offer.condition)];
    entry.count += 1;
    entry.lowestPrice = lower(entry.lowestPrice, price);
    figures.totalOffers += 1;
    figures.lowestPrice = lower(figures.lowestPrice, price);
    figures.bestHandlingDays = faster(figures.bestHandlingDays, offer.handlingDays);
  }
  return figures;
}

/** The empty summary: a hidden product, or one whose offers all left. */
export const NO_OFFERS: SummaryFigures = summaryFigures([]);

export function sameFigures(a: SummaryFigures, b: SummaryFigures): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(f: SummaryFigures) {
  const money = (m: ClassFigures['lowestPrice']) => (m ? [m.amountMinor, m.currency] : null);
  const cls = (c: ClassFigures) => [c.count, money(c.lowestPrice)];
  return [
    f.totalOffers,
    cls(f.byConditionClass.new),
    cls(f.byConditionClass.used),
    cls(f.byConditionClass.collectible),
    money(f.lowestPrice),
    f.bestHandlingDays ? [f.bestHandlingDays.min, f.bestHandlingDays.max] : null,
  ];
}
