/**
 * Where a story against real Wrike sends its calls, v4 and v2 alike: WRIKE_BASE_URL, or https:// and WRIKE_HOST
 * (http on loopback), or www.wrike.com. A bad value, or both set (one would go unused), names its variables.
 */
import { apiBase, checkBaseUrl } from "@wrikekit/core";
import { DemoUsageError } from "./args.js";

export interface WrikeOrigin {
  /** The origin the client will call, for the story to name. */
  origin: string;
  /** What the client is given: `host` or `baseUrl`, never both. */
  options: { host?: string } | { baseUrl: string };
}

export function wrikeOrigin(env: Record<string, string | undefined>): WrikeOrigin {
  // A variable set to nothing (`export WRIKE_HOST=`) is no value.
  const host = env.WRIKE_HOST || undefined;
  const baseUrl = env.WRIKE_BASE_URL || undefined;
  if (baseUrl !== undefined && host !== undefined)
    throw new DemoUsageError(`WRIKE_HOST and WRIKE_BASE_URL are both set (${JSON.stringify(host)}, ${JSON.stringify(baseUrl)}), and only one can say where the calls go: unset one of them`);
  if (baseUrl !== undefined) {
    try {
      return { origin: checkBaseUrl(baseUrl).href.replace(/\/$/, ""), options: { baseUrl } };
    } catch (error) {
      throw new DemoUsageError(`WRIKE_BASE_URL: ${(error as Error).message}`);
    }
  }
  try {
    return { origin: apiBase(undefined, host) ?? "https://www.wrike.com", options: host === undefined ? {} : { host } };
  } catch {
    const asUrl = URL.canParse(host ?? "") ? new URL(host!).host : undefined;
    throw new DemoUsageError(`WRIKE_HOST must be a host name such as app-eu.wrike.com, got ${JSON.stringify(host)}: pass ${asUrl ? `WRIKE_HOST=${asUrl}` : "the host alone"} (or a whole URL as WRIKE_BASE_URL)`);
  }
}
