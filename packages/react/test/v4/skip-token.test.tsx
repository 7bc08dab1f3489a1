// @vitest-environment happy-dom
/**
 * TanStack's `skipToken` in place of a hook's or factory's arguments: `useTasksGet(id ? { taskIds: [id] } : skipToken)`.
 * While skipped nothing is sent, the key stays JSON and never shares an entry with real arguments, `data`
 * keeps its type, and TanStack's own semantics hold (`refetch()` does not fetch, the suspense hooks refuse it).
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, hashKey, skipToken, useSuspenseQuery, type SkipToken } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { createWrikeClient, type TasksGetArgs, type TasksGetResult, type TasksListResult } from "@wrikekit/client";
import { tasksGetHandler, tasksListHandler } from "@wrikekit/msw";
import {
  WrikeProvider,
  tasksGetQueryOptions,
  tasksKeys,
  tasksListInfiniteQueryOptions,
  useTasksGet,
  useTasksList,
  useTasksListInfinite,
  wrikeKeys,
  type WrikePages,
} from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();
const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });

/** A provider over a fresh QueryClient, and the requests the server saw. */
function setup() {
  const queryClient = new QueryClient();
  const requests: string[] = [];
  server.events.on("request:start", ({ request }) => void requests.push(new URL(request.url).pathname));
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  return { queryClient, requests, wrapper };
}

/** Lets pending fetches (if any were wrongly started) reach the server. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe("skipToken for a query hook's arguments", () => {
  it("sends nothing while skipped, then fetches once arguments come; data keeps its `fields` type", async () => {
    server.use(tasksGetHandler(({ args }) => ({ data: args.taskIds.map((id) => ({ id, title: `task ${id}`, effortAllocation: { mode: "None" } })) })));
    const { queryClient, requests, wrapper } = setup();
    const { result, rerender } = renderHook(({ id }: { id?: string }) => useTasksGet(id ? { taskIds: [id], fields: ["effortAllocation"] } : skipToken), {
      wrapper,
      initialProps: {},
    });
    expectTypeOf(result.current.data).toEqualTypeOf<TasksGetResult<["effortAllocation"]> | undefined>();
    await settle();
    expect(requests).toEqual([]);
    expect(result.current).toMatchObject({ status: "pending", fetchStatus: "idle", error: null, data: undefined });
    const [skipped, ...others] = queryClient.getQueryCache().findAll({ queryKey: tasksKeys.get.all });
    expect(others).toEqual([]);
    expect(skipped!.queryKey).toEqual(["wrike", "GET /tasks/{taskIds}", null]);
    expect(JSON.parse(skipped!.queryHash)).toEqual(["wrike", "GET /tasks/{taskIds}", null]);

    rerender({ id: "T1" });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(requests).toEqual(["/api/v4/tasks/T1"]);
    expect(result.current.data!.data[0]!.effortAllocation).toMatchObject({ mode: "None" });
  });

  it("a skipped read never shows the answer cached for real arguments, not even for no arguments", async () => {
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData(tasksKeys.list(), { data: [{ id: "T1", title: "cached for {}" }] } as unknown as TasksListResult);
    queryClient.setQueryData(tasksKeys.list.infinite(), { pages: [{ data: [] }], pageParams: [undefined] } as unknown as WrikePages<TasksListResult>);
    const { result } = renderHook(() => ({ plain: useTasksList(skipToken), pages: useTasksListInfinite(skipToken) }), { wrapper });
    expect(result.current.plain.data).toBeUndefined();
    expect(result.current.pages.data).toBeUndefined();
    expect(hashKey(tasksKeys.list())).not.toBe(hashKey(["wrike", "GET /tasks", null]));
  });

  it("invalidation leaves it alone; refetch() fetches nothing and fails as TanStack documents (Missing queryFn)", async () => {
    const { queryClient, requests, wrapper } = setup();
    const { result } = renderHook(() => useTasksGet(skipToken), { wrapper });
    await act(() => queryClient.invalidateQueries({ queryKey: wrikeKeys.all }));
    await act(() => queryClient.refetchQueries({ queryKey: tasksKeys.get.all }));
    expect(requests).toEqual([]);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const refetched = await act(() => result.current.refetch());
      expect(refetched.error?.message).toMatch(/^Missing queryFn/);
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("skipToken"));
    } finally {
      consoleError.mockRestore();
    }
    expect(requests).toEqual([]);
  });
});

describe("skipToken for an infinite query hook's arguments", () => {
  it("sends nothing while skipped (fetchNextPage included), then pages once arguments come", async () => {
    server.use(tasksListHandler(({ args }) => ({ data: [{ id: `T${args.nextPageToken ?? 0}`, title: "t" }], ...(args.nextPageToken ? {} : { nextPageToken: "1" }) })));
    const { queryClient, requests, wrapper } = setup();
    const { result, rerender } = renderHook(({ on }: { on: boolean }) => useTasksListInfinite(on ? { status: ["Active"] } : skipToken), { wrapper, initialProps: { on: false } });
    expectTypeOf(result.current.data).toEqualTypeOf<WrikePages<TasksListResult> | undefined>();
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await act(() => result.current.fetchNextPage());
    } finally {
      consoleError.mockRestore();
    }
    await settle();
    expect(requests).toEqual([]);
    expect(queryClient.getQueryCache().findAll({ queryKey: tasksKeys.list.all }).map((query) => query.queryKey)).toEqual([["wrike", "GET /tasks", null, "infinite"]]);

    rerender({ on: true });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data!.pages.map((page) => page.data[0]!.id)).toEqual(["T0", "T1"]));
    expect(requests).toEqual(["/api/v4/tasks", "/api/v4/tasks"]);
  });
});

describe("skipToken for a factory's arguments", () => {
  it("gives TanStack's skipped options under the skipped key; prefetching them sends nothing", async () => {
    const { queryClient, requests } = setup();
    const options = tasksGetQueryOptions(client, skipToken);
    expect(options.queryFn).toBe(skipToken);
    expect(options.queryKey).toEqual(["wrike", "GET /tasks/{taskIds}", null]);
    expect(tasksListInfiniteQueryOptions(client, skipToken).queryKey).toEqual(["wrike", "GET /tasks", null, "infinite"]);
    await queryClient.prefetchQuery(options);
    await queryClient.prefetchInfiniteQuery(tasksListInfiniteQueryOptions(client, skipToken));
    expect(requests).toEqual([]);
  });

  it("the suspense hooks refuse options that may be skipped, at compile time, as TanStack's own queryOptions", () => {
    const maybe = (id: string | undefined): TasksGetArgs | SkipToken => (id ? { taskIds: [id] } : skipToken);
    // Only type-checked (tsc -p tsconfig.test.json): the hook is never called.
    const suspenseWithMaybeSkipped = () =>
      // @ts-expect-error useSuspenseQuery requires a queryFn, never skipToken
      useSuspenseQuery(tasksGetQueryOptions(client, maybe(undefined)));
    const suspenseWithArgs = () => useSuspenseQuery(tasksGetQueryOptions(client, { taskIds: ["T1"] }));
    expect([suspenseWithMaybeSkipped, suspenseWithArgs]).toHaveLength(2);
  });
});
