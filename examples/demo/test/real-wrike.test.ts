/**
 * The real-Wrike mode (WRIKE_TOKEN) against a recording stand-in: without --write it sends reads only;
 * with --write every change happens inside the scratch folder it creates, and that folder is deleted.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runDemo } from "../src/demo.js";
import { startRecordingWrike, type RecordedRequest, type RecordingWrike } from "./recording-wrike.js";

const FAKE_TOKEN = "fake-permanent-token-0123456789";
let wrike: RecordingWrike | undefined;
afterEach(async () => {
  await wrike?.stop();
  wrike = undefined;
});

async function standIn(tasks: number): Promise<RecordingWrike> {
  wrike = await startRecordingWrike(FAKE_TOKEN);
  const [folder] = [...wrike.emulator.v4.folders.values()].filter((f) => f.scope === "WsFolder");
  for (let i = 0; i < tasks; i++) wrike.emulator.addV4Task({ folderId: folder!.id, title: `existing ${i}` });
  return wrike;
}

const isWrite = (r: RecordedRequest) => r.method !== "GET" || new URL(r.url, "http://x").searchParams.has("method");

/** What the account holds outside the recycle bin, read as the owner. */
async function snapshot(server: RecordingWrike): Promise<string> {
  const read = async (path: string) => {
    const response = await server.emulator.handle(new Request(`http://127.0.0.1/api/v4${path}`, { headers: { authorization: `Bearer ${server.emulator.credentials.permanentToken}` } }));
    return JSON.stringify(((await response.json()) as { data: Array<{ id: string; title?: string; updatedDate?: string }> }).data.map((d) => [d.id, d.title, d.updatedDate]));
  };
  return [await read("/folders"), await read("/tasks?subTasks=true&pageSize=1000"), await read("/spaces"), await read("/customfields")].join("\n");
}

describe("the v4 demo against real Wrike (a recording stand-in)", () => {
  it("sends only GET requests, with the token from WRIKE_TOKEN, and says so before the first one", { timeout: 120_000 }, async () => {
    const server = await standIn(1200);
    const before = await snapshot(server);
    let requestsWhenToldReadOnly: number | undefined;
    const summary = await runDemo({
      env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url },
      print: (line) => {
        if (line.includes("read-only: this run sends GET requests only")) requestsWhenToldReadOnly = server.requests.length;
      },
    });
    expect(requestsWhenToldReadOnly).toBe(0);
    expect(server.requests.length).toBeGreaterThan(5);
    expect(server.requests.filter(isWrite).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(new Set(server.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${FAKE_TOKEN}`]));
    expect(await snapshot(server)).toBe(before);
    const text = summary.lines.join("\n");
    expect(text).toContain(`Connecting to real Wrike at ${server.url}`);
    // The stand-in's account holds one space and one workflow: counted in the singular.
    expect(text).toContain('1 space: "');
    expect(text).toContain("1 workflow, 2 custom fields");
    expect(text).toMatch(/\[#{20}\] tasks read: 1,\d{3} of 1,\d{3}/);
    expect(text).toMatch(/an unknown argument: WrikeValidationError before anything was sent: colour/);
    expect(text).toContain("a page of 5,000: 400 invalid_parameter");
    expect(text).not.toContain("scratch folder\n");
    expect(summary).toMatchObject({ folders: 0, tasks: 0, comments: 0, timelogs: 0, attachments: 0 });
    expect(text).not.toContain(FAKE_TOKEN);
  });

  // The batch job is polled at Wrike's pace (1 s, then 1.5 times longer): about 8 s of the run.
  it("with --write changes only what it creates inside its scratch folder, then deletes that folder", { timeout: 120_000 }, async () => {
    const server = await standIn(10);
    const before = await snapshot(server);
    const summary = await runDemo({ write: true, env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} });
    const writes = server.requests.filter(isWrite);
    const rootFolderId = [...server.emulator.v4.folders.values()].find((f) => f.scope === "WsRoot")!.id;
    // The first write makes the scratch folder in the root; the last deletes it.
    const [first] = writes;
    expect(`${first!.method} ${first!.url}`).toBe(`POST /api/v4/folders/${rootFolderId}/folders`);
    expect(first!.form.get("title")).toMatch(/^wrikekit demo scratch /);
    const scratchId = first!.answeredIds[0]!;
    expect(`${writes.at(-1)!.method} ${writes.at(-1)!.url}`).toBe(`DELETE /api/v4/folders/${scratchId}`);
    // Every other write names, in its path and its batched operations, only things this run created.
    const created = new Set([scratchId]);
    const literal = /^(api|v4|folders|tasks|comments|attachments|timelogs|batch)$/;
    for (const write of writes.slice(1)) {
      const paths = [new URL(write.url, "http://x").pathname, ...(JSON.parse(write.form.get("operations") ?? "[]") as Array<{ url: string }>).map((o) => o.url)];
      for (const segment of paths.flatMap((p) => p.split("/").filter(Boolean))) {
        expect(literal.test(segment) || created.has(segment), `${write.method} ${write.url} names ${segment}, which this run did not create`).toBe(true);
      }
      for (const id of write.answeredIds) created.add(id);
    }
    expect(writes.filter((w) => w.url.includes("/batch"))).toHaveLength(1);
    expect(await snapshot(server)).toBe(before);
    expect(summary).toMatchObject({ folders: 4, tasks: 106, comments: 2, timelogs: 2, attachments: 1 });
    expect(summary.lines.join("\n")).toMatch(/--write: this run creates one folder, "wrikekit demo scratch [^"]+", in the account's root/);
  });
});
