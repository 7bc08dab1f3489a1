/** The argument-table interpreter (runtime/encode.ts `encoder`): what one table row asks, and the order of the issues. */
import { describe, expect, it } from "vitest";
import * as e from "../src/runtime/encode.js";
import { WrikeAsyncKeyMismatchError } from "../src/errors.js";

const run = (encode: e.ArgsEncoder<unknown>, args: unknown) => {
  const ctx = e.newEncodeContext();
  encode(args, ctx);
  return ctx;
};

describe("encoder", () => {
  const encode = e.encoder([
    ["taskIds", e.commaList, e.opaqueId, "path", true],
    ["fields", e.jsonList, e.string, "query"],
    ["metadata", e.nullable(e.jsonArray), e.object],
    ["fileName", e.scalar, e.header, "headers", false, "X-File-Name"],
    ["title", e.scalar, e.string],
  ]);

  it("writes each argument into its slot under its wire name, null as JSON null where the row allows it", () => {
    const ctx = run(encode, { taskIds: ["A", "B"], fields: ["x"], metadata: null, fileName: "n.txt", title: "T" });
    expect(ctx.issues).toEqual([]);
    expect(ctx.path).toEqual([["taskIds", "A,B"]]);
    expect(ctx.query).toEqual([["fields", '["x"]']]);
    expect(ctx.headers).toEqual([["X-File-Name", "n.txt"]]);
    expect(ctx.pairs).toEqual([["metadata", "null"], ["title", "T"]]);
  });

  it("names unknown arguments first, then each argument's issue in table order, under the argument's name", () => {
    const ctx = run(encode, { typo: 1, fields: "x", fileName: 5, title: null });
    expect(ctx.issues).toEqual([
      { path: "typo", expected: "no such argument", received: "an unknown argument" },
      { path: "taskIds", expected: "present (required argument)", received: "nothing" },
      { path: "fields", expected: "a list", received: 'string "x"' },
      { path: "fileName", expected: "text a header can carry (no line breaks, Latin-1 only)", received: "number 5" },
      { path: "title", expected: "string", received: "null" },
    ]);
  });

  it("takes an argument given as undefined as not given, and refuses arguments that are not an object", () => {
    expect(run(encode, { taskIds: ["A"], title: undefined }).issues).toEqual([]);
    for (const args of [null, [1], "x"]) expect(run(encode, args).issues).toEqual([{ path: "(arguments)", expected: "an object of named arguments", received: expect.any(String) }]);
  });
});

describe("bracketList", () => {
  const encode = e.encoder([["events", e.bracketList, e.string]]);

  it("sends the items unquoted, joined by commas inside brackets, and an empty list as []", () => {
    expect(run(encode, { events: ["TaskCreated", "CommentAdded"] }).pairs).toEqual([["events", "[TaskCreated,CommentAdded]"]]);
    expect(run(encode, { events: [] }).pairs).toEqual([["events", "[]"]]);
  });

  it("refuses an item with a comma or a bracket, naming the item, and sends nothing", () => {
    for (const bad of ["Task,Created", "Task]", "[Task"]) {
      const ctx = run(encode, { events: ["TaskCreated", bad] });
      expect(ctx.issues).toEqual([{ path: "events[1]", expected: "an item without commas or brackets (items are sent as [a,b])", received: `string ${JSON.stringify(bad)}` }]);
      expect(ctx.pairs).toEqual([]);
    }
  });
});

describe("requireOneOf", () => {
  const encode = e.requireOneOf(e.encoder([["taskId", e.scalar, e.id], ["ids", e.commaList, e.id], ["title", e.scalar, e.string]]), ["taskId", "ids"]);

  it("records a group none of which is given, after the arguments' own issues", () => {
    expect(run(encode, { title: 1 }).issues).toEqual([
      { path: "title", expected: "string", received: "number 1" },
      { path: "taskId | ids", expected: "one of taskId, ids", received: "none" },
    ]);
    expect(run(encode, { ids: [1] }).issues).toEqual([]);
  });

  it("adds nothing to arguments that are not an object", () => {
    expect(run(encode, [1]).issues.map((i) => i.path)).toEqual(["(arguments)"]);
  });
});

describe("echoed", () => {
  const encode = e.encoder([["asyncKey", e.echoed, e.string]]);

  it("sends the argument and checks that the answer carries it back", () => {
    const ctx = run(encode, { asyncKey: "k1" });
    expect(ctx.pairs).toEqual([["asyncKey", "k1"]]);
    expect(() => ctx.check!({ asyncKey: "k1" }, "wrike.task.add")).not.toThrow();
    expect(() => ctx.check!({ asyncKey: "k2" }, "wrike.task.add")).toThrow(WrikeAsyncKeyMismatchError);
  });

  it("asks nothing of the answer when the argument is not given or not a string", () => {
    expect(run(encode, {}).check).toBeUndefined();
    const bad = run(encode, { asyncKey: 7 });
    expect(bad.check).toBeUndefined();
    expect(bad.issues).toEqual([{ path: "asyncKey", expected: "string", received: "number 7" }]);
  });
});

describe("json and object", () => {
  const encode = e.encoder([
    ["dates", e.jsonValue, e.object],
    ["operations", e.jsonArray, e.json],
  ]);

  it("refuse a Date inside, naming its path: JSON.stringify would send an ISO text with milliseconds, or null for an invalid one", () => {
    const ctx = run(encode, { dates: { start: "2026-12-01", due: new Date("nope") }, operations: [{ params: { due: new Date(0) } }] });
    expect(ctx.issues).toEqual([
      { path: "dates.due", expected: expect.stringContaining("a Date goes only in an argument typed as a date"), received: "an invalid Date" },
      { path: "operations[0].params.due", expected: expect.stringContaining("text in the form Wrike takes"), received: expect.stringContaining("1970-01-01") },
    ]);
    expect(ctx.pairs).toEqual([]);
  });

  it("send the same object with its dates as text", () => {
    const ctx = run(encode, { dates: { start: "2026-12-01", due: "2026-12-05" }, operations: [{ params: { due: "2026-12-05" } }] });
    expect(ctx.issues).toEqual([]);
    expect(ctx.pairs).toEqual([["dates", '{"start":"2026-12-01","due":"2026-12-05"}'], ["operations", '[{"params":{"due":"2026-12-05"}}]']]);
  });
});
