import type { EventContext } from '@app/platform';
import { OFFERS_SETTINGS } from '../common/offers-settings';
import type { OfferRepository } from '../offers/offer.repository';
import type { ProductService } from '../products/product.service';
import { OfferSummaryConsumer } from './offer-summary.consumer';
import type { OfferSummaryRepository } from './offer-summary.repository';
import type { OfferSummaryDoc } from './offer-summary.schema';
import { OfferSummaryService, RefreshInput } from './offer-summary.service';

/** An in-memory summary store and offer set: the rules under test are the builder's own. */
function builder() {
  let stored: OfferSummaryDoc | null = null;
  let recomputes = 0;
  const offers = [
    {
      condition: 'new',
      price: { amountMinor: 1994, currency: 'USD' },
      handlingDays: { min: 1, max: 2 },
      quantity: 1,
    },
  ];
  const summaries = {
    findByProduct: () => Promise.resolve(stored),
    insert: (doc: OfferSummaryDoc) => {
      stored = { ...doc, version: 1, outbox: [] };
      return Promise.resolve(true);
    },
    update: (_id: string, change: { expectedVersion: number; set: Partial<OfferSummaryDoc> }) => {
      stored = { ...stored!, ...change.set, version: change.expectedVersion + 1 };
      return Promise.resolve(true);
    },
    touch: (_id: string, _version: number, computedAt: Date) => {
      stored = { ...stored!, computedAt };
      return Promise.resolve();
    },
  } as unknown as OfferSummaryRepository;
  const offerRepository = {
    activeTerms: async () => {
      recomputes++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return offers;
    },
  } as unknown as OfferRepository;
  const products = { isVisible: () => Promise.resolve(true) } as unknown as ProductService;
  return {
    service: new OfferSummaryService(summaries, offerRepository, products, {
      ...OFFERS_SETTINGS.defaults,
      summaryRecomputeGapMs: 20,
    }),
    offers,
    recomputes: () => recomputes,
  };
}

const input = (changedAt: Date): RefreshInput => ({
  productId: 'p-1',
  changedAt,
  correlationId: 'c',
  causationId: 'e',
});

describe('offer summary builder', () => {
  it('shares one recompute among the events of a product that arrive while one runs', async () => {
    const { service, recomputes } = builder();
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => service.refresh(input(now))));
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    // The first recompute, and at most one more for the events that arrived while it ran.
    expect(recomputes()).toBeLessThanOrEqual(2);
  });

  it('recomputes for a change sent after the last recompute began, however early it was stamped', async () => {
    const { service, offers, recomputes } = builder();
    await service.refresh(input(new Date()));
    await new Promise((resolve) => setTimeout(resolve, 5));
    offers.push({ ...offers[0], price: { amountMinor: 261, currency: 'USD' } });
    // A feed stamps its events before the chunk's write commits; they are sent after it.
    const consumer = new OfferSummaryConsumer(service);
    const event = {
      eventId: 'e-2',
      correlationId: 'c',
      occurredAt: new Date(Date.now() - 10_000).toISOString(),
      payload: { offer: { productId: 'p-1' } },
    };
    const context = { publishedAt: new Date() } as EventContext;
    expect(await consumer.onUpdated(event as never, context)).toBe('applied');
    expect(recomputes()).toBe(2);
  });
});
