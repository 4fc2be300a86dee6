import { z } from 'zod';
import {
  changedFieldsSchema,
  idSchema,
  moderationOutcomeSchema,
  moneySchema,
  timestampSchema,
} from './common.schema';

export const conditionClassSchema = z.enum(['new', 'used', 'collectible']);
export type ConditionClass = z.infer<typeof conditionClassSchema>;

export const offerConditionSchema = z.enum([
  'new',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'collectible_like_new',
  'collectible_very_good',
  'collectible_good',
  'collectible_acceptable',
]);
export type OfferCondition = z.infer<typeof offerConditionSchema>;

export const offerStatusSchema = z.enum(['active', 'out_of_stock', 'withdrawn', 'held', 'suspended']);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

export const handlingDaysSchema = z.object({
  min: z.int().nonnegative(),
  max: z.int().nonnegative(),
});

/** The full current state of an offer; `sellerId` names the owner so moderation reaches them. */
export const offerStateSchema = z.object({
  offerId: idSchema,
  productId: idSchema,
  sellerId: idSchema,
  sku: z.string().min(1),
  condition: offerConditionSchema,
  conditionNote: z.string().optional(),
  price: moneySchema,
  quantity: z.int().nonnegative(),
  handlingDays: handlingDaysSchema,
  status: offerStatusSchema,
  version: z.int().positive(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type OfferState = z.infer<typeof offerStateSchema>;

export const offerChangedPayloadSchema = z.object({
  offer: offerStateSchema,
  changedFields: changedFieldsSchema,
});
export const offerModeratedPayloadSchema = offerChangedPayloadSchema.extend({
  moderation: moderationOutcomeSchema,
});

const classSummarySchema = z.object({ count: z.int().nonnegative(), lowestPrice: moneySchema.nullable() });

/** The whole offer summary of one product over its active offers; `version` only increases. */
export const offerSummaryChangedPayloadSchema = z.object({
  productId: idSchema,
  version: z.int().positive(),
  totalOffers: z.int().nonnegative(),
  byConditionClass: z.object({
    new: classSummarySchema,
    used: classSummarySchema,
    collectible: classSummarySchema,
  }),
  lowestPrice: moneySchema.nullable(),
  bestHandlingDays: handlingDaysSchema.nullable(),
});
export type OfferSummary = z.infer<typeof offerSummaryChangedPayloadSchema>;
