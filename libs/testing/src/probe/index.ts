export * from './probe.module';
export * from './probe.service';
export * from './probe.store';
export * from './probe-process';
