/**
 * The read-only story on accounts unlike the emulator's seed: an empty one, and one with thousands of tasks
 * whose ids are 256 characters, whose titles are in every script, and which carry custom fields of every type.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CustomFieldType } from "@wrikekit/client";
import { runDemo } from "../src/demo.js";
import { startRecordingWrike, type Intercept, type RecordingWrike } from "./recording-wrike.js";

const FAKE_TOKEN = "fake-permanent-token-0123456789";
let wrike: RecordingWrike | undefined;
afterEach(async () => {
  await wrike?.stop();
  wrike = undefined;
});

const empty = (kind: string) => new Response(JSON.stringify({ kind, data: [], responseSize: 0 }), { headers: { "content-type": "application/json" } });
const LISTS: Record<string, string> = { "/api/v4/tasks": "tasks", "/api/v4/spaces": "spaces", "/api/v4/customfields": "customfields", "/api/v4/workflows": "workflows" };

const TITLES = ["Überprüfung 📦 — «ready»", "مراجعة التصميم", "設計レビュー", "e\u0301\u0301 combining", "tab\there", "a".repeat(1000)];
const longId = (id: string) => id.padEnd(256, "X");

/** Each task of a GET /tasks page with a 256-character id, a title from TITLES and a value for every custom field type. */
const unusualTasks: Intercept = async ({ method, url }, emulator) => {
  if (method !== "GET" || !url.startsWith("/api/v4/tasks?") || url.includes("pageSize=5000")) return undefined;
  const answer = (await (await emulator.handle(new Request(`http://127.0.0.1${url}`, { headers: { authorization: `Bearer ${emulator.credentials.permanentToken}` } }))).json()) as { data: Array<Record<string, unknown>> };
  answer.data = answer.data.map((task, i) => ({
    ...task,
    id: longId(task.id as string),
    title: TITLES[i % TITLES.length],
    customFields: Object.values(CustomFieldType).map((type, n) => ({ id: longId(`IEAGKVLFJUAAAA${n}`), value: type === "Checkbox" ? "true" : type === "Multiple" ? '["a","b"]' : `${type} ✓` })),
  }));
  return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
};

describe("the read-only story on unusual accounts", () => {
  it("an empty account: no spaces, fields or tasks", async () => {
    wrike = await startRecordingWrike(FAKE_TOKEN, ({ method, url }) => (method === "GET" && LISTS[url.split("?")[0]!] && !url.includes("pageSize=5000") ? empty(LISTS[url.split("?")[0]!]!) : undefined));
    const summary = await runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: wrike.url }, print: () => {} });
    const text = summary.lines.join("\n");
    expect(text).toContain("no spaces");
    expect(text).toContain("0 workflows, 0 custom fields");
    expect(text).toContain("0 tasks match; read 0 distinct ones");
    expect(summary.lines.at(-1)).toContain("Done:");
  });

  it("thousands of tasks with 256-character ids, titles in every script and custom fields of every type", { timeout: 120_000 }, async () => {
    wrike = await startRecordingWrike(FAKE_TOKEN, unusualTasks);
    const [folder] = [...wrike.emulator.v4.folders.values()].filter((f) => f.scope === "WsFolder");
    for (let i = 0; i < 3000; i++) wrike.emulator.addV4Task({ folderId: folder!.id, title: `t${i}` });
    const summary = await runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: wrike.url }, print: () => {} });
    const text = summary.lines.join("\n");
    expect(text).toMatch(/3,0\d\d tasks match; read 2,500 distinct ones/);
    expect(summary.lines.at(-1)).toContain("Done:");
  });
});
