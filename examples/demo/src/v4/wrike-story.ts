/**
 * The v4 story against real Wrike. Read-only by default: only GET requests, never a method override.
 * With --write it creates one scratch folder in the account's root, works only inside it (no spaces, no
 * custom fields: those live outside any folder) and deletes it at the end, even when a step fails.
 */
import { plural, type Counts } from "../counts.js";
import type { Story } from "../story.js";
import type { WrikeClient } from "@wrikekit/client";
import { DemoInterrupted, unlessInterrupted } from "../interrupt.js";
import { explainWrikeFailure, type WrikeTarget } from "./connect.js";
import { refusal } from "./refusal.js";
import { buildProject } from "./work.js";

const MAX_PAGED_TASKS = 2500;
const PAGE_SIZE = 500;

const scratchTitle = (startedAt: Date) => `wrikekit demo scratch ${startedAt.toISOString()}`;

export interface WrikeStoryOptions {
  write: boolean;
  env: Record<string, string | undefined>;
  startedAt: Date;
  /** Aborted on Ctrl-C: the story stops, and with --write deletes its scratch folder first. */
  signal?: AbortSignal;
}

export async function tellWrikeStory(target: WrikeTarget, story: Story, counts: Counts, options: WrikeStoryOptions): Promise<void> {
  try {
    const account = await unlessInterrupted(read(target, story, options), options.signal);
    if (options.write) await writeInScratchFolder(target, story, counts, options, account);
  } catch (error) {
    throw explainWrikeFailure(error);
  }
}

/** What the write part needs of the read part: who is signed in, and where the scratch folder goes. */
interface SignedIn {
  me: string;
  rootFolderId: string | undefined;
}

async function read({ wrike }: WrikeTarget, story: Story, { write, env, startedAt }: WrikeStoryOptions): Promise<SignedIn> {
  story.fact(
    write
      ? `--write: this run creates one folder, "${scratchTitle(startedAt)}", in the account's root, creates things only inside it, and deletes it at the end (Wrike keeps it in the Recycle Bin); nothing else is changed`
      : "read-only: this run sends GET requests only and changes nothing (pass --write to work inside a scratch folder it creates and deletes)",
  );
  const [me] = (await wrike.contacts.list({ me: true })).data;
  const [account] = (await wrike.account.get()).data;
  story.fact(`signed in as ${me!.firstName} ${me!.lastName} of "${account!.name}"`);

  story.step("What the account holds");
  const { data: spaces } = await wrike.spaces.list();
  const named = spaces.slice(0, 5).map((s) => `"${s.title}"`).join(", ") + (spaces.length > 5 ? ", ..." : "");
  story.fact(spaces.length === 0 ? "no spaces" : `${plural(spaces.length, "space")}: ${named}`);
  const { data: workflows } = await wrike.workflows.list();
  const { data: fields } = await wrike.customFields.list();
  story.fact(`${plural(workflows.length, "workflow")}, ${plural(fields.length, "custom field")}`);

  story.step(`Paging through up to ${MAX_PAGED_TASKS.toLocaleString("en-US")} tasks, ${PAGE_SIZE} a page`);
  const seen = new Set<string>();
  let progress: ((done: number) => void) | undefined;
  let total = 0;
  for await (const page of wrike.tasks.list({ pageSize: PAGE_SIZE }).pages()) {
    if (progress === undefined) {
      total = page.responseSize ?? page.data.length;
      progress = story.progress("tasks read", Math.min(total, MAX_PAGED_TASKS));
    }
    for (const task of page.data) seen.add(task.id);
    progress(Math.min(seen.size, MAX_PAGED_TASKS));
    if (seen.size >= MAX_PAGED_TASKS) break;
  }
  story.fact(`${plural(total, "task")} match${total === 1 ? "es" : ""}; read ${seen.size.toLocaleString("en-US")} distinct ${seen.size === 1 ? "one" : "ones"}`);

  const legacyTaskId = env.WRIKE_V2_TASK_ID;
  if (legacyTaskId !== undefined) {
    story.step("A v2 id, converted");
    const [pair] = (await wrike.ids.convert({ type: "ApiV2Task", ids: [legacyTaskId] })).data;
    story.fact(pair ? `v2 task ${legacyTaskId} is ${pair.id} in v4` : `Wrike knows no v2 task ${legacyTaskId}`);
  }

  story.step("Rules that say no");
  story.fact(`an unknown argument: ${await refusal(wrike.tasks.list({ colour: "red" } as never))}`);
  story.fact(`a page of 5,000: ${await refusal(wrike.tasks.list({ pageSize: 5000 }))}`);
  return { me: me!.id, rootFolderId: account!.rootFolderId };
}

async function writeInScratchFolder({ wrike, cleanup }: WrikeTarget, story: Story, counts: Counts, { signal, startedAt }: WrikeStoryOptions, { me, rootFolderId }: SignedIn): Promise<void> {
  story.step("A scratch folder");
  if (rootFolderId === undefined) throw new Error("GET /account named no rootFolderId, so there is nowhere to put the scratch folder; nothing was written");
  const title = scratchTitle(startedAt);
  // Not interruptible: an interruption while it is being made would leave a folder whose id we never learnt.
  const [scratch] = (await cleanup.folders.createInFolder({ folderId: rootFolderId, title })).data;
  // The cleanup deletes this id and all under it: it must name the folder just made, never one that was there before.
  if (scratch === undefined || scratch.title !== title || scratch.id === rootFolderId)
    throw new Error(`Wrike answered the scratch folder's creation with ${scratch ? `a folder titled ${JSON.stringify(scratch.title)} (${scratch.id})` : "no folder"}, not "${title}"; nothing more is written and nothing deleted: if "${title}" is in the account's root, delete it by hand`);
  counts.folders++;
  story.fact(`created "${scratch.title}" (${scratch.id}); everything below happens inside it`);
  let failure: unknown;
  try {
    // Interrupted, the work is dropped where it is (its calls end aborted) and the folder deleted at once.
    await unlessInterrupted(workInside(wrike, story, me, counts, scratch.id), signal);
  } catch (error) {
    failure = error;
  }
  story.step("Cleaning up");
  try {
    await cleanup.folders.delete({ folderId: scratch.id });
  } catch (error) {
    // Both are told: what stopped the work, and what the user must now do by hand.
    const before = failure === undefined ? "" : failure instanceof DemoInterrupted ? " (after the run was interrupted)" : ` (after the run had failed: ${(explainWrikeFailure(failure) as Error).message})`;
    throw new Error(`could not delete the scratch folder "${scratch.title}" (${scratch.id}): ${(error as Error).message}; delete it in Wrike by hand${before}`, { cause: error });
  }
  story.fact(`deleted the scratch folder and everything in it (to the Recycle Bin)`);
  if (failure !== undefined) throw failure;
}

async function workInside(wrike: WrikeClient, story: Story, me: string, counts: Counts, scratchId: string): Promise<void> {
  const work = await buildProject({ wrike, story, me, counts }, scratchId);
  story.step("A rule that says no, inside the scratch folder");
  story.fact(`a Milestone with a start date: ${await refusal(wrike.tasks.createInFolder({ folderId: work.buildFolderId, title: "no", dates: { type: "Milestone", start: "2026-12-01", due: "2026-12-03" } }))}`);
}
