/** POST /api/json/v2/<method>, /api/xml/v2/<method> and /api/v2/<method> (XML unless format=json). */
import { methodDescriptors, type MethodId } from "@wrikekit/client/server";
import { attachmentDownload } from "../engine/attachments.js";
import { toEmulatorError } from "../engine/errors.js";
import { engineMethods, type DocumentMethodId, type EngineMethod } from "../engine/methods.js";
import { readArgs } from "./args.js";
import { authenticate } from "./caller.js";
import type { HandlerContext } from "./context.js";
import { readCall } from "./request.js";
import { bytesResponse, documentResponse, errorResponse, textResponse, type Format } from "./respond.js";

export interface ApiRoute {
  /** Undefined for /api/v2/, where the format parameter decides. */
  format: Format | undefined;
  method: string;
}

const API_PATH = /^\/api\/(?:(json|xml)\/)?v2\/([^/]+)$/;

export function matchApiRoute(pathname: string): ApiRoute | undefined {
  const match = API_PATH.exec(pathname);
  return match === null ? undefined : { format: match[1] as Format | undefined, method: match[2]! };
}

const isMethodId = (name: string): name is MethodId => Object.hasOwn(methodDescriptors, name);

export async function handleApiCall(ctx: HandlerContext, request: Request, route: ApiRoute): Promise<Response> {
  const methodId = route.method;
  if (!isMethodId(methodId)) return textResponse(404, `Unknown API method ${methodId}`);
  if (request.method !== "POST") return textResponse(405, "The Wrike API takes POST requests only", { allow: "POST" });
  let format: Format = route.format ?? "xml";
  try {
    const call = await readCall(request);
    format = route.format ?? (call.params.get("format")?.toLowerCase() === "json" ? "json" : "xml");
    const caller = await authenticate(ctx, request, call);
    if (methodId === "wrike.attachment.download") return bytesResponse(attachmentDownload(ctx.state, caller, readArgs(methodId, call.params)));
    const args = readArgs(methodId, call.params);
    // The table is keyed by method id, so the entry and the arguments always belong together.
    const reply = (engineMethods[methodId] as EngineMethod<DocumentMethodId>)(ctx.state, caller, args as never);
    const asyncKey = (args as { asyncKey?: unknown }).asyncKey;
    if (typeof asyncKey === "string") (reply.body as { asyncKey?: string }).asyncKey = asyncKey;
    return documentResponse(format, methodId, reply);
  } catch (error) {
    return errorResponse(format, toEmulatorError(error));
  }
}
