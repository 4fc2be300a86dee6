import type { Client } from 'openapi-fetch';
import type { paths } from '../../api/generated/reports';
import { webConfig } from '../config';
import { type JsonBody, serviceClient } from './http';
import { bearer, send, type Sent } from './sent';

/** The reporter's and the author's side of the reports service (every route needs a signed-in account). */
export type NewReport = NonNullable<paths['/reports']['post']['requestBody']>['content']['application/json'];
export type ReasonCode = NewReport['reasonCode'];
export type TargetType = NewReport['target']['type'];
export type Report = JsonBody<paths['/reports']['post'], 201>;
export type AuthorDecisionPage = JsonBody<paths['/me/moderation']['get']>;
export type AuthorDecision = AuthorDecisionPage['items'][number];

let client: Client<paths> | undefined;
const reports = () => (client ??= serviceClient<paths>(webConfig().reportsUrl));

export function fileReport(token: string, report: NewReport): Promise<Sent<Report>> {
  return send('reports', () => reports().POST('/reports', { body: report, headers: bearer(token) }));
}

/** Moderation decisions about the account's own content, with their statements of reasons. */
export function myModeration(token: string): Promise<Sent<AuthorDecisionPage>> {
  return send('reports', () =>
    reports().GET('/me/moderation', { params: { query: { limit: 50 } }, headers: bearer(token) }),
  );
}
