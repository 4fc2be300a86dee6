import { ConsumerGroup } from './consumer-groups';
import { Topic } from './topics';

/** The four services: their port, database, the topics they produce and the groups they read in. */
export const ServiceName = {
  Catalog: 'catalog',
  Offers: 'offers',
  Reviews: 'reviews',
  Reports: 'reports',
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

export interface ServiceSpec {
  readonly name: ServiceName;
  readonly port: number;
  readonly database: string;
  readonly produces: readonly Topic[];
  readonly consumerGroups: readonly ConsumerGroup[];
}

export const SERVICE_SPECS: Readonly<Record<ServiceName, ServiceSpec>> = {
  catalog: {
    name: 'catalog',
    port: 3001,
    database: 'catalog',
    produces: [Topic.CatalogProduct],
    consumerGroups: [ConsumerGroup.Catalog],
  },
  offers: {
    name: 'offers',
    port: 3002,
    database: 'offers',
    produces: [Topic.OffersOffer, Topic.OffersSummary],
    consumerGroups: [ConsumerGroup.Offers, ConsumerGroup.OffersSummaryBuilder],
  },
  reviews: {
    name: 'reviews',
    port: 3003,
    database: 'reviews',
    produces: [Topic.ReviewsReview, Topic.ReviewsPenName, Topic.ReviewsRatingSummary],
    consumerGroups: [ConsumerGroup.Reviews, ConsumerGroup.ReviewsSummaryBuilder],
  },
  reports: {
    name: 'reports',
    port: 3004,
    database: 'reports',
    produces: [Topic.ModerationAction],
    consumerGroups: [ConsumerGroup.Reports],
  },
};

export const SERVICE_NAMES = Object.keys(SERVICE_SPECS) as ServiceName[];
