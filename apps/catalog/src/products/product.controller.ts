import { Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiRoute,
  CurrentPrincipal,
  OptionalAuth,
  Principal,
  Roles,
  ValidBody,
  ValidQuery,
} from '@app/platform';
import {
  CreateProductDto,
  createProductSchema,
  SearchProductsQuery,
  searchProductsQuerySchema,
  UpdateProductDto,
  updateProductSchema,
} from './dto/product.dto';
import { productPageViewSchema, productSearchPageSchema, productViewSchema } from './dto/product-views';
import { malformedIfMatch } from './product.errors';
import { ProductService } from './product.service';

/** `If-Match: "3"` (or `3`, or a weak `W/"3"`) → 3; absent → undefined. */
function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw malformedIfMatch();
  return Number(match[1]);
}

/** Products over HTTP: shoppers read (hidden ones only by editors and moderators); editors write. */
@Controller('products')
export class ProductController {
  constructor(private readonly products: ProductService) {}

  @Get()
  @OptionalAuth()
  @ApiRoute({
    summary: 'Search the catalog (hidden products only for editors and moderators).',
    responses: { 200: { description: 'A page of result cards.', schema: productSearchPageSchema } },
  })
  search(
    @ValidQuery(searchProductsQuerySchema) query: SearchProductsQuery,
    @CurrentPrincipal() principal?: Principal,
  ) {
    return this.products.search(query, principal);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiRoute({
    summary: 'A product page: the book, its offer summary and its rating summary.',
    responses: {
      200: {
        description: 'The page; ETag is the product version.',
        schema: productPageViewSchema,
        headers: ['ETag'],
      },
    },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  async page(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const page = await this.products.page(id, principal);
    reply.header('etag', `"${page.product.version}"`);
    return page;
  }

  @Post()
  @HttpCode(201)
  @Roles('catalog-editor')
  @ApiRoute({
    summary: 'Create a product.',
    responses: {
      201: { description: 'The created product.', schema: productViewSchema, headers: ['ETag', 'Location'] },
    },
    errors: { 409: ['PRODUCT_ISBN_TAKEN'] },
  })
  async create(
    @ValidBody(createProductSchema) body: CreateProductDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const product = await this.products.create(body);
    reply.header('etag', `"${product.version}"`).header('location', `/products/${product.id}`);
    return product;
  }

  @Patch(':id')
  @Roles('catalog-editor')
  @ApiRoute({
    summary: 'Change a product; send null to clear an optional field.',
    responses: { 200: { description: 'The changed product.', schema: productViewSchema, headers: ['ETag'] } },
    errors: { 404: ['PRODUCT_NOT_FOUND'], 409: ['PRODUCT_ISBN_TAKEN'], 412: ['PRODUCT_VERSION_MISMATCH'] },
    requestHeaders: {
      'If-Match': {
        required: false,
        description: 'The version read (its ETag): a changed product answers 412.',
      },
    },
  })
  async update(
    @Param('id') id: string,
    @ValidBody(updateProductSchema) body: UpdateProductDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const product = await this.products.update(id, body, expectedVersionOf(ifMatch));
    reply.header('etag', `"${product.version}"`);
    return product;
  }
}
