import { z } from 'zod';
import { idSchema, moneySchema, productStateSchema, timestampSchema } from '@app/contracts';

/** What the product routes answer, as documented in OpenAPI (product-page.mapper.ts builds them). */

const moderationRecord = z.object({
  action: z.string(),
  caseId: z.string(),
  reasonCode: z.string(),
  actionEventId: z.string(),
  at: timestampSchema,
});

export const productViewSchema = productStateSchema.omit({ productId: true }).extend({
  id: idSchema,
  /** Editors and moderators only: the last moderation action that changed the product. */
  moderation: moderationRecord.optional(),
});

const handlingDays = z.object({ min: z.int(), max: z.int() });
const classSummary = z.object({
  count: z.int(),
  lowestPrice: moneySchema.nullable(),
  savingsPercent: z.int().nullable(),
});

export const offerSummaryViewSchema = z.object({
  version: z.int(),
  asOf: timestampSchema.nullable(),
  totalOffers: z.int(),
  byConditionClass: z.object({ new: classSummary, used: classSummary, collectible: classSummary }),
  lowestPrice: moneySchema.nullable(),
  savingsPercent: z.int().nullable(),
  bestHandlingDays: handlingDays.nullable(),
  handlingLabel: z.string().nullable(),
});

export const ratingSummaryViewSchema = z.object({
  version: z.int(),
  asOf: timestampSchema.nullable(),
  count: z.int(),
  average: z.number().nullable(),
  distribution: z.array(z.object({ stars: z.int().min(1).max(5), count: z.int() })),
  firstReviewWanted: z.boolean(),
});

export const productPageViewSchema = z.object({
  product: productViewSchema,
  offerSummary: offerSummaryViewSchema,
  ratingSummary: ratingSummaryViewSchema,
});

export const productCardViewSchema = productStateSchema
  .pick({
    isbn13: true,
    title: true,
    subtitle: true,
    format: true,
    publicationDate: true,
    series: true,
    listPrice: true,
    availability: true,
    version: true,
  })
  .extend({
    id: idSchema,
    contributors: z.array(z.object({ name: z.string(), role: z.string() })),
    /** Editors and moderators only. */
    visibility: productStateSchema.shape.visibility.optional(),
    offers: offerSummaryViewSchema.pick({ totalOffers: true, lowestPrice: true, savingsPercent: true }),
    ratings: ratingSummaryViewSchema.pick({ count: true, average: true }),
  });

export const productSearchPageSchema = z.object({
  items: z.array(productCardViewSchema),
  nextCursor: z.string().optional(),
});
