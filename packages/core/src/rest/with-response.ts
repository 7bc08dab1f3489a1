/** The answer's status and headers beside the decoded result, for callers that need them (rate-limit headers, request ids). */
import type { CallOptions } from "../transport/options.js";

export interface WithResponse<T> {
  /** What the call itself returns; for a token-paged method, its first page. */
  data: T;
  /**
   * The status and headers of the answer the data came from (its body already read): of the attempt that
   * succeeded, and for a split call (more than 100 ids) of the last of its requests to be answered.
   */
  response: { status: number; headers: Headers };
}

/** Runs `call` with options that capture the answer of the attempt that succeeded. */
export async function withResponse<T>(call: (options: CallOptions) => PromiseLike<T>, options?: CallOptions): Promise<WithResponse<T>> {
  let response: Response | undefined;
  const data = await call({ ...options, onResponse: (r) => ((response = r), options?.onResponse?.(r)) });
  return { data, response: { status: response!.status, headers: response!.headers } };
}
