export * from './domain-error';
export * from './http-status';
export * from './http-exception.filter';
export * from './error-response';
export * from './fastify-errors';
