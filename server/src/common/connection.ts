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

/** A page of a list as the API's connections carry it (the GraphQL types live in graphql/connection.ts). */
export type Page<T> = {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** A position in a sorted list: the sort key of an item, whose last part makes it unique. */
export type CursorKey = readonly (string | number)[];
type CursorKeyShape = readonly ('string' | 'number')[];

export function encodeKeyCursor(key: CursorKey, scope: string): string {
  return Buffer.from(JSON.stringify({ k: key, s: scope }), 'utf8').toString('base64url');
}

/** The key in a cursor from `encodeKeyCursor` for the same scope and key shape; null when there is no cursor. */
export function decodeKeyCursor(
  cursor: string | null | undefined,
  scope: string,
  shape: CursorKeyShape,
): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
    };
    const key = parsed.k;
    if (
      parsed.s === scope &&
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, i) => typeof part === shape[i] && (typeof part !== 'number' || Number.isFinite(part)))
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.badInput(
    'after',
    'This page cursor does not belong to this list; start again from the first page.',
  );
}

/**
 * Pages a sorted list after the key of the last item seen instead of at an offset. Use it for lists that grow at
 * their head or whose items leave them while someone pages (a newest-first log, a view by status): an offset would
 * then show an item twice or skip one, a key goes on right after the last item shown. `items` must be sorted by
 * `compare` on `keyOf`, and no two items may have the same key.
 */
export function pageAfterKey<T>(
  items: readonly T[],
  request: { first: number; after: CursorKey | null },
  scope: string,
  keyOf: (item: T) => CursorKey,
  compare: (a: CursorKey, b: CursorKey) => number,
): Page<T> {
  const { after } = request;
  const start = after === null ? 0 : items.findIndex((item) => compare(keyOf(item), after) > 0);
  const from = start === -1 ? items.length : start;
  const page = items.slice(from, from + request.first);
  const edges = page.map((node) => ({ cursor: encodeKeyCursor(keyOf(node), scope), node }));
  return {
    totalCount: items.length,
    edges,
    pageInfo: {
      hasNextPage: from + page.length < items.length,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
