/**
 * De-duplication of at-least-once deliveries. The receiver claims an event's key before running the handler,
 * completes the claim when the handler resolves and releases it when the handler fails, so:
 *   - a replay of a handled event finds the key `done` and is acknowledged without running the handler again;
 *   - a redelivery of a failed event finds no key and runs;
 *   - two deliveries of one event at the same time: only one claim succeeds; the other finds it `in-flight`.
 */
export type ClaimResult = "claimed" | "in-flight" | "done";

export interface DedupeStore {
  /**
   * Atomically: when `key` is absent (or its entry expired) record it as in flight for `leaseMs` and answer
   * `claimed`; otherwise answer its state. A database implements it as one conditional write (INSERT ... ON
   * CONFLICT DO NOTHING, SET NX PX, a conditional put), never as a read followed by a write.
   * The lease bounds how long a crashed process's claim blocks redeliveries.
   */
  claim(key: string, leaseMs: number): ClaimResult | Promise<ClaimResult>;
  /** The handler resolved: keep `key` as done for `windowMs` (replays within it are skipped). */
  complete(key: string, windowMs: number): void | Promise<void>;
  /** The handler failed: forget the claim so that the redelivery runs. */
  release(key: string): void | Promise<void>;
}

export interface MemoryDedupeStoreOptions {
  /** Bound on the number of keys kept; past it expired keys go first, then the oldest. Default 100 000. */
  maxKeys?: number;
  /** Clock in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  state: "in-flight" | "done";
  expiresAt: number;
}

/**
 * The in-memory default: right for one process. Several instances behind a load balancer need a shared store
 * (a database or Redis) implementing `DedupeStore`, or replays reaching another instance run again.
 */
export class MemoryDedupeStore implements DedupeStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxKeys: number;
  readonly #now: () => number;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    const maxKeys = options.maxKeys ?? 100_000;
    if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new RangeError(`MemoryDedupeStore: maxKeys must be a positive integer (got ${String(options.maxKeys)})`);
    this.#maxKeys = maxKeys;
    this.#now = options.now ?? Date.now;
  }

  /** Keys currently kept (in flight or done, not yet swept). */
  get size(): number {
    return this.#entries.size;
  }

  claim(key: string, leaseMs: number): ClaimResult {
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now) return entry.state;
    this.#write(key, { state: "in-flight", expiresAt: now + leaseMs }, now);
    return "claimed";
  }

  complete(key: string, windowMs: number): void {
    const now = this.#now();
    this.#write(key, { state: "done", expiresAt: now + windowMs }, now);
  }

  release(key: string): void {
    this.#entries.delete(key);
  }

  // Re-inserting keeps the Map in last-write order, so "the oldest" is its first key.
  #write(key: string, entry: Entry, now: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxKeys) this.#evict(now);
    this.#entries.set(key, entry);
  }

  // A full sweep for expired keys at most once a second (it is O(keys)); between sweeps the oldest key goes.
  #evict(now: number): void {
    if (now - this.#lastSweep >= 1000) {
      this.#lastSweep = now;
      for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#maxKeys) break;
      this.#entries.delete(key);
    }
  }
}
