/**
 * v4 dates through the client, in process: a task date given as a day answers as a date and time (09:00 start,
 * 17:00 due), a tracked date stays a day, and a malformed date inside a structured argument (which the client
 * sends as JSON text) is refused by the emulator with a 400 that names the field.
 */
import { describe, expect, it } from "vitest";
import { WrikeApiError, type DateOnly } from "@wrikekit/client";
import { createEmulator, createV4TestClient } from "../../src/index.js";

describe("v4 dates", () => {
  const wrike = createV4TestClient(createEmulator());
  const folderId = async () => (await wrike.spaces.list()).data[0]!.id;

  it("a day for a task date comes back as a date and time; a tracked date as a day", async () => {
    const [task] = (await wrike.tasks.createInFolder({ folderId: await folderId(), title: "Dated", dates: { start: "2026-12-07", due: "2026-12-09T12:00:00" } })).data;
    expect(task!.dates).toMatchObject({ type: "Planned", start: "2026-12-07T09:00:00", due: "2026-12-09T12:00:00" });
    const [log] = (await wrike.timelogs.createInTask({ taskId: task!.id, hours: 1, comment: "c", trackedDate: "2026-12-08" })).data;
    expect(log!.trackedDate).toBe("2026-12-08");
  });

  it("a malformed date inside `dates` is a 400 invalid_parameter naming dates.due", async () => {
    const error = await wrike.tasks
      .createInFolder({ folderId: await folderId(), title: "Bad", dates: { due: "24.12.2026" as DateOnly } })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect((error as WrikeApiError).httpStatus).toBe(400);
    expect((error as WrikeApiError).errorName).toBe("invalid_parameter");
    expect((error as WrikeApiError).message).toContain("dates.due");
    expect((error as WrikeApiError).message).toContain("yyyy-MM-dd");
  });

  it("a day that is not on the calendar is refused, naming it", async () => {
    const [task] = (await wrike.tasks.createInFolder({ folderId: await folderId(), title: "Logged" })).data;
    const error = await wrike.timelogs.createInTask({ taskId: task!.id, hours: 1, comment: "c", trackedDate: "2026-02-30" }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect((error as WrikeApiError).message).toContain("trackedDate");
  });
});
