export * from './zod-validation';
export * from './cursor';
export * from './references';
export * from './rate-limit';
