/**
 * Async jobs (POST /batch, POST /copy_folder_async): the job is queued with one step per item and runs
 * a few steps each time it is polled with GET /async_job/{id}, so a client sees InProgress, then
 * Completed with the results (or Failed with the first error's message, the steps before it kept).
 */
import { callerId, type V4Call } from "./call.js";
import { notFound, V4Error } from "./errors.js";
import { newId, type AsyncJobRecord } from "./state.js";

/** Steps a poll runs: a 100-item batch completes in a handful of polls. */
const STEPS_PER_POLL = 25;

export function startJob(call: V4Call, type: string, steps: Array<() => unknown>): AsyncJobRecord {
  const job: AsyncJobRecord = {
    id: newId(call.state, "asyncJob"),
    type,
    status: steps.length === 0 ? "Completed" : "InProgress",
    totalCount: steps.length,
    processedCount: 0,
    pending: steps,
    results: [],
    errorMessage: undefined,
    ownerId: callerId(call),
  };
  call.state.asyncJobs.set(job.id, job);
  return job;
}

/** Runs up to `steps` of the job's remaining items; Failed at the first error (the items before it stay done). */
export function advanceJob(job: AsyncJobRecord, steps: number): void {
  for (let i = 0; i < steps && job.status === "InProgress"; i++) {
    const step = job.pending.shift();
    if (step === undefined) break;
    try {
      job.results.push(step());
      job.processedCount++;
    } catch (error) {
      job.status = "Failed";
      job.errorMessage = error instanceof V4Error ? `${error.error}: ${error.message}` : String(error);
      job.pending = [];
    }
  }
  if (job.status === "InProgress" && job.pending.length === 0) job.status = "Completed";
}

export function pollJob(call: V4Call, id: string): AsyncJobRecord {
  const job = call.state.asyncJobs.get(id);
  if (job === undefined || job.ownerId !== callerId(call)) throw notFound("Async job", id);
  advanceJob(job, STEPS_PER_POLL);
  return job;
}
