export * from './topics';
export * from './consumer-groups';
export * from './services';
export * from './naming';
export * from './topic-plan';
export * from './events';
export * from './envelope';
