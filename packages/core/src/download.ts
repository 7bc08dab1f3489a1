/** Downloads: the answer's bytes as a web ReadableStream, read as they arrive, never buffered whole. */
import type { MethodDescriptor } from "./descriptors.js";
import { WrikeDecodeError } from "./errors.js";
import type { CallOptions, WrikeTransport } from "./transport/options.js";

export interface Download {
  contentType: string;
  /** From Content-Length, when the server sent one. */
  size: number | undefined;
  body: ReadableStream<Uint8Array>;
}

export async function download<A>(transport: WrikeTransport, method: MethodDescriptor<A, unknown>, args: A, options?: CallOptions): Promise<Download> {
  const response = await transport.open(method, args, options);
  if (response.body === null) throw new WrikeDecodeError({ message: `${method.id}: the response has no body`, method: method.id, format: transport.format });
  const length = response.headers.get("content-length");
  return { contentType: response.headers.get("content-type") ?? "application/octet-stream", size: length === null ? undefined : Number(length), body: response.body };
}
