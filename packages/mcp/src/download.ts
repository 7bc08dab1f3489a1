/**
 * Files in the protocol itself. A download's bytes come back in the tool result as an embedded resource
 * (text for text types, base64 `blob` otherwise), up to the budget's `maxDownloadBytes`: a larger file is
 * not cut (half a file is a wrong file) but left out, and the note says how large it is and what to do.
 * Uploads go the other way: the tool takes the bytes as base64 text (`ToolDefinition.base64Arguments`).
 */
import { download, type MethodDescriptor, type WrikeTransport } from "@wrikekit/core";
import type { ObjectJsonSchema, ToolDefinition } from "./table.js";

/** What a download tool returns as structured content (its outputSchema); the file itself is the embedded resource. */
export const DOWNLOAD_OUTPUT_SCHEMA: ObjectJsonSchema = {
  type: "object",
  properties: {
    uri: { type: "string", description: "The file's uri, as the embedded resource names it." },
    contentType: { type: "string" },
    size: { type: "integer", description: "The file's size in bytes, when known (at least this many when it was too large to read to the end)." },
    embedded: { type: "boolean", description: "false when the file was larger than the server's download cap and left out." },
  },
  required: ["uri", "contentType", "embedded"],
};

export interface DownloadResult {
  [key: string]: unknown;
  content: Array<{ type: "text"; text: string } | { type: "resource"; resource: { uri: string; mimeType: string; text: string } | { uri: string; mimeType: string; blob: string } }>;
  structuredContent: { uri: string; contentType: string; size?: number; embedded: boolean };
}

/** Reads at most `limit` bytes; a longer body is cancelled there, and `over` says how many bytes were seen. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array } | { over: number }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return { over: length };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks, length) };
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|[a-z.+-]*\+(json|xml))\b)/i;

/** The file's text when its type is textual and its bytes are UTF-8; else undefined (it goes as a blob). */
function textOf(contentType: string, bytes: Uint8Array): string | undefined {
  if (!TEXT_TYPES.test(contentType)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `wrike:` and the operation's path with its arguments filled in, e.g. wrike:/attachments/IEAB.../download. */
function uriOf(tool: ToolDefinition, args: Record<string, unknown>): string {
  return `wrike:${tool.method.http.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(args[name])))}`;
}

export async function downloadTool(tool: ToolDefinition, args: Record<string, unknown>, transport: WrikeTransport, maxBytes: number, signal?: AbortSignal): Promise<DownloadResult> {
  const file = await download(transport, tool.method as MethodDescriptor<Record<string, unknown>, unknown>, args, { signal });
  const uri = uriOf(tool, args);
  const { contentType } = file;
  const refuse = (size: number) => {
    const structuredContent = { uri, contentType, size, embedded: false };
    const text = `${uri} (${contentType}) is ${file.size === undefined ? "more than " : ""}${size} bytes, over this server's download cap of ${maxBytes} bytes, so its content is not included. Start the server with a larger --max-download-bytes to get it here.`;
    return { content: [{ type: "text" as const, text }], structuredContent };
  };
  if (file.size !== undefined && file.size > maxBytes) {
    await file.body.cancel();
    return refuse(file.size);
  }
  const read = await readUpTo(file.body, maxBytes);
  if ("over" in read) return refuse(read.over);
  const { bytes } = read;
  const text = textOf(contentType, bytes);
  const resource = text === undefined ? { uri, mimeType: contentType, blob: Buffer.from(bytes).toString("base64") } : { uri, mimeType: contentType, text };
  return {
    content: [
      { type: "text", text: `${uri}: ${bytes.byteLength} bytes of ${contentType}, embedded below${text === undefined ? " as base64" : " as text"}.` },
      { type: "resource", resource },
    ],
    structuredContent: { uri, contentType, size: bytes.byteLength, embedded: true },
  };
}

/** Thrown for a base64 argument that is not base64 text; names the argument. */
export class Base64ArgumentError extends TypeError {}

// Whole groups of four, padding only at the end. Not a regex of repeated groups: on a file of a few MiB
// that one overflows the stack.
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64_CHARACTERS.test(text);

/** The bytes of base64 text (line breaks and spaces between groups are allowed, as MIME writes them). */
export function decodeBase64Argument(name: string, value: unknown): Uint8Array {
  const text = typeof value === "string" ? value.replace(/[\r\n\t ]/g, "") : undefined;
  if (text === undefined || !isBase64(text))
    throw new Base64ArgumentError(`argument ${name} must be the file's bytes as base64 text (A-Z, a-z, 0-9, +, /, padded with = to a multiple of 4 characters); nothing was sent`);
  return new Uint8Array(Buffer.from(text, "base64"));
}
