import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiRoute, CurrentPrincipal, Principal, Roles, sellerScope, ValidationError } from '@app/platform';
import { FEED_CONTENT_TYPES, feedView, reportView } from './dto/feed.dto';
import { feedListSchema, feedReportSchema, feedViewSchema } from './dto/feed-views';
import { FeedFormat } from './feed-parser';
import { FeedService } from './feed.service';

function formatOf(contentType: string | undefined): FeedFormat {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if ((FEED_CONTENT_TYPES.csv as readonly string[]).includes(media)) return 'csv';
  if ((FEED_CONTENT_TYPES.jsonl as readonly string[]).includes(media)) return 'jsonl';
  throw new ValidationError([
    { field: 'headers.content-type', rule: 'one_of', message: 'send text/csv or application/x-ndjson' },
  ]);
}

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(header)) {
    throw new ValidationError([
      { field: 'headers.idempotency-key', rule: 'format', message: '1-128 visible ASCII characters' },
    ]);
  }
  return header;
}

/** Bulk inventory feeds: submitted here, processed in the background; others' feeds are 404. */
@Roles('seller')
@Controller('sellers/me/inventory-feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  /** 202 with the queued feed; a repeated Idempotency-Key answers 200 with the original. */
  @Post()
  @ApiRoute({
    summary: 'Submit an inventory feed (CSV or JSON lines); it is processed in the background.',
    responses: {
      202: { description: 'Queued.', schema: feedViewSchema, headers: ['Location'] },
      200: {
        description: 'This Idempotency-Key was used for the same file: the original feed.',
        schema: feedViewSchema,
        headers: ['Location'],
      },
    },
    errors: { 400: ['FEED_UNREADABLE'], 422: ['FEED_TOO_LARGE', 'IDEMPOTENCY_KEY_REUSED'] },
    rawBody: {
      description: 'The feed file: CSV with a header row, or one JSON object per line.',
      mediaTypes: [...FEED_CONTENT_TYPES.csv, ...FEED_CONTENT_TYPES.jsonl],
    },
    requestHeaders: {
      'Idempotency-Key': {
        required: false,
        description: 'Makes a resubmission of the same file answer the original feed instead of a new one.',
      },
    },
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = formatOf(contentType);
    if (typeof body !== 'string') {
      throw new ValidationError([
        { field: 'body', rule: 'required', message: 'send the feed file as the body' },
      ]);
    }
    const { feed, created } = await this.feeds.submit({
      sellerId: sellerScope(principal).sellerId,
      body,
      format,
      idempotencyKey: idempotencyKey(key),
    });
    void reply.status(created ? 202 : 200).header('location', `/sellers/me/inventory-feeds/${feed._id}`);
    return feedView(feed);
  }

  @Get()
  @ApiRoute({
    summary: "The seller's feeds, newest first.",
    responses: { 200: { description: 'The feeds.', schema: feedListSchema } },
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.feeds.list(sellerScope(principal).sellerId)).map(feedView) };
  }

  @Get(':feedId')
  @ApiRoute({
    summary: 'One feed and its progress.',
    responses: { 200: { description: 'The feed.', schema: feedViewSchema } },
    errors: { 404: ['FEED_NOT_FOUND'] },
  })
  async get(@CurrentPrincipal() principal: Principal, @Param('feedId') feedId: string) {
    return feedView(await this.feeds.get(sellerScope(principal).sellerId, feedId));
  }

  @Get(':feedId/report')
  @ApiRoute({
    summary: "A feed's per-row report.",
    responses: { 200: { description: 'The feed and its report entries.', schema: feedReportSchema } },
    errors: { 404: ['FEED_NOT_FOUND'] },
  })
  async report(@CurrentPrincipal() principal: Principal, @Param('feedId') feedId: string) {
    const { feed, entries } = await this.feeds.report(sellerScope(principal).sellerId, feedId);
    return reportView(feed, entries);
  }
}
