import { Module } from '@nestjs/common';
import { ProductProjectionModule } from '@app/platform';
import { ProductService } from './product.service';

@Module({
  imports: [ProductProjectionModule],
  providers: [ProductService],
  exports: [ProductService, ProductProjectionModule],
})
export class ProductModule {}
