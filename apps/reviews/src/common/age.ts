import { ForbiddenError, Principal } from '@app/platform';

/**
 * The page's rule "persons under the age of 13 ... may not post customer reviews": only a token
 * that says the account is verified 13 or older may write reviews, pen names or votes.
 */
export function requireAgeVerified(principal: Principal): void {
  if (principal.ageVerified) return;
  throw new ForbiddenError(
    'AGE_VERIFICATION_REQUIRED',
    'Customers under the age of 13 may not post reviews, pen names or votes, and this account is not verified as 13 or older.',
  );
}
