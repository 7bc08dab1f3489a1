/** The README's v4 example, type-checked under strict by `typecheck` (never run: it needs a real token). Keep in step with README.md. */
import { createWrikeClient, toDate, WrikeApiError } from "../../src/index.js";

export async function readmeExample(): Promise<void> {

  const wrike = createWrikeClient({ auth: { kind: "bearer", token: process.env.WRIKE_TOKEN! } });

  // Token-paged methods iterate items across pages; filters and `fields` are re-sent with every page token.
  for await (const task of wrike.tasks.list({ status: ["Active"], fields: ["description"] })) {
    console.log(task.title, task.description.length); // `fields: ["description"]` makes description a string
  }
  const firstPage = await wrike.tasks.list({ pageSize: 100 }); // awaiting gives one page: { kind, data, nextPageToken? }
  for await (const page of wrike.tasks.list().pages()) console.log(page.data.length);

  const { data: [task] } = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] }); // more than 100 ids: split and merged
  if (task) console.log(toDate(task.createdDate ?? "2026-01-01T00:00:00Z"));
  const created = await wrike.tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", title: "Write the plan" });
  const { data, response } = await wrike.tasks.get.withResponse({ taskIds: [created.data[0]!.id] });
  console.log(response.status, data.data.length, firstPage.data.length);

  try {
    await wrike.tasks.get({ taskIds: ["nope"] });
  } catch (e) {
    if (e instanceof WrikeApiError) console.log(e.httpStatus, e.errorName);
  }}

/** The root README's v4 example. */
export async function rootReadmeExample(): Promise<void> {
  const wrike = createWrikeClient({ auth: { kind: "bearer", token: process.env.WRIKE_TOKEN! } });
  for await (const task of wrike.tasks.list({ status: ["Active"], fields: ["description"] })) console.log(task.title, task.description);
  const { data: [folder] } = await wrike.folders.get({ folderIds: ["IEAGKVLFI4AAAAAA"] });
  console.log(folder?.title);
}
