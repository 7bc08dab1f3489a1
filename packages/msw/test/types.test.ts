/** The handlers' types: overrides are checked against the method's result, errors against its codes. */
import { expectTypeOf, it } from "vitest";
import type { HttpHandler } from "msw";
import type { Task, TaskAddArgs, TaskFilterResult } from "@wrikekit/client/v2";
import { attachmentDownloadHandler, createWrikeHandlers, taskAddHandler, taskFilterHandler } from "../src/v2/index.js";

// Never called: the checks are the compiler's (pnpm typecheck).
function typeOnly() {
  // @ts-expect-error a task's title is a string
  taskAddHandler({ title: 1 });
  // @ts-expect-error 404 is not an error code of wrike.task.add
  taskAddHandler.error(404);
  // @ts-expect-error wrike.task.filter has the examples count and list only
  taskFilterHandler(undefined, { example: "nope" });
  // @ts-expect-error with merge: false the value is the whole answer, so it needs the required id
  taskAddHandler({ title: "x" }, { merge: false });
  // @ts-expect-error a resolver's value is checked too
  taskAddHandler(() => ({ importance: "high" }));
  taskAddHandler(({ args }) => {
    expectTypeOf(args).toEqualTypeOf<TaskAddArgs>();
    return { title: args.title, parents: args.parents };
  });
  taskFilterHandler({ count: 3 }, { example: "count" });
  attachmentDownloadHandler(({ args }) => `file ${args.id}`, { contentType: "text/plain" });
  // @ts-expect-error downloads answer bytes or text
  attachmentDownloadHandler(42);
}
void typeOnly;

it("types the factories' results", () => {
  expectTypeOf(taskAddHandler.example()).toEqualTypeOf<Task>();
  expectTypeOf(taskFilterHandler.example("count")).toEqualTypeOf<TaskFilterResult>();
  expectTypeOf(taskAddHandler.error(405)).toEqualTypeOf<HttpHandler>();
  expectTypeOf(createWrikeHandlers).returns.toEqualTypeOf<HttpHandler[]>();
});
