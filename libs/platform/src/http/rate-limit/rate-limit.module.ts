import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RATE_LIMIT_WINDOW, RateLimitWindowSchema } from './rate-limit.schema';
import { RateLimiter } from './rate-limiter';

/** The database-backed rate limiter, in the importing service's own database. */
@Module({
  imports: [MongooseModule.forFeature([{ name: RATE_LIMIT_WINDOW, schema: RateLimitWindowSchema }])],
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
