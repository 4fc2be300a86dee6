import { Module } from '@nestjs/common';
import { ProductProjectionModule } from '@app/platform';
import { ProductConsumer } from './product.consumer';
import { ProductService } from './product.service';

@Module({
  imports: [ProductProjectionModule],
  controllers: [ProductConsumer],
  providers: [ProductService],
  exports: [ProductService],
})
export class ProductModule {}
