/**
 * Calls whose id list is longer than the API takes in one request (v4: 100 ids in a path): split into
 * several calls, answers merged in the order of the ids. Reads run side by side (the client's limiter
 * spaces them: `callSplit`); writes run one after another (`callSplitInOrder`), so a failure leaves the
 * later chunks unsent and the error says how many ids were applied. The generator picks one by the
 * method's kind, so a bundle carries only the one its methods use.
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

type Chunks<R> = (chunks: unknown[][], callChunk: (chunk: unknown[]) => Promise<R>, list: unknown[]) => Promise<R[]>;

/**
 * A read: cuts the list argument into chunks of at most `maxItems`, calls them side by side (or through
 * `run`: callSplitInOrder's), and merges the answers' items in order.
 */
export async function callSplit<A extends object, R>(transport: WrikeTransport, method: MethodDescriptor<A, R>, split: SplitList, args: A, options?: CallOptions, run: Chunks<R> = (chunks, callChunk) => Promise.all(chunks.map(callChunk))): Promise<R> {
  // Optional chaining: missing or null arguments reach the transport, whose validation names them.
  const list = (args as Record<string, unknown> | null | undefined)?.[split.arg];
  if (!Array.isArray(list) || list.length <= split.maxItems) return transport.call(method, args, options);
  const chunks: unknown[][] = [];
  for (let i = 0; i < list.length; i += split.maxItems) chunks.push(list.slice(i, i + split.maxItems));
  const answers = await run(chunks, (chunk) => transport.call(method, { ...args, [split.arg]: chunk }, options), list);
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
