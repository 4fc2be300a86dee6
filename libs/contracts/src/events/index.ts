export * from './common.schema';
export * from './product.events';
export * from './offer.events';
export * from './review.events';
export * from './moderation.events';
export * from './event-types';
