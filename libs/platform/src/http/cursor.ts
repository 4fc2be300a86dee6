import { z } from 'zod';
import { ValidationError } from '../errors/domain-error';

/**
 * Opaque pagination cursors: the sort key values of the last item, base64url JSON. Clients pass
 * them back untouched; a tampered cursor is a 400, never a query with attacker-chosen operators.
 */
export function encodeCursor(position: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
  field = 'query.cursor',
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the same answer as a well-formed but foreign cursor
  }
  throw new ValidationError([
    { field, rule: 'format', message: `${field} is not a cursor this endpoint issued` },
  ]);
}

/** A page of results and the cursor of the next page (absent on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}
