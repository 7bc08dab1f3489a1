/**
 * Calls whose id list is longer than the API takes in one request (v4: 100 ids in a path): split into
 * several calls, answers merged in the order of the ids. Reads run side by side, a few at a time (the
 * client's limiter spaces their starts: `callSplit`), and one that fails fails the call: the others in
 * flight are cancelled and the rest not sent, so no partial answer is ever returned. Writes run one after
 * another (`callSplitInOrder`), so a failure leaves the later chunks unsent and the error says how many
 * ids were applied. The generator picks one by the method's kind, so a bundle carries only the one its
 * methods use.
 */
import type { MethodDescriptor } from "../descriptors.js";
import type { CallOptions, WrikeTransport } from "../transport/options.js";

export interface SplitList {
  /** The list argument, and how many of its items one request may carry. */
  arg: string;
  maxItems: number;
  /** The answer's list field the chunks' items are merged into (the envelope's data). */
  itemsField: string;
}

/** Calls one chunk, with `signal` in place of the caller's when given (sideBySide's, which also ends with the caller's). */
type ChunkCall<R> = (chunk: unknown[], signal?: AbortSignal) => Promise<R>;
type Chunks<R> = (chunks: unknown[][], callChunk: ChunkCall<R>, list: unknown[]) => Promise<R[]>;

/**
 * How many chunks of a read are in flight at once: enough to overlap their latency, few enough that a
 * long list (10,000 ids: 100 requests) is no burst, even through a bare transport without a limiter.
 */
const CHUNKS_IN_FLIGHT = 4;

/**
 * Runs the chunks at most CHUNKS_IN_FLIGHT at a time. The first failure (the caller's abort among them) is
 * the call's: the chunks in flight are aborted and waited for, the rest never sent, so nothing is left
 * running once the call has failed.
 */
function sideBySide<R>(callerSignal: AbortSignal | undefined): Chunks<R> {
  return async (chunks, callChunk) => {
    const stop = new AbortController();
    const forward = () => stop.abort(callerSignal!.reason);
    if (callerSignal?.aborted) forward();
    else callerSignal?.addEventListener("abort", forward, { once: true });
    const answers: R[] = [];
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      while (next < chunks.length && !failure) {
        const i = next++;
        try {
          answers[i] = await callChunk(chunks[i]!, stop.signal);
        } catch (error) {
          failure ??= { error };
          stop.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHUNKS_IN_FLIGHT, chunks.length) }, worker));
    callerSignal?.removeEventListener("abort", forward);
    if (failure) throw failure.error;
    return answers;
  };
}

/**
 * A read: cuts the list argument into chunks of at most `maxItems`, calls them side by side (or through
 * `run`: callSplitInOrder's), and merges the answers' items in order.
 */
export async function callSplit<A extends object, R>(transport: WrikeTransport, method: MethodDescriptor<A, R>, split: SplitList, args: A, options?: CallOptions, run: Chunks<R> = sideBySide(options?.signal)): Promise<R> {
  // Optional chaining: missing or null arguments reach the transport, whose validation names them.
  const list = (args as Record<string, unknown> | null | undefined)?.[split.arg];
  if (!Array.isArray(list) || list.length <= split.maxItems) return transport.call(method, args, options);
  const chunks: unknown[][] = [];
  for (let i = 0; i < list.length; i += split.maxItems) chunks.push(list.slice(i, i + split.maxItems));
  const answers = await run(chunks, (chunk, signal) => transport.call(method, { ...args, [split.arg]: chunk }, signal ? { ...options, signal } : options), list);
  return { ...answers[0]!, [split.itemsField]: answers.flatMap((answer) => (answer as Record<string, unknown[]>)[split.itemsField] ?? []) } as R;
}

/** A write: the chunks are called one after another; a failure leaves the rest unsent and says how many ids were applied. */
export function callSplitInOrder<A extends object, R>(transport: WrikeTransport, method: MethodDescriptor<A, R>, split: SplitList, args: A, options?: CallOptions): Promise<R> {
  return callSplit(transport, method, split, args, options, async (chunks, callChunk, list) => {
    const answers: R[] = [];
    for (const chunk of chunks)
      try {
        answers.push(await callChunk(chunk));
      } catch (error) {
        if (error instanceof Error && answers.length > 0)
          error.message += ` (split call: the first ${answers.length * split.maxItems} of ${list.length} ${split.arg} were applied; the rest were not sent)`;
        throw error;
      }
    return answers;
  });
}
