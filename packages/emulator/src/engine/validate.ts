/** Argument checks shared by several methods; each failure is a 407 naming the argument. */
import { findUnwritableArgument } from "@wrikekit/core/server";
import { invalidArgument } from "./errors.js";

/**
 * A title, text or file name: present (the handler answers 403 otherwise), not blank, and writable in XML
 * (also when it comes another way than the wire, as emulator.addAttachment's file name does).
 */
export function requireText(value: string, argument: string): string {
  if (value.trim() === "") throw invalidArgument(argument, "must not be empty");
  const unwritable = findUnwritableArgument(value, argument);
  if (unwritable !== undefined) throw invalidArgument(argument, unwritable.problem);
  return value;
}

/** One of a closed set of integer codes (statuses, importances). */
export function requireOneOf(value: number, allowed: readonly number[], argument: string): number {
  if (!allowed.includes(value)) throw invalidArgument(argument, `expected one of ${allowed.join(", ")}, got ${value}`);
  return value;
}
