/**
 * Failures as tool results an assistant can act on: what went wrong, which argument, what to try. The text
 * never carries a secret: core errors name methods and URLs without queries, headers or bodies, and every
 * text is scrubbed of the credentials in use before it leaves.
 */
import { formatIssue, redactText, WrikeApiError, WrikeAuthError, WrikeDecodeError, WrikeTransportError, WrikeValidationError } from "@wrikekit/core";
import { CursorError } from "./cursor.js";
import { Base64ArgumentError } from "./download.js";

export interface ToolErrorResult {
  [key: string]: unknown;
  isError: true;
  content: Array<{ type: "text"; text: string }>;
}

/** What to try next, by the v4 error name (reference: invalid_request ... server_error). */
const API_ADVICE: Readonly<Record<string, string>> = {
  invalid_request: "Check the arguments against the tool's input schema and try again.",
  invalid_parameter: "One argument has a value Wrike does not accept: correct the argument the message names.",
  parameter_required: "Add the argument the message names.",
  not_authorized: "The Wrike token is missing, expired or revoked: the user must set a valid WRIKE_TOKEN or run `wrikekit-mcp login`.",
  access_forbidden: "The user has no access to this item or action; it cannot be fixed by changing arguments.",
  not_allowed: "Wrike does not allow this action on this item (or this account's plan).",
  resource_not_found: "No item has this id: find the right id with a list or search tool first.",
  method_not_found: "The operation is not available on this account's API host.",
  server_error: "Wrike failed internally; trying again later may work.",
};

function describe(toolName: string, error: unknown): string {
  if (error instanceof WrikeValidationError && error.direction === "arguments")
    return `${toolName}: invalid arguments, nothing was sent.\n${error.issues.map((issue) => `- argument ${formatIssue(issue)}`).join("\n")}\nCorrect these arguments and call again.`;
  if (error instanceof WrikeValidationError)
    return `${toolName}: Wrike's answer does not match the expected shape (${error.issues.slice(0, 3).map(formatIssue).join("; ")}). The call itself may have succeeded; check before repeating a write.`;
  if (error instanceof WrikeApiError) {
    const advice = API_ADVICE[error.errorName] ?? "";
    return `${toolName}: Wrike refused the call with HTTP ${error.httpStatus} ${error.errorName}: ${error.serverMessage}. ${advice}`.trim();
  }
  if (error instanceof WrikeTransportError) {
    // The server's Retry-After, when it gave one, is the wait to pass on (it may be minutes, and retries may not have been tried).
    if (error.httpStatus === 429) return `${toolName}: Wrike's rate limit was reached (HTTP 429). Wait ${error.retryAfterMs === undefined ? "a minute" : `${Math.ceil(error.retryAfterMs / 1000)} s, as Wrike asked,`} before calling again.`;
    // Core's hint on its retry options speaks to the client's programmer, not to an assistant.
    const message = error.message.replace(/; `retry: .*? changes this\)$/, ")");
    if (error.reason === "timeout" || error.reason === "network") return `${toolName}: ${message}. If this was a write it may have been applied: read the item before repeating it.`;
    return `${toolName}: ${message}.`;
  }
  if (error instanceof WrikeDecodeError) return `${toolName}: ${error.message}. If this was a write it may have been applied: read the item before repeating it.`;
  if (error instanceof WrikeAuthError) return `${toolName}: signing in to Wrike failed (${error.error}): the user must run \`wrikekit-mcp login\` again.`;
  if (error instanceof CursorError || error instanceof Base64ArgumentError) return `${toolName}: ${error.message}.`;
  return `${toolName}: unexpected failure: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Core's redaction (each secret, and its percent-encoded form, replaced; secrets under 4 characters left
 * alone), with each secret also searched for without surrounding whitespace, as an HTTP header carries it.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  return redactText(text, secrets.flatMap((s) => [s, s.trim()]));
}

/** `value` with every string scrubbed (a successful answer can carry a secret too: an API that echoes it). */
export function scrubValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") return scrub(item, secrets);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === "object" && item !== null) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}

export function toolError(toolName: string, error: unknown, secrets: readonly string[]): ToolErrorResult {
  return { isError: true, content: [{ type: "text", text: scrub(describe(toolName, error), secrets) }] };
}

/** A refusal decided before anything was sent (policy, an unknown operation). */
export function refused(text: string): ToolErrorResult {
  return { isError: true, content: [{ type: "text", text }] };
}
