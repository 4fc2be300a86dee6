import { authConfig } from '../config';

/**
 * Origins the browser is sent to by a form of ours: in OIDC mode, the provider's (the sign-out
 * form's redirect continues to its end-session endpoint, which CSP's form-action must allow; that
 * endpoint is expected on the issuer's origin, as with the common providers).
 */
export function identityProviderOrigins(): readonly string[] {
  const config = authConfig();
  return config.mode === 'oidc' ? [new URL(config.issuer).origin] : [];
}
