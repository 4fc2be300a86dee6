import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { FEED_CONTENT_TYPES } from './dto/feed.dto';

/**
 * Feeds arrive as raw CSV or JSON lines, up to 50,000 rows: Fastify gets string parsers for those
 * media types, with a body limit of their own (the service's default limit suits JSON requests).
 */
@Injectable()
export class FeedBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addContentTypeParser(
      [...FEED_CONTENT_TYPES.csv, ...FEED_CONTENT_TYPES.jsonl],
      { parseAs: 'string', bodyLimit: this.settings.maxFeedBytes },
      (_request, body, done) => done(null, body),
    );
  }
}
