import type { paths } from '../../api/generated/reviews';
import { webConfig } from '../config';
import { type JsonBody, load, type Loaded, serviceClient } from './http';

export type ServiceSession = JsonBody<paths['/auth/session']['get']>;

/**
 * What the reviews service reads from the viewer's token (`GET /auth/session`): the proof that
 * the token the web app forwards is one the services accept.
 */
export function serviceSession(token: string): Promise<Loaded<ServiceSession>> {
  const client = serviceClient<paths>(webConfig().reviewsUrl);
  return load('reviews', () =>
    client.GET('/auth/session', { headers: { authorization: `Bearer ${token}` } }),
  );
}
