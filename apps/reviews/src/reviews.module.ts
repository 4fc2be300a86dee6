import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';

/** The reviews service. Feature modules are added here as they land. */
@Module({})
export class ReviewsModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ReviewsModule, imports: [PlatformModule.forRoot(config)] };
  }
}
