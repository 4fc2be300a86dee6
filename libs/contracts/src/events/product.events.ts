import { z } from 'zod';
import {
  changedFieldsSchema,
  idSchema,
  moderationOutcomeSchema,
  moneySchema,
  timestampSchema,
} from './common.schema';

export const productFormatSchema = z.enum([
  'paperback',
  'hardcover',
  'mass_market_paperback',
  'ebook',
  'audiobook',
]);
export const contributorRoleSchema = z.enum(['author', 'editor', 'translator', 'illustrator', 'contributor']);

/** A product's moderation visibility: only `visible` products are shown to shoppers. */
export const productVisibilitySchema = z.enum(['visible', 'held', 'removed']);

/** The full current state of a book, as every catalog.product.v1 event carries it. */
export const productStateSchema = z.object({
  productId: idSchema,
  isbn13: z.string().regex(/^97[89]\d{10}$/),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  contributors: z.array(
    z.object({ name: z.string().min(1), role: contributorRoleSchema, bio: z.string().optional() }),
  ),
  format: productFormatSchema,
  publisher: z.string().optional(),
  publicationDate: z.string().optional(),
  pageCount: z.int().positive().optional(),
  language: z.string().optional(),
  series: z.object({ name: z.string().min(1), volume: z.int().positive().optional() }).optional(),
  description: z.string().optional(),
  illustrationsNote: z.string().optional(),
  subjects: z.array(z.string()).default([]),
  listPrice: moneySchema.optional(),
  imageUrls: z.array(z.string()).default([]),
  editorialReviews: z
    .array(
      z.object({
        source: z.string().min(1),
        reviewer: z.string().optional(),
        date: z.string().optional(),
        text: z.string().min(1),
      }),
    )
    .default([]),
  availability: z.enum(['in_print', 'out_of_print']),
  visibility: productVisibilitySchema,
  version: z.int().positive(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ProductState = z.infer<typeof productStateSchema>;

export const productChangedPayloadSchema = z.object({
  product: productStateSchema,
  changedFields: changedFieldsSchema,
});
export const productModeratedPayloadSchema = productChangedPayloadSchema.extend({
  moderation: moderationOutcomeSchema,
});
