/** POST /tasks/{taskId}/dependencies as the reference has it: "only one of predecessorId/successorId fields can be specified". */
import { describe, expect, it } from "vitest";
import { newEmulator, spaceId } from "./harness.js";

async function twoTasks() {
  const world = newEmulator();
  const space = await spaceId(world.owner);
  const [a] = await world.owner.ok("POST", `/folders/${space}/tasks`, { title: "a" });
  const [b] = await world.owner.ok("POST", `/folders/${space}/tasks`, { title: "b" });
  return { ...world, a: a!.id as string, b: b!.id as string };
}

describe("POST /tasks/{taskId}/dependencies", () => {
  it("takes predecessorId alone: the task in the path is the successor", async () => {
    const { owner, a, b } = await twoTasks();
    const [dep] = await owner.ok("POST", `/tasks/${b}/dependencies`, { predecessorId: a, relationType: "FinishToStart" });
    expect(dep).toMatchObject({ predecessorId: a, successorId: b, relationType: "FinishToStart" });
  });

  it("takes successorId alone: the task in the path is the predecessor", async () => {
    const { owner, a, b } = await twoTasks();
    const [dep] = await owner.ok("POST", `/tasks/${a}/dependencies`, { successorId: b, relationType: "StartToStart" });
    expect(dep).toMatchObject({ predecessorId: a, successorId: b });
    expect((await owner.ok("GET", `/tasks/${b}`))[0]!.dependencyIds).toEqual([dep!.id]);
  });

  it("refuses neither, a pair that leaves the path's task out, and a task depending on itself", async () => {
    const { owner, a, b } = await twoTasks();
    const none = await owner.call("POST", `/tasks/${a}/dependencies`, { relationType: "FinishToStart" });
    expect([none.status, none.body.error]).toEqual([400, "parameter_required"]);
    expect(none.body.errorDescription).toMatch(/predecessorId or successorId/);
    const [c] = await owner.ok("POST", `/folders/${await spaceId(owner)}/tasks`, { title: "c" });
    expect((await owner.call("POST", `/tasks/${c!.id}/dependencies`, { predecessorId: a, successorId: b, relationType: "FinishToStart" })).body.error).toBe("invalid_parameter");
    const self = await owner.call("POST", `/tasks/${a}/dependencies`, { predecessorId: a, relationType: "FinishToStart" });
    expect([self.status, self.body.error]).toEqual([400, "invalid_parameter"]);
  });
});
