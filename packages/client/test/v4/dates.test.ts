/**
 * v4's three date types: a decoded record's dates are typed UtcTimestamp, LocalDateTime or DateOnly (what Wrike
 * sends, kept as its text), and a malformed date argument is a WrikeValidationError naming it before anything is sent.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, toDate, WrikeValidationError, type DateOnly, type LocalDateTime, type UtcTimestamp } from "../../src/index.js";
import { envelope, recordingFetch } from "./spec.js";

const clientWith = (fetch: typeof globalThis.fetch) => createWrikeClient({ auth: { kind: "bearer", token: "tok" }, fetch, rateLimit: false, retry: false });

async function validationError(promise: Promise<unknown>): Promise<WrikeValidationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WrikeValidationError);
  return error as WrikeValidationError;
}

describe("v4 date types", () => {
  it("a decoded Task's and Timelog's dates have their date types and Wrike's text", async () => {
    const task = { id: "T1", accountId: "A", title: "Plan", createdDate: "2026-12-01T08:30:00Z", dates: { type: "Planned", start: "2026-12-01T09:00:00", due: "2026-12-03T17:00:00" } };
    const log = { id: "L1", taskId: "T1", hours: 1, trackedDate: "2026-12-02", createdDate: "2026-12-02T10:00:00Z" };
    const stub = recordingFetch((request) => (new URL(request.url).pathname.endsWith("/timelogs") ? envelope([log], {}, "timelogs") : envelope([task])));
    const wrike = clientWith(stub.fetch);

    const [decoded] = (await wrike.tasks.get({ taskIds: ["T1"] })).data;
    expectTypeOf(decoded!.createdDate).toEqualTypeOf<UtcTimestamp | undefined>();
    expectTypeOf(decoded!.dates!.start).toEqualTypeOf<LocalDateTime | undefined>();
    expectTypeOf(decoded!.dates!.due).toEqualTypeOf<LocalDateTime | undefined>();
    expect(decoded!.dates).toEqual(task.dates);
    expect(toDate(decoded!.dates!.due!).toISOString()).toBe("2026-12-03T17:00:00.000Z");

    const [tracked] = (await wrike.timelogs.listInTask({ taskId: "T1" })).data;
    expectTypeOf(tracked!.trackedDate).toEqualTypeOf<DateOnly | undefined>();
    expect(tracked!.trackedDate).toBe("2026-12-02");
  });

  it("a task date argument takes what Wrike returned, or a day; a day argument takes a DateOnly or a Date", async () => {
    const stub = recordingFetch(() => envelope([{ id: "T1" }]));
    const wrike = clientWith(stub.fetch);
    await wrike.tasks.createInFolder({ folderId: "F1", title: "t", dates: { start: "2026-12-01T09:00:00", due: "2026-12-05" } });
    expect(stub.requests[0]!.body.length).toBeGreaterThan(0);
    expect(new URLSearchParams(new TextDecoder().decode(stub.requests[0]!.body)).get("dates")).toBe('{"start":"2026-12-01T09:00:00","due":"2026-12-05"}');
    await wrike.timelogs.createInTask({ taskId: "T1", hours: 1, comment: "c", trackedDate: new Date(Date.UTC(2026, 11, 2, 23, 0)) });
    expect(new URLSearchParams(new TextDecoder().decode(stub.requests[1]!.body)).get("trackedDate")).toBe("2026-12-02");
    // @ts-expect-error a timestamp is not a day
    await wrike.timelogs.createInTask({ taskId: "T1", hours: 1, comment: "c", trackedDate: "2026-12-02T00:00:00Z" }).catch(() => {});
  });

  it("a malformed date argument is a typed error naming it, and nothing is sent", async () => {
    const stub = recordingFetch();
    const wrike = clientWith(stub.fetch);
    const malformedDay = await validationError(wrike.timelogs.createInTask({ taskId: "T1", hours: 1, comment: "c", trackedDate: "2026-12-2" as DateOnly }));
    expect(malformedDay.issues).toEqual([{ path: "trackedDate", expected: "a date (yyyy-MM-dd, a date as Wrike returned it, or a valid Date)", received: 'string "2026-12-2"' }]);
    expect(malformedDay.message).toContain("trackedDate");
    const invalidDate = await validationError(wrike.approvals.createInTask({ taskId: "T1", approvers: ["U1"], dueDate: new Date("nope") }));
    expect(invalidDate.issues.map((i) => [i.path, i.received])).toEqual([["dueDate", "an invalid Date"]]);
    const timestamp = await validationError(wrike.folders.copy({ folderId: "F1", parent: "F2", title: "copy", rescheduleDate: "2026-12-01T09:00:00Z" as unknown as DateOnly }));
    expect(timestamp.issues.map((i) => i.path)).toEqual(["rescheduleDate"]);
    expect(stub.requests).toHaveLength(0);
  });
});
