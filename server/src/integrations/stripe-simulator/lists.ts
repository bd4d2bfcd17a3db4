import { invalidRequest } from './errors';
import type { Params } from './params';
import type { JsonObject, StoredObject, StripeList } from './stripe-objects.types';
import type { SimulatorStore } from './store';

/**
 * Stripe's list answer: newest first (ties by creation order), `created` filters (`gt`, `gte`, `lt`, `lte` or an
 * exact second), then cursor pagination with `limit` (1–100, default 10), `starting_after` (the page after that
 * object) or `ending_before` (the page before it), and `has_more`.
 */
export function listObjects(
  store: SimulatorStore,
  objects: StoredObject[],
  params: Params,
  url: string,
): StripeList<JsonObject> {
  const newestFirst = objects.filter((object) => createdMatches(object.created, params)).reverse();
  newestFirst.sort((a, b) => b.created - a.created);
  const limit = params.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('This value must be greater than or equal to 1 and less than or equal to 100.', {
      param: 'limit',
    });
  }
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  let page: StoredObject[];
  let hasMore: boolean;
  if (startingAfter) {
    const index = cursorIndex(newestFirst, startingAfter, 'starting_after');
    page = newestFirst.slice(index + 1, index + 1 + limit);
    hasMore = index + 1 + limit < newestFirst.length;
  } else if (endingBefore) {
    const index = cursorIndex(newestFirst, endingBefore, 'ending_before');
    const start = Math.max(0, index - limit);
    page = newestFirst.slice(start, index);
    hasMore = start > 0;
  } else {
    page = newestFirst.slice(0, limit);
    hasMore = limit < newestFirst.length;
  }
  return { object: 'list', data: page.map((object) => store.render(object)), has_more: hasMore, url };
}

function cursorIndex(objects: StoredObject[], id: string, param: string): number {
  const index = objects.findIndex((object) => object.id === id);
  if (index < 0) throw invalidRequest(`No such object: '${id}'`, { param, code: 'resource_missing' });
  return index;
}

function createdMatches(created: number, params: Params): boolean {
  const exact = params.integer('created');
  if (exact !== undefined) return created === exact;
  const range = params.object('created');
  if (!range) return true;
  const bound = (name: string) => range.integer(name);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte)
  );
}
