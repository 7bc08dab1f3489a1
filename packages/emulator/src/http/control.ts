/**
 * POST /emulator/attachments: the upload v2 lacks, for tests running out of process. Signed like any
 * API call (with a multipart body, sign through the Authorization header or the query); the token's
 * user is the uploader. Parameters: taskId; a multipart file part "file" or base64 "content";
 * fileName and contentType (defaults: the file part's); optional commentId. Answers
 * {"attachment": {...}} in JSON, errors in the JSON envelope.
 */
import { wire } from "@wrikekit/core/runtime";
import { addAttachment, type NewAttachment } from "../engine/attachments.js";
import { base64ToBytes } from "../engine/base64.js";
import { invalidArgument, toEmulatorError } from "../engine/errors.js";
import { checkWireContext } from "./args.js";
import { authenticate } from "./caller.js";
import type { HandlerContext } from "./context.js";
import { readCall, type IncomingCall } from "./request.js";
import { errorResponse, jsonResponse, textResponse } from "./respond.js";

async function readUpload(call: IncomingCall): Promise<NewAttachment> {
  const { params } = call;
  const ctx = wire.newWireContext();
  const taskId = wire.scalar(params, "taskId", wire.id, ctx) as number;
  const commentId = wire.scalar(params, "commentId", wire.id, ctx) as number | undefined;
  const file = call.files.get("file");
  const fileName = params.get("fileName") ?? file?.name;
  const content = params.get("content");
  if (!params.has("taskId")) ctx.missing.push("taskId");
  if (fileName === undefined) ctx.missing.push("fileName");
  if (file === undefined && content === null) ctx.missing.push("file or content");
  checkWireContext(ctx);
  const bytes = file !== undefined ? new Uint8Array(await file.arrayBuffer()) : base64ToBytes(content!);
  if (bytes === undefined) throw invalidArgument("content", "is not base64");
  const contentType = params.get("contentType") ?? (file?.type || undefined);
  return { taskId, fileName: fileName!, bytes, ...(contentType === undefined ? {} : { contentType }), ...(commentId === undefined ? {} : { commentId }) };
}

export async function handleAttachmentUpload(ctx: HandlerContext, request: Request): Promise<Response> {
  if (request.method !== "POST") return textResponse(405, "POST a file to upload it", { allow: "POST" });
  try {
    const call = await readCall(request);
    const caller = await authenticate(ctx, request, call);
    return jsonResponse(200, { attachment: addAttachment(ctx.state, caller, await readUpload(call)) });
  } catch (error) {
    return errorResponse("json", toEmulatorError(error));
  }
}
