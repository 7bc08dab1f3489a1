/**
 * The handler factories the generated file calls, once per method. A factory is a function that returns
 * an MSW `HttpHandler` answering the method's URL, with `.error(code)` for its documented errors.
 * Nothing in here knows a particular method: the generated data brings the method's descriptor, argument
 * reader, XML renderer, variants, reference examples and error messages.
 */
import type { HttpHandler, PathParams } from "msw";
import { formatIssue, type Issue, type MethodDescriptor, type ResponseFormat } from "@wrikekit/core";
import { parseXml } from "@wrikekit/core/xml";
import { decode, wire, type WireContext } from "@wrikekit/core/runtime";
import { applyEcho, compileRoute, echoedValue, documentResponse, errorResponse, readWireParams, resultDocument, XmlWriteError, type Route, type ServerApi } from "@wrikekit/core/server";
import { deepMerge, type DeepPartial, type ResultValue } from "./documents.js";
import { defaultDownloadBody, downloadResponse, type DownloadContent } from "./download.js";
import { routeHandler } from "./route-handler.js";

export { defaultDownloadBody, type DownloadContent };

/** A reference example as the spec records it, after its repairs: a parsed JSON document or XML text. */
export type ExampleData = { readonly format: "json"; readonly document: unknown } | { readonly format: "xml"; readonly text: string };

export interface VariantData {
  /** Root key (and XML root element); absent for APIs whose body is the whole document. */
  readonly root?: string;
  /** The variant's required fields: how a replacement value is matched to a variant. */
  readonly required: readonly string[];
  /** The variant has the field of the API's echo rule (v2: asyncKey), echoed from the request. */
  readonly echo?: boolean;
}

/** One method's data, as the generated file gives it. */
export interface DocumentMethodData<Args, Result> {
  readonly descriptor: MethodDescriptor<Args, Result>;
  /** Absent for a method without arguments: its handler never reads the request's body. */
  readonly readArgs?: (params: URLSearchParams, ctx: WireContext) => Args;
  readonly renderXml?: (document: Record<string, unknown>) => string;
  readonly variants: readonly VariantData[];
  readonly examples: Readonly<Record<string, ExampleData>>;
  /** The example answered by default: the first one of the method's first variant. */
  readonly defaultExample?: string;
  /** The message of each documented error code. */
  readonly errors: Readonly<Record<number, string>>;
}

export interface BinaryMethodData<Args> {
  readonly descriptor: MethodDescriptor<Args, unknown>;
  readonly readArgs?: (params: URLSearchParams, ctx: WireContext) => Args;
  readonly errors: Readonly<Record<number, string>>;
}

/** Options of every handler. */
export interface HandlerOptions {
  /** Default: the API's (https://www.wrike.com). A path after the host is kept as a prefix. */
  baseUrl?: string;
  /** Answer only the first matching request (MSW's `once`). */
  once?: boolean;
}

export interface ArgumentHandlerOptions extends HandlerOptions {
  /**
   * Answer the API's missing-argument error (403 MISSING_REQUIRED_PARAMETER) when a required argument
   * is absent, naming it, as the server does. Default true.
   */
  requireArguments?: boolean;
}

export interface DocumentHandlerOptions<ExampleName extends string = string> extends ArgumentHandlerOptions {
  /** Which reference example to start from, for methods with several (wrike.task.filter: count, list). */
  example?: ExampleName;
  /** false: the override (or what the resolver returns) is the whole answer, not merged over the example. */
  merge?: boolean;
}

/** What a resolver learns of the request. */
export interface ResolverInfo<Args, Result> {
  /** The request's arguments, read by the method's generated wire-argument reader. */
  args: Args;
  request: Request;
  /** MSW's path parameters, with `format` (json or xml) when the URL names one. */
  params: PathParams;
  /** The format the answer is rendered in. */
  format: ResponseFormat;
  /** Arguments present but malformed (not an id, not a date, ...); such arguments are absent from `args`. */
  issues: readonly Issue[];
  /** A fresh copy of the example the answer starts from. */
  example: Result;
}

/** A resolver returns a value to render, or a whole Response (a backend's answer, such as the emulator's), passed through as is. */
export type Resolver<Args, Result, Value> = (info: ResolverInfo<Args, Result>) => Value | Response | Promise<Value | Response>;

/** A value, merged over the example unless `merge: false`, or a resolver returning one. */
export type DocumentOverride<Args, Result, Value> = Value | Resolver<Args, Result, Value>;

/** Makes a method answer; see the generated factories (`taskAddHandler`, ...) for each method's documentation. */
export interface DocumentHandlerFactory<Args, Result, Code extends number, ExampleName extends string> {
  /**
   * Answers the example, or `override` deep-merged over it (a resolver's value too). A value is copied when
   * the handler is made: changing it afterwards changes nothing (give a resolver for an answer that changes).
   */
  (override?: DocumentOverride<Args, Result, DeepPartial<Result>>, options?: DocumentHandlerOptions<ExampleName> & { merge?: true }): HttpHandler;
  /** Answers exactly `override` (or what the resolver returns): nothing of the example is kept. */
  (override: DocumentOverride<Args, Result, ResultValue<Result>>, options: DocumentHandlerOptions<ExampleName> & { merge: false }): HttpHandler;
  /** Answers a documented error in the request's format, with its HTTP status; `message` defaults to the reference's. */
  error(code: Code, message?: string, options?: HandlerOptions): HttpHandler;
  /** A fresh copy of a reference example (default: the one answered by default), decoded as the client decodes it. */
  example(name?: ExampleName): Result;
  /** The method id, e.g. wrike.task.add. */
  readonly method: string;
}


export interface BinaryResolverInfo<Args> {
  args: Args;
  request: Request;
  params: PathParams;
  format: ResponseFormat;
  issues: readonly Issue[];
}

export interface BinaryHandlerOptions extends ArgumentHandlerOptions {
  /** Default application/octet-stream. */
  contentType?: string;
}

export interface BinaryHandlerFactory<Args, Code extends number> {
  /** Answers `override` (default: `defaultDownloadBody`) as the file's bytes. */
  (override?: DownloadContent | ((info: BinaryResolverInfo<Args>) => DownloadContent | Response | Promise<DownloadContent | Response>), options?: BinaryHandlerOptions): HttpHandler;
  error(code: Code, message?: string, options?: HandlerOptions): HttpHandler;
  readonly method: string;
}

/** A matched request. */
interface Incoming {
  request: Request;
  params: PathParams;
  format: ResponseFormat;
  route: Route;
}

type AnyDescriptor = MethodDescriptor<never, unknown>;

/** The code of the API's "an exception occurred in the method" error (v2: 407 APPLICATION_ERROR). */
function applicationErrorCode(api: ServerApi): number | undefined {
  const found = Object.entries(api.errorCodes).find(([, info]) => info.name === "APPLICATION_ERROR");
  return found === undefined ? undefined : Number(found[0]);
}

function handler(api: ServerApi, descriptor: AnyDescriptor, options: HandlerOptions | undefined, answer: (r: Incoming) => Promise<Response> | Response): HttpHandler {
  const route = compileRoute(api.descriptor, { baseUrl: options?.baseUrl, methodPath: descriptor.http.path });
  return routeHandler(descriptor.http.method, route, ({ request, params }) => answer({ request, params, format: route.formatOf(params) ?? api.serverDefaultFormat, route }), { once: options?.once ?? false });
}

/** Reads the arguments; answers the missing-argument error when a required one is absent. */
async function readArguments<Args>(
  api: ServerApi,
  data: { readonly readArgs?: (params: URLSearchParams, ctx: WireContext) => Args },
  r: Incoming,
  options: ArgumentHandlerOptions | undefined,
  /** Nothing else reads the request (no resolver is given it): read its body without copying it. */
  consume: boolean,
): Promise<{ args: Args; issues: Issue[] } | Response> {
  if (data.readArgs === undefined) return { args: {} as Args, issues: [] };
  const ctx = wire.newWireContext();
  const args = data.readArgs(await readWireParams(r.request, r.params, r.route.own, consume), ctx);
  if (ctx.missing.length > 0 && api.missingArgumentCode !== undefined && options?.requireArguments !== false)
    return errorResponse(api, r.format, api.missingArgumentCode, `Missing required parameter: ${ctx.missing.join(", ")}`);
  return { args, issues: ctx.issues };
}

function attachError<F extends object>(api: ServerApi, data: BinaryMethodData<unknown> | DocumentMethodData<unknown, unknown>, factory: F) {
  const descriptor = data.descriptor as AnyDescriptor;
  return Object.assign(factory, {
    method: descriptor.id,
    error: (code: number, message?: string, options?: HandlerOptions) => {
      if (api.errorCodes[String(code)] === undefined) throw new TypeError(`${code} is not an error code of ${api.descriptor.name} (known: ${Object.keys(api.errorCodes).join(", ")})`);
      return handler(api, descriptor, options, (r) => errorResponse(api, r.format, code, message ?? data.errors[code]));
    },
  });
}

/** The factory of a method that answers a document. */
export function documentHandler<Args, Result, Code extends number, ExampleName extends string>(
  api: ServerApi,
  data: DocumentMethodData<Args, Result>,
): DocumentHandlerFactory<Args, Result, Code, ExampleName> {
  const id = data.descriptor.id;
  const decoded = new Map<string, { root: string | undefined; value: Result }>();
  /** Decodes an example once, through the generated decoder, exactly as the client decodes an answer. */
  const exampleOf = (name: string) => {
    let found = decoded.get(name);
    if (found === undefined) {
      const example = data.examples[name];
      if (example === undefined) throw new TypeError(`${id} has no example named ${JSON.stringify(name)} (it has: ${Object.keys(data.examples).join(", ") || "none"})`);
      const document = (example.format === "json" ? structuredClone(example.document) : parseXml(example.text)) as Record<string, unknown>;
      const ctx = decode.newContext(example.format === "xml");
      const value = data.descriptor.decodeResult!(document, ctx);
      if (ctx.issues.length > 0) throw new Error(`${id}: the example ${name} does not decode:\n${ctx.issues.map(formatIssue).join("\n")}`);
      found = { root: data.variants[0]!.root === undefined ? undefined : Object.keys(document)[0], value };
      decoded.set(name, found);
    }
    return { root: found.root, value: structuredClone(found.value) };
  };
  const variantOf = (root: string | undefined) => data.variants.find((v) => v.root === root) ?? data.variants[0]!;
  /** The variant a value answers as: the example's when the value has its required fields, else the first that fits. */
  const rootFor = (value: unknown, preferred: string | undefined) => {
    const fits = (v: VariantData) => typeof value === "object" && value !== null && v.required.every((f) => (value as Record<string, unknown>)[f] !== undefined);
    if (data.variants.length === 1 || fits(variantOf(preferred))) return variantOf(preferred).root;
    return (data.variants.find(fits) ?? variantOf(preferred)).root;
  };

  const factory = (override?: DocumentOverride<Args, Result, unknown>, options?: DocumentHandlerOptions) => {
    const exampleName = options?.example ?? data.defaultExample;
    const merge = options?.merge !== false;
    if (exampleName === undefined && override === undefined) throw new TypeError(`${id} has no reference example: give the handler a value or a resolver`);
    if (!merge && override === undefined) throw new TypeError(`${id}: merge: false answers the override alone, so give one`);
    if (exampleName !== undefined) exampleOf(exampleName); // fail now, not at the first request, on an unknown name
    const echo = api.descriptor.echo;
    /** The answer's value and root before the echo rule, from the example and what the override supplied. */
    const answerOf = (example: { root: string | undefined; value: Result }, supplied: unknown) => {
      const value = merge ? deepMerge(example.value, supplied) : supplied;
      const root = rootFor(value, example.root);
      // The echo rule (v2: asyncKey): a request that carries the argument gets it back, unless the override sets its own.
      const ownValue = echo !== undefined && typeof supplied === "object" && supplied !== null && (supplied as Record<string, unknown>)[echo] !== undefined;
      return { value, root, echoes: variantOf(root).echo === true && !ownValue };
    };
    const exampleNow = () => (exampleName === undefined ? { root: data.variants[0]!.root, value: {} as Result } : exampleOf(exampleName));
    const respond = (answer: { value: unknown; root: string | undefined; echoes: boolean }, args: Args, format: ResponseFormat) => {
      let { value } = answer;
      if (answer.echoes && echoedValue(api.descriptor, args) !== undefined) {
        value = { ...(value as Record<string, unknown>) }; // the echo sets a top-level field of this answer only
        applyEcho(api.descriptor, args, value);
      }
      try {
        return documentResponse(id, format, resultDocument(answer.root, value), data.renderXml);
      } catch (error) {
        // Text XML cannot carry (an override's, an echoed argument's): the API's "exception in the method"
        // error, naming the element, as the emulator answers it, not a bare HTTP 500 from MSW.
        const code = applicationErrorCode(api);
        if (!(error instanceof XmlWriteError) || code === undefined) throw error;
        return errorResponse(api, format, code, `The answer cannot be written in XML: ${error.message}`);
      }
    };

    if (typeof override !== "function") {
      // A fixed answer (the example, or a value over it) is the same for every request: built once, and its
      // rendering kept per format; only an echoed argument makes a request's answer its own. The value is
      // copied now, so that the handler answers it as it was when the handler was made, whenever the first
      // request comes (a change made to it later is not seen: a resolver answers what is current).
      const supplied = structuredClone(override);
      let fixed: ReturnType<typeof answerOf> | undefined;
      const rendered = new Map<ResponseFormat, { body: string; status: number; contentType: string }>();
      return handler(api, data.descriptor as AnyDescriptor, options, async (r) => {
        const read = await readArguments(api, data, r, options, true);
        if (read instanceof Response) return read;
        fixed ??= answerOf(exampleNow(), supplied);
        if (fixed.echoes && echoedValue(api.descriptor, read.args) !== undefined) return respond(fixed, read.args, r.format);
        let cached = rendered.get(r.format);
        if (cached === undefined) {
          const response = respond(fixed, read.args, r.format);
          cached = { body: await response.text(), status: response.status, contentType: response.headers.get("content-type")! };
          rendered.set(r.format, cached);
        }
        return new Response(cached.body, { status: cached.status, headers: { "content-type": cached.contentType } });
      });
    }
    return handler(api, data.descriptor as AnyDescriptor, options, async (r) => {
      const read = await readArguments(api, data, r, options, false);
      if (read instanceof Response) return read;
      const example = exampleNow();
      const resolver = override as Resolver<Args, Result, unknown>;
      const supplied = await resolver({ args: read.args, request: r.request, params: r.params, format: r.format, issues: read.issues, example: structuredClone(example.value) });
      if (supplied instanceof Response) return supplied;
      return respond(answerOf(example, supplied), read.args, r.format);
    });
  };
  return Object.assign(attachError(api, data as DocumentMethodData<unknown, unknown>, factory), {
    example: (name?: string) => {
      const exampleName = name ?? data.defaultExample;
      if (exampleName === undefined) throw new TypeError(`${id} has no reference example`);
      return exampleOf(exampleName).value;
    },
  }) as unknown as DocumentHandlerFactory<Args, Result, Code, ExampleName>;
}

/** The factory of a method that answers a file's bytes. */
export function binaryHandler<Args, Code extends number>(api: ServerApi, data: BinaryMethodData<Args>): BinaryHandlerFactory<Args, Code> {
  const factory = (override?: DownloadContent | ((info: BinaryResolverInfo<Args>) => DownloadContent | Response | Promise<DownloadContent | Response>), options?: BinaryHandlerOptions) =>
    handler(api, data.descriptor as AnyDescriptor, options, async (r) => {
      const read = await readArguments(api, data, r, options, typeof override !== "function");
      if (read instanceof Response) return read;
      const content = typeof override === "function" ? await override({ args: read.args, request: r.request, params: r.params, format: r.format, issues: read.issues }) : (override ?? defaultDownloadBody);
      if (content instanceof Response) return content;
      return downloadResponse(content, options?.contentType);
    });
  return attachError(api, data as BinaryMethodData<unknown>, factory) as unknown as BinaryHandlerFactory<Args, Code>;
}

export type { DeepPartial, ResultValue };
