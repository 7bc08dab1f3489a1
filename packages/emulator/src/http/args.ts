/**
 * Form parameters to typed arguments with the generated wire readers; 407 when malformed or holding text
 * XML cannot carry (it could never be answered in XML, the API's default), 403 when absent.
 */
import { formatIssue } from "@wrikekit/core";
import { findUnwritableArgument } from "@wrikekit/core/server";
import { wire, type WireContext } from "@wrikekit/core/runtime";
import { wireArgReaders, type MethodId, type MethodTypes } from "@wrikekit/client/server";
import { EmulatorError, invalidArgument, missingParameter } from "../engine/errors.js";

/** Malformed beats missing: comment.list with taskId=abc lacks "taskId or ids" only because taskId is bad. */
export function checkWireContext(ctx: WireContext): void {
  if (ctx.issues.length > 0) throw new EmulatorError(407, `Invalid argument ${ctx.issues.map(formatIssue).join("; ")}`);
  if (ctx.missing.length > 0) throw missingParameter(ctx.missing);
}

export function readArgs<K extends MethodId>(methodId: K, params: URLSearchParams): MethodTypes[K]["args"] {
  const ctx = wire.newWireContext();
  const args = wireArgReaders[methodId](params, ctx);
  checkWireContext(ctx);
  const unwritable = findUnwritableArgument(args);
  if (unwritable !== undefined) throw invalidArgument(unwritable.path, unwritable.problem);
  return args;
}
