import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProductConsumer } from './product.consumer';
import { ProductRepository } from './product.repository';
import { PRODUCT_PROJECTION, ProductProjectionSchema } from './product.schema';
import { ProductService } from './product.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: PRODUCT_PROJECTION, schema: ProductProjectionSchema }])],
  controllers: [ProductConsumer],
  providers: [ProductRepository, ProductService],
  exports: [ProductService],
})
export class ProductModule {}
