/**
 * Every failure the SDK reports is a WrikeError. Messages name the method, the argument or the field at
 * fault, and never contain a secret: requests are described by method and URL only (no query string, no
 * headers, no body), so tokens and signatures cannot leak through them.
 */

/** One mismatch found while checking arguments or decoding a response. */
export interface Issue {
  /** Where: `task.list[2].status`, or an argument name. */
  path: string;
  /** What was expected: `integer`, `one of task`, `present`, ... */
  expected: string;
  /** A short description of what was found (its type and, for short scalars, its value). */
  received: string;
}

export function formatIssue(issue: Issue): string {
  return `${issue.path}: expected ${issue.expected}, got ${issue.received}`;
}

/** What every WrikeError is made of; each class adds its own fields, and every field becomes the error's. */
export interface WrikeErrorInit {
  message: string;
  /** The API method being called, when there is one. */
  method?: string;
  cause?: unknown;
}

// Fields are `declare`d and assigned from the init (Object.assign), so that the compiled classes carry no
// field declarations or constructors of their own (bytes in every bundle). Each class marks itself with a
// static field under the key ERROR_CLASS, the class's name written as a literal in every class (a computed
// key would keep unused classes in bundles): WrikeError's constructor makes it the error's `name`, never
// `new.target.name` (minifiers rename classes, and `error.name === "WrikeDecodeError"` must hold in a
// minified app too: test/minified-names.test.ts), and Symbol.hasInstance compares it across copies of this
// package. `Init` types a subclass's constructor; it adds nothing to the instances.
const ERROR_CLASS = "@wrikekit/error-class";
type MarkedClass = Function & { [ERROR_CLASS]?: string };

export class WrikeError<Init extends WrikeErrorInit = WrikeErrorInit> extends Error {
  static readonly "@wrikekit/error-class": string = "WrikeError";
  /**
   * `instanceof` that also holds for an error another copy of @wrikekit/core made: an app that loads both
   * its ESM and CJS builds (`import` here, `require` in a dependency) or two versions has two of each class,
   * and a WrikeApiError of the one would not be `instanceof` the other's. Classes match by their mark along
   * the error's prototype chain; an application's own subclass (no mark of its own) matches by identity only.
   */
  static override [Symbol.hasInstance](this: Function & { readonly "@wrikekit/error-class"?: string }, value: unknown): boolean {
    const mark = Object.hasOwn(this, ERROR_CLASS) && this[ERROR_CLASS];
    for (let proto = value; (proto = proto == null ? null : Object.getPrototypeOf(proto)); ) {
      const cls = (proto as { constructor?: MarkedClass }).constructor;
      if (cls === this || (mark && cls?.[ERROR_CLASS] === mark)) return true;
    }
    return false;
  }
  declare name: string;
  /** The API method being called, e.g. wrike.task.add, when there is one. */
  declare readonly method: string | undefined;
  /** How many attempts the call made before this error (retries included). */
  declare attempts: number;
  constructor(init: Init) {
    super(init.message, init);
    this.name = (new.target as MarkedClass)[ERROR_CLASS]!;
    this.attempts = 1;
    Object.assign(this, init);
  }
}

/** A name of a known set that stays open to names the spec does not list yet (Wrike adds them). */
export type OpenName<Known extends string> = Known | (string & {});
/** A code of a known set that stays open to codes the spec does not list. */
export type OpenCode<Known extends number> = Known | (number & {});

/**
 * The server answered with an API error: v2's envelope (`code` 402-407 and `errorName`) or v4's
 * (`{"errorDescription", "error"}` with the HTTP status). Both are read into both vocabularies: `code`,
 * `errorName`, `serverMessage` and `status`, `error`, `errorDescription`. `Name` narrows `error` to an
 * API's known names and `Code` to its known codes (each client entry exports the class so narrowed, so
 * that `instanceof` gives the typed fields); unknown names and codes still arrive.
 */
export class WrikeApiError<Name extends string = string, Code extends number = number> extends WrikeError {
  static override readonly "@wrikekit/error-class": string = "WrikeApiError";
  /** v2: the envelope's code (402-407); v4: the HTTP status. */
  declare readonly code: Code;
  /** CREDENTIALS_ERROR, ... (v2), resource_not_found, ... (v4): the same as `error`. */
  declare readonly errorName: OpenName<Name>;
  declare readonly serverMessage: string;
  declare readonly httpStatus: number;
  /** The HTTP status (v4's key for its error names). */
  declare readonly status: number;
  declare readonly error: OpenName<Name>;
  declare readonly errorDescription: string;
  constructor(init: { code: number; errorName: string; serverMessage: string; method: string; httpStatus: number }) {
    // The generated client's entry narrows Name and Code to its API's (open) unions; the server sends them.
    // The message quotes at most 1,000 characters of the server's text (a proxy's page can be megabytes); errorDescription keeps it whole.
    const text = init.serverMessage.length > 1000 ? `${init.serverMessage.slice(0, 1000)}… (${init.serverMessage.length} characters: see errorDescription)` : init.serverMessage;
    super({ message: `${init.method}: ${init.code} ${init.errorName}: ${text}`, ...init, error: init.errorName, errorDescription: init.serverMessage, status: init.httpStatus } as WrikeErrorInit);
  }
}

/** WrikeTransportError's `reason`. */
export type TransportFailure = "not-sent" | "network" | "timeout" | "aborted" | "http-status" | "redirect" | "wrong-host" | "too-large";

/**
 * The request did not complete: the connection was refused (not-sent), broke or timed out after sending
 * (network, timeout), the caller aborted, or the server answered an HTTP status with no API error
 * (429 and 503 among them, with the server's Retry-After). Three answers are refused rather than used,
 * and never retried: a redirect (redirects are never followed: a write sent elsewhere is not done), v4's
 * HTTP 300 for an account on another data-centre host (wrong-host), and a body over the size bound.
 */
export class WrikeTransportError extends WrikeError<{ message: string; method: string; reason: TransportFailure; httpStatus?: number; retryAfterMs?: number; location?: string; cause?: unknown }> {
  static override readonly "@wrikekit/error-class": string = "WrikeTransportError";
  declare readonly httpStatus: number | undefined;
  declare readonly reason: TransportFailure;
  declare readonly retryAfterMs: number | undefined;
  /** redirect: the origin the answer pointed to (never its path or query), when it named one. */
  declare readonly location: string | undefined;
}

/** The response body could not be read as the JSON or XML it claimed to be, or had no known root. */
export class WrikeDecodeError extends WrikeError<{ message: string; method: string; format: "json" | "xml"; cause?: unknown }> {
  static override readonly "@wrikekit/error-class": string = "WrikeDecodeError";
  declare readonly format: "json" | "xml";
}

/** Arguments (before sending) or a response (after decoding) do not match the spec. */
export class WrikeValidationError extends WrikeError {
  static override readonly "@wrikekit/error-class": string = "WrikeValidationError";
  declare readonly direction: "arguments" | "response";
  declare readonly issues: readonly Issue[];
  constructor(init: { method: string; direction: "arguments" | "response"; issues: readonly Issue[] }) {
    const { issues } = init;
    const more = issues.length > 10 ? `\n  - ... and ${issues.length - 10} more` : "";
    super({ message: `${init.method}: invalid ${init.direction}:${issues.slice(0, 10).map((i) => `\n  - ${formatIssue(i)}`).join("")}${more}`, ...init });
  }
}

/** The response echoed a different asyncKey than the request carried. */
export class WrikeAsyncKeyMismatchError extends WrikeError {
  static override readonly "@wrikekit/error-class": string = "WrikeAsyncKeyMismatchError";
  declare readonly sent: string;
  declare readonly received: string | undefined;
  constructor(init: { method: string; sent: string; received: string | undefined }) {
    super({ message: `${init.method}: sent asyncKey ${JSON.stringify(init.sent)} but the response echoed ${init.received === undefined ? "none" : JSON.stringify(init.received)}`, ...init });
  }
}

/** Describes a received value for an Issue without dumping large or nested data. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : `Date ${value.toISOString()}`;
  if (Array.isArray(value)) return `array(${value.length})`;
  const type = typeof value;
  if (type === "string") return (value as string).length > 40 ? `string(${(value as string).length} chars)` : `string ${JSON.stringify(value)}`;
  // Numbers, booleans and bigints show their value; objects, functions and symbols only their type.
  return type === "number" || type === "boolean" || type === "bigint" ? `${type} ${value}` : type;
}
