/** The shared REST argument reader (server/rest-args.ts) on joined lists: `[a,b]` (bracket) beside `a,b` (comma). */
import { describe, expect, it } from "vitest";
import { readRestArgs, type RestOperation } from "../src/server/index.js";

const operation: RestOperation = {
  id: "POST /webhooks",
  name: "webhooks.create",
  verb: "POST",
  path: "/webhooks",
  kind: "write",
  scopes: [],
  args: {
    events: { wireName: "events", in: "body", type: { name: "EventType", kind: "enum", list: true }, encoding: "bracket" },
    labels: { wireName: "labels", in: "body", type: { name: "string", kind: "scalar", list: true }, encoding: "bracket" },
  },
};
const schema = { models: {}, enums: { EventType: ["TaskCreated", "CommentAdded"] } };

const read = (body: Record<string, string>) => readRestArgs(operation, { path: {}, query: new URLSearchParams(), body: new URLSearchParams(body), headers: new Headers() }, schema);

describe("bracket lists", () => {
  it("reads [a,b] into a list of its items, [] into an empty list", () => {
    expect(read({ events: "[TaskCreated,CommentAdded]", labels: "[]" })).toEqual({ args: { events: ["TaskCreated", "CommentAdded"], labels: [] }, issues: [], missing: [] });
  });

  it("takes a JSON array of strings (what a JSON body's array becomes) as the same list", () => {
    expect(read({ events: '["TaskCreated","CommentAdded"]' }).args).toEqual({ events: ["TaskCreated", "CommentAdded"] });
  });

  it("keeps quotes and spaces inside an item of a non-JSON list, trimming only around it", () => {
    expect(read({ labels: '[ a b , "c]' }).args).toEqual({ labels: ["a b", '"c'] });
  });

  it("refuses text without brackets, naming the argument", () => {
    expect(read({ events: "TaskCreated,CommentAdded" }).issues).toEqual([{ path: "events", expected: "a list in brackets, such as [a,b]", received: '"TaskCreated,CommentAdded"' }]);
  });

  it("refuses an unknown enum item, naming its index", () => {
    const { args, issues } = read({ events: "[TaskCreated,TaskInvented]" });
    expect(args).toEqual({});
    expect(issues).toEqual([{ path: "events[1]", expected: "one of TaskCreated, CommentAdded", received: '"TaskInvented"' }]);
  });
});
