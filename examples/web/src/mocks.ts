/**
 * The mock Wrike behind the app: the generated MSW handlers of @wrikekit/msw, each answering from a live
 * @wrikekit/emulator instead of a fixed example. Between them sits the example signing proxy: the app
 * sends only a bearer session token (as a browser must), and the proxy signs each call with OAuth 1.0a,
 * which the emulator checks, exactly as a real deployment would with Wrike behind the proxy.
 *
 *   app (bearer) -> service worker -> generated handler -> signing proxy (OAuth 1.0a) -> emulator.handle
 */
import type { HttpHandler } from "msw";
import * as wrikeMsw from "@wrikekit/msw";
import { createEmulator, type Emulator } from "@wrikekit/emulator";
import { createSigningProxy } from "@wrikekit/example-signing-proxy/proxy";

import { DEMO_SESSION_TOKEN } from "./session.js";

export { DEMO_SESSION_TOKEN };

type Factory = ((override: unknown, options: object) => HttpHandler) & { method: string; example?: unknown };

/** Every generated handler factory (`taskAddHandler`, ...), found by shape rather than listed by hand. */
function handlerFactories(): Factory[] {
  return (Object.values(wrikeMsw) as unknown[]).filter((value): value is Factory => typeof value === "function" && typeof (value as Partial<Factory>).method === "string");
}

/** The JSON form of an API URL, whatever format the client asked for (the handler renders the answer back). */
function jsonUrl(url: string): string {
  return url.replace(/\/api\/(xml\/)?v2\//, "/api/json/v2/");
}

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

  async function forward(request: Request): Promise<Response> {
    const body = await request.clone().text();
    return proxy(new Request(jsonUrl(request.url), { method: "POST", headers: request.headers, body }));
  }

  const handlers = handlerFactories().map((factory) => {
    if (typeof factory.example !== "function") {
      // A download: pass the emulator's bytes and content type through.
      return factory(async ({ request }: { request: Request }) => {
        const response = await forward(request);
        if (!response.ok) throw new Error(`${factory.method}: ${await response.text()}`);
        return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? undefined };
      }, { baseUrl: options.baseUrl });
    }
    return factory(
      async ({ request }: { request: Request }) => {
        const document = (await (await forward(request)).json()) as Record<string, unknown>;
        if ("error" in document) throw new Error(`${factory.method}: ${JSON.stringify(document.error)}`);
        // The single root ({"task": ...}, {"filteredList": ...}); the handler renders it back with its root.
        return Object.values(document)[0];
      },
      { baseUrl: options.baseUrl, merge: false },
    );
  });
  return { emulator, handlers };
}
