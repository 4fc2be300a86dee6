import { z } from 'zod';
import { Topic } from '../topics';
import { ServiceName } from '../services';
import { decisionMadePayloadSchema, holdPlacedPayloadSchema } from './moderation.events';
import {
  offerChangedPayloadSchema,
  offerModeratedPayloadSchema,
  offerSummaryChangedPayloadSchema,
} from './offer.events';
import { productChangedPayloadSchema, productModeratedPayloadSchema } from './product.events';
import {
  penNameChangedPayloadSchema,
  penNameModeratedPayloadSchema,
  ratingSummaryChangedPayloadSchema,
  reviewChangedPayloadSchema,
  reviewModeratedPayloadSchema,
} from './review.events';

interface EventDefinition<S extends z.ZodType> {
  readonly topic: Topic;
  readonly producer: ServiceName;
  readonly aggregateType: string;
  readonly schemaVersion: number;
  readonly payload: S;
  /** The message key when it is not the aggregate id (moderation actions are keyed by target). */
  readonly partitionKey?: (payload: z.output<S>) => string;
}

function define<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}

/**
 * Every event type: where it is published, who produces it, and its payload schema. A producer and
 * a consumer of the same event import this same definition. Payload types are derived from the
 * schemas, so a wrong payload is a compile error.
 */
export const EVENT_DEFINITIONS = {
  ProductCreated: define({
    topic: Topic.CatalogProduct,
    producer: 'catalog',
    aggregateType: 'product',
    schemaVersion: 1,
    payload: productChangedPayloadSchema,
  }),
  ProductUpdated: define({
    topic: Topic.CatalogProduct,
    producer: 'catalog',
    aggregateType: 'product',
    schemaVersion: 1,
    payload: productChangedPayloadSchema,
  }),
  ProductModerated: define({
    topic: Topic.CatalogProduct,
    producer: 'catalog',
    aggregateType: 'product',
    schemaVersion: 1,
    payload: productModeratedPayloadSchema,
  }),
  OfferListed: define({
    topic: Topic.OffersOffer,
    producer: 'offers',
    aggregateType: 'offer',
    schemaVersion: 1,
    payload: offerChangedPayloadSchema,
  }),
  OfferUpdated: define({
    topic: Topic.OffersOffer,
    producer: 'offers',
    aggregateType: 'offer',
    schemaVersion: 1,
    payload: offerChangedPayloadSchema,
  }),
  OfferWithdrawn: define({
    topic: Topic.OffersOffer,
    producer: 'offers',
    aggregateType: 'offer',
    schemaVersion: 1,
    payload: offerChangedPayloadSchema,
  }),
  OfferModerated: define({
    topic: Topic.OffersOffer,
    producer: 'offers',
    aggregateType: 'offer',
    schemaVersion: 1,
    payload: offerModeratedPayloadSchema,
  }),
  OfferSummaryChanged: define({
    topic: Topic.OffersSummary,
    producer: 'offers',
    aggregateType: 'offer-summary',
    schemaVersion: 1,
    payload: offerSummaryChangedPayloadSchema,
  }),
  ReviewSubmitted: define({
    topic: Topic.ReviewsReview,
    producer: 'reviews',
    aggregateType: 'review',
    schemaVersion: 1,
    payload: reviewChangedPayloadSchema,
  }),
  ReviewPublished: define({
    topic: Topic.ReviewsReview,
    producer: 'reviews',
    aggregateType: 'review',
    schemaVersion: 1,
    payload: reviewChangedPayloadSchema,
  }),
  ReviewUpdated: define({
    topic: Topic.ReviewsReview,
    producer: 'reviews',
    aggregateType: 'review',
    schemaVersion: 1,
    payload: reviewChangedPayloadSchema,
  }),
  ReviewWithdrawn: define({
    topic: Topic.ReviewsReview,
    producer: 'reviews',
    aggregateType: 'review',
    schemaVersion: 1,
    payload: reviewChangedPayloadSchema,
  }),
  ReviewModerated: define({
    topic: Topic.ReviewsReview,
    producer: 'reviews',
    aggregateType: 'review',
    schemaVersion: 1,
    payload: reviewModeratedPayloadSchema,
  }),
  PenNameCreated: define({
    topic: Topic.ReviewsPenName,
    producer: 'reviews',
    aggregateType: 'pen-name',
    schemaVersion: 1,
    payload: penNameChangedPayloadSchema,
  }),
  PenNameModerated: define({
    topic: Topic.ReviewsPenName,
    producer: 'reviews',
    aggregateType: 'pen-name',
    schemaVersion: 1,
    payload: penNameModeratedPayloadSchema,
  }),
  RatingSummaryChanged: define({
    topic: Topic.ReviewsRatingSummary,
    producer: 'reviews',
    aggregateType: 'rating-summary',
    schemaVersion: 1,
    payload: ratingSummaryChangedPayloadSchema,
  }),
  HoldPlaced: define({
    topic: Topic.ModerationAction,
    producer: 'reports',
    aggregateType: 'moderation-case',
    schemaVersion: 1,
    payload: holdPlacedPayloadSchema,
    partitionKey: (payload) => payload.target.id,
  }),
  DecisionMade: define({
    topic: Topic.ModerationAction,
    producer: 'reports',
    aggregateType: 'moderation-case',
    schemaVersion: 1,
    payload: decisionMadePayloadSchema,
    partitionKey: (payload) => payload.target.id,
  }),
} as const;

export type EventType = keyof typeof EVENT_DEFINITIONS;
export const EVENT_TYPES = Object.keys(EVENT_DEFINITIONS) as EventType[];

/** The payload type of each event type, derived from its schema. */
export type EventPayloadMap = {
  [T in EventType]: z.output<(typeof EVENT_DEFINITIONS)[T]['payload']>;
};
/** The payload a producer may pass (defaults not yet applied). */
export type EventPayloadInputMap = {
  [T in EventType]: z.input<(typeof EVENT_DEFINITIONS)[T]['payload']>;
};

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DEFINITIONS, value);
}
