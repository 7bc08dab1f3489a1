/**
 * The runtime is not tied to v2's shape: a REST-style API (the v4 slice of the codegen fixture) with
 * path parameters, GET, one format and an error envelope without a root is served the same way.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { readStatusError, restProtocol, wire, type WireContext } from "@wrikekit/core/runtime";
import type { ApiDescriptor, MethodDescriptor } from "@wrikekit/core";
import type { ServerApi } from "@wrikekit/core/server";
import { documentHandler } from "../src/runtime.js";

const descriptor: ApiDescriptor = {
  name: "wrikeV4",
  baseUrl: "https://www.wrike.com",
  formats: { json: "/api/v4{method}" },
  errorEnvelope: { nameField: "error", messageField: "errorDescription" },
  readError: readStatusError,
  protocol: restProtocol,
  errorCodes: { 400: "invalid_request", 404: "resource_not_found" },
};
const api: ServerApi = {
  descriptor,
  errorCodes: {
    "400": { name: "invalid_request", description: "The request is malformed.", httpStatus: 400 },
    "404": { name: "resource_not_found", description: "No such resource.", httpStatus: 404 },
  },
  serverDefaultFormat: "json",
  missingArgumentCode: 400,
};

interface Args {
  taskIds: readonly string[];
  fields?: readonly string[];
}
interface TaskList {
  kind: string;
  data: { id: string; title: string }[];
}
const getTasks: MethodDescriptor<Args, TaskList> = {
  id: "GET /tasks/{taskIds}",
  kind: "read",
  http: { method: "GET", path: "/tasks/{taskIds}" },
  encodeArgs: () => {},
  decodeResult: (document) => document as TaskList,
};
const readArgs = (params: URLSearchParams, ctx: WireContext): Args => {
  const a: Record<string, unknown> = {};
  let v = wire.list(params, "taskIds", "comma", wire.string, ctx);
  if (v === undefined) ctx.missing.push("taskIds");
  else a.taskIds = v;
  v = wire.list(params, "fields", "json", wire.string, ctx);
  if (v !== undefined) a.fields = v;
  return a as unknown as Args;
};
const tasksGetHandler = documentHandler<Args, TaskList, 404, "reference">(api, {
  descriptor: getTasks,
  readArgs,
  variants: [{ required: ["kind", "data"] }],
  examples: { reference: { format: "json", document: { kind: "tasks", data: [{ id: "IEAAA", title: "First" }] } } },
  defaultExample: "reference",
  errors: { 404: "Task not found" },
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it("answers a GET with path parameters, the document without a root", async () => {
  server.use(tasksGetHandler());
  const response = await fetch("https://www.wrike.com/api/v4/tasks/IEAAA");
  expect(await response.json()).toEqual({ kind: "tasks", data: [{ id: "IEAAA", title: "First" }] });
});

it("reads path and query parameters into the resolver's typed arguments", async () => {
  server.use(tasksGetHandler(({ args }) => ({ data: args.taskIds.map((id) => ({ id, title: `${id}: ${(args.fields ?? []).join("+")}` })) }), { merge: true }));
  const response = await fetch(`https://www.wrike.com/api/v4/tasks/A,B?fields=${encodeURIComponent('["x","y"]')}`);
  expect(await response.json()).toEqual({ kind: "tasks", data: [{ id: "A", title: "A: x+y" }, { id: "B", title: "B: x+y" }] });
});

it("answers errors in the rootless envelope with the code's HTTP status", async () => {
  server.use(tasksGetHandler.error(404));
  const response = await fetch("https://www.wrike.com/api/v4/tasks/NOPE");
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: "resource_not_found", errorDescription: "Task not found" });
});
