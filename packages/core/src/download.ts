/** Downloads: the answer's bytes as a web ReadableStream, read as they arrive, never buffered whole. */
import type { MethodDescriptor } from "./descriptors.js";
import { WrikeDecodeError } from "./errors.js";
import { transportFailure } from "./transport/attempt.js";
import { timeoutOf } from "./transport/transport.js";
import type { CallOptions, WrikeTransport } from "./transport/options.js";

export interface Download {
  contentType: string;
  /**
   * The body's size in bytes, from Content-Length; undefined when the server sent none, one that is not a
   * number of bytes, or a compressed body (fetch decodes it, and Content-Length counts the compressed bytes).
   */
  size: number | undefined;
  /**
   * Fails with a WrikeTransportError when the connection breaks (network), the call is aborted (aborted) or
   * no bytes come for the call's timeoutMs while it is read (timeout: a stalled download does not hang).
   */
  body: ReadableStream<Uint8Array>;
}

export async function download<A>(transport: WrikeTransport, method: MethodDescriptor<A, unknown>, args: A, options?: CallOptions): Promise<Download> {
  const response = await transport.open(method, args, options);
  if (response.body === null) throw new WrikeDecodeError({ message: `${method.id}: the response has no body`, method: method.id, format: transport.format });
  // The call's timeout, read as the transport reads it, else the transport's.
  const idleMs = options?.timeoutMs === undefined ? (transport.timeoutMs ?? 0) : timeoutOf(options.timeoutMs);
  return { contentType: response.headers.get("content-type") ?? "application/octet-stream", size: sizeOf(response.headers), body: typedFailures(response, method.id, options?.signal, idleMs) };
}

function sizeOf(headers: Headers): number | undefined {
  const length = headers.get("content-length") ?? "";
  const encoding = headers.get("content-encoding") ?? "identity";
  return /^\d{1,15}$/.test(length) && encoding.toLowerCase() === "identity" ? Number(length) : undefined;
}

/**
 * The body, read chunk by chunk as the caller pulls: a failure while it is read (the connection broke, the
 * caller aborted, no chunk within idleMs) comes out as the transport's typed error, naming the URL without
 * its query, not as the platform's bare TypeError or DOMException. Only the wait for the server counts: a
 * caller that pulls slowly is never timed out.
 */
function typedFailures(response: Response, methodId: string, signal: AbortSignal | undefined, idleMs: number): ReadableStream<Uint8Array> {
  const reader = response.body!.getReader();
  const where = response.url.split("?")[0] || "reading the body";
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const stalled = new Promise<never>((_, reject) => {
          if (idleMs > 0) timer = setTimeout(() => reject(new DOMException(`no data within ${idleMs} ms`, "TimeoutError")), idleMs);
        });
        try {
          const { done, value } = await Promise.race([reader.read(), stalled]);
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (cause) {
          // A stalled connection is let go, not left open behind the error.
          reader.cancel().catch(() => {});
          controller.error(transportFailure(methodId, cause, signal, where));
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
