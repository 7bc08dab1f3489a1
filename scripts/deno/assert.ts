/** Minimal assertions for the Deno tests: no remote import (jsr:/https:) is needed to run them. */
export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message ?? "not equal"}:\n  actual:   ${a}\n  expected: ${e}`);
}

export async function assertRejects(fn: () => Promise<unknown>, check: (error: unknown) => boolean, message = "expected a rejection"): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (!check(error)) throw new Error(`${message}: got ${String(error)}`);
    return;
  }
  throw new Error(message);
}
