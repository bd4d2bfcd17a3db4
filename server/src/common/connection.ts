import { AppError } from './errors';

/**
 * Cursor pagination. Cursors are opaque to clients; inside they are the position after which the next page starts,
 * tied to the query they came from so a cursor from another search is refused instead of silently misapplied.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw AppError.badInput('first', 'Ask for between 1 and {{max}} items per page.', { max: MAX_PAGE_SIZE });
  }
  return first;
}

export function encodeOffsetCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope }), 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string | null | undefined, scope: string): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      s?: unknown;
    };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) {
      return parsed.o;
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.badInput(
    'after',
    'This page cursor does not belong to this list; start again from the first page.',
  );
}

/** A short, stable fingerprint of a query, used as a cursor's scope. */
export function cursorScope(parts: unknown): string {
  const text = JSON.stringify(parts);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
