import { isDuplicateKey, LOST_RACE, retryOnConflict } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { APP_CONFIG, AppConfig, DomainError } from '@app/platform';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { ProductService } from '../products/product.service';
import {
  insufficientQuantity,
  offerNotFound,
  offerUnderModeration,
  skuTaken,
  staleVersion,
  tooManyConcurrentWrites,
} from './offer.errors';
import { offerChanged, SellerEventType } from './offer.events';
import { NewOffer, OfferRepository, StoredOffer } from './offer.repository';
import {
  changedTerms,
  checkOfferTerms,
  checkQuantity,
  isUnderModeration,
  normalizeNote,
  OfferTerms,
  stockStatus,
} from './offer-rules';
import { skuKeyOf } from './offer.schema';

/**
 * Above the platform's default on purpose: an offer's quantity is a hot counter (a seller's tools
 * send bursts of adjustments to one offer), and 50 concurrent adjustments need up to 50 rounds.
 */
const OFFER_WRITE_ATTEMPTS = 100;

/** A seller's offer terms as sent: the price currency defaults to the marketplace's. */
export interface OfferInput extends Omit<OfferTerms, 'price'> {
  productId: string;
  price: { amountMinor: number; currency?: string };
}

/** What a seller's change does to the current offer: new terms and status, or nothing. */
type Transition = { terms: OfferTerms; status: StoredOffer['status']; type: SellerEventType } | 'unchanged';

@Injectable()
export class OfferWritingService {
  constructor(
    private readonly offers: OfferRepository,
    private readonly products: ProductService,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(sellerId: string, input: OfferInput & { sku: string }): Promise<StoredOffer> {
    const terms = this.checked(input);
    await this.products.requireListable(input.productId);
    const existing = await this.offers.findOwnBySku(sellerId, input.sku);
    if (existing) throw skuTaken(input.sku, existing._id);
    return this.insert(sellerId, input.sku, input.productId, terms);
  }

  /** PUT by SKU: creates, replaces, or reactivates a withdrawn offer (never a moderated one). */
  async upsertBySku(
    sellerId: string,
    sku: string,
    input: OfferInput,
    ifMatch?: number,
  ): Promise<{ offer: StoredOffer; created: boolean }> {
    const terms = this.checked(input);
    const retry = { attempts: OFFER_WRITE_ATTEMPTS, exhausted: () => tooManyConcurrentWrites(sku) };
    return retryOnConflict(retry, async () => {
      const current = await this.offers.findOwnBySku(sellerId, sku);
      if (!current) {
        if (ifMatch !== undefined) throw offerNotFound(sku);
        await this.products.requireListable(input.productId);
        try {
          return { offer: await this.insert(sellerId, sku, input.productId, terms), created: true };
        } catch (error) {
          if (error instanceof DomainError && error.code === 'OFFER_SKU_EXISTS') return LOST_RACE;
          throw error;
        }
      }
      this.assertProductUnchanged(current, input.productId);
      if (current.status === 'withdrawn') await this.products.requireListable(input.productId);
      const written = await this.tryTransition(sellerId, current, ifMatch, () =>
        this.replaceWith(current, terms),
      );
      return written ? { offer: written, created: false } : LOST_RACE;
    });
  }

  /** PATCH: the seller's partial change, only on the version they read (`If-Match`). */
  update(
    sellerId: string,
    offerId: string,
    patch: Partial<Omit<OfferInput, 'productId'>>,
    ifMatch: number,
  ): Promise<StoredOffer> {
    return this.change(sellerId, offerId, ifMatch, (current) => {
      if (current.status === 'withdrawn') {
        throw new DomainError(
          'conflict',
          'OFFER_WITHDRAWN',
          'A withdrawn offer is reactivated by an upsert of its SKU.',
        );
      }
      const terms = this.checked({ ...termsOf(current), ...patch });
      return this.replaceWith(current, terms);
    });
  }

  /** DELETE: withdraws (the SKU keeps identifying this offer). */
  withdraw(sellerId: string, offerId: string, ifMatch?: number): Promise<StoredOffer> {
    return this.change(sellerId, offerId, ifMatch, (current) =>
      current.status === 'withdrawn'
        ? 'unchanged'
        : { terms: termsOf(current), status: 'withdrawn', type: 'OfferWithdrawn' },
    );
  }

  /**
   * Adds `delta` to the quantity on the version just read, retrying on a fresh read when another
   * writer won: the event must carry the new full state in the same atomic update, so a blind
   * `$inc` will not do; the version guard makes every success count exactly once.
   */
  adjustQuantity(sellerId: string, offerId: string, delta: number): Promise<StoredOffer> {
    return this.change(sellerId, offerId, undefined, (current) => {
      const quantity = current.quantity + delta;
      if (quantity < 0) throw insufficientQuantity(offerId, current.quantity);
      checkQuantity(quantity, this.settings);
      const terms = { ...termsOf(current), quantity };
      return this.replaceWith(current, terms);
    });
  }

  private checked(input: Omit<OfferInput, 'productId'>): OfferTerms {
    const terms: OfferTerms = {
      condition: input.condition,
      conditionNote: normalizeNote(input.conditionNote),
      price: { amountMinor: input.price.amountMinor, currency: input.price.currency ?? this.config.currency },
      quantity: input.quantity,
      handlingDays: { min: input.handlingDays.min, max: input.handlingDays.max },
    };
    checkOfferTerms(terms, this.settings, this.config.currency);
    return terms;
  }

  private replaceWith(current: StoredOffer, terms: OfferTerms): Transition {
    const status = stockStatus(terms.quantity);
    const changed = changedTerms(
      { ...termsOf(current), productId: current.productId },
      { ...terms, productId: current.productId },
    );
    if (changed.length === 0 && status === current.status) return 'unchanged';
    return { terms, status, type: 'OfferUpdated' };
  }

  private assertProductUnchanged(current: StoredOffer, productId: string): void {
    if (current.productId !== productId) {
      throw new DomainError(
        'unprocessable',
        'OFFER_PRODUCT_IMMUTABLE',
        `SKU ${current.sku} is the offer of product ${current.productId}; use a new SKU for another product.`,
        { details: { offerId: current._id, productId: current.productId } },
      );
    }
  }

  private async insert(
    sellerId: string,
    sku: string,
    productId: string,
    terms: OfferTerms,
  ): Promise<StoredOffer> {
    const now = new Date();
    const offerId = uuidv7();
    const offer: NewOffer & { version: number } = {
      _id: offerId,
      sellerId,
      sku,
      skuKey: skuKeyOf(sellerId, sku),
      productId,
      ...terms,
      status: stockStatus(terms.quantity),
      appliedActionIds: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      const { version: _version, ...doc } = offer;
      await this.offers.insert(doc, [offerChanged('OfferListed', offer, [])]);
      return offer;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.offers.findOwnBySku(sellerId, sku);
      throw skuTaken(sku, winner?._id ?? 'unknown');
    }
  }

  private async change(
    sellerId: string,
    offerId: string,
    ifMatch: number | undefined,
    decide: (current: StoredOffer) => Transition,
  ): Promise<StoredOffer> {
    // Jittered: writers that lost to the same winner should not meet again in the next round.
    const retry = {
      attempts: OFFER_WRITE_ATTEMPTS,
      jitter: true,
      exhausted: () => tooManyConcurrentWrites(offerId),
    };
    return retryOnConflict(retry, async () => {
      const current = await this.offers.findOwn(sellerId, offerId);
      if (!current) throw offerNotFound(offerId);
      return (await this.tryTransition(sellerId, current, ifMatch, () => decide(current))) ?? LOST_RACE;
    });
  }

  /** One optimistic attempt: the written offer, or undefined when another writer won the version. */
  private async tryTransition(
    sellerId: string,
    current: StoredOffer,
    ifMatch: number | undefined,
    decide: () => Transition,
  ): Promise<StoredOffer | undefined> {
    if (ifMatch !== undefined && ifMatch !== current.version)
      throw staleVersion(current._id, current.version);
    if (isUnderModeration(current.status)) throw offerUnderModeration(current._id);
    const transition = decide();
    if (transition === 'unchanged') return current;
    const next: StoredOffer = {
      ...current,
      ...transition.terms,
      status: transition.status,
      updatedAt: new Date(),
      version: current.version + 1,
    };
    const changed = changedTerms(
      { ...termsOf(current), productId: current.productId },
      { ...transition.terms, productId: current.productId },
    );
    if (next.status !== current.status) changed.push('status');
    const written = await this.offers.updateOwn(sellerId, {
      id: current._id,
      expectedVersion: current.version,
      set: {
        condition: transition.terms.condition,
        ...(transition.terms.conditionNote === undefined
          ? {}
          : { conditionNote: transition.terms.conditionNote }),
        price: transition.terms.price,
        quantity: transition.terms.quantity,
        handlingDays: transition.terms.handlingDays,
        status: next.status,
        updatedAt: next.updatedAt,
      },
      unset: transition.terms.conditionNote === undefined ? ['conditionNote'] : [],
      events: [offerChanged(transition.type, next, changed)],
    });
    if (written) return next;
    if (ifMatch !== undefined) {
      const latest = await this.offers.findOwn(sellerId, current._id);
      throw staleVersion(current._id, latest?.version ?? current.version + 1);
    }
    return undefined;
  }
}

export function termsOf(offer: StoredOffer): OfferTerms {
  return {
    condition: offer.condition,
    conditionNote: offer.conditionNote,
    price: offer.price,
    quantity: offer.quantity,
    handlingDays: offer.handlingDays,
  };
}
