/**
 * Overrides over reference examples: merging a partial value into an example, and the types that say
 * what a handler may be given. Rendering answers and reading requests is the server side's, shared with
 * the emulator (@wrikekit/core/server).
 */

// Primitives first: open enums are `0 | 1 | (number & {})`, and `number & {}` would otherwise be mapped as an object.
type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** A result as a handler is given it: its lists may be read-only, as the arguments' lists are. */
export type ResultValue<T> = T extends Primitive ? T : T extends readonly (infer U)[] ? readonly ResultValue<U>[] : { [K in keyof T]: ResultValue<T[K]> };

/**
 * A result with every field optional, at any depth. Lists are replaced whole, never merged item by
 * item, so a list in an override is given complete.
 */
export type DeepPartial<T> = T extends Primitive ? T : T extends readonly (infer U)[] ? readonly ResultValue<U>[] : { [K in keyof T]?: DeepPartial<T[K]> };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date);

/**
 * Merges `override` into `base` in place and returns it. Plain objects merge key by key; anything else
 * (scalars, lists) replaces. A key present in the override with the value `undefined` removes the field.
 * Keys are data, never a way into a prototype: `__proto__` becomes an own field (as JSON.parse makes it),
 * and only own fields of `base` are merged into, so `constructor` or `prototype` reach nothing shared.
 */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const target: Record<string, unknown> = base;
  for (const key of Object.keys(override)) {
    const value = override[key];
    const own = Object.hasOwn(target, key) ? target[key] : undefined;
    if (value === undefined) {
      delete target[key];
      continue;
    }
    const merged = isPlainObject(own) && isPlainObject(value) ? deepMerge(own, value) : value;
    if (key === "__proto__") Object.defineProperty(target, key, { value: merged, writable: true, enumerable: true, configurable: true });
    else target[key] = merged;
  }
  return base;
}
