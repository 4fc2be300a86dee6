export * from './claims';
export * from './token-verifier';
export * from './auth.decorators';
export * from './auth.guard';
export * from './ownership';
export * from './local-dev-secret';
