import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RATE_LIMIT_WINDOW, RateLimitWindowSchema } from './rate-limit.schema';
import { RateLimiter } from './rate-limiter';

@Module({
  imports: [MongooseModule.forFeature([{ name: RATE_LIMIT_WINDOW, schema: RateLimitWindowSchema }])],
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class CommonModule {}
