/**
 * The reports service's HTTP contract, as far as the storefront reads it, in openapi-typescript's
 * `paths` shape. This file is the seam to the generated types: once
 * `src/api/generated/reports.ts` exists, this file becomes
 * `export type { paths } from '../../api/generated/reports'`.
 */
type Report = {
  reportId: string;
  target: { type: string; id: string };
  reasonCode: string;
  comment?: string;
  status: string;
  outcome: { decision: string; decidedAt: string } | null;
  createdAt: string;
};

export interface paths {
  '/me/reports': {
    get: {
      parameters: { query?: { limit?: number; cursor?: string } };
      responses: { 200: { content: { 'application/json': { items: Report[]; nextCursor?: string } } } };
    };
  };
}
