/**
 * Incremental sync over an "updates since a marker" method (wrike.task.updates, wrike.comment.updates):
 * each batch is handed to the caller first, and only when the handler has finished is the new marker
 * saved. A crash between fetching and saving replays the batch next time instead of losing it, so
 * handlers should be idempotent (upsert by id).
 */
import type { CallOptions, WrikeTransport } from "./transport/options.js";
import type { MethodDescriptor } from "./descriptors.js";
import { createMemoryStore, type Store } from "./store.js";

/** Where the marker lives between runs. */
export type CursorStore = Store<number>;

export const createMemoryCursorStore: (initial?: number) => CursorStore = createMemoryStore;

export interface Incremental {
  sinceArg: string;
  markerField: string;
}

export interface SyncOptions<R> extends CallOptions {
  store: CursorStore;
  /** Receives each batch; the marker is saved only after it resolves. */
  handle(batch: R): Promise<void> | void;
  /** The marker to start from when the store has none (e.g. the tLast of a wrike.task.filter call). */
  start: number;
  /** Extra arguments for every call (fields, ...). */
  args?: Record<string, unknown>;
}

/** Fetches one batch since the stored marker, hands it over, then saves the new marker. Returns the batch. */
export async function syncOnce<A, R>(transport: WrikeTransport, method: MethodDescriptor<A, R>, incremental: Incremental, options: SyncOptions<R>): Promise<R> {
  const since = (await options.store.load()) ?? options.start;
  const batch = await transport.call(method, { ...options.args, [incremental.sinceArg]: since } as A, options);
  await options.handle(batch);
  const marker = (batch as Record<string, unknown>)[incremental.markerField];
  if (typeof marker === "number") await options.store.save(marker);
  return batch;
}
