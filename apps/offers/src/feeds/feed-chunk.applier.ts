import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { APP_CONFIG, AppConfig, DomainError, ProductProjection } from '@app/platform';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { offerChanged } from '../offers/offer.events';
import {
  FeedOfferWrite,
  FeedTarget,
  OfferRepository,
  PreparedWrites,
  StoredOffer,
  WrittenChunk,
} from '../offers/offer.repository';
import {
  changedTerms,
  checkOfferTerms,
  isUnderModeration,
  normalizeNote,
  OfferTerms,
  stockStatus,
} from '../offers/offer-rules';
import { skuKeyOf } from '../offers/offer.schema';
import { termsOf } from '../offers/offer-writing.service';
import { ProductService } from '../products/product.service';
import type { FeedRow } from './feed-row';
import type { ReportEntry } from './feed.schema';

/** Rounds of re-reading rows whose write lost a race with an API write. */
const MAX_CHUNK_ROUNDS = 5;
/** How long one read of a feed's products serves its next chunks. */
const PRODUCT_REUSE_MS = 10_000;

export type Decision = { write: FeedOfferWrite; entry: ReportEntry } | { entry: ReportEntry };

/** A chunk decided and made ready to write (`FeedChunkApplier.prepare`). */
export interface PreparedChunk {
  readonly decisions: Decision[];
  readonly writes: PreparedWrites;
}

export interface ChunkInput {
  feedId: string;
  sellerId: string;
  rows: FeedRow[];
  correlationId: string;
  /** Until when the feed's worker holds the lease (the sweep leaves its events to it until then). */
  sweepAfter: Date;
}

const rejected = (row: FeedRow, code: string, message: string): ReportEntry => ({
  line: row.line,
  sku: row.sku,
  outcome: 'rejected',
  code,
  message,
});

/**
 * Applies one chunk of a feed as a bulk write: each row is decided against the offer as read, then
 * all writes go out in one unordered bulkWrite, each still a version-guarded single-document
 * update whose event is held durably before it (in the chunk's outbox batch, or behind older
 * events in the offer's outbox). A row is reported applied only once its write matched.
 */
@Injectable()
export class FeedChunkApplier {
  private readonly log = new Logger(FeedChunkApplier.name);
  private productCache?: { feedId: string; readAt: number; products: Map<string, ProductProjection> };

  constructor(
    private readonly offers: OfferRepository,
    private readonly products: ProductService,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Decides every row of a chunk against the offers as they are now, and readies the writes (their
   * events serialized, their outbox batch opened). A chunk's SKUs appear in no other chunk of the
   * feed, so the next chunk can be prepared while this one is being written.
   */
  async prepare(input: ChunkInput): Promise<PreparedChunk> {
    const decisions = await this.decide(input);
    return { decisions, writes: await this.ready(decisions, input.sweepAfter) };
  }

  private ready(decisions: readonly Decision[], sweepAfter: Date): Promise<PreparedWrites> {
    const writes = decisions.flatMap((d) => ('write' in d ? [d.write] : []));
    return this.offers.prepareWrites(writes, sweepAfter);
  }

  /**
   * Writes the chunk (decided by `prepare`, or now). Its report is final when this resolves;
   * `published` resolves once the chunk's events are on the broker and out of the outboxes (or left
   * to the sweep), so the caller can go on with the next chunk meanwhile.
   */
  async apply(
    input: ChunkInput,
    prepared?: PreparedChunk,
  ): Promise<{ entries: ReportEntry[]; published: Promise<void> }> {
    const entries: ReportEntry[] = [];
    const published: Promise<void>[] = [];
    let pending = input.rows;
    for (let round = 1; round <= MAX_CHUNK_ROUNDS && pending.length > 0; round++) {
      const decisions =
        round === 1 && prepared ? prepared.decisions : await this.decide({ ...input, rows: pending });
      const writes =
        round === 1 && prepared ? prepared.writes : await this.ready(decisions, input.sweepAfter);
      const chunk = await this.offers.bulkApply({ sellerId: input.sellerId, prepared: writes });
      const missed = new Set(chunk.missed.map((w) => w.offer.sku));
      published.push(this.publish(chunk));
      for (const decision of decisions) {
        if (!('write' in decision) || !missed.has(decision.write.offer.sku)) entries.push(decision.entry);
      }
      pending = pending.filter((row) => missed.has(row.sku));
    }
    for (const row of pending)
      entries.push(
        rejected(
          row,
          'CONCURRENT_MODIFICATION',
          'the offer kept changing while the feed applied; resend the row',
        ),
      );
    return { entries, published: Promise.all(published).then(() => undefined) };
  }

  private publish(chunk: WrittenChunk): Promise<void> {
    return this.offers
      .publishChunk(chunk)
      .catch((error: unknown) =>
        this.log.warn({ err: error, events: chunk.written.length }, 'feed events left to the outbox sweep'),
      );
  }

  private async decide(input: Omit<ChunkInput, 'sweepAfter'>): Promise<Decision[]> {
    const existing = new Map(
      (
        await this.offers.findFeedTargets(
          input.sellerId,
          input.rows.map((row) => skuKeyOf(input.sellerId, row.sku)),
        )
      ).map((target) => [target.offer.sku, target]),
    );
    const productIds = input.rows.flatMap((row) => (row.productId ? [row.productId] : []));
    const products = await this.productsOf(input.feedId, productIds);
    return input.rows.map((row) => {
      try {
        return this.decideRow({ ...input, row, target: existing.get(row.sku), products });
      } catch (error) {
        if (error instanceof DomainError) return { entry: rejected(row, error.code, error.message) };
        throw error;
      }
    });
  }

  /**
   * A feed's chunks name the same products over and over: what one chunk read serves the next ones
   * for a few seconds (the projection itself trails the catalog by event delivery anyway). Products
   * not found are read again every chunk, so a product that arrives meanwhile is taken at once.
   */
  private async productsOf(
    feedId: string,
    productIds: readonly string[],
  ): Promise<Map<string, ProductProjection>> {
    const now = Date.now();
    if (this.productCache?.feedId !== feedId || now - this.productCache.readAt > PRODUCT_REUSE_MS)
      this.productCache = { feedId, readAt: now, products: new Map() };
    const known = this.productCache.products;
    const missing = [...new Set(productIds)].filter((id) => !known.has(id));
    for (const [id, product] of await this.products.byIds(missing)) known.set(id, product);
    return known;
  }

  private decideRow(input: {
    feedId: string;
    sellerId: string;
    row: FeedRow;
    target?: FeedTarget;
    products: Map<string, ProductProjection>;
    correlationId: string;
  }): Decision {
    const { row, target } = input;
    const current = target?.offer;
    const marker = `${input.feedId}:${row.line}`;
    if (!current) {
      if (row.action !== 'upsert')
        return { entry: rejected(row, 'OFFER_NOT_FOUND', `no offer has SKU ${row.sku}`) };
      return this.insertion(input, marker);
    }
    // Resuming after a crash: this very row already changed the offer.
    if (current.lastFeedRow === marker)
      return { entry: { line: row.line, sku: row.sku, outcome: 'applied', offerId: current._id } };
    if (isUnderModeration(current.status)) {
      return {
        entry: rejected(row, 'OFFER_UNDER_MODERATION', 'the offer is held or suspended by moderation'),
      };
    }
    if (row.action === 'withdraw') {
      if (current.status === 'withdrawn')
        return { entry: { line: row.line, sku: row.sku, outcome: 'unchanged', offerId: current._id } };
      return this.change(input, marker, termsOf(current), 'withdrawn', 'OfferWithdrawn');
    }
    if (row.action === 'update') {
      if (current.status === 'withdrawn')
        return {
          entry: rejected(row, 'OFFER_WITHDRAWN', 'a withdrawn offer is reactivated by an upsert row'),
        };
      const terms = this.checked({
        ...termsOf(current),
        price:
          row.priceMinor === undefined
            ? current.price
            : { amountMinor: row.priceMinor, currency: row.currency ?? current.price.currency },
        quantity: row.quantity ?? current.quantity,
      });
      return this.change(input, marker, terms, stockStatus(terms.quantity), 'OfferUpdated');
    }
    if (current.productId !== row.productId) {
      return {
        entry: rejected(row, 'OFFER_PRODUCT_IMMUTABLE', `SKU ${row.sku} is the offer of another product`),
      };
    }
    if (current.status === 'withdrawn') this.requireListable(row, input.products.get(row.productId) ?? null);
    return this.change(
      input,
      marker,
      this.checked(this.termsOfRow(row)),
      stockStatus(row.quantity!),
      'OfferUpdated',
    );
  }

  private insertion(
    input: {
      feedId: string;
      sellerId: string;
      row: FeedRow;
      products: Map<string, ProductProjection>;
      correlationId: string;
    },
    marker: string,
  ): Decision {
    const { row } = input;
    this.requireListable(row, input.products.get(row.productId!) ?? null);
    const terms = this.checked(this.termsOfRow(row));
    const now = new Date();
    const offerId = uuidv7();
    const offer: StoredOffer = {
      _id: offerId,
      sellerId: input.sellerId,
      sku: row.sku,
      skuKey: skuKeyOf(input.sellerId, row.sku),
      productId: row.productId!,
      ...terms,
      status: stockStatus(terms.quantity),
      appliedActionIds: [],
      lastFeedRow: marker,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    if (offer.conditionNote === undefined) delete offer.conditionNote;
    return {
      write: {
        kind: 'insert',
        offer,
        expectedVersion: 0,
        outboxClear: true,
        event: offerChanged('OfferListed', offer, [], input.correlationId),
      },
      entry: { line: row.line, sku: row.sku, outcome: 'applied', offerId: offer._id },
    };
  }

  private change(
    input: { row: FeedRow; target?: FeedTarget; correlationId: string },
    marker: string,
    terms: OfferTerms,
    status: StoredOffer['status'],
    type: 'OfferUpdated' | 'OfferWithdrawn',
  ): Decision {
    const { offer: current, outboxClear } = input.target!;
    const changed = changedTerms(
      { ...termsOf(current), productId: current.productId },
      { ...terms, productId: current.productId },
    );
    if (status !== current.status) changed.push('status');
    if (changed.length === 0)
      return {
        entry: { line: input.row.line, sku: input.row.sku, outcome: 'unchanged', offerId: current._id },
      };
    const offer: StoredOffer = {
      ...current,
      ...terms,
      status,
      lastFeedRow: marker,
      updatedAt: new Date(),
      version: current.version + 1,
    };
    if (offer.conditionNote === undefined) delete offer.conditionNote;
    return {
      write: {
        kind: 'update',
        offer,
        expectedVersion: current.version,
        outboxClear,
        event: offerChanged(type, offer, changed, input.correlationId),
      },
      entry: { line: input.row.line, sku: input.row.sku, outcome: 'applied', offerId: current._id },
    };
  }

  private termsOfRow(row: FeedRow): OfferTerms {
    return {
      condition: row.condition!,
      conditionNote: row.conditionNote,
      price: { amountMinor: row.priceMinor!, currency: row.currency ?? this.config.currency },
      quantity: row.quantity!,
      handlingDays: { min: row.handlingMin!, max: row.handlingMax! },
    };
  }

  private checked(terms: OfferTerms): OfferTerms {
    const normalized = { ...terms, conditionNote: normalizeNote(terms.conditionNote) };
    checkOfferTerms(normalized, this.settings, this.config.currency);
    return normalized;
  }

  private requireListable(row: FeedRow, product: ProductProjection | null): void {
    if (!product)
      throw new DomainError(
        'unprocessable',
        'UNKNOWN_PRODUCT',
        `product ${row.productId} is not in the catalog`,
      );
    if (product.visibility !== 'visible') {
      throw new DomainError(
        'unprocessable',
        'PRODUCT_NOT_AVAILABLE',
        `product ${row.productId} is not available for offers`,
      );
    }
  }
}
