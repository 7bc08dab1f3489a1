/**
 * Calls whose id list is longer than the API takes in one request (v4: 100 ids in a path): split into
 * several calls, answers merged in the order of the ids. Reads run side by side (the client's limiter
 * spaces them); writes run one after another, so a failure leaves the later chunks unsent and the error
 * says how many ids were applied.
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

export async function callSplit<A extends object, R>(transport: WrikeTransport, method: MethodDescriptor<A, R>, split: SplitList, args: A, options?: CallOptions): Promise<R> {
  const list = (args as Record<string, unknown>)[split.arg];
  if (!Array.isArray(list) || list.length <= split.maxItems) return transport.call(method, args, options);
  const chunks: unknown[][] = [];
  for (let i = 0; i < list.length; i += split.maxItems) chunks.push(list.slice(i, i + split.maxItems));
  const callChunk = (chunk: unknown[]) => transport.call(method, { ...args, [split.arg]: chunk }, options);
  let answers: R[];
  if (method.kind === "read") answers = await Promise.all(chunks.map(callChunk));
  else {
    answers = [];
    for (const chunk of chunks)
      try {
        answers.push(await callChunk(chunk));
      } catch (error) {
        if (error instanceof Error && answers.length > 0)
          error.message += ` (split call: the first ${answers.length * split.maxItems} of ${list.length} ${split.arg} were applied; the rest were not sent)`;
        throw error;
      }
  }
  const merged = answers.flatMap((answer) => (answer as Record<string, unknown[]>)[split.itemsField] ?? []);
  return { ...answers[0]!, [split.itemsField]: merged } as R;
}
