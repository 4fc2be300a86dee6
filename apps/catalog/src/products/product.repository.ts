import { isDuplicateKey } from '@app/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import { insertAggregate, OutboundMessage, OutboxRelay, updateAggregate } from '@app/platform';
import type { Connection, Model, mongo } from 'mongoose';
import { applyOfferSummary, applyRatingSummary, SummaryWriteOutcome } from '../summaries/summary-writes';
import type { StoredOfferSummary, StoredRatingSummary } from '../summaries/summary-rules';
import { PRODUCTS_COLLECTION, ProductDocument, productSchema } from './product.schema';

/** Internal fields no reader needs: the outbox and the search tokens are large. */
export const PRODUCT_READ_PROJECTION = {
  outbox: 0,
  outboxPendingSince: 0,
  outboxPending: 0,
  searchTokens: 0,
  moderationActionIds: 0,
} as const;

export type StoredProduct = Omit<
  ProductDocument,
  'outbox' | 'outboxPendingSince' | 'outboxPending' | 'searchTokens'
>;

export interface ProductQuery {
  readonly filter: Record<string, unknown>;
  readonly sort: Record<string, 1 | -1>;
  readonly limit: number;
}

/** The only code touching the products collection. Plain objects out; scope key (`_id`) in. */
@Injectable()
export class ProductRepository implements OnModuleInit {
  readonly model: Model<ProductDocument>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly relay: OutboxRelay,
  ) {
    this.model = connection.model<ProductDocument>(PRODUCTS_COLLECTION, productSchema, PRODUCTS_COLLECTION);
  }

  /** Indexes are built explicitly so a refused one stops the start (docs/architecture.md). */
  async onModuleInit(): Promise<void> {
    await this.model.createCollection().catch(() => undefined);
    await this.model.createIndexes();
    this.relay.register(this.model);
  }

  private get products(): mongo.Collection<ProductDocument> {
    return this.model.collection as unknown as mongo.Collection<ProductDocument>;
  }

  /** Served by `_id`. */
  async findById(productId: string): Promise<StoredProduct | null> {
    return this.products.findOne<StoredProduct>({ _id: productId }, { projection: PRODUCT_READ_PROJECTION });
  }

  /** The full document, for a read-modify-write under the version guard. */
  async findForUpdate(productId: string): Promise<ProductDocument | null> {
    return this.products.findOne<ProductDocument>(
      { _id: productId },
      { projection: { outbox: 0, outboxPendingSince: 0, outboxPending: 0, searchTokens: 0 } },
    );
  }

  /** Served by the unique `isbn13_unique` index. */
  async findIdByIsbn(isbn13: string): Promise<string | undefined> {
    const found = await this.products.findOne({ isbn13 }, { projection: { _id: 1 } });
    return found?._id;
  }

  /** Inserts at version 1 with its events; 'isbn-taken' when the unique index refuses it. */
  async insert(
    doc: Omit<ProductDocument, 'version' | 'outbox' | 'outboxPendingSince' | 'outboxPending'>,
    events: readonly AnyEventEnvelope[],
  ): Promise<'inserted' | 'isbn-taken'> {
    let messages: OutboundMessage[];
    try {
      messages = await insertAggregate(this.model, doc, events);
    } catch (error) {
      if (isDuplicateKey(error)) return 'isbn-taken';
      throw error;
    }
    this.relay.afterWrite(this.model, doc._id, messages);
    return 'inserted';
  }

  /**
   * Writes a new state if the product is still at `expectedVersion`. 'stale' when another writer
   * got there first; 'isbn-taken' when the new ISBN belongs to another product.
   */
  async update(input: {
    productId: string;
    expectedVersion: number;
    set: Partial<ProductDocument>;
    unset?: (keyof ProductDocument)[];
    events: readonly AnyEventEnvelope[];
  }): Promise<'updated' | 'stale' | 'isbn-taken'> {
    let messages: OutboundMessage[] | undefined;
    try {
      messages = await updateAggregate(this.model, {
        id: input.productId,
        expectedVersion: input.expectedVersion,
        set: input.set,
        unset: input.unset,
        events: input.events,
      });
    } catch (error) {
      if (isDuplicateKey(error)) return 'isbn-taken';
      throw error;
    }
    if (!messages) return 'stale';
    this.relay.afterWrite(this.model, input.productId, messages);
    return 'updated';
  }

  /** Which index serves each shape is said in product.schema.ts and product-search.query.ts. */
  async find(query: ProductQuery): Promise<StoredProduct[]> {
    return this.products
      .find<StoredProduct>(query.filter as never, { projection: PRODUCT_READ_PROJECTION })
      .sort(query.sort)
      .limit(query.limit)
      .toArray();
  }

  applyOfferSummary(productId: string, summary: StoredOfferSummary): Promise<SummaryWriteOutcome> {
    return applyOfferSummary(this.products, productId, summary);
  }

  applyRatingSummary(productId: string, summary: StoredRatingSummary): Promise<SummaryWriteOutcome> {
    return applyRatingSummary(this.products, productId, summary);
  }
}
