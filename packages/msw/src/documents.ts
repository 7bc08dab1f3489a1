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
 */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const target: Record<string, unknown> = base;
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete target[key];
    else target[key] = isPlainObject(target[key]) && isPlainObject(value) ? deepMerge(target[key], value) : value;
  }
  return base;
}
