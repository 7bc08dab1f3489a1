/**
 * Waiting for a v4 async job (POST /batch, copy_folder_async, blueprint launches): poll until its status
 * is final, backing off between polls, ending at once when the signal aborts.
 */
import { systemClock, type Clock } from "../resilience/clock.js";
import { describeValue, WrikeValidationError } from "../errors.js";
import { transportFailure } from "../transport/attempt.js";

export interface WaitForJobOptions<Job = unknown> {
  /**
   * Ends the wait when it aborts, during a poll or between polls (a WrikeTransportError, reason "aborted").
   * The wait has no bound of its own: `AbortSignal.timeout(ms)` bounds it.
   */
  signal?: AbortSignal;
  /** Told of every poll's answer, the final one included (to show progress). */
  onPoll?: (job: Job) => void;
  /** The first wait between polls; each next wait is 1.5 times longer, at most `maxIntervalMs`. Default 1000. */
  intervalMs?: number;
  /** The longest wait between polls, in milliseconds. Default 10 000. */
  maxIntervalMs?: number;
  /** Time source (tests pass a manual clock). */
  clock?: Clock;
}

export interface JobPolling<Job> {
  /** Reads the job once (undefined: the answer holds no job). */
  poll(signal: AbortSignal | undefined): Promise<Job | undefined>;
  /** The job's field that holds its status. */
  statusField: string;
  /** The statuses of a job still running; any other is final. */
  pending: readonly string[];
}

/** Polls until the job's status is not pending and returns that last answer, whatever its status: a failed job is returned, not thrown. */
export async function waitForJob<Job>(polling: JobPolling<Job>, options: WaitForJobOptions<Job> = {}): Promise<Job> {
  const { signal, onPoll, clock = systemClock, maxIntervalMs = 10_000 } = options;
  let waitMs = options.intervalMs ?? 1000;
  if (!(waitMs > 0)) throw new RangeError(`intervalMs must be a positive number of milliseconds, got ${waitMs}`);
  if (!(maxIntervalMs > 0)) throw new RangeError(`maxIntervalMs must be a positive number of milliseconds, got ${maxIntervalMs}`);
  // An abort between polls ends the wait as one during a poll does: a WrikeTransportError, reason "aborted".
  const aborted = (cause: unknown) => transportFailure("waitForJob", cause, signal);
  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    const job = await polling.poll(signal);
    if (job === undefined) throw new WrikeValidationError({ method: "waitForJob", direction: "response", issues: [{ path: "data[0]", expected: "the job (is the id right?)", received: "nothing" }] });
    onPoll?.(job);
    const status = (job as Record<string, unknown>)[polling.statusField];
    // A job without a status can be neither waited for nor taken as finished.
    if (typeof status !== "string") throw new WrikeValidationError({ method: "waitForJob", direction: "response", issues: [{ path: `data[0].${polling.statusField}`, expected: "the job's status", received: describeValue(status) }] });
    if (!polling.pending.includes(status)) return job;
    await clock.sleep(waitMs, signal).catch((cause: unknown) => {
      throw aborted(cause);
    });
    waitMs = Math.min(maxIntervalMs, waitMs * 1.5);
  }
}
