import type { ConditionClass, OfferCondition, OfferStatus } from '@app/contracts';
import type { OffersSettings } from '../common/offers-settings';
import { OfferRuleError } from './offer.errors';
import type { HandlingDays, StoredMoney } from './offer.schema';

export const MAX_CONDITION_NOTE_LENGTH = 1_000;

/** The fields a seller decides; everything else (status, version) follows from them. */
export interface OfferTerms {
  condition: OfferCondition;
  conditionNote?: string;
  price: StoredMoney;
  quantity: number;
  handlingDays: HandlingDays;
}

export function conditionClassOf(condition: OfferCondition): ConditionClass {
  if (condition === 'new') return 'new';
  return condition.startsWith('used_') ? 'used' : 'collectible';
}

// Tags and control characters (other than tab and newlines) are not plain text: notes are shown
// verbatim and must never be able to carry markup.
const MARKUP = /<\/?[a-z!][^>]*>/i;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkConditionNote(condition: OfferCondition, note: string | undefined): void {
  const trimmed = note?.trim() ?? '';
  if (conditionClassOf(condition) !== 'new' && trimmed.length === 0) {
    throw new OfferRuleError(
      'CONDITION_NOTE_REQUIRED',
      'A used or collectible copy needs a condition note describing it.',
      'conditionNote',
    );
  }
  if (trimmed.length > MAX_CONDITION_NOTE_LENGTH) {
    throw new OfferRuleError(
      'CONDITION_NOTE_TOO_LONG',
      `The condition note has ${trimmed.length} characters; at most ${MAX_CONDITION_NOTE_LENGTH} are allowed.`,
      'conditionNote',
    );
  }
  if (MARKUP.test(trimmed) || CONTROL.test(trimmed)) {
    throw new OfferRuleError(
      'CONDITION_NOTE_NOT_PLAIN_TEXT',
      'The condition note must be plain text (no markup or control characters).',
      'conditionNote',
    );
  }
}

export function checkPrice(price: StoredMoney, settings: OffersSettings, currency: string): void {
  if (price.currency !== currency) {
    throw new OfferRuleError(
      'CURRENCY_NOT_SUPPORTED',
      `Prices are in ${currency}; ${price.currency} is not accepted.`,
      'price.currency',
    );
  }
  if (
    !Number.isInteger(price.amountMinor) ||
    price.amountMinor < settings.minPriceMinor ||
    price.amountMinor > settings.maxPriceMinor
  ) {
    throw new OfferRuleError(
      'PRICE_OUT_OF_BOUNDS',
      `The price must be between ${settings.minPriceMinor} and ${settings.maxPriceMinor} minor units.`,
      'price.amountMinor',
    );
  }
}

export function checkQuantity(quantity: number, settings: OffersSettings): void {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > settings.maxQuantity) {
    throw new OfferRuleError(
      'QUANTITY_OUT_OF_BOUNDS',
      `The quantity must be a whole number from 0 to ${settings.maxQuantity}.`,
      'quantity',
    );
  }
}

export function checkHandlingDays(days: HandlingDays, settings: OffersSettings): void {
  const valid =
    Number.isInteger(days.min) &&
    Number.isInteger(days.max) &&
    days.min >= 0 &&
    days.min <= days.max &&
    days.max <= settings.maxHandlingDays;
  if (!valid) {
    throw new OfferRuleError(
      'HANDLING_DAYS_INVALID',
      `Handling time must be min ≤ max business days, at most ${settings.maxHandlingDays}.`,
      'handlingDays',
    );
  }
}

/** Every rule an offer's terms must satisfy; throws the first broken one. */
export function checkOfferTerms(terms: OfferTerms, settings: OffersSettings, currency: string): void {
  checkConditionNote(terms.condition, terms.conditionNote);
  checkPrice(terms.price, settings, currency);
  checkQuantity(terms.quantity, settings);
  checkHandlingDays(terms.handlingDays, settings);
}

/** Notes are stored trimmed; a new copy's empty note is no note. */
export function normalizeNote(note: string | undefined): string | undefined {
  const trimmed = note?.trim();
  return trimmed ? trimmed : undefined;
}

/** A sellable offer's status follows its stock; moderation and withdrawal states are kept apart. */
export function stockStatus(quantity: number): Extract<OfferStatus, 'active' | 'out_of_stock'> {
  return quantity > 0 ? 'active' : 'out_of_stock';
}

export function isUnderModeration(status: OfferStatus): boolean {
  return status === 'held' || status === 'suspended';
}

/** Which of the seller's fields differ (the event's `changedFields`); empty means "unchanged". */
export function changedTerms(
  before: OfferTerms & { productId: string },
  after: OfferTerms & { productId: string },
): string[] {
  const changed: string[] = [];
  if (before.productId !== after.productId) changed.push('productId');
  if (before.condition !== after.condition) changed.push('condition');
  if ((before.conditionNote ?? '') !== (after.conditionNote ?? '')) changed.push('conditionNote');
  if (before.price.amountMinor !== after.price.amountMinor || before.price.currency !== after.price.currency)
    changed.push('price');
  if (before.quantity !== after.quantity) changed.push('quantity');
  if (
    before.handlingDays.min !== after.handlingDays.min ||
    before.handlingDays.max !== after.handlingDays.max
  )
    changed.push('handlingDays');
  return changed;
}
