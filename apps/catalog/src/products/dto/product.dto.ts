import { z } from 'zod';
import { conditionClassSchema, contributorRoleSchema, productFormatSchema } from '@app/contracts';

/** Plain text only (docs/architecture.md, "Money and text"): trimmed, bounded, never rendered as HTML. */
const text = (max: number) => z.string().trim().min(1).max(max);

const moneyInput = z.strictObject({
  amountMinor: z.int().nonnegative().max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
});

const contributorInput = z.strictObject({
  name: text(200),
  role: contributorRoleSchema,
  bio: text(2_000).optional(),
});

const editorialReviewInput = z.strictObject({
  source: text(100),
  reviewer: text(200).optional(),
  date: z.iso.date().optional(),
  text: text(10_000),
});

/** Fields an editor may clear on update by sending null. */
const clearable = {
  subtitle: text(300),
  publisher: text(200),
  publicationDate: z.iso.date(),
  pageCount: z.int().positive().max(100_000),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en or en-US'),
  series: z.strictObject({ name: text(200), volume: z.int().positive().max(10_000).optional() }),
  description: text(20_000),
  illustrationsNote: text(500),
  listPrice: moneyInput,
};

const required = {
  /** ISBN-13 or ISBN-10, hyphens allowed; checksum and conversion happen in the service. */
  isbn: z.string().trim().min(10).max(17),
  title: text(300),
  contributors: z.array(contributorInput).min(1).max(50),
  format: productFormatSchema,
  subjects: z.array(text(100)).max(50),
  imageUrls: z.array(z.url({ protocol: /^https?$/ }).max(2_000)).max(20),
  editorialReviews: z.array(editorialReviewInput).max(50),
  availability: z.enum(['in_print', 'out_of_print']),
};

export const createProductSchema = z.strictObject({
  ...required,
  subjects: required.subjects.default([]),
  imageUrls: required.imageUrls.default([]),
  editorialReviews: required.editorialReviews.default([]),
  availability: required.availability.default('in_print'),
  subtitle: clearable.subtitle.optional(),
  publisher: clearable.publisher.optional(),
  publicationDate: clearable.publicationDate.optional(),
  pageCount: clearable.pageCount.optional(),
  language: clearable.language.optional(),
  series: clearable.series.optional(),
  description: clearable.description.optional(),
  illustrationsNote: clearable.illustrationsNote.optional(),
  listPrice: clearable.listPrice.optional(),
});
export type CreateProductDto = z.output<typeof createProductSchema>;

export const updateProductSchema = z.strictObject({
  isbn: required.isbn.optional(),
  title: required.title.optional(),
  contributors: required.contributors.optional(),
  format: required.format.optional(),
  subjects: required.subjects.optional(),
  imageUrls: required.imageUrls.optional(),
  editorialReviews: required.editorialReviews.optional(),
  availability: required.availability.optional(),
  subtitle: clearable.subtitle.nullable().optional(),
  publisher: clearable.publisher.nullable().optional(),
  publicationDate: clearable.publicationDate.nullable().optional(),
  pageCount: clearable.pageCount.nullable().optional(),
  language: clearable.language.nullable().optional(),
  series: clearable.series.nullable().optional(),
  description: clearable.description.nullable().optional(),
  illustrationsNote: clearable.illustrationsNote.nullable().optional(),
  listPrice: clearable.listPrice.nullable().optional(),
});
export type UpdateProductDto = z.output<typeof updateProductSchema>;

export const CLEARABLE_FIELDS = Object.keys(clearable) as (keyof typeof clearable)[];

export const SEARCH_SORTS = ['relevance', 'price', 'rating', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const searchProductsQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  isbn: z.string().trim().min(10).max(17).optional(),
  format: productFormatSchema.optional(),
  /** Lowest offer price bounds, in minor units of the marketplace currency. */
  minPrice: z.coerce.number().int().nonnegative().optional(),
  maxPrice: z.coerce.number().int().nonnegative().optional(),
  /** Has at least one active offer in this condition class. */
  condition: conditionClassSchema.optional(),
  minRating: z.coerce.number().min(1).max(5).optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchProductsQuery = z.output<typeof searchProductsQuerySchema>;
