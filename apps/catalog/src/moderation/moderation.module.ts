import { Module } from '@nestjs/common';
import { ProductModule } from '../products/product.module';
import { ProductModerationConsumer } from './product-moderation.consumer';
import { ProductModerationService } from './product-moderation.service';

@Module({
  imports: [ProductModule],
  controllers: [ProductModerationConsumer],
  providers: [ProductModerationService],
})
export class ModerationModule {}
