export * from './factories/event-payloads.factory';
export * from './expect-eventually';
export * from './tokens';
export * from './test-service';
export * from './infra/test-infra';
export * from './service-basics';
export * from './probe';
export * from './fault/fault-infra';
