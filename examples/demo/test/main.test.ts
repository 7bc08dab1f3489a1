/**
 * The built command (dist/main.js, what `pnpm demo` runs) as a user's shell runs it: --write against a
 * stand-in for real Wrike, stopped half-way by Ctrl-C or by the reader of its output going away
 * (`pnpm demo --write | head`). Either way the scratch folder is deleted and the process ends cleanly.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startRecordingWrike, type RecordingWrike } from "./recording-wrike.js";

const FAKE_TOKEN = "fake-permanent-token-0123456789";
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
let wrike: RecordingWrike | undefined;
afterEach(async () => {
  await wrike?.stop();
  wrike = undefined;
});

/** The folders outside the recycle bin: what --write must leave as it found. */
const folders = (server: RecordingWrike) => JSON.stringify([...server.emulator.v4.folders.values()].filter((f) => f.scope !== "RbFolder" && f.scope !== "RbRoot").map((f) => [f.id, f.title, f.updatedAt]));

/** Runs `pnpm demo --write` against `server`; once stdout shows `when`, `stop` is applied to the child. */
function runWrite(server: RecordingWrike, when: string, stop: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, "--write"], { env: { PATH: process.env.PATH, WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let stopped = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!stopped && stdout.includes(when)) {
      stopped = true;
      stop(child);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

function expectScratchDeletedLast(server: RecordingWrike): void {
  const writes = server.requests.filter((r) => r.method !== "GET");
  const scratchId = writes[0]!.answeredIds[0]!;
  expect(`${writes.at(-1)!.method} ${writes.at(-1)!.url}`).toBe(`DELETE /api/v4/folders/${scratchId}`);
}

describe("pnpm demo --write, stopped half-way", () => {
  // Once the scratch folder exists and work inside it is under way.
  const midway = "A project and its folders";

  it("by Ctrl-C (SIGINT): deletes the scratch folder, sends nothing after, exits 130", { timeout: 60_000 }, async () => {
    wrike = await startRecordingWrike(FAKE_TOKEN);
    const before = folders(wrike);
    const { code, stderr } = await runWrite(wrike, midway, (child) => child.kill("SIGINT"));
    expect(code).toBe(130);
    expect(stderr).toContain("The demo stopped: interrupted (Ctrl-C); what this run had made was cleaned up");
    expectScratchDeletedLast(wrike);
    expect(folders(wrike)).toBe(before);
  });

  it("by its output closing (pnpm demo --write | head): deletes the scratch folder, no crash", { timeout: 60_000 }, async () => {
    wrike = await startRecordingWrike(FAKE_TOKEN);
    const before = folders(wrike);
    const { code, stderr } = await runWrite(wrike, midway, (child) => child.stdout!.destroy());
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(stderr).toContain("The demo stopped: its output was closed; what this run had made was cleaned up");
    expect(code).toBe(130);
    expectScratchDeletedLast(wrike);
    expect(folders(wrike)).toBe(before);
  });
});
