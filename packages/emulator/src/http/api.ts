/**
 * The API's own routes, matched from the ApiDescriptor's path templates (v2: /api/json/v2/<method>,
 * /api/xml/v2/<method>, and /api/v2/<method>, XML unless format=json).
 */
import { wrikeV2Api } from "@wrikekit/client/v2";
import { methodDescriptors, wrikeV2ServerApi, type MethodId } from "@wrikekit/client/server";
import { applyEcho, compileRoute } from "@wrikekit/core/server";
import { attachmentDownload } from "../engine/attachments.js";
import { toEmulatorError } from "../engine/errors.js";
import { engineMethods, type DocumentMethodId, type EngineMethod } from "../engine/methods.js";
import { readArgs } from "./args.js";
import { authenticate } from "./caller.js";
import type { HandlerContext } from "./context.js";
import { readCall } from "./request.js";
import { bytesResponse, documentResponse, errorResponse, textResponse, type Format } from "./respond.js";

export interface ApiRoute {
  /** Undefined when the URL names no format, and the format parameter decides. */
  format: Format | undefined;
  /** The method's path in the URL (its descriptor's `http.path`). */
  method: string;
}

const route = compileRoute(wrikeV2Api, { pathOnly: true });

export function matchApiRoute(pathname: string): ApiRoute | undefined {
  const groups = route.pattern.exec(pathname)?.groups;
  return groups === undefined ? undefined : { format: route.formatOf(groups), method: groups.method! };
}

type AnyMethod = (typeof methodDescriptors)[MethodId];
const methodsByPath = new Map<string, AnyMethod>(Object.values(methodDescriptors).map((d) => [d.http.path, d]));

/** The engine's methods that answer bytes: the descriptors without a result decoder. */
const binaryMethods: { [K in Exclude<MethodId, DocumentMethodId>]: typeof attachmentDownload } = { "wrike.attachment.download": attachmentDownload };

export async function handleApiCall(ctx: HandlerContext, request: Request, route: ApiRoute): Promise<Response> {
  const descriptor = methodsByPath.get(route.method);
  if (descriptor === undefined) return textResponse(404, `Unknown API method ${route.method}`);
  const verb = descriptor.http.method;
  if (request.method !== verb) return textResponse(405, `The Wrike API takes ${verb} requests only`, { allow: verb });
  const methodId = descriptor.id as MethodId;
  let format: Format = route.format ?? wrikeV2ServerApi.serverDefaultFormat;
  try {
    const call = await readCall(request);
    format = route.format ?? (call.params.get("format")?.toLowerCase() === "json" ? "json" : wrikeV2ServerApi.serverDefaultFormat);
    const caller = await authenticate(ctx, request, call);
    if (descriptor.decodeResult === undefined) {
      const binaryId = methodId as keyof typeof binaryMethods;
      return bytesResponse(binaryMethods[binaryId](ctx.state, caller, readArgs(binaryId, call.params)));
    }
    const args = readArgs(methodId, call.params);
    // The table is keyed by method id, so the entry and the arguments always belong together.
    const reply = (engineMethods[methodId as DocumentMethodId] as EngineMethod<DocumentMethodId>)(ctx.state, caller, args as never);
    applyEcho(wrikeV2Api, args, reply.body);
    return documentResponse(format, methodId as DocumentMethodId, reply);
  } catch (error) {
    return errorResponse(format, toEmulatorError(error));
  }
}
