/**
 * The emulator behind a fetch that injects faults: each request takes the next scripted fault, if any,
 * before, instead of, or after the emulator answers. Counting what the emulator applied shows whether a
 * write was repeated.
 */
import { createEmulator, type Emulator } from "@wrikekit/emulator";
import { createManualClock, type ManualClock, type RetryEvent } from "@wrikekit/core";
import { createWrikeClient, type WrikeClient } from "@wrikekit/client/v2";
import { xmlSupport } from "@wrikekit/client/xml";

export type Fault =
  | { kind: "status"; status: 429 | 503; retryAfter?: string }
  /** The request reaches the emulator and is applied, then the connection drops before the answer. */
  | { kind: "reset-after-apply" }
  /** The connection is refused: nothing reaches the emulator. */
  | { kind: "refused" }
  /** No answer until the client gives up. */
  | { kind: "hang" }
  /** The emulator's answer is cut short, or replaced by garbage. */
  | { kind: "truncate"; keep: number }
  | { kind: "garbage"; body: string };

export interface FaultyWrike {
  emulator: Emulator;
  client: WrikeClient;
  clock: ManualClock;
  /** Requests that reached the emulator, by method id. */
  reached: string[];
  /** Every request the client sent, faulted or not. */
  sent: number;
  retries: RetryEvent[];
  script(...faults: (Fault | undefined)[]): void;
  /** Runs a call to its end, moving the manual clock through every back-off. */
  settle<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown }>;
}

const connectionError = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

export function faultyWrike(options: { format?: "json" | "xml"; timeoutMs?: number } = {}): FaultyWrike {
  const emulator = createEmulator();
  const clock = createManualClock(0);
  const faults: (Fault | undefined)[] = [];
  const reached: string[] = [];
  const retries: RetryEvent[] = [];
  let sent = 0;

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent++;
    const request = new Request(input, init);
    const fault = faults.shift();
    const toEmulator = async () => {
      reached.push(new URL(request.url).pathname.split("/").pop()!);
      return emulator.handle(request);
    };
    switch (fault?.kind) {
      case undefined:
        return toEmulator();
      case "status":
        return new Response("slow down", { status: fault.status, headers: fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter } });
      case "reset-after-apply":
        await toEmulator();
        throw connectionError("ECONNRESET");
      case "refused":
        throw connectionError("ECONNREFUSED");
      case "hang":
        return new Promise((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
      case "truncate": {
        const response = await toEmulator();
        const text = await response.text();
        return new Response(text.slice(0, fault.keep), { status: response.status, headers: response.headers });
      }
      case "garbage": {
        const response = await toEmulator();
        return new Response(fault.body, { status: response.status, headers: response.headers });
      }
    }
  };

  const { consumerKey, consumerSecret, user } = emulator.credentials;
  const client = createWrikeClient({
    baseUrl: "http://localhost",
    auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret },
    format: options.format ?? "json",
    xml: xmlSupport,
    fetch,
    clock,
    rateLimit: false,
    timeoutMs: options.timeoutMs,
    retry: { random: () => 0 },
    hooks: { retry: (e) => retries.push(e) },
  });

  return {
    emulator,
    client,
    clock,
    reached,
    get sent() {
      return sent;
    },
    retries,
    script: (...next) => faults.push(...next),
    async settle(call) {
      let done = false;
      const outcome = call.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      void outcome.then(() => (done = true));
      while (!done) {
        await new Promise((r) => setTimeout(r, 1));
        await clock.runNext();
      }
      return outcome;
    },
  };
}
