/** Somewhere a value lives between runs (OAuth 2.0 tokens, a sync marker). `save` must be durable before it resolves. */
export interface Store<T> {
  load(): Promise<T | undefined>;
  save(value: T): Promise<void>;
}

/** A store in memory: enough for one process; implement Store over a file or a database to survive restarts. */
export function createMemoryStore<T>(initial?: T): Store<T> {
  let value = initial;
  return {
    load: async () => value,
    save: async (next) => {
      value = next;
    },
  };
}
