/**
 * The main job: folders, tasks with each kind of schedule, comments, time logs and an attachment, then
 * filters, pages and updates since a marker, and the rules that say no. Everything goes through the
 * typed client; the account it prints is what happened.
 */
import { TaskImportance, TaskStatus, WrikeApiError, type Task } from "@wrikekit/client/v2";
import { createMemoryCursorStore } from "@wrikekit/core";
import { connect, type Connection } from "./connect.js";
import { doneLine, noCounts, plural, type Counts } from "../counts.js";
import type { Story } from "../story.js";

const describeTask = (t: Task) => `#${t.id} "${t.title}" (status ${t.status ?? "?"}, due ${t.dueDate || "none"})`;

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "unexpectedly allowed";
  } catch (e) {
    if (e instanceof WrikeApiError) return `${e.code} ${e.errorName}: ${e.serverMessage}`;
    throw e;
  }
}

export async function runV2Demo(story: Story, env: Record<string, string | undefined>): Promise<Counts> {
  const connection = await connect({ env, story });
  try {
    return await walk(connection, story);
  } catch (error) {
    // A real server's refusal of the credentials, said in terms of the environment (never their values).
    if (!connection.emulator && error instanceof WrikeApiError && error.code === 402)
      throw new Error(`Wrike refused the OAuth 1.0a credentials in WRIKE_CONSUMER_KEY, WRIKE_CONSUMER_SECRET, WRIKE_TOKEN and WRIKE_TOKEN_SECRET (${error.code} ${error.errorName}: ${error.serverMessage}); check that all four belong together`);
    throw error;
  } finally {
    await connection.close();
  }
}

async function walk(connection: Connection, story: Story): Promise<Counts> {
  const { client, emulator, viewer } = connection;
  const counts = noCounts();
  if (!emulator) story.fact("read-only: the v2 story against a real server only reads (it writes only to the embedded emulator)");
  const profile = await client.profile.get();
  story.fact(`signed in as ${profile.firstName} ${profile.lastName} <${profile.primaryEmail}>, licence ${profile.license}`);
  const { list: contacts } = await client.contacts.list();
  story.fact(`${contacts.length} contacts: ${contacts.slice(0, 5).map((c) => `${c.firstName} ${c.lastName}`).join(", ")}${contacts.length > 5 ? ", ..." : ""}`);
  if (!emulator) return readOnly(connection, story, counts);
  const colleague = contacts.find((c) => c.uid !== profile.uid);

  story.step("Folders");
  const launch = await client.folder.add({ title: `Launch ${new Date().toISOString().slice(0, 10)}`, sharedUsers: colleague ? [colleague.uid] : undefined });
  const design = await client.folder.add({ title: "Design", parents: [launch.id], asyncKey: "demo-design" });
  counts.folders += 2;
  story.fact(`added "${launch.title}" (#${launch.id}) shared with ${launch.sharedUsers?.length ?? 0} users`);
  story.fact(`added "${design.title}" (#${design.id}) inside it; it inherits the sharing: ${design.sharedUsers?.join(", ")} (asyncKey echoed: ${design.asyncKey})`);

  story.step("Tasks, one of each schedule kind");
  const today = new Date();
  const inDays = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n, 9));
  const backlog = await client.task.add({ title: "Collect feedback", parents: [design.id], duration: "480" });
  const milestone = await client.task.add({ title: "Design sign-off", parents: [design.id], dueDate: inDays(7), importance: TaskImportance.high });
  const planned = await client.task.add({
    title: "Draw the mock-ups",
    parents: [design.id],
    startDate: inDays(-3),
    dueDate: inDays(-1),
    duration: "960",
    responsibleUsers: [profile.uid],
  });
  counts.tasks += 3;
  for (const [kind, t] of [["backlog", backlog], ["milestone", milestone], ["planned", planned]] as const) story.fact(`${kind.padEnd(9)} ${describeTask(t)}`);

  story.step("Comments, time and a file");
  await client.comment.add({ taskId: planned.id, text: "First sketches are in the shared drive." });
  const second = await client.comment.add({ taskId: planned.id, text: "Mobile layout next." });
  await client.comment.update({ id: second.id, text: "Mobile and tablet layouts next." });
  counts.comments += 2;
  const { list: comments } = await client.comment.list({ taskId: planned.id });
  story.fact(`${comments.length} comments on #${planned.id}; the latest reads "${comments.find((c) => c.id === second.id)?.text}"`);
  await client.timelog.add({ taskId: planned.id, date: inDays(-2), hours: 2.5 });
  await client.timelog.add({ taskId: planned.id, date: inDays(-1), hours: 4 });
  counts.timelogs += 2;
  const { list: timelogs } = await client.timelog.list({ taskId: planned.id });
  story.fact(`${timelogs.reduce((sum, t) => sum + (t.hours ?? 0), 0)} hours logged in ${timelogs.length} entries`);
  if (emulator) {
    // v2 has no upload method; the emulator takes files through its control API.
    const bytes = new TextEncoder().encode("wireframe v1\n".repeat(512));
    emulator.emulator.addAttachment({ taskId: planned.id, fileName: "wireframes.txt", contentType: "text/plain", bytes });
    emulator.emulator.addAttachment({ taskId: planned.id, fileName: "wireframes.txt", contentType: "text/plain", bytes: new TextEncoder().encode("wireframe v2\n".repeat(600)) });
    counts.attachments += 1;
    const { list: groups } = await client.attachment.list({ taskIds: [planned.id] });
    const latest = groups[0]!.list.at(-1)!;
    const history = await client.attachment.history({ id: latest.id });
    const download = await client.attachment.download({ id: latest.id });
    let received = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
    story.fact(`"${latest.fileName}" has ${history.list.length} versions; downloaded version ${latest.version} as a stream: ${received} bytes of ${download.contentType}`);
  }

  story.step("Finding work");
  const { tLast } = (await client.task.filter({ parents: [design.id], count: true })) as { tLast: number; count: number };
  const overdue = await client.task.filter({ template: "overdue", parents: [design.id] });
  if ("list" in overdue) story.fact(`overdue: ${overdue.list.map(describeTask).join("; ") || "nothing"}`);
  let pages = 0;
  let seen = 0;
  for await (const page of client.task.filterPages({ parents: [design.id] }, { pageSize: 2 }).pages()) {
    pages++;
    seen += page.length;
  }
  story.fact(`paged through ${seen} tasks in ${pages} pages of 2, in id order`);

  story.step("What changed since then");
  await new Promise((r) => setTimeout(r, 5));
  await client.task.update({ id: planned.id, title: planned.title!, status: TaskStatus.completed });
  const extra = await client.task.add({ title: "Write the release notes", parents: [design.id] });
  counts.tasks += 1;
  await client.comment.add({ taskId: extra.id, text: "Draft by Friday." });
  counts.comments += 1;
  const cursor = createMemoryCursorStore();
  await client.task.updatesSync({
    store: cursor,
    start: tLast,
    handle: (batch) => {
      story.fact(`tasks: ${batch.newTasks.length} new (${batch.newTasks.map((t) => t.title).join(", ")}), ${batch.updatedTasks.length} updated (${batch.updatedTasks.map((t) => `${t.title} → status ${t.status}`).join(", ")})`);
    },
  });
  const commentChanges = await client.comment.updates({ tLast });
  story.fact(`comments: ${commentChanges.newComments.length} new, ${commentChanges.updatedComments.length} updated since the marker; next marker saved: ${(await cursor.load()) !== undefined}`);

  story.step("Rules that say no");
  story.fact(`fetching the root folder: ${await refusal(client.folder.get({ id: 0 }))}`);
  if (viewer) story.fact(`a Viewer adding a task: ${await refusal(viewer.task.add({ title: "not allowed" }))}`);

  story.step("Cleaning up");
  const removed = await client.folder.delete({ ids: [launch.id] });
  story.fact(`deleted "${launch.title}" and everything only it held: ${removed.list[0]?.deletedElements?.length ?? 0} elements`);
  const tree = await client.folder.tree();
  story.fact(`${tree.folders.length} folders remain in the tree`);

  story.step(doneLine(counts));
  return counts;
}

/** Against a real server: what the account holds, a filtered walk through its tasks, and a rule that says no. */
async function readOnly({ client }: Connection, story: Story, counts: Counts): Promise<Counts> {
  story.step("What the account holds");
  const tree = await client.folder.tree();
  story.fact(`${plural(tree.folders.length, "folder")} in the tree`);
  let pages = 0;
  let seen = 0;
  for await (const page of client.task.filterPages({}, { pageSize: 100 }).pages()) {
    pages++;
    seen += page.length;
    if (pages === 10) break;
  }
  story.fact(`paged through ${plural(seen, "task")} in ${plural(pages, "page")} of up to 100${pages === 10 ? " (stopped after 10 pages)" : ""}`);

  story.step("Rules that say no");
  story.fact(`fetching the root folder: ${await refusal(client.folder.get({ id: 0 }))}`);
  story.step(doneLine(counts));
  return counts;
}
