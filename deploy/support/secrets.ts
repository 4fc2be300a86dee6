import { SERVICE_NAMES } from '@app/contracts';
import { K8sObject, ofKind, Overlay } from './manifests';

/**
 * Secrets a pod may reference although the render does not contain them. Strimzi's User
 * Operator creates one per KafkaUser (same name, key `password`); prod's credentials are created
 * outside git before the first apply (k8s/README.md, "Secrets"), and this list is that table.
 */
export const PROD_EXTERNAL_SECRETS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(SERVICE_NAMES.map((service) => [`${service}-mongodb`, ['password']])),
  'mongodb-admin': ['username', 'password'],
  'mongodb-keyfile': ['keyfile'],
  'marketplace-tls': ['tls.crt', 'tls.key'],
  'web-session': ['secret'],
  'web-tls': ['tls.crt', 'tls.key'],
};

export function unrenderedSecretsAllowed(objects: readonly K8sObject[], overlay: Overlay) {
  const strimziUserSecrets = Object.fromEntries(
    ofKind(objects, 'KafkaUser').map((user) => [user.metadata.name, ['password']]),
  );
  return { ...strimziUserSecrets, ...(overlay === 'prod' ? PROD_EXTERNAL_SECRETS : {}) } as Record<
    string,
    readonly string[]
  >;
}

/** A URL-safe stand-in for a secret value the render does not hold (passwords go into URIs). */
export function placeholderSecret(secret: string, key: string): string {
  return `external-${secret}-${key}`.replace(/[^A-Za-z0-9-]/g, '-');
}
