/**
 * The mock Wrike behind the app: the generated MSW handlers of @wrikekit/msw, each answering from a live
 * @wrikekit/emulator instead of a fixed example. Between them sits the example signing proxy: the app
 * sends only a bearer session token (as a browser must), and the proxy signs each call with OAuth 1.0a,
 * which the emulator checks, exactly as a real deployment would with Wrike behind the proxy.
 *
 *   app (bearer) -> service worker -> generated handler -> signing proxy (OAuth 1.0a) -> emulator.handle
 */
import type { HttpHandler } from "msw";
import { createWrikeHandlers } from "@wrikekit/msw/v2";
import { createEmulator, type Emulator } from "@wrikekit/emulator";
import { createSigningProxy } from "@wrikekit/example-signing-proxy/proxy";

import { DEMO_SESSION_TOKEN } from "./session.js";

export { DEMO_SESSION_TOKEN };

export interface MockWrike {
  emulator: Emulator;
  handlers: HttpHandler[];
}

export function createMockWrike(options: { baseUrl: string; emulator?: Emulator }): MockWrike {
  const emulator = options.emulator ?? createEmulator();
  const { consumerKey, consumerSecret, user } = emulator.credentials;
  const proxy = createSigningProxy({
    credentials: { consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret },
    upstream: "http://localhost",
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => emulator.handle(new Request(input, init))) as typeof fetch,
    authorize: (request) => request.headers.get("authorization") === `Bearer ${DEMO_SESSION_TOKEN}`,
  });

  // The proxy forwards the API path as it came (JSON or XML); the emulator answers either, errors included.
  const handlers = createWrikeHandlers({ baseUrl: options.baseUrl, backend: (request) => proxy(request) });
  return { emulator, handlers };
}
