import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { ModerationModule } from './moderation/moderation.module';
import { ProductModule } from './products/product.module';
import { SummaryModule } from './summaries/summary.module';

/** The catalog service: products, the product page read model, search, product moderation. */
@Module({})
export class CatalogModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [PlatformModule.forRoot(config), ProductModule, SummaryModule, ModerationModule],
    };
  }
}
