/**
 * The HS256 secret `npm start`, the tests and `npm run token` share on a developer machine. It is
 * public by design; the config refuses it when NODE_ENV=production.
 */
export const LOCAL_DEV_JWT_SECRET = 'local-development-secret-not-for-production-use-0001';

/** Issuer and audience our local tokens carry, and the config's defaults. */
export const LOCAL_AUTH_ISSUER = 'bookstore-marketplace-local';
export const LOCAL_AUTH_AUDIENCE = 'bookstore-marketplace';
