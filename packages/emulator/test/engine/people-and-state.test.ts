import { describe, expect, it } from "vitest";
import { contactsList, profileGet } from "../../src/engine/people.js";
import { formatTimestamp, loadState, saveState, seedState, StateFormatError } from "../../src/index.js";
import { seeded, snapshot, T0, UID } from "./fixture.js";

describe("wrike.profile.get and wrike.contacts.list", () => {
  it("describe the caller", () => {
    const f = seeded();
    expect(profileGet(f.state, f.me(), {})).toEqual({
      root: "profile",
      body: {
        uid: UID.me,
        lastName: "Api Test",
        firstName: "Wrike",
        primaryEmail: "wrikeapitest@gmail.com",
        organization: "TEST",
        workingDays: "0111110",
        weekendDays: "1000001",
        dateFormat: "MM/dd/yyyy",
        timezoneName: "UTC",
        timezoneOffset: 0,
        secondaryEmails: [],
        language: "en",
        license: "Collaborator",
      },
    });
    expect(profileGet(f.state, f.viewer(), {}).body.license).toBe("Viewer");
    expect(contactsList(f.state, f.me(), {}).body.list).toEqual([
      { uid: "GCG7DDZ4Q1ic", firstName: "Alexey", lastName: "Koryak", email: "Alexey.Koryak@team.wrike.com" },
      { uid: "t3acIwjcblNN", firstName: "Dmitry", lastName: "Simochkin", email: "Dmitry.Simochkin@team.wrike.com" },
      { uid: UID.viewer, firstName: "Vera", lastName: "Viewer", email: "vera.viewer@example.com" },
    ]);
  });
});

describe("dates", () => {
  it("print as yyyy-MM-dd HH:mm:ss.S with Java's shortest fraction", () => {
    expect(formatTimestamp(Date.UTC(2010, 10, 18, 11, 37, 0, 417))).toBe("2010-11-18 11:37:00.417");
    expect(formatTimestamp(Date.UTC(2010, 10, 18, 12, 18, 58, 430))).toBe("2010-11-18 12:18:58.43");
    expect(formatTimestamp(Date.UTC(2010, 10, 30))).toBe("2010-11-30 00:00:00.0");
  });
});

describe("state", () => {
  it("is seeded the same way for the same clock", () => {
    expect(snapshot(seedState(T0))).toBe(snapshot(seedState(T0)));
  });

  it("survives saveState and loadState, bytes included", () => {
    const state = seedState(T0);
    const restored = loadState(saveState(state));
    expect(snapshot(restored)).toBe(snapshot(state));
    expect([...restored.attachments.values()][0]!.bytes).toBeInstanceOf(Uint8Array);
  });

  it("refuses documents that are not saved states", () => {
    expect(() => loadState("{")).toThrow(StateFormatError);
    expect(() => loadState('{"format":"something else"}')).toThrow(/not a wrikekit-emulator-state document/);
    const saved = JSON.parse(saveState(seedState(T0)));
    saved.attachments[0].bytes = "***";
    expect(() => loadState(JSON.stringify(saved))).toThrow(/not base64/);
  });
});
