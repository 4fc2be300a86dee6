import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';

/** The offers service. Feature modules are added here as they land. */
@Module({})
export class OffersModule {
  static register(config: AppConfig): DynamicModule {
    return { module: OffersModule, imports: [PlatformModule.forRoot(config)] };
  }
}
