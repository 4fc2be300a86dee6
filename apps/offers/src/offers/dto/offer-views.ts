import { z } from 'zod';
import {
  conditionClassSchema,
  handlingDaysSchema,
  moneySchema,
  offerConditionSchema,
  offerStatusSchema,
  timestampSchema,
} from '@app/contracts';

/** What the offer routes answer, as documented in OpenAPI (offer.dto.ts builds them). */

export const ownOfferViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  productId: z.string(),
  condition: offerConditionSchema,
  conditionClass: conditionClassSchema,
  conditionNote: z.string().nullable(),
  price: moneySchema,
  quantity: z.int(),
  handlingDays: handlingDaysSchema,
  status: offerStatusSchema,
  version: z.int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type OwnOfferView = z.output<typeof ownOfferViewSchema>;

export const listingOfferViewSchema = z.object({
  id: z.string(),
  condition: offerConditionSchema,
  conditionClass: conditionClassSchema,
  conditionNote: z.string().nullable(),
  price: moneySchema,
  handlingDays: handlingDaysSchema,
  handlingLabel: z.string(),
  seller: z.object({ displayName: z.string() }),
});
export type ListingOfferView = z.output<typeof listingOfferViewSchema>;

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });
export const ownOffersPageSchema = pageOf(ownOfferViewSchema);
export const listingPageSchema = pageOf(listingOfferViewSchema);

/** The offer rules' codes (offer-rules.ts): HTTP answers them as 422, a feed reports them per row. */
export const OFFER_RULE_CODES = [
  'CONDITION_NOTE_NOT_PLAIN_TEXT',
  'CONDITION_NOTE_REQUIRED',
  'CONDITION_NOTE_TOO_LONG',
  'CURRENCY_NOT_SUPPORTED',
  'HANDLING_DAYS_INVALID',
  'PRICE_OUT_OF_BOUNDS',
  'QUANTITY_OUT_OF_BOUNDS',
] as const;
