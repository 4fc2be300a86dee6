import { z } from 'zod';
import { conditionClassSchema, offerConditionSchema, offerStatusSchema } from '@app/contracts';
import { conditionClassOf, MAX_CONDITION_NOTE_LENGTH } from '../offer-rules';
import type { StoredOffer } from '../offer.repository';
import type { ListingOfferView, OwnOfferView } from './offer-views';

export const SKU_PATTERN = /^[A-Za-z0-9._\-/]{1,64}$/;
export const skuSchema = z.string().regex(SKU_PATTERN, 'letters, digits and . _ - / (at most 64)');

const priceSchema = z.strictObject({
  amountMinor: z.int(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
const handlingDaysSchema = z.strictObject({ min: z.int().min(0), max: z.int().min(0) });

const termsShape = {
  condition: offerConditionSchema,
  // Longer notes reach the rule check, which answers with its own code (CONDITION_NOTE_TOO_LONG).
  conditionNote: z
    .string()
    .max(MAX_CONDITION_NOTE_LENGTH * 4)
    .optional(),
  price: priceSchema,
  quantity: z.int(),
  handlingDays: handlingDaysSchema,
};

export const upsertOfferBody = z.strictObject({ productId: z.string().min(1).max(64), ...termsShape });
export const createOfferBody = upsertOfferBody.extend({ sku: skuSchema });
export const updateOfferBody = z
  .strictObject({
    condition: termsShape.condition.optional(),
    conditionNote: termsShape.conditionNote,
    price: priceSchema.optional(),
    quantity: z.int().optional(),
    handlingDays: handlingDaysSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');
export const quantityAdjustmentBody = z.strictObject({
  delta: z
    .int()
    .min(-9_999)
    .max(9_999)
    .refine((delta) => delta !== 0, 'delta must not be zero'),
});
export const ownOffersQuery = z.strictObject({
  status: offerStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export const listingQuery = z.strictObject({
  condition: z.union([conditionClassSchema, offerConditionSchema]).optional(),
  sort: z.enum(['price', 'handling']).default('price'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export type CreateOfferBody = z.output<typeof createOfferBody>;
export type UpsertOfferBody = z.output<typeof upsertOfferBody>;
export type UpdateOfferBody = z.output<typeof updateOfferBody>;
export type OwnOffersQuery = z.output<typeof ownOffersQuery>;
export type ListingQuery = z.output<typeof listingQuery>;

/** "Usually ships in 1-2 business days", as the product page words it. */
export function handlingLabel(days: { min: number; max: number }): string {
  const span = days.min === days.max ? `${days.max}` : `${days.min}-${days.max}`;
  return `Usually ships in ${span} business day${days.max === 1 ? '' : 's'}`;
}

/** The seller's own view of an offer (their own ids included). */
export function ownOfferView(offer: StoredOffer): OwnOfferView {
  return {
    id: offer._id,
    sku: offer.sku,
    productId: offer.productId,
    condition: offer.condition,
    conditionClass: conditionClassOf(offer.condition),
    conditionNote: offer.conditionNote ?? null,
    price: offer.price,
    quantity: offer.quantity,
    handlingDays: offer.handlingDays,
    status: offer.status,
    version: offer.version,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}

/** What shoppers see: no owner ids (docs/architecture.md), the seller by display name only. */
export function listingOfferView(offer: StoredOffer, sellerDisplayName: string): ListingOfferView {
  return {
    id: offer._id,
    condition: offer.condition,
    conditionClass: conditionClassOf(offer.condition),
    conditionNote: offer.conditionNote ?? null,
    price: offer.price,
    handlingDays: offer.handlingDays,
    handlingLabel: handlingLabel(offer.handlingDays),
    seller: { displayName: sellerDisplayName },
  };
}
