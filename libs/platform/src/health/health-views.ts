import { z } from 'zod';

/** What the health routes answer, as documented in OpenAPI (health.controller.ts). */

const status = z.enum(['up', 'down']);

export const healthViewSchema = z.object({
  status,
  components: z.record(
    z.string(),
    z.object({ status, details: z.record(z.string(), z.unknown()).optional() }),
  ),
});

export const shuttingDownViewSchema = z.object({ status: z.literal('down'), reason: z.string() });
