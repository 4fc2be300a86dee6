export * from './health.registry';
export * from './health.controller';
export * from './contributors';
