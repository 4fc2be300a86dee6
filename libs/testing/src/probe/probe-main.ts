import 'reflect-metadata';
import { runService } from '@app/platform';
import { ProbeModule } from './probe.module';

// A probe process for the fault tests, configured by the environment like a real service;
// PROBE_SKIP_PUBLISH_AFTER_WRITE=true makes it a process whose relay dies after each write.
runService('offers', (config) =>
  ProbeModule.register(config, {
    skipPublishAfterWrite: process.env.PROBE_SKIP_PUBLISH_AFTER_WRITE === 'true',
  }),
);
