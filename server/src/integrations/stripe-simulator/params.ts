import { invalidRequest } from './errors';
import type { Json, JsonObject, Metadata } from './stripe-objects.types';

/**
 * Typed reads of a request's parameters. stripe-mock has already checked them against Stripe's spec, so these only
 * convert the wire strings, and name the parameter the way Stripe does when something is still wrong.
 */
export class Params {
  constructor(readonly raw: JsonObject) {}

  string(name: string): string | undefined {
    const value = this.raw[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw invalidRequest(`Invalid integer: ${value}`, { param: name });
    return parsed;
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
    return value;
  }

  boolean(name: string): boolean {
    const value = this.string(name);
    return value !== undefined && value !== 'false';
  }

  object(name: string): Params | undefined {
    const value = this.raw[name];
    return value && typeof value === 'object' && !Array.isArray(value) ? new Params(value) : undefined;
  }

  strings(name: string): string[] {
    const value: Json | undefined = this.raw[name];
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
    if (value && typeof value === 'object') {
      return Object.values(value).filter((item): item is string => typeof item === 'string');
    }
    return typeof value === 'string' ? [value] : [];
  }

  /** Stripe's metadata: strings; an empty value removes the key when updating. */
  metadata(): Metadata {
    const value = this.raw.metadata;
    const result: Metadata = {};
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value))
        if (typeof item === 'string' && item !== '') result[key] = item;
    }
    return result;
  }

  expand(): string[] {
    return this.strings('expand');
  }
}
