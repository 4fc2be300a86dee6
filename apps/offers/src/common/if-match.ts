import { ValidationError } from '@app/platform';

/** `If-Match: "3"` (or `W/"3"`, or a bare `3`) → 3; absent → undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new ValidationError([
      { field: 'headers.if-match', rule: 'format', message: 'If-Match must be the version ETag, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

export function requireIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) {
    throw new ValidationError([
      {
        field: 'headers.if-match',
        rule: 'required',
        message: 'send If-Match with the version you read, so a concurrent change is not overwritten',
      },
    ]);
  }
  return version;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
