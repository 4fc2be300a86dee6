import { Module } from '@nestjs/common';
import { ProductModule } from '../products/product.module';
import { SummaryConsumer } from './summary.consumer';
import { SummaryService } from './summary.service';

@Module({ imports: [ProductModule], controllers: [SummaryConsumer], providers: [SummaryService] })
export class SummaryModule {}
