/**
 * The shapes the generator fills in: one ApiDescriptor for the API, one MethodDescriptor per method.
 * They are plain data plus the generated encode/decode functions; the transport needs nothing else.
 */
import type { DecodeContext, FromXml } from "./runtime/decode.js";
import type { EncodeContext } from "./runtime/encode.js";
import type { WrikeApiError } from "./errors.js";

export type ResponseFormat = "json" | "xml";

export interface ErrorEnvelope {
  /** Root key of the error document (readCodedError, v2); absent when its fields sit at the top level (readStatusError, v4). */
  readonly root?: string;
  readonly codeField?: string;
  readonly nameField: string;
  readonly messageField: string;
}

/** Reads the API error in a parsed answer, or undefined when it holds none (transport/api-errors.ts has each API's). */
export type ErrorReader = (api: ApiDescriptor, method: string, document: unknown, httpStatus: number, format: ResponseFormat) => WrikeApiError | undefined;

/** What a protocol sends for one call: the path after the base URL, the query after it (with its `?`, when there is one), headers (accept among them) and body. */
export interface OutgoingRequest {
  readonly path: string;
  readonly query?: string;
  readonly headers: Record<string, string>;
  readonly body?: BodyInit;
}

/** How an API's calls travel (transport/protocols.ts has each API's: rpcProtocol, restProtocol). */
export interface Protocol {
  /** The format calls ask for: the `format` option (default json), refused when the API has no such format or it needs XML support that was not given. */
  requested(api: ApiDescriptor, options: { readonly format?: ResponseFormat; readonly xml?: object }): ResponseFormat;
  request(api: ApiDescriptor, method: MethodDescriptor<never, unknown>, request: EncodeContext, format: ResponseFormat): OutgoingRequest;
  /** The format an answer is in, from its Content-Type and the format asked for. */
  format(contentType: string, requested: ResponseFormat): ResponseFormat;
  /**
   * Parses an answer's bytes in that format (XML needs the caller's XML support, which reads the text in
   * the charset the document names and sets its conversions on `ctx`, the context the document is decoded
   * in); throws when they are not one.
   */
  parse(
    chunks: readonly Uint8Array[],
    contentType: string,
    format: ResponseFormat,
    xml: { parse(text: string): unknown; text?(chunks: readonly Uint8Array[], contentType: string): string; fromXml: FromXml } | undefined,
    ctx: DecodeContext,
  ): unknown;
  /** What the API's `wrongHostStatus` means and what to do about it, when it has one (v4). */
  readonly wrongHost?: string;
}

export interface ApiDescriptor {
  readonly name: string;
  readonly baseUrl: string;
  /** Path template per format; `{method}` is replaced by the method's path. */
  readonly formats: Readonly<Partial<Record<ResponseFormat, string>>>;
  readonly errorEnvelope: ErrorEnvelope;
  /** Reads an API error out of an answer (readStatusError or readCodedError from @wrikekit/core/runtime). */
  readonly readError: ErrorReader;
  /** How its calls travel (rpcProtocol or restProtocol from @wrikekit/core/runtime). */
  readonly protocol: Protocol;
  /**
   * Error name per code, e.g. 403 → MISSING_REQUIRED_PARAMETER: the name a body without one gets. v4
   * keys names by HTTP status and has several for some; list only statuses with exactly one (401 →
   * not_authorized).
   */
  readonly errorCodes: Readonly<Record<number, string>>;
  /** The HTTP status that means "this account lives on another data-centre host" (v4: 300). */
  readonly wrongHostStatus?: number;
  /** The spec's echo rule, if any: a request carrying this argument gets it back unchanged in the result's field of the same name (v2: asyncKey). */
  readonly echo?: string;
}

export interface MethodDescriptor<Args, Result> {
  /** The API's name for the method, e.g. wrike.task.add. */
  readonly id: string;
  readonly kind: "read" | "write";
  readonly http: { readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH"; readonly path: string };
  /** Checks the arguments and appends their wire pairs to ctx.pairs, recording issues. */
  readonly encodeArgs: (args: Args, ctx: EncodeContext) => void;
  /** Picks the variant by root key and decodes it in place, recording issues. Absent for binary methods. */
  readonly decodeResult?: (document: unknown, ctx: DecodeContext) => Result;
}
