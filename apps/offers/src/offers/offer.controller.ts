import { Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiRoute,
  CurrentPrincipal,
  Principal,
  Public,
  Roles,
  sellerScope,
  ValidBody,
  ValidQuery,
} from '@app/platform';
import { etagOf, parseIfMatch, requireIfMatch } from '../common/if-match';
import {
  createOfferBody,
  CreateOfferBody,
  listingQuery,
  ListingQuery,
  ownOffersQuery,
  OwnOffersQuery,
  ownOfferView,
  quantityAdjustmentBody,
  skuSchema,
  updateOfferBody,
  UpdateOfferBody,
  upsertOfferBody,
  UpsertOfferBody,
} from './dto/offer.dto';
import {
  listingPageSchema,
  OFFER_RULE_CODES,
  ownOfferViewSchema,
  ownOffersPageSchema,
} from './dto/offer-views';
import { OfferListingService } from './offer-listing.service';
import { StoredOffer } from './offer.repository';
import { OfferWritingService } from './offer-writing.service';
import { ValidationError } from '@app/platform';

function withEtag(reply: FastifyReply, offer: StoredOffer) {
  void reply.header('etag', etagOf(offer.version));
  return ownOfferView(offer);
}

const IF_MATCH = (required: boolean) => ({
  'If-Match': {
    required,
    description: required
      ? 'The version read (its ETag); a changed offer answers 412.'
      : 'The version read (its ETag), to refuse a concurrent change with 412.',
  },
});
const ownOffer = (description: string) => ({
  description,
  schema: ownOfferViewSchema,
  headers: ['ETag' as const],
});
/** Every write may lose a race too often, or meet an offer held by moderation. */
const WRITE_CONFLICTS = ['OFFER_UNDER_MODERATION', 'CONCURRENT_MODIFICATION'];

function validSku(sku: string): string {
  if (!skuSchema.safeParse(sku).success) {
    throw new ValidationError([{ field: 'path.sku', rule: 'format', message: 'not a valid SKU' }]);
  }
  return sku;
}

/** The seller's own offers; every query carries the token's sellerId, so others' are 404. */
@Roles('seller')
@Controller('sellers/me/offers')
export class OfferController {
  constructor(
    private readonly writing: OfferWritingService,
    private readonly reading: OfferListingService,
  ) {}

  @Post()
  @ApiRoute({
    summary: 'List a copy of a product for sale under a new SKU.',
    responses: { 201: ownOffer('The created offer.') },
    errors: {
      404: ['PRODUCT_NOT_FOUND'],
      409: ['OFFER_SKU_EXISTS', 'REFERENCE_NOT_YET_KNOWN'],
      422: [...OFFER_RULE_CODES, 'PRODUCT_NOT_AVAILABLE'],
    },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createOfferBody) body: CreateOfferBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.writing.create(sellerScope(principal).sellerId, body));
  }

  @Get()
  @ApiRoute({
    summary: "The seller's own offers, in every status.",
    responses: { 200: { description: 'A page of offers.', schema: ownOffersPageSchema } },
  })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(ownOffersQuery) query: OwnOffersQuery) {
    return this.reading.own(sellerScope(principal).sellerId, query);
  }

  /** Upsert by SKU (feeds and the demo loader): 201 when created, 200 otherwise. */
  @Put('by-sku/:sku')
  @ApiRoute({
    summary: 'Create or replace the offer a SKU names (a withdrawn one is reactivated).',
    responses: {
      201: ownOffer('The offer was created.'),
      200: ownOffer('The offer was replaced (or unchanged).'),
    },
    errors: {
      404: ['OFFER_NOT_FOUND', 'PRODUCT_NOT_FOUND'],
      409: [...WRITE_CONFLICTS, 'REFERENCE_NOT_YET_KNOWN'],
      412: ['VERSION_MISMATCH'],
      422: [...OFFER_RULE_CODES, 'PRODUCT_NOT_AVAILABLE', 'OFFER_PRODUCT_IMMUTABLE'],
    },
    requestHeaders: IF_MATCH(false),
  })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Param('sku') sku: string,
    @ValidBody(upsertOfferBody) body: UpsertOfferBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { offer, created } = await this.writing.upsertBySku(
      sellerScope(principal).sellerId,
      validSku(sku),
      body,
      parseIfMatch(ifMatch),
    );
    void reply.status(created ? 201 : 200);
    return withEtag(reply, offer);
  }

  @Get(':offerId')
  @ApiRoute({
    summary: "One of the seller's offers.",
    responses: { 200: ownOffer('The offer; ETag is its version.') },
    errors: { 404: ['OFFER_NOT_FOUND'] },
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reading.ownOne(sellerScope(principal).sellerId, offerId));
  }

  @Patch(':offerId')
  @ApiRoute({
    summary: "Change an offer's terms, on the version read.",
    responses: { 200: ownOffer('The changed offer.') },
    errors: {
      404: ['OFFER_NOT_FOUND'],
      409: [...WRITE_CONFLICTS, 'OFFER_WITHDRAWN'],
      412: ['VERSION_MISMATCH'],
      422: [...OFFER_RULE_CODES],
    },
    requestHeaders: IF_MATCH(true),
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerId: string,
    @ValidBody(updateOfferBody) body: UpdateOfferBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const offer = await this.writing.update(
      sellerScope(principal).sellerId,
      offerId,
      body,
      requireIfMatch(ifMatch),
    );
    return withEtag(reply, offer);
  }

  /** Withdraws: the SKU keeps naming this offer, and a later upsert reactivates it. */
  @Delete(':offerId')
  @ApiRoute({
    summary: 'Withdraw an offer; its SKU keeps naming it.',
    responses: { 200: ownOffer('The withdrawn offer.') },
    errors: { 404: ['OFFER_NOT_FOUND'], 409: WRITE_CONFLICTS, 412: ['VERSION_MISMATCH'] },
    requestHeaders: IF_MATCH(false),
  })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const offer = await this.writing.withdraw(
      sellerScope(principal).sellerId,
      offerId,
      parseIfMatch(ifMatch),
    );
    return withEtag(reply, offer);
  }

  @Post(':offerId/quantity-adjustments')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Add to or take from the quantity in stock (concurrent adjustments all count).',
    responses: { 200: ownOffer('The adjusted offer.') },
    errors: {
      404: ['OFFER_NOT_FOUND'],
      409: [...WRITE_CONFLICTS, 'INSUFFICIENT_QUANTITY'],
      422: ['QUANTITY_OUT_OF_BOUNDS'],
    },
  })
  async adjust(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerId: string,
    @ValidBody(quantityAdjustmentBody) body: { delta: number },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const offer = await this.writing.adjustQuantity(sellerScope(principal).sellerId, offerId, body.delta);
    return withEtag(reply, offer);
  }
}

/** The shopper listing: anonymous, active in-stock offers of a visible product. */
@Controller('products/:productId/offers')
export class OfferListingController {
  constructor(private readonly reading: OfferListingService) {}

  @Public()
  @Get()
  @ApiRoute({
    summary: "A product's active, in-stock offers, as shoppers see them.",
    responses: { 200: { description: 'A page of offers.', schema: listingPageSchema } },
    errors: { 404: ['PRODUCT_NOT_FOUND'], 409: ['REFERENCE_NOT_YET_KNOWN'] },
  })
  list(@Param('productId') productId: string, @ValidQuery(listingQuery) query: ListingQuery) {
    return this.reading.listing(productId, query);
  }
}
