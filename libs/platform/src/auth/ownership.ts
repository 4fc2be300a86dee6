import { UnauthenticatedError } from '../errors/domain-error';
import { Principal } from './claims';

/**
 * Ownership scopes for repository filters. Ownership is enforced in the database query itself, so
 * another owner's object is simply not found (404), never "forbidden" (which would confirm it exists).
 */
export function sellerScope(principal: Principal): { sellerId: string } {
  if (!principal.sellerId) {
    throw new UnauthenticatedError('AUTH_CLAIMS_INVALID', 'The token has no sellerId claim.');
  }
  return { sellerId: principal.sellerId };
}
