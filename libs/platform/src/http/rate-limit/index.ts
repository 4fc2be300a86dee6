export * from './rate-limit.schema';
export * from './rate-limiter';
export * from './rate-limit.module';
