import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';

/** The catalog service. Feature modules are added here as they land. */
@Module({})
export class CatalogModule {
  static register(config: AppConfig): DynamicModule {
    return { module: CatalogModule, imports: [PlatformModule.forRoot(config)] };
  }
}
