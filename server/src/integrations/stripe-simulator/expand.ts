import type { Json, JsonObject } from './stripe-objects.types';
import type { SimulatorStore } from './store';

/**
 * Stripe's `expand[]`: each dotted path replaces an id with the object it names, then goes on inside it
 * (`latest_charge.balance_transaction`); on a list, paths start with `data.`. Any id the simulator keeps can be
 * expanded; an id it does not know stays an id.
 */
export function expandPaths(store: SimulatorStore, body: JsonObject, paths: string[]): JsonObject {
  for (const path of paths) expandInto(store, body, path.split('.'));
  return body;
}

function expandInto(store: SimulatorStore, target: Json, segments: string[]): void {
  if (segments.length === 0 || target === null || typeof target !== 'object') return;
  if (Array.isArray(target)) {
    for (const item of target) expandInto(store, item, segments);
    return;
  }
  const [field, ...rest] = segments;
  const value = target[field];
  if (typeof value === 'string') {
    const found = store.find(value);
    if (!found) return;
    target[field] = store.render(found);
  }
  expandInto(store, target[field] ?? null, rest);
}
