import { Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
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
import { OfferListingService } from './offer-listing.service';
import { StoredOffer } from './offer.repository';
import { OfferWritingService } from './offer-writing.service';
import { ValidationError } from '@app/platform';

function withEtag(reply: FastifyReply, offer: StoredOffer) {
  void reply.header('etag', etagOf(offer.version));
  return ownOfferView(offer);
}

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
  async create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createOfferBody) body: CreateOfferBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.writing.create(sellerScope(principal).sellerId, body));
  }

  @Get()
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(ownOffersQuery) query: OwnOffersQuery) {
    return this.reading.own(sellerScope(principal).sellerId, query);
  }

  /** Upsert by SKU (feeds and the demo loader): 201 when created, 200 otherwise. */
  @Put('by-sku/:sku')
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
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reading.ownOne(sellerScope(principal).sellerId, offerId));
  }

  @Patch(':offerId')
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
  list(@Param('productId') productId: string, @ValidQuery(listingQuery) query: ListingQuery) {
    return this.reading.listing(productId, query);
  }
}
