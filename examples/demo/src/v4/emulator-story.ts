/**
 * The v4 story against the emulator: a space of its own with custom fields, the project steps, webhooks to a
 * local receiver, 2,500 tasks paged through while the data changes, a v2 id converted, the rules that say no,
 * and the space deleted.
 */
import type { Task } from "@wrikekit/client";
import type { Counts } from "../counts.js";
import type { Story } from "../story.js";
import type { EmulatorTarget } from "./connect.js";
import { refusal } from "./refusal.js";
import { showWebhooks } from "./webhooks.js";
import { buildProject, type Work, type WorkOptions } from "./work.js";

const PAGED_TASKS = 2500;
const PAGE_SIZE = 500;
/** Tasks added and deleted while the walk is under way, to show that a page token neither skips nor repeats. */
const CHURN = 5;

export async function tellEmulatorStory(target: EmulatorTarget, story: Story, counts: Counts): Promise<void> {
  const { wrike } = target;
  const [me] = (await wrike.contacts.list({ me: true })).data;
  const [account] = (await wrike.account.get()).data;
  story.fact(`signed in as ${me!.firstName} ${me!.lastName} (${me!.profiles?.[0]?.role}${me!.profiles?.[0]?.admin ? ", admin" : ""}) of "${account!.name}"`);

  story.step("A space and custom fields");
  const [space] = (await wrike.spaces.create({ title: `Launch ${new Date().toISOString().slice(0, 10)}`, accessType: "Public", description: "Made by pnpm demo" })).data;
  story.fact(`space "${space!.title}" (${space!.accessType}), id ${space!.id}: ids are opaque strings, compared only for equality`);
  const [points] = (await wrike.customFields.create({ title: "Story points", type: "Numeric", spaceId: space!.id })).data;
  const [team] = (await wrike.customFields.create({ title: "Team", type: "DropDown", spaceId: space!.id, settings: { values: ["Web", "Mobile"] } })).data;
  story.fact(`custom fields "${points!.title}" (${points!.type}) and "${team!.title}" (${team!.type}: ${team!.settings?.values?.join(", ")})`);

  const options: WorkOptions = { wrike, story, me: me!.id, counts, customFields: { points: points!, team: team! }, jobPollMs: 1 };
  const work = await buildProject(options, space!.id);
  await showWebhooks(target, story, counts, work.projectId);
  await pageThroughTasks(target, options, work);
  await convertV2Id(target, story);
  await rulesThatSayNo(target, story, work, space!.id);

  story.step("Cleaning up");
  await wrike.spaces.delete({ spaceId: space!.id });
  story.fact(`deleted the space with the project, its folders and tasks; asking for it again: ${await refusal(wrike.spaces.get({ spaceId: space!.id }))}`);
  story.fact("the two custom fields stay: v4 has no operation that deletes a custom field");
}

async function pageThroughTasks({ server }: EmulatorTarget, options: WorkOptions, work: Work): Promise<void> {
  const { wrike, story } = options;
  story.step(`Paging through ${PAGED_TASKS.toLocaleString("en-US")} tasks`);
  // The batch made 100; the rest are seeded straight into the emulator, with every rule of a create but no request.
  const missing = PAGED_TASKS - 100;
  for (let i = 0; i < missing; i++) server.emulator.addV4Task({ folderId: work.buildFolderId, title: `seeded ${i + 1}` });
  options.counts.tasks += missing;
  story.fact(`seeded ${missing.toLocaleString("en-US")} more tasks into "Build" through the emulator's control API (emulator.addV4Task), beside the 100 from the batch`);

  const seen = new Map<string, number>();
  const added: Task[] = [];
  let pages = 0;
  let total = 0;
  const walked = story.progress(`tasks walked, ${PAGE_SIZE} a page`, PAGED_TASKS + CHURN);
  for await (const page of wrike.tasks.listInFolder({ folderId: work.buildFolderId, pageSize: PAGE_SIZE }).pages()) {
    if (pages++ === 0) total = page.responseSize ?? 0;
    for (const task of page.data) seen.set(task.id, (seen.get(task.id) ?? 0) + 1);
    if (pages === 2) {
      // Change the data under the walk: delete tasks already handed out, add new ones (which sort after them).
      for (const task of page.data.slice(0, CHURN)) await wrike.tasks.delete({ taskId: task.id });
      for (let i = 0; i < CHURN; i++) added.push((await wrike.tasks.createInFolder({ folderId: work.buildFolderId, title: `added while paging ${i + 1}` })).data[0]!);
      options.counts.tasks += CHURN;
    }
    walked(seen.size);
  }
  const repeats = [...seen.values()].filter((n) => n > 1).length;
  const newlySeen = added.filter((t) => seen.has(t.id)).length;
  story.fact(`the first page said ${total.toLocaleString("en-US")} tasks match; the walk took ${pages} pages and saw ${seen.size.toLocaleString("en-US")} distinct tasks, ${repeats} twice`);
  // Said from the counts: every task there at the start seen once, and the new ones after them.
  const missed = total + newlySeen - seen.size;
  const outcome = repeats === 0 && missed === 0 ? "so nothing shifted" : `yet ${repeats} came twice and ${missed} were missed`;
  story.fact(`after page 2 we deleted ${CHURN} tasks already seen and added ${CHURN}: the page token names the last task handed out, not an offset, ${outcome}, and ${newlySeen} of the ${CHURN} new ones came on later pages`);
}

async function convertV2Id({ wrike, server }: EmulatorTarget, story: Story): Promise<void> {
  story.step("A v2 id, converted");
  // The emulator's v2 world holds the seeded tasks under their legacy numeric ids.
  const [legacy] = [...server.emulator.state.tasks.values()];
  const [pair] = (await wrike.ids.convert({ type: "ApiV2Task", ids: [String(legacy!.id)] })).data;
  const [task] = (await wrike.tasks.get({ taskIds: [pair!.id] })).data;
  story.fact(`v2 task ${pair!.apiV2Id} ("${legacy!.title}") is ${pair!.id} in v4, titled "${task!.title}"`);
}

async function rulesThatSayNo(target: EmulatorTarget, story: Story, work: Work, spaceId: string): Promise<void> {
  const { wrike, server } = target;
  story.step("Rules that say no");
  story.fact(`hours given as text: ${await refusal(wrike.timelogs.createInTask({ taskId: work.planned.id, hours: "2.5" as unknown as number, comment: "c", trackedDate: new Date() }))}`);
  story.fact(`a Milestone with a start date: ${await refusal(wrike.tasks.createInFolder({ folderId: spaceId, title: "no", dates: { type: "Milestone", start: "2026-12-01", due: "2026-12-03" } }))}`);
  story.fact(`a task as its own super task: ${await refusal(wrike.tasks.update({ taskId: work.planned.id, addSuperTasks: [work.planned.id] }))}`);
  story.fact(`a page of 5,000: ${await refusal(wrike.tasks.list({ pageSize: 5000 }))}`);
  const tokens = server.credentials.permanentTokens;
  const readOnly = tokens.find((t) => t.scopes?.length === 1 && t.scopes[0] === "wsReadOnly");
  if (readOnly) story.fact(`a wsReadOnly token creating a task: ${await refusal(target.withToken(readOnly.token).tasks.createInFolder({ folderId: spaceId, title: "no" }))}`);
  const collaborator = tokens.find((t) => t.uid === server.credentials.viewer.uid);
  if (collaborator) story.fact(`a Collaborator renaming a task not assigned to her: ${await refusal(target.withToken(collaborator.token).tasks.update({ taskId: work.planned.id, title: "renamed" }))}`);
}
