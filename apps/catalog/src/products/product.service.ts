import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { buildEvent } from '@app/contracts';
import {
  APP_CONFIG,
  AppConfig,
  currentCorrelationId,
  decodeCursor,
  encodeCursor,
  hasRole,
  CONFLICT_ATTEMPTS,
  LOST_RACE,
  Page,
  Principal,
  retryOnConflict,
} from '@app/platform';
import { CLEARABLE_FIELDS, CreateProductDto, SearchProductsQuery, UpdateProductDto } from './dto/product.dto';
import { parseIsbn } from './isbn';
import {
  foreignCurrency,
  invalidIsbn,
  IsbnTakenError,
  ProductNotFoundError,
  ProductVersionMismatchError,
} from './product.errors';
import { productCardView, productPageView, productView } from './product-page.mapper';
import { ProductRepository, StoredProduct } from './product.repository';
import { ProductDocument } from './product.schema';
import {
  baseFilter,
  effectiveSort,
  keysetCursorOf,
  keysetCursorSchema,
  keysetQuery,
  RELEVANCE_CANDIDATES,
  relevanceCursorSchema,
  relevancePage,
  relevanceScore,
} from './product-search.query';
import {
  changedContentFields,
  contentOf,
  newProductDocument,
  ProductContent,
  searchTokensOf,
  toProductState,
} from './product-state';
import { queryTokens } from './search-tokens';

/** Who may read hidden products: the people who put them right. */
export function isPrivilegedReader(principal: Principal | undefined): boolean {
  return hasRole(principal, 'catalog-editor') || hasRole(principal, 'moderator');
}

@Injectable()
export class ProductService {
  constructor(
    private readonly products: ProductRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateProductDto) {
    const content = this.contentFrom(dto);
    const id = uuidv7();
    const now = new Date().toISOString();
    const doc = newProductDocument(id, content, now);
    const event = buildEvent('ProductCreated', {
      aggregateId: id,
      aggregateVersion: 1,
      correlationId: currentCorrelationId() ?? id,
      payload: { product: toProductState({ ...doc, version: 1, outbox: [] }), changedFields: [] },
    });
    if ((await this.products.insert(doc, [event])) === 'isbn-taken') {
      throw new IsbnTakenError(content.isbn13, await this.products.findIdByIsbn(content.isbn13));
    }
    const stored = await this.products.findById(id);
    if (!stored) throw new ProductNotFoundError(id);
    return productView(stored, true);
  }

  /** PATCH: applies the fields given; `expectedVersion` (If-Match) turns a lost race into 412. */
  async update(productId: string, dto: UpdateProductDto, expectedVersion?: number) {
    // Never thrown: the last attempt answers its own lost race as a version mismatch (412), not a 500.
    const exhausted = () => new Error(`product ${productId}: too many concurrent writes`);
    return retryOnConflict({ exhausted }, async (attempt) => {
      const current = await this.products.findForUpdate(productId);
      if (!current) throw new ProductNotFoundError(productId);
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new ProductVersionMismatchError(expectedVersion, current.version);
      }
      const outcome = await this.tryUpdate(current, dto);
      const retry = expectedVersion === undefined && attempt < CONFLICT_ATTEMPTS;
      if (outcome === 'stale' && retry) return LOST_RACE;
      if (outcome === 'stale') {
        const latest = await this.products.findForUpdate(productId);
        throw new ProductVersionMismatchError(current.version, latest?.version ?? current.version);
      }
      const stored = await this.products.findById(productId);
      if (!stored) throw new ProductNotFoundError(productId);
      return productView(stored, true);
    });
  }

  async page(productId: string, principal: Principal | undefined) {
    const privileged = isPrivilegedReader(principal);
    const product = await this.products.findById(productId);
    if (!product || (!privileged && product.visibility !== 'visible'))
      throw new ProductNotFoundError(productId);
    return productPageView(product, privileged);
  }

  async search(
    query: SearchProductsQuery,
    principal: Principal | undefined,
  ): Promise<Page<ReturnType<typeof productCardView>>> {
    const privileged = isPrivilegedReader(principal);
    if (query.isbn !== undefined) return this.byIsbn(query.isbn, privileged);
    const filter = baseFilter(query, privileged);
    const sort = effectiveSort(query);
    if (sort === 'relevance') {
      const cursor = decodeCursor(query.cursor, relevanceCursorSchema);
      const candidates = await this.products.find({ filter, sort: { _id: 1 }, limit: RELEVANCE_CANDIDATES });
      const tokens = queryTokens(query.q ?? '');
      const scored = candidates.map((product) => ({ product, score: relevanceScore(product, tokens) }));
      const { items, hasMore } = relevancePage(scored, query.limit, cursor);
      const last = items.at(-1);
      return {
        items: items.map((m) => productCardView(m.product, privileged)),
        ...(hasMore && last ? { nextCursor: encodeCursor({ s: last.score, id: last.product._id }) } : {}),
      };
    }
    const cursor = decodeCursor(query.cursor, keysetCursorSchema);
    const found = await this.products.find(keysetQuery(sort, filter, query.limit, cursor));
    const items = found.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((product) => productCardView(product, privileged)),
      ...(found.length > query.limit && last ? { nextCursor: encodeCursor(keysetCursorOf(sort, last)) } : {}),
    };
  }

  private async byIsbn(isbn: string, privileged: boolean) {
    const parsed = parseIsbn(isbn);
    if (!parsed.ok) throw invalidIsbn('query.isbn', parsed.rule);
    const id = await this.products.findIdByIsbn(parsed.isbn13);
    const product: StoredProduct | null = id ? await this.products.findById(id) : null;
    const shown = product && (privileged || product.visibility === 'visible');
    return { items: shown ? [productCardView(product, privileged)] : [] };
  }

  private async tryUpdate(
    current: ProductDocument,
    dto: UpdateProductDto,
  ): Promise<'updated' | 'stale' | 'unchanged'> {
    const before = contentOf(current);
    const after = this.mergeContent(before, dto);
    const changedFields = changedContentFields(before, after);
    // Nothing changed: no event, no version bump (a repeated PATCH is harmless).
    if (changedFields.length === 0) return 'unchanged';
    const version = current.version + 1;
    const now = new Date().toISOString();
    const cleared = CLEARABLE_FIELDS.filter((field) => dto[field] === null && current[field] !== undefined);
    const next: ProductDocument = { ...current, ...after, updatedAt: now, version };
    for (const field of cleared) delete next[field];
    const event = buildEvent('ProductUpdated', {
      aggregateId: current._id,
      aggregateVersion: version,
      correlationId: currentCorrelationId() ?? current._id,
      payload: { product: toProductState(next), changedFields },
    });
    const set: Partial<ProductDocument> = {
      updatedAt: now,
      searchTokens: searchTokensOf(after),
      dateKey: after.publicationDate ?? '',
    };
    for (const field of changedFields) {
      const value = after[field as keyof ProductContent];
      if (value !== undefined) (set as Record<string, unknown>)[field] = value;
    }
    const outcome = await this.products.update({
      productId: current._id,
      expectedVersion: current.version,
      set,
      unset: cleared,
      events: [event],
    });
    if (outcome === 'isbn-taken')
      throw new IsbnTakenError(after.isbn13, await this.products.findIdByIsbn(after.isbn13));
    return outcome;
  }

  private mergeContent(before: ProductContent, dto: UpdateProductDto): ProductContent {
    const { isbn, ...fields } = dto;
    const merged: Record<string, unknown> = { ...before };
    for (const [field, value] of Object.entries(fields)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    if (isbn !== undefined) merged.isbn13 = this.isbn13Of(isbn);
    if (fields.listPrice) this.checkCurrency(fields.listPrice.currency);
    return merged as ProductContent;
  }

  private contentFrom(dto: CreateProductDto): ProductContent {
    const { isbn, ...fields } = dto;
    if (fields.listPrice) this.checkCurrency(fields.listPrice.currency);
    return { ...fields, isbn13: this.isbn13Of(isbn) };
  }

  private isbn13Of(isbn: string): string {
    const parsed = parseIsbn(isbn);
    if (!parsed.ok) throw invalidIsbn('body.isbn', parsed.rule);
    return parsed.isbn13;
  }

  private checkCurrency(currency: string): void {
    if (currency !== this.config.currency)
      throw foreignCurrency('body.listPrice.currency', this.config.currency);
  }
}
