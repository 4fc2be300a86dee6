import type { Client } from 'openapi-fetch';
import { webConfig } from '../config';
import { type JsonBody, load, type Loaded, serviceClient } from './http';
import type { paths } from '../../api/generated/reports';

export type ReportList = JsonBody<paths['/me/reports']['get']>;

let client: Client<paths> | undefined;
const reports = () => (client ??= serviceClient<paths>(webConfig().reportsUrl));

/**
 * Every reports route needs a signed-in account: the caller passes the account's bearer token,
 * which stays on the server.
 */
export function myReports(bearerToken: string, cursor?: string): Promise<Loaded<ReportList>> {
  return load('reports', () =>
    reports().GET('/me/reports', {
      params: { query: cursor ? { cursor } : {} },
      headers: { authorization: `Bearer ${bearerToken}` },
    }),
  );
}
