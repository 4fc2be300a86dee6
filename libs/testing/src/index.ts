export * from './factories/event-payloads.factory';
