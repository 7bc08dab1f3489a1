/**
 * The handler factories of a REST API (v4) that the generated file calls, once per operation. A factory
 * returns an MSW `HttpHandler` answering the operation's verb and path in the API's `{kind, data}`
 * envelope, with `.error(status, name?)` answering the API's error envelope. Requests are matched and
 * their arguments read by @wrikekit/core/server (the emulator's reader); nothing here knows a particular
 * operation: the generated data brings its descriptor, operation row and default document.
 */
import type { HttpHandler, PathParams } from "msw";
import { formatIssue, type ApiDescriptor, type Issue, type MethodDescriptor } from "@wrikekit/core";
import { decode } from "@wrikekit/core/runtime";
import { compileRoute, createRestRouter, MalformedBodyError, readRestArgs, requestVerb, restAnswer, restBodyParams, type RestApi, type RestOperation, type RestRequestParts, type RestSchema } from "@wrikekit/core/server";
import { deepMerge, type DeepPartial, type ResultValue } from "./documents.js";
import { defaultDownloadBody, downloadResponse, type DownloadContent } from "./download.js";
import { routeHandler } from "./route-handler.js";

/** What every handler of one API shares: its descriptor and tables, and each error name's description. */
export interface RestMockApi {
  readonly descriptor: ApiDescriptor;
  readonly api: RestApi;
  /** The models and enums the arguments use, for reading JSON-encoded arguments. */
  readonly schema: RestSchema;
  /** HTTP status → error name → the description answered by default. */
  readonly errors: Readonly<Record<number, Readonly<Record<string, string>>>>;
}

/** One answer's default: its document and the optional fields a `fields` argument may add to it. */
export interface RestSample {
  /** The `fields` argument and the optional fields it may ask for: an answer carries them only when asked. */
  readonly selection?: { readonly arg: string; readonly fields: readonly string[] };
  /** The default answer: the authored example, or one generated from the response model. */
  readonly document?: Readonly<Record<string, unknown>>;
}

/** One operation's data, as the generated file gives it. */
export interface RestMethodData<Args, Result> extends RestSample {
  readonly descriptor: MethodDescriptor<Args, Result>;
  readonly operation: RestOperation;
  /** Operations with the same verb and a path that matches the same URLs (PUT /tasks/{taskId} and /tasks/{taskIds}). */
  readonly siblings?: readonly RestOperation[];
  /** An operation with several answers (the operation's response variants): each but the default's, by kind. */
  readonly variants?: readonly (RestSample & { readonly kind: string })[];
}

/** HTTP status → the error names it carries, e.g. `{ 404: "resource_not_found" | "method_not_found" }`. */
export type ErrorNames = { readonly [status: number]: string };

export interface RestHandlerOptions {
  /** Default: the API's (https://www.wrike.com). A path after the host is kept as a prefix. */
  baseUrl?: string;
  /** Answer only the first matching request (MSW's `once`). */
  once?: boolean;
}

export interface RestArgumentHandlerOptions extends RestHandlerOptions {
  /**
   * Answer 400 `parameter_required` when a required argument is absent and 400 `invalid_parameter` when one
   * is malformed or unknown, naming it, as Wrike does. Default true; with false the resolver gets `issues`.
   */
  checkArguments?: boolean;
}

export interface RestDocumentHandlerOptions extends RestArgumentHandlerOptions {
  /** false: the override (or what the resolver returns) is the whole answer, not merged over the default. */
  merge?: boolean;
}

/** What a resolver learns of the request. */
export interface RestResolverInfo<Args, Result> {
  /** The request's arguments by name, read from path, query, form body and headers as the spec places them. */
  args: Args;
  request: Request;
  params: PathParams;
  /** Arguments present but malformed or unknown (only with `checkArguments: false`; they are absent from `args`). */
  issues: readonly Issue[];
  /** A fresh copy of the default answer, with the optional fields the request's `fields` asked for. */
  example: Result;
}

export type RestResolver<Args, Result, Value> = (info: RestResolverInfo<Args, Result>) => Value | Response | Promise<Value | Response>;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * A partial answer: every field optional at any depth, and `data` a list of partial items, each merged
 * over the default item (`{ data: [{ title: "A" }, { title: "B" }] }` answers two complete items). A
 * top-level field given as `undefined` is removed (`nextPageToken: undefined` makes a page the last).
 */
export type EnvelopeOverride<R> = R extends Primitive
  ? R
  : { [K in keyof R]?: (K extends "data" ? (R[K] extends readonly (infer I)[] ? readonly DeepPartial<I>[] : DeepPartial<R[K]>) : DeepPartial<R[K]>) | undefined };

export interface RestDocumentHandlerFactory<Args, Result, Errors extends ErrorNames> {
  /**
   * Answers the default document, or `override` merged over it (a resolver's value too). A value is copied
   * when the handler is made: changing it afterwards changes nothing (give a resolver for an answer that changes).
   */
  (override?: EnvelopeOverride<Result> | RestResolver<Args, Result, EnvelopeOverride<Result>>, options?: RestDocumentHandlerOptions & { merge?: true }): HttpHandler;
  /** Answers exactly `override` (or what the resolver returns): nothing of the default is kept. */
  (override: ResultValue<Result> | RestResolver<Args, Result, ResultValue<Result>>, options: RestDocumentHandlerOptions & { merge: false }): HttpHandler;
  /** Answers the error envelope with this HTTP status; `name` defaults to the status's first, `description` to the name's. */
  error<S extends keyof Errors & number>(status: S, name?: Errors[S], options?: RestHandlerOptions & { description?: string }): HttpHandler;
  /** A fresh copy of the default answer (every optional field a `fields` argument may ask for included), decoded as the client decodes it. */
  example(): Result;
  /** The operation id, e.g. GET /tasks. */
  readonly method: string;
}

export interface RestDownloadResolverInfo<Args> {
  args: Args;
  request: Request;
  params: PathParams;
  issues: readonly Issue[];
}

export interface RestDownloadHandlerOptions extends RestArgumentHandlerOptions {
  /** Default application/octet-stream. */
  contentType?: string;
}

export interface RestDownloadHandlerFactory<Args, Errors extends ErrorNames> {
  /** Answers `override` (default: `defaultDownloadBody`) as the file's bytes. */
  (override?: DownloadContent | ((info: RestDownloadResolverInfo<Args>) => DownloadContent | Response | Promise<DownloadContent | Response>), options?: RestDownloadHandlerOptions): HttpHandler;
  error<S extends keyof Errors & number>(status: S, name?: Errors[S], options?: RestHandlerOptions & { description?: string }): HttpHandler;
  readonly method: string;
}

const JSON_TYPE = "application/json; charset=UTF-8";

interface Matched {
  request: Request;
  params: PathParams;
  /** The decoded path placeholders. */
  path: Record<string, string>;
}

/** The MSW handler of one operation; requests a sibling operation owns (by core's route rules) pass on to the next handler. */
function handler(mock: RestMockApi, data: RestMethodData<unknown, unknown>, options: RestHandlerOptions | undefined, answer: (r: Matched) => Promise<Response> | Response): HttpHandler {
  const { operation } = data;
  const route = compileRoute(mock.descriptor, { baseUrl: options?.baseUrl, methodPath: operation.path });
  const basePath = new URL(options?.baseUrl ?? mock.descriptor.baseUrl).pathname.replace(/\/+$/, "");
  const router = createRestRouter(mock.api, Object.fromEntries([operation, ...(data.siblings ?? [])].map((o) => [o.id, o])));
  return routeHandler(
    operation.verb,
    route,
    ({ request, params }) => {
      const found = router.match(new URL(request.url).pathname.slice(basePath.length), operation.verb);
      if (found === undefined || !("operation" in found) || found.operation.id !== operation.id) return undefined;
      return answer({ request, params, path: found.path });
    },
    { once: options?.once ?? false, verbOf: requestVerb },
  );
}

function errorResponse(mock: RestMockApi, status: number, name: string, description: string): Response {
  const { errorEnvelope } = mock.api;
  return new Response(JSON.stringify({ [errorEnvelope.messageField]: description, [errorEnvelope.nameField]: name }), { status, headers: { "content-type": JSON_TYPE } });
}

/** `consume`: nothing else reads the request (no resolver is given it), so its body is read without a copy. */
async function requestParts(request: Request, operation: RestOperation, path: Record<string, string>, consume: boolean): Promise<RestRequestParts> {
  const parts: { -readonly [K in keyof RestRequestParts]: RestRequestParts[K] } = { path, query: new URL(request.url).searchParams, headers: request.headers, body: new URLSearchParams() };
  if (request.method === "GET" || request.method === "DELETE") return parts;
  const readable = consume ? request : request.clone();
  if (operation.upload) parts.raw = new Uint8Array(await readable.arrayBuffer());
  else parts.body = restBodyParams(request.headers.get("content-type"), await readable.text());
  return parts;
}

/** Reads the arguments; answers 400 naming the argument when one is missing or malformed (unless told not to). */
async function readArguments<Args>(
  mock: RestMockApi,
  operation: RestOperation,
  r: Matched,
  options: RestArgumentHandlerOptions | undefined,
  consume: boolean,
): Promise<{ args: Args; issues: Issue[] } | Response> {
  let parts: RestRequestParts;
  try {
    parts = await requestParts(r.request, operation, r.path, consume);
  } catch (error) {
    if (error instanceof MalformedBodyError && options?.checkArguments !== false) return errorResponse(mock, 400, "invalid_request", error.message);
    if (error instanceof MalformedBodyError) parts = { path: r.path, query: new URL(r.request.url).searchParams, headers: r.request.headers, body: new URLSearchParams() };
    else throw error;
  }
  const read = readRestArgs(operation, parts, mock.schema);
  if (options?.checkArguments !== false) {
    if (read.missing.length > 0) return errorResponse(mock, 400, "parameter_required", `Missing required parameter: ${read.missing.join(", ")}`);
    if (read.issues.length > 0) return errorResponse(mock, 400, "invalid_parameter", `Invalid parameter ${read.issues.map(formatIssue).join("; ")}`);
  }
  return { args: read.args as Args, issues: read.issues };
}

function attachError<F extends object>(mock: RestMockApi, data: RestMethodData<unknown, unknown>, factory: F) {
  return Object.assign(factory, {
    method: data.operation.id,
    error: (status: number, name?: string, options?: RestHandlerOptions & { description?: string }) => {
      const names = mock.errors[status];
      if (names === undefined) throw new TypeError(`${status} is not an error status of ${mock.descriptor.name} (known: ${Object.keys(mock.errors).join(", ")})`);
      const errorName = name ?? Object.keys(names)[0]!;
      if (names[errorName] === undefined) throw new TypeError(`${errorName} is not an error name of HTTP ${status} (known: ${Object.keys(names).join(", ")})`);
      return handler(mock, data, options, () => errorResponse(mock, status, errorName, options?.description ?? names[errorName]!));
    },
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Merges an override into a document: `data` items each over the default item (the same index, else the first). */
function mergeEnvelope(mock: RestMockApi, base: Record<string, unknown>, override: unknown): Record<string, unknown> {
  const { dataField, responseSizeField } = mock.api.envelope;
  if (!isRecord(override)) return deepMerge(base, override);
  const { [dataField]: items, ...rest } = override;
  const merged = deepMerge(base, rest);
  if (Array.isArray(items)) {
    const template = (base[dataField] as unknown[] | undefined) ?? [];
    merged[dataField] = items.map((item, i) => deepMerge(structuredClone(template[i] ?? template[0] ?? {}), item));
    if (responseSizeField in base && !(responseSizeField in rest)) merged[responseSizeField] = items.length;
  }
  return merged;
}

interface Shape {
  /** The answer the request gets (its default document and selection). */
  sample: RestSample;
  asked: ReadonlySet<string>;
  lastPage: boolean;
  key: string;
}

/** What of a request the default document depends on: which answer it gets, the optional fields it asks for, whether it carries a page token. */
function defaultShape(data: RestMethodData<unknown, unknown>, args: Record<string, unknown>): Shape {
  const kind = data.variants === undefined ? undefined : restAnswer(data.operation, args)?.kind;
  const sample = data.variants?.find((v) => v.kind === kind) ?? data;
  const asked = new Set(sample.selection === undefined ? [] : ((args[sample.selection.arg] as string[] | undefined) ?? []));
  const tokenArg = data.operation.paging?.tokenArg;
  const lastPage = tokenArg !== undefined && args[tokenArg] !== undefined;
  const fields = sample.selection?.fields.filter((f) => asked.has(f)) ?? [];
  return { sample, asked, lastPage, key: `${kind ?? ""}:${lastPage ? "last" : "first"}:${fields.join(",")}` };
}

/** The default document for this request: optional fields only when `fields` asks, no next page after a page token. */
function defaultFor(mock: RestMockApi, shape: Omit<Shape, "key">): Record<string, unknown> {
  const { dataField, nextPageTokenField } = mock.api.envelope;
  const { document: authored, selection } = shape.sample;
  const document = structuredClone(authored ?? {}) as Record<string, unknown>;
  if (selection !== undefined)
    for (const item of (document[dataField] as unknown[] | undefined) ?? []) if (isRecord(item)) for (const f of selection.fields) if (!shape.asked.has(f)) delete item[f];
  // The default answers two pages: the first (as authored) and, for a request with a page token, the last.
  if (shape.lastPage) delete document[nextPageTokenField];
  return document;
}

/** The factory of an operation that answers a document. */
export function restDocumentHandler<Args, Result, Errors extends ErrorNames>(mock: RestMockApi, data: RestMethodData<Args, Result>): RestDocumentHandlerFactory<Args, Result, Errors> {
  const untyped = data as RestMethodData<unknown, unknown>;
  const id = data.operation.id;
  const decoded = (document: unknown): Result => {
    const ctx = decode.newContext(false);
    const value = data.descriptor.decodeResult!(structuredClone(document), ctx);
    if (ctx.issues.length > 0) throw new Error(`${id}: the default document does not decode:\n${ctx.issues.map(formatIssue).join("\n")}`);
    return value;
  };
  const factory = (override?: unknown, options?: RestDocumentHandlerOptions) => {
    const merge = options?.merge !== false;
    if (data.document === undefined && override === undefined) throw new TypeError(`${id} has no default document: give the handler a value or a resolver`);
    if (!merge && override === undefined) throw new TypeError(`${id}: merge: false answers the override alone, so give one`);
    const respond = (body: string) => new Response(body, { status: 200, headers: { "content-type": JSON_TYPE } });
    if (typeof override !== "function") {
      // A fixed answer depends only on the request's shape (fields asked, page token): rendered once per shape,
      // from the value as it was when the handler was made (a change made to it later is not seen).
      const supplied = structuredClone(override);
      const rendered = new Map<string, string>();
      return handler(mock, untyped, options, async (r) => {
        const read = await readArguments<Record<string, unknown>>(mock, data.operation, r, options, true);
        if (read instanceof Response) return read;
        const shape = defaultShape(untyped, read.args);
        let body = rendered.get(shape.key);
        if (body === undefined) {
          body = JSON.stringify(merge ? mergeEnvelope(mock, defaultFor(mock, shape), structuredClone(supplied)) : supplied);
          rendered.set(shape.key, body);
        }
        return respond(body);
      });
    }
    const resolver = override as RestResolver<Args, Result, unknown>;
    return handler(mock, untyped, options, async (r) => {
      const read = await readArguments<Record<string, unknown>>(mock, data.operation, r, options, false);
      if (read instanceof Response) return read;
      const base = defaultFor(mock, defaultShape(untyped, read.args));
      const supplied = await resolver({ args: read.args as Args, request: r.request, params: r.params, issues: read.issues, example: structuredClone(base) as Result });
      if (supplied instanceof Response) return supplied;
      return respond(JSON.stringify(merge ? mergeEnvelope(mock, base, supplied) : supplied));
    });
  };
  return Object.assign(attachError(mock, untyped, factory), {
    example: () => {
      if (data.document === undefined) throw new TypeError(`${id} has no default document`);
      return decoded(data.document);
    },
  }) as unknown as RestDocumentHandlerFactory<Args, Result, Errors>;
}

/** The factory of an operation that answers a file's bytes. */
export function restDownloadHandler<Args, Errors extends ErrorNames>(mock: RestMockApi, data: RestMethodData<Args, unknown>): RestDownloadHandlerFactory<Args, Errors> {
  const untyped = data as RestMethodData<unknown, unknown>;
  const factory = (override?: DownloadContent | ((info: RestDownloadResolverInfo<Args>) => DownloadContent | Response | Promise<DownloadContent | Response>), options?: RestDownloadHandlerOptions) =>
    handler(mock, untyped, options, async (r) => {
      const read = await readArguments<Args>(mock, data.operation, r, options, typeof override !== "function");
      if (read instanceof Response) return read;
      const content = typeof override === "function" ? await override({ args: read.args, request: r.request, params: r.params, issues: read.issues }) : (override ?? defaultDownloadBody);
      if (content instanceof Response) return content;
      return downloadResponse(content, options?.contentType);
    });
  return attachError(mock, untyped, factory) as unknown as RestDownloadHandlerFactory<Args, Errors>;
}
