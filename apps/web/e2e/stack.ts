import { WEB_BASE_PORT } from '../../../tools/start/web-process';

/**
 * Where the journeys' stack listens: `npm start`'s launcher with this port offset (services at
 * their usual ports + offset, the storefront at 3000 + offset), its own topics and databases.
 */
export const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 2000);
export const E2E_WEB_URL = `http://127.0.0.1:${WEB_BASE_PORT + E2E_PORT_OFFSET}`;

/** Environment variables through which the global setup hands the services' URLs to the journeys. */
export const STACK_ENV = {
  catalog: 'E2E_CATALOG_URL',
  offers: 'E2E_OFFERS_URL',
  reviews: 'E2E_REVIEWS_URL',
  reports: 'E2E_REPORTS_URL',
  seedPage: 'E2E_SEED_PAGE_URL',
  kafkaBrokers: 'E2E_KAFKA_BROKERS',
  mongoUrl: 'E2E_MONGO_URL',
} as const;

export function stackUrl(name: keyof typeof STACK_ENV): string {
  const value = process.env[STACK_ENV[name]];
  if (!value) throw new Error(`${STACK_ENV[name]} is not set: run the journeys with playwright.config.ts`);
  return value;
}
