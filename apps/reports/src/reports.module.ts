import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';

/** The reports service. Feature modules are added here as they land. */
@Module({})
export class ReportsModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ReportsModule, imports: [PlatformModule.forRoot(config)] };
  }
}
