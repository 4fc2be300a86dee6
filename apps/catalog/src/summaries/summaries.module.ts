import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { SummaryConsumer } from './summary.consumer';
import { SummaryService } from './summary.service';

@Module({ imports: [ProductsModule], controllers: [SummaryConsumer], providers: [SummaryService] })
export class SummariesModule {}
