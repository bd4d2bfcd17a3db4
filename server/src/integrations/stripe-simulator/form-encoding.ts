import type { JsonObject, Json } from './stripe-objects.types';

/**
 * Stripe's form encoding as stripe-node writes it: `metadata[obligationId]=o1`, `transfer_data[destination]=acct_1`,
 * `expand[0]=latest_charge` (or `expand[]=`). Leaves stay strings, as on the wire; handlers convert them.
 */
export function parseFormEncoded(raw: string): JsonObject {
  const root: JsonObject = {};
  if (!raw) return root;
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const rawKey = separator < 0 ? pair : pair.slice(0, separator);
    const rawValue = separator < 0 ? '' : pair.slice(separator + 1);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    assign(root, keyPath(key), value);
  }
  return root;
}

function decodeComponent(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open < 0) return [key];
  const path = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) path.push(match[1]);
  return path;
}

function isIndex(segment: string): boolean {
  return segment === '' || /^\d+$/.test(segment);
}

function assign(root: JsonObject, path: string[], value: string): void {
  let container: JsonObject | Json[] = root;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i];
    const last = i === path.length - 1;
    // metadata keys are the caller's own and may look like indices: keep metadata an object.
    const nextIsIndex = !last && isIndex(path[i + 1]) && segment !== 'metadata';
    if (Array.isArray(container)) {
      const index = segment === '' ? container.length : Number(segment);
      if (last) {
        container[index] = value;
        return;
      }
      container[index] ??= nextIsIndex ? [] : {};
      container = container[index] as JsonObject | Json[];
    } else {
      if (last) {
        container[segment] = value;
        return;
      }
      const existing = container[segment];
      if (existing === undefined || existing === null || typeof existing !== 'object') {
        container[segment] = nextIsIndex ? [] : {};
      }
      container = container[segment] as JsonObject | Json[];
    }
  }
}
