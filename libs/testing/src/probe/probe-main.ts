import 'reflect-metadata';
import { runService } from '@app/platform';
import { ProbeModule } from './probe.module';

// A probe process for the fault tests, configured by the environment like a real service.
runService('offers', (config) => ProbeModule.register(config));
