/**
 * The v4 Fetch handler: /api/v4/... matched from the generated operation table, the bearer token checked
 * (401 when missing, unknown or expired), its per-second budget (429) and its scopes against the
 * operation's (403), the arguments read from path, query, form body, headers and raw body by the spec
 * (400 naming the argument), then the stateful engine or a generated document, in the {kind, data}
 * envelope; errors in the v4 envelope {errorDescription, error} with the spec's status.
 */
import { createRestRouter, jsonObjectParams, MalformedBodyError, readRestArgs, requestVerb, restAnswer, restBodyParams, type RestAnswer, type RestOperation, type RestRequestParts } from "@wrikekit/core/server";
import { formatIssue } from "@wrikekit/core";
import { wrikeV4Enums, wrikeV4Models, wrikeV4Operations, wrikeV4RestApi } from "@wrikekit/client/server/v4";
import type { BearerTokenRecord } from "../../engine/state.js";
import { V4Error } from "../engine/errors.js";
import type { V4Call } from "../engine/call.js";
import { afterWrite, beforeWrite } from "../engine/changes.js";
import { generatedData } from "../engine/generated-document.js";
import { statefulOperations, type Answer, type BytesAnswer, type DocumentAnswer, type OperationContext } from "../engine/methods.js";
import type { V4State } from "../engine/state.js";
import type { WebhookHost } from "../engine/webhooks.js";
import { RateBudget, type RateLimitOption } from "./rate-budget.js";

const router = createRestRouter(wrikeV4RestApi, wrikeV4Operations);
const schema = { models: wrikeV4Models, enums: wrikeV4Enums };
const { envelope, errorEnvelope } = wrikeV4RestApi;
const JSON_TYPE = "application/json; charset=UTF-8";

export interface V4HandlerOptions {
  state: V4State;
  now: () => number;
  /** Requests a token may start per second (default 100); false turns the budget off. */
  rateLimit?: RateLimitOption;
  /** Webhooks: the handshake on creation, and every write's changes to deliver. Without it, webhooks cannot be created. */
  webhooks?: WebhookHost;
}

export interface V4Handler {
  /** True for paths under /api/v4. */
  owns(pathname: string): boolean;
  handle(request: Request): Promise<Response>;
}

/** The v4 error envelope with the status the spec lists the name under. */
export function v4ErrorResponse(error: V4Error, headers: Record<string, string> = {}): Response {
  const body = { [errorEnvelope.messageField]: error.message, [errorEnvelope.nameField]: error.error };
  return new Response(JSON.stringify(body), { status: error.status, headers: { "content-type": JSON_TYPE, ...headers } });
}

function documentResponse(kind: string, answer: DocumentAnswer): Response {
  const body: Record<string, unknown> = { [envelope.kindField]: kind, [envelope.dataField]: answer.data };
  if (answer.nextPageToken !== undefined) body[envelope.nextPageTokenField] = answer.nextPageToken;
  if (answer.responseSize !== undefined) body[envelope.responseSizeField] = answer.responseSize;
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": JSON_TYPE } });
}

function bytesResponse(answer: BytesAnswer): Response {
  // A stream over a copy: the body is read as it arrives, and never shares the stored bytes.
  const bytes = answer.bytes.slice();
  const chunk = 64 * 1024;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": answer.contentType, "content-length": String(bytes.length), "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(answer.fileName)}` },
  });
}

/** The optional fields an answer carries: those the operation shows by default, and those `fields` asks for. */
function selection(operation: RestOperation, answer: RestAnswer | undefined, args: Record<string, unknown>): Set<string> {
  const model = answer?.data.name;
  const selectable = Object.entries(wrikeV4Models[model ?? ""] ?? {}).filter(([, f]) => f.selectable === true).map(([name]) => name);
  const fieldsArg = Object.entries(operation.args).find(([, a]) => a.selects !== undefined);
  if (fieldsArg === undefined) return new Set(selectable);
  const [name, arg] = fieldsArg;
  const askable = new Set(arg.values ?? selectable);
  const selected = new Set(selectable.filter((f) => !askable.has(f)));
  // Only fields of this answer's model: the folder tree has none of the fields a filtered list may ask for.
  for (const f of (args[name] as string[] | undefined) ?? []) if (selectable.includes(f)) selected.add(f);
  return selected;
}

function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
}

function checkToken(state: V4State, token: string | undefined, now: number, url: URL): BearerTokenRecord {
  if (token === undefined) {
    // The token is taken from the header only; say so to a client that put it in the query (never echoing it).
    const inQuery = url.searchParams.has("access_token") ? " (a token in the access_token query parameter is not read)" : "";
    throw new V4Error(401, "not_authorized", `Authorization required: send Authorization: Bearer <access or permanent token>${inQuery}`);
  }
  const record = state.v2.oauth.bearerTokens.get(token);
  if (record === undefined) throw new V4Error(401, "not_authorized", "The access token is invalid");
  if (record.expiresAt !== undefined && record.expiresAt <= now) throw new V4Error(401, "not_authorized", "The access token has expired; refresh it");
  return record;
}

/** Tokens without recorded scopes (permanent tokens, the v2 flow's) may call everything. */
function checkScopes(operation: RestOperation, token: BearerTokenRecord): void {
  if (token.scopes === undefined) return;
  if (!operation.scopes.some((s) => token.scopes!.includes(s))) {
    throw new V4Error(403, "not_allowed", `The token's scopes (${token.scopes.join(", ")}) do not allow ${operation.id}; it needs one of ${operation.scopes.join(", ")}`);
  }
}

function argumentError(result: ReturnType<typeof readRestArgs>): V4Error | undefined {
  if (result.issues.length > 0) return new V4Error(400, "invalid_parameter", `Invalid parameter ${result.issues.map(formatIssue).join("; ")}`);
  if (result.missing.length > 0) return new V4Error(400, "parameter_required", `Missing required parameter: ${result.missing.join(", ")}`);
  return undefined;
}

/** The most a form or JSON body of arguments may hold (uploads are not capped); the reference names no limit. */
export const MAX_ARGUMENTS_BODY_BYTES = 10 * 1024 * 1024;

const tooLarge = () => new V4Error(413, "invalid_request", `Request body too large: arguments may take at most ${MAX_ARGUMENTS_BODY_BYTES} bytes (send files to an attachments upload)`);

/** The body as text, refused as soon as it passes the cap (by Content-Length when given, else while reading). */
async function cappedBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > MAX_ARGUMENTS_BODY_BYTES) throw tooLarge();
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_ARGUMENTS_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

async function requestParts(request: Request, operation: RestOperation, path: Record<string, string>): Promise<RestRequestParts> {
  const url = new URL(request.url);
  const parts = { path, query: url.searchParams, headers: request.headers, body: new URLSearchParams() } as { -readonly [K in keyof RestRequestParts]: RestRequestParts[K] };
  if (request.method === "GET" || request.method === "HEAD") return parts;
  if (operation.upload) parts.raw = new Uint8Array(await request.arrayBuffer());
  else {
    try {
      parts.body = restBodyParams(request.headers.get("content-type"), await cappedBodyText(request));
    } catch (error) {
      if (error instanceof MalformedBodyError) throw new V4Error(400, "invalid_request", error.message);
      throw error;
    }
  }
  return parts;
}

export function createV4Handler(options: V4HandlerOptions): V4Handler {
  const { state, now } = options;
  const budget = new RateBudget(options.rateLimit ?? { requestsPerSecond: 100 });

  /** `answer`: which of the operation's answers the arguments get (restAnswer). */
  function run(call: V4Call, token: BearerTokenRecord, operation: RestOperation, answer: RestAnswer | undefined, args: Record<string, unknown>): Answer {
    const stateful = statefulOperations[operation.id];
    if (stateful === undefined) {
      if (answer === undefined) return { bytes: new Uint8Array(), contentType: "application/octet-stream", fileName: "file" };
      return { data: generatedData(answer, wrikeV4Models, wrikeV4Enums) };
    }
    const context: OperationContext = { id: operation.id, answer, prepareNested: (method, url, params) => prepareNested(call, token, method, url, params), webhooks: options.webhooks };
    const scoped = { ...call, selected: selection(operation, answer, args) };
    if (operation.kind !== "write") return stateful(scoped, args, context);
    // Any write may change what a list finds: cached list totals end here (also when it fails halfway).
    state.revision++;
    const { webhooks } = options;
    if (webhooks === undefined || state.webhooks.size === 0) return stateful(scoped, args, context);
    // Webhooks watch: what the write changed (also when it fails halfway) goes to them.
    const before = beforeWrite(state, args);
    const publish = () => webhooks.publish(afterWrite(state, before), call);
    try {
      const answer = stateful(scoped, args, context);
      if (answer instanceof Promise) return answer.finally(publish);
      publish();
      return answer;
    } catch (error) {
      publish();
      throw error;
    }
  }

  /** One operation of a batch: routed and read now like a request, run later as the batch's caller. */
  function prepareNested(call: V4Call, token: BearerTokenRecord, method: string, url: string, params: Record<string, unknown>): () => DocumentAnswer {
    const target = new URL(url, "http://emulator/");
    const pathname = target.pathname.startsWith(wrikeV4RestApi.pathTemplate.split("{method}")[0]!) ? target.pathname : `${wrikeV4RestApi.pathTemplate.split("{method}")[0]}${target.pathname}`;
    const match = router.match(pathname, method);
    if (match === undefined || "wrongVerb" in match || match.operation.kind !== "write" || match.operation.upload) {
      throw new V4Error(400, "invalid_parameter", `Invalid parameter operations: ${method} ${url} is not a write operation a batch can run`);
    }
    const body = jsonObjectParams(params);
    const result = readRestArgs(match.operation, { path: match.path, query: target.searchParams, body, headers: new Headers() }, schema);
    const problem = argumentError(result);
    if (problem !== undefined) throw new V4Error(400, problem.error, `operations: ${method} ${url}: ${problem.message}`);
    checkScopes(match.operation, token);
    return () => {
      const answer = run(call, token, match.operation, restAnswer(match.operation, result.args), result.args);
      if (answer instanceof Promise) throw new V4Error(400, "invalid_parameter", `Invalid parameter operations: ${method} ${url} cannot run in a batch`);
      if ("bytes" in answer) throw new V4Error(400, "invalid_parameter", `Invalid parameter operations: ${url} answers a file`);
      return answer;
    };
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    try {
      // Wrike lets a GET say ?method=PUT (or POST, DELETE) for clients that cannot send other verbs.
      const verb = requestVerb(request);
      const override = verb === request.method ? undefined : verb;
      const match = router.match(url.pathname, verb);
      if (match === undefined) throw new V4Error(404, "method_not_found", `No API method at ${verb} ${url.pathname}`);
      if ("wrongVerb" in match) throw new V4Error(404, "method_not_found", `${url.pathname} takes ${match.wrongVerb.join(", ")}, not ${verb}`);
      const at = now();
      const token = checkToken(state, bearerToken(request), at, url);
      const wait = budget.take(token.token, at);
      if (wait !== undefined) return v4ErrorResponse(new V4Error(429, "rate_limit_exceeded", "Rate limit exceeded: too many requests this second for this token; retry later"), { "retry-after": String(wait) });
      checkScopes(match.operation, token);
      const user = state.v2.users.get(token.uid);
      const person = state.people.get(token.uid);
      if (user === undefined || person === undefined || person.deleted) throw new V4Error(401, "not_authorized", "The token's user is no longer active");
      const parts = await requestParts(override === undefined ? request : new Request(request.url, { method: "GET", headers: request.headers }), match.operation, match.path);
      if (override !== undefined) parts.query.delete("method");
      const result = readRestArgs(match.operation, parts, schema);
      const problem = argumentError(result);
      if (problem !== undefined) throw problem;
      const given = restAnswer(match.operation, result.args);
      const answer = await run({ state, caller: { user, person }, at, selected: new Set() }, token, match.operation, given, result.args);
      return "bytes" in answer ? bytesResponse(answer) : documentResponse(given?.kind ?? "", answer);
    } catch (error) {
      if (error instanceof V4Error) return v4ErrorResponse(error);
      return v4ErrorResponse(new V4Error(500, "server_error", `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  return { owns: router.owns, handle };
}
