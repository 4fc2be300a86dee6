import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { ProbeController } from './probe.controller';
import { PROBE_OPTIONS, ProbeOptions, ProbeService } from './probe.service';
import { ProbeStore } from './probe.store';

/**
 * A minimal service on the real platform, used by the messaging tests: it writes an aggregate
 * through the outbox and consumes the events it produces (as the `offers` service, in the
 * summary-builder group), recording every effect.
 */
@Module({})
export class ProbeModule {
  static register(config: AppConfig, options: ProbeOptions = {}): DynamicModule {
    return {
      module: ProbeModule,
      imports: [PlatformModule.forRoot(config)],
      controllers: [ProbeController],
      providers: [ProbeStore, ProbeService, { provide: PROBE_OPTIONS, useValue: options }],
      exports: [ProbeStore, ProbeService],
    };
  }
}
