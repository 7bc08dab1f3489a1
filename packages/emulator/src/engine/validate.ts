/** Argument checks shared by several methods; each failure is a 407 naming the argument. */
import { invalidArgument } from "./errors.js";

/** A title or text: present (the handler answers 403 otherwise) and not blank. */
export function requireText(value: string, argument: string): string {
  if (value.trim() === "") throw invalidArgument(argument, "must not be empty");
  return value;
}

/** One of a closed set of integer codes (statuses, importances). */
export function requireOneOf(value: number, allowed: readonly number[], argument: string): number {
  if (!allowed.includes(value)) throw invalidArgument(argument, `expected one of ${allowed.join(", ")}, got ${value}`);
  return value;
}
