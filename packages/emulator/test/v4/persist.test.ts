/** The v4 world is saved with the v2 state and restored from it: objects, files, jobs, and page tokens that outlive a restart. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { newEmulator, spaceId, v4Caller } from "./harness.js";

describe("v4 persistence", () => {
  it("restores tasks, folders, comments, files and jobs, and a page token issued before the restart", async () => {
    const { emulator, owner } = newEmulator();
    const space = await spaceId(owner);
    const [folder] = await owner.ok("POST", `/folders/${space}/folders`, { title: "Kept" });
    const [task] = await owner.ok("POST", `/folders/${folder!.id}/tasks`, { title: "kept task", metadata: [{ key: "k", value: "v" }] });
    await owner.ok("POST", `/tasks/${task!.id}/comments`, { text: "kept comment" });
    const [file] = await owner.ok("POST", `/tasks/${task!.id}/attachments`, {}, { body: new Uint8Array([1, 2, 3]), headers: { "x-file-name": "k.bin" } });
    const [job] = await owner.ok("POST", "/batch", { operations: Array.from({ length: 30 }, (_, i) => ({ method: "POST", url: `/folders/${folder!.id}/tasks`, params: { title: `job ${i}` } })) });
    const first = await owner.call("GET", "/tasks", { pageSize: 3 });

    const restored = createEmulator({ state: emulator.save(), v4RateLimit: false });
    const again = v4Caller(restored);
    expect((await again.ok("GET", `/tasks/${task!.id}`))[0]).toMatchObject({ title: "kept task", metadata: [{ key: "k", value: "v" }], parentIds: [folder!.id] });
    expect((await again.ok("GET", `/folders/${space}`))[0]!.childIds).toContain(folder!.id);
    expect((await again.ok("GET", `/tasks/${task!.id}/comments`))[0]!.text).toBe("kept comment");
    expect([...(await again.ok("GET", `/attachments/${file!.id}/download`))[0]!.bytes]).toEqual([1, 2, 3]);
    // The job was still running when saved: it was finished first.
    expect((await again.ok("GET", `/async_job/${job!.id}`))[0]).toMatchObject({ status: "Completed", processedCount: 30 });
    const next = await again.call("GET", "/tasks", { nextPageToken: first.body.nextPageToken });
    expect(next.status).toBe(200);
    expect(next.body.data!.map((t) => t.id)).not.toContain(first.body.data![0]!.id);
    // New ids continue after the saved ones.
    const [later] = await again.ok("POST", `/folders/${folder!.id}/tasks`, { title: "after restart" });
    expect(later!.id > task!.id).toBe(true);
  });

  it("seeds the v4 world from a state saved before v4 existed", async () => {
    const { emulator } = newEmulator();
    const withoutV4 = JSON.stringify({ ...JSON.parse(emulator.save()), v4: undefined });
    const restored = createEmulator({ state: withoutV4, v4RateLimit: false });
    expect((await v4Caller(restored).ok("GET", "/spaces"))[0]!.title).toBe("Product");
  });
});
