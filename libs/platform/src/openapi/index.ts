export * from './api-route';
export * from './error-body';
export * from './json-schema';
export * from './openapi-document';
