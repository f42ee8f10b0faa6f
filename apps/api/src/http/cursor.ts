/**
 * Keyset cursors for paged lists: the sort key of the last row of a page, as base64url JSON. A cursor is
 * checked part by part before it reaches SQL; anything else is a 422 naming `/query/cursor`.
 */
import { validationFailed } from './errors';

export const cursorParts = {
  /** A timestamp as PostgreSQL prints timestamptz text (microseconds kept), or `infinity`. */
  pgTimestamp: /^(infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/,
  isoTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor's parts, each matching its pattern; else a validation error. */
export function decodeCursor(cursor: string, patterns: RegExp[]): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parts) &&
      parts.length === patterns.length &&
      parts.every((part, index) => typeof part === 'string' && patterns[index]?.test(part))
    )
      return parts as string[];
  } catch {
    // fall through to the validation error
  }
  throw validationFailed([
    { path: '/query/cursor', message: 'Not a cursor of this list; start from the first page' },
  ]);
}
