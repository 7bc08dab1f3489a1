/**
 * The v4 steps that stay inside one folder: a project with folders, tasks with each kind of dates,
 * subtasks, comments, a file, time, and 100 tasks in one batch. The emulator story runs them in a new
 * space; against real Wrike with --write they run inside the scratch folder, so they touch nothing else.
 */
import type { CustomField, CustomFieldValue, DateOnly, Task, TasksCreateInFolderArgs, WrikeClient } from "@wrikekit/client";
import type { Counts } from "../counts.js";
import type { Story } from "../story.js";

export interface WorkOptions {
  wrike: WrikeClient;
  story: Story;
  /** The signed-in user: the project's owner and the planned task's assignee. */
  me: string;
  counts: Counts;
  /** Fields to fill in on the planned task, by title (none against real Wrike: v4 cannot delete a custom field again). */
  customFields?: { points: CustomField; team: CustomField };
  /** The first wait between polls of the batch job (the emulator runs it in moments; Wrike takes seconds). */
  jobPollMs?: number;
}

export interface Work {
  projectId: string;
  /** The folder the batched tasks went to. */
  buildFolderId: string;
  planned: Task;
}

const DAY_MS = 86_400_000;
/** A day from today, as task dates, project dates and tracked dates take it (yyyy-MM-dd, the account's calendar). */
const dayText = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10) as DateOnly;

const describeDates = ({ dates }: Task) =>
  [dates?.type ?? "?", dates?.start && `start ${dates.start}`, dates?.due && `due ${dates.due}`, dates?.duration !== undefined && `${dates.duration / 60} h of work`, dates?.workOnWeekends && "weekends included"]
    .filter(Boolean)
    .join(", ");

export async function buildProject(options: WorkOptions, parentFolderId: string): Promise<Work> {
  const { wrike, story, me, counts } = options;

  story.step("A project and its folders");
  const [project] = (await wrike.folders.createInFolder({ folderId: parentFolderId, title: "Website relaunch", project: { status: "Green", ownerIds: [me], startDate: dayText(-7), endDate: dayText(30) } })).data;
  const [design] = (await wrike.folders.createInFolder({ folderId: project!.id, title: "Design" })).data;
  const [build] = (await wrike.folders.createInFolder({ folderId: project!.id, title: "Build" })).data;
  counts.folders += 3;
  story.fact(`project "${project!.title}" (${project!.project?.status}, ${project!.project?.startDate} to ${project!.project?.endDate}), owned by ${project!.project?.ownerIds?.join(", ")}`);
  story.fact(`folders inside it: "${design!.title}", "${build!.title}"; the project now lists ${(await wrike.folders.get({ folderIds: [project!.id] })).data[0]!.childIds?.length ?? 0} children`);

  story.step("Tasks, one of each kind of dates");
  const { points, team } = options.customFields ?? {};
  const fields: CustomFieldValue[] | undefined = points && team && [
    { id: points.id, value: "8" },
    { id: team.id, value: "Web" },
  ];
  const fieldTitle = (id: string | undefined) => [points, team].find((f) => f?.id === id)?.title ?? id;
  const create = async (title: string, extra: Omit<TasksCreateInFolderArgs, "folderId" | "title"> = {}) => {
    const [task] = (await wrike.tasks.createInFolder({ folderId: design!.id, title, ...extra })).data;
    counts.tasks++;
    return task!;
  };
  const backlog = await create("Collect feedback");
  const milestone = await create("Design sign-off", { dates: { due: dayText(7) }, importance: "High" });
  const planned = await create("Draw the mock-ups", { dates: { start: dayText(-3), due: dayText(1) }, responsibles: [me], ...(fields ? { customFields: fields } : {}) });
  const weekend = await create("Launch weekend", { dates: { start: dayText(10), duration: 16 * 60, workOnWeekends: true } });
  for (const [label, task] of [["backlog", backlog], ["milestone", milestone], ["planned", planned], ["fixed work", weekend]] as const) story.fact(`${label.padEnd(10)} "${task.title}": ${describeDates(task)}`);
  if (fields) story.fact(`"${planned.title}" carries custom fields: ${planned.customFields?.map((f) => `${fieldTitle(f.id)} = ${JSON.stringify(f.value)}`).join(", ")}`);

  story.step("Subtasks");
  for (const title of ["Mobile layout", "Desktop layout"]) await create(title, { superTasks: [planned.id] });
  const [parent] = (await wrike.tasks.get({ taskIds: [planned.id] })).data;
  story.fact(`"${planned.title}" has ${parent!.subTaskIds?.length ?? 0} subtasks; a task list leaves them out unless subTasks=true`);

  story.step("Comments");
  await wrike.comments.createInTask({ taskId: planned.id, text: "First sketches are in the shared drive." });
  const [second] = (await wrike.comments.createInTask({ taskId: planned.id, text: "Mobile layout next." })).data;
  await wrike.comments.update({ commentId: second!.id, text: "Mobile and tablet layouts next." });
  counts.comments += 2;
  const { data: comments } = await wrike.comments.listInTask({ taskId: planned.id });
  story.fact(`${comments.length} comments on "${planned.title}"; the edited one reads "${comments.find((c) => c.id === second!.id)?.text}"`);

  story.step("A file, uploaded and streamed back");
  const bytes = new TextEncoder().encode("wireframe v1\n".repeat(600));
  const [file] = (await wrike.attachments.createInTask({ taskId: planned.id, fileName: "wireframes.txt", file: bytes })).data;
  counts.attachments++;
  const download = await wrike.attachments.download({ attachmentId: file!.id });
  const chunks: Uint8Array[] = [];
  for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const back = Buffer.concat(chunks);
  story.fact(`uploaded "${file!.name}" (${bytes.length} bytes as the raw request body); read it back as a stream: ${back.length} bytes of ${download.contentType} in ${chunks.length} chunk(s), ${Buffer.compare(back, bytes) === 0 ? "identical" : "DIFFERENT"}`);

  story.step("Time");
  const { data: categories } = await wrike.timelogCategories.list();
  const category = categories[0];
  for (const [days, hours] of [[-2, 2.5], [-1, 4]] as const) {
    await wrike.timelogs.createInTask({ taskId: planned.id, hours, comment: "mock-ups", trackedDate: dayText(days), ...(category ? { categoryId: category.id } : {}) });
    counts.timelogs++;
  }
  const { data: logs } = await wrike.timelogs.listInTask({ taskId: planned.id });
  story.fact(`${logs.reduce((sum, l) => sum + (l.hours ?? 0), 0)} hours logged in ${logs.length} entries${category ? ` under "${category.name}"` : ""}`);

  story.step("100 tasks in one batch, then waiting for the job");
  await runTaskBatch(options, build!.id, 100);

  return { projectId: project!.id, buildFolderId: build!.id, planned };
}

/** Posts `size` task creations into `folderId` as one POST /batch and waits for its job, showing its progress. */
async function runTaskBatch({ wrike, story, counts, jobPollMs }: WorkOptions, folderId: string, size: number): Promise<void> {
  const operations = Array.from({ length: size }, (_, i) => ({ method: "POST", url: `/folders/${folderId}/tasks`, params: { title: `batched ${i + 1}` } }));
  const [job] = (await wrike.batch.run({ operations })).data;
  story.fact(`POST /batch with ${size} creations answered at once with job ${job!.id} (${job!.status})`);
  const progress = story.progress("job progress", 100);
  let polls = 0;
  const done = await wrike.waitForJob(job!.id, {
    ...(jobPollMs === undefined ? {} : { intervalMs: jobPollMs }),
    onPoll: (polled) => {
      polls++;
      progress(polled.progressPercent ?? 0);
    },
  });
  if (done.status !== "Completed") throw new Error(`the batch job ended ${done.status}: ${done.errorMessage ?? "no message"}`);
  counts.tasks += size;
  story.fact(`job ${done.status} after ${polls} polls: ${Array.isArray(done.result) ? done.result.length : "?"} tasks created`);
}
