import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { ModerationModule } from './moderation/moderation.module';
import { ProductsModule } from './products/products.module';
import { SummariesModule } from './summaries/summaries.module';

/** The catalog service: products, the product page read model, search, product moderation. */
@Module({})
export class CatalogModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [PlatformModule.forRoot(config), ProductsModule, SummariesModule, ModerationModule],
    };
  }
}
