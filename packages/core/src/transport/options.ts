/** The transport's options and its interface (transport.ts implements it). */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "../descriptors.js";
import type { TransportAuth } from "../auth.js";
import type { RateLimiter } from "../resilience/rate-limiter.js";
import type { RetryPolicy } from "../resilience/retry.js";
import type { TransportHooks } from "../hooks.js";
import type { FromXml } from "../runtime/decode.js";

export interface TransportOptions {
  /** A bearer token, or an Authorizer: `oauth1Auth(...)` from @wrikekit/core/oauth1, `oauth2Auth(session)`. */
  auth: TransportAuth;
  /** Default: https:// and `host`, or the host an OAuth 2.0 token names, or the API's own (https://www.wrike.com). Plain http only for localhost. */
  baseUrl?: string;
  /**
   * The account's API host (www.wrike.com, app-eu.wrike.com, ...): the `host` of its token response.
   * With a permanent token, pass the host shown with it; an OAuth 2.0 session supplies its own. v4 answers
   * a call to the wrong host with HTTP 300 (a WrikeTransportError with reason "wrong-host").
   */
  host?: string;
  /** Response format to ask for. Default json; xml needs `xml`. */
  format?: ResponseFormat;
  /** XML support, opt-in so that JSON-only bundles leave the XML parser out: `import { xmlSupport } from "@wrikekit/core/xml"`. */
  xml?: XmlSupport;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (until the answer is read; for downloads, until it starts, then each wait for the next chunk). Default 60 s; 0 or Infinity disables it. */
  timeoutMs?: number;
  /**
   * A client-side rate limiter shared by all calls of this transport (`createRateLimiter`). A bare
   * transport has none, so bundles that do not want one leave it out; createWrikeClient adds one
   * (100 a minute) unless told otherwise.
   */
  rateLimiter?: RateLimiter;
  /**
   * When to try a failed call again (`createRetryPolicy`; see resilience/retry.ts for what is retried).
   * A bare transport retries nothing; createWrikeClient uses the default policy unless told otherwise.
   */
  retry?: RetryPolicy;
  /**
   * The largest answer read, in bytes (default 16 MiB): a body that declares or streams more is refused
   * with a WrikeTransportError (reason "too-large") as soon as it passes the bound, never held whole.
   * Downloads stream to the caller and are not bounded.
   */
  maxResponseBytes?: number;
  /** Logging and metrics; they never receive secrets. */
  hooks?: TransportHooks;
}

export interface XmlSupport {
  parse(text: string): Record<string, unknown>;
  /** An answer's bytes as the XML text they are (their charset); without it, UTF-8 or the Content-Type's charset. */
  text?(chunks: readonly Uint8Array[], contentType: string): string;
  /** Turns XML's forms of values (scalars as text, lists as wrapper elements) into canonical ones while decoding. */
  fromXml: FromXml;
}

/** Per-call options, the second argument of every method. */
export interface CallOptions {
  /**
   * Ends the call when it aborts: the limiter's wait, a retry's back-off and the request in flight (a
   * download's body too, while it is read), as a WrikeTransportError with reason "aborted". A paged walk
   * passes it to every page, a split call to every chunk.
   */
  signal?: AbortSignal;
  /** This call's per-attempt timeout in milliseconds, in place of the transport's `timeoutMs` (0 or Infinity: none). */
  timeoutMs?: number;
  /** Receives the answer of the attempt that succeeded, before its body is read (what `withResponse` reports). */
  onResponse?: (response: Response) => void;
}

export interface WrikeTransport {
  readonly api: ApiDescriptor;
  readonly format: ResponseFormat;
  /** The per-attempt timeout of calls that name none (0: none); a download's body waits at most this long for each chunk. */
  readonly timeoutMs?: number;
  call<A, R>(method: MethodDescriptor<A, R>, args: A, options?: CallOptions): Promise<R>;
  /** Sends a call and returns the answer once it starts, for bodies read as they arrive (see `download`). */
  open<A>(method: MethodDescriptor<A, unknown>, args: A, options?: CallOptions): Promise<Response>;
}
