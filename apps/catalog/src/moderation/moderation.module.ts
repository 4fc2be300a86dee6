import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { ProductModerationConsumer } from './product-moderation.consumer';
import { ProductModerationService } from './product-moderation.service';

@Module({
  imports: [ProductsModule],
  controllers: [ProductModerationConsumer],
  providers: [ProductModerationService],
})
export class ModerationModule {}
