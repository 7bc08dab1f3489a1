/**
 * The spec's echo rule (v2: a request's asyncKey comes back unchanged in the result), read from the
 * generated ApiDescriptor. Servers and mocks apply it; the client's exchange checks it.
 */
import type { ApiDescriptor } from "../descriptors.js";

/** The value the answer must echo: the request's echo argument, when it carries one as a string. */
export function echoedValue(api: ApiDescriptor, args: unknown): string | undefined {
  const value = api.echo && (args as Record<string, unknown> | undefined)?.[api.echo];
  return typeof value === "string" ? value : undefined;
}

/** Writes the echoed value into a result body (an object), as a server answering the request does. */
export function applyEcho(api: ApiDescriptor, args: unknown, body: unknown): void {
  const value = echoedValue(api, args);
  if (value !== undefined && typeof body === "object" && body !== null) (body as Record<string, unknown>)[api.echo!] = value;
}
