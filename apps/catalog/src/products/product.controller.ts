import { Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, OptionalAuth, Principal, Roles, ValidBody, ValidQuery } from '@app/platform';
import {
  CreateProductDto,
  createProductSchema,
  SearchProductsQuery,
  searchProductsQuerySchema,
  UpdateProductDto,
  updateProductSchema,
} from './dto/product.dto';
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
  search(
    @ValidQuery(searchProductsQuerySchema) query: SearchProductsQuery,
    @CurrentPrincipal() principal?: Principal,
  ) {
    return this.products.search(query, principal);
  }

  @Get(':id')
  @OptionalAuth()
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
