/** Ctrl-C during a run: main.ts aborts a signal, and the story stops where it is, cleans up and says so. */

/** The run was interrupted; its cleanup has run by the time this reaches main.ts. */
export class DemoInterrupted extends Error {
  override readonly name = "DemoInterrupted";
  /** `why`: what stopped it, when main.ts aborted with a reason of its own ("its output was closed"). */
  constructor(why: unknown) {
    super(`${typeof why === "string" ? why : "interrupted (Ctrl-C)"}; what this run had made was cleaned up`);
  }
}

/** `work`, unless `signal` aborts first: then a DemoInterrupted (work may still be running; its outcome is dropped). */
export function unlessInterrupted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.reject(new DemoInterrupted(signal.reason));
  return Promise.race([
    work,
    new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new DemoInterrupted(signal.reason)), { once: true })),
  ]);
}
