// @vitest-environment happy-dom
/**
 * What a React developer relies on without configuring it: query keys that are canonical whatever the order
 * or `undefined`s of the arguments, and no TanStack retries on top of the client's own (a failure shows at once,
 * and a retried request is not multiplied by TanStack's default of 3 more tries, unless the app asks for them
 * with setQueryDefaults on a wrikekit key), and infinite queries that never drop pages (no maxPages).
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, hashKey, type QueryClientConfig } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { createWrikeClient, WrikeApiError, WrikeTransportError, WrikeValidationError } from "@wrikekit/client";
import { tasksGetHandler, tasksListHandler } from "@wrikekit/msw";
import { HttpResponse, http } from "msw";
import { WrikeProvider, tasksKeys, tasksListQueryOptions, useTasksGet, useTasksList, useTasksListInfinite, wrikeKeys } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();

/** A QueryClient left at TanStack's defaults (3 retries) unless `defaults` are given, as an app creates it. */
function setup(retry: Parameters<typeof createWrikeClient>[0]["retry"], defaults?: QueryClientConfig["defaultOptions"]) {
  const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry });
  const queryClient = new QueryClient({ defaultOptions: defaults });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  return { client, queryClient, wrapper };
}

describe("query keys are canonical", () => {
  it("the same arguments in another order, or with undefined ones, give the same key and JSON", () => {
    const key = tasksKeys.list({ status: ["Active"], pageSize: 2, dueDate: { start: "2026-01-01", end: "2026-02-01" } });
    const reordered = tasksKeys.list({ dueDate: { end: "2026-02-01", start: "2026-01-01" }, fields: undefined, pageSize: 2, status: ["Active"] });
    expect(reordered).toStrictEqual(key);
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(key));
    expect(JSON.stringify(tasksKeys.list.infinite({ pageSize: 2, status: ["Active"], title: undefined }))).toBe(JSON.stringify(tasksKeys.list.infinite({ status: ["Active"], pageSize: 2 })));
    expect(tasksKeys.list({ status: undefined })).toStrictEqual(tasksKeys.list());
  });

  it("stays distinct per operation and per argument value, and arrays keep their order", () => {
    expect(hashKey(tasksKeys.list({ pageSize: 2 }))).not.toBe(hashKey(tasksKeys.list({ pageSize: 3 })));
    expect(hashKey(tasksKeys.list({ pageSize: 2 }))).not.toBe(hashKey(tasksKeys.listInFolder({ folderId: "F", pageSize: 2 })));
    expect(tasksKeys.get({ taskIds: ["B", "A"] })[2]).toEqual({ taskIds: ["B", "A"] });
  });

  it("a bigint argument (JSON cannot hold one) is the query's WrikeValidationError, not a throw from the hook", async () => {
    const { wrapper } = setup(false);
    const { result } = renderHook(() => useTasksList({ pageSize: 10n as never }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    expect(result.current.error).toBeInstanceOf(WrikeValidationError);
    expect(tasksKeys.list({ pageSize: 10n as never })).toEqual(["wrike", "GET /tasks", { pageSize: "10n" }]);
  });

  it("a hook given no arguments object where one is required shows a WrikeValidationError naming the argument", async () => {
    const { wrapper } = setup(false);
    const { result } = renderHook(() => useTasksGet(undefined as never), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    expect(result.current.error).toBeInstanceOf(WrikeValidationError);
    expect(result.current.error?.message).toContain("taskIds");
  });

  it("the key's canonical form leaves the arguments sent unchanged", async () => {
    const sent: unknown[] = [];
    server.use(tasksListHandler(({ args }) => (sent.push(args.status), { data: [] })));
    const { client, queryClient } = setup(false);
    const args = { status: ["Active" as const], pageSize: 5 };
    await queryClient.fetchQuery(tasksListQueryOptions(client, args));
    expect(sent).toEqual([["Active"]]);
    expect(args).toEqual({ status: ["Active"], pageSize: 5 });
  });
});

describe("abort", () => {
  /** A client whose fetch never answers, keeping each request's signal. */
  function hanging() {
    const signals: AbortSignal[] = [];
    const fetch = ((_: unknown, init?: RequestInit) => (signals.push(init!.signal!), new Promise<Response>(() => {}))) as typeof globalThis.fetch;
    const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false, fetch });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <WrikeProvider client={client} queryClient={queryClient}>
        {children}
      </WrikeProvider>
    );
    return { signals, queryClient, wrapper };
  }

  it("unmounting the last observer aborts the request", async () => {
    const { signals, wrapper } = hanging();
    const { unmount } = renderHook(() => useTasksGet({ taskIds: ["T1"] }), { wrapper });
    await waitFor(() => expect(signals).toHaveLength(1));
    unmount();
    await waitFor(() => expect(signals[0]!.aborted).toBe(true));
  });

  it("cancelQueries aborts an infinite query's page request", async () => {
    const { signals, queryClient, wrapper } = hanging();
    renderHook(() => useTasksListInfinite({ status: ["Active"] }), { wrapper });
    await waitFor(() => expect(signals).toHaveLength(1));
    await queryClient.cancelQueries({ queryKey: tasksKeys.list.all });
    expect(signals[0]!.aborted).toBe(true);
  });
});

describe("no TanStack retries on top of the client's", () => {
  it("a 404 is one request, shown at once", async () => {
    let requests = 0;
    server.use(tasksGetHandler.error(404, "resource_not_found", { description: "Task not found" }));
    server.events.on("request:start", () => void requests++);
    const { wrapper } = setup(undefined);
    const { result } = renderHook(() => useTasksGet({ taskIds: ["nope"] }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    server.events.removeAllListeners();
    expect(result.current.error).toBeInstanceOf(WrikeApiError);
    expect(requests).toBe(1);
  });

  it("invalid arguments surface as the query's WrikeValidationError at once, with no request sent", async () => {
    let requests = 0;
    server.events.on("request:start", () => void requests++);
    const { wrapper } = setup(undefined);
    const { result } = renderHook(() => useTasksListInfinite({ pageSize: "ten" as never }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    server.events.removeAllListeners();
    expect(result.current.error).toBeInstanceOf(WrikeValidationError);
    expect(result.current.error?.message).toContain("pageSize");
    expect(requests).toBe(0);
  });

  it("a transient failure is tried as often as the client's retry policy says, not 4 times that", async () => {
    let requests = 0;
    server.use(http.get("https://www.wrike.com/api/v4/tasks/:taskIds", () => (requests++, new HttpResponse("busy", { status: 503 }))));
    const { wrapper } = setup({ maxAttempts: 2, initialDelayMs: 1, jitter: 0 });
    const { result } = renderHook(() => useTasksGet({ taskIds: ["T1"] }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    expect(result.current.error).toBeInstanceOf(WrikeTransportError);
    expect(requests).toBe(2);
  });

  it("a hook's own retry option still applies", async () => {
    let requests = 0;
    server.use(http.get("https://www.wrike.com/api/v4/tasks/:taskIds", () => (requests++, new HttpResponse("busy", { status: 503 }))));
    const { wrapper } = setup(false);
    const { result } = renderHook(() => useTasksGet({ taskIds: ["T1"] }, { retry: 1, retryDelay: 1 }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    expect(requests).toBe(2);
  });
});

describe("retry defaults the app set for wrikekit keys", () => {
  /** Counts the 503s a task read and a task list get. */
  function busy() {
    const requests = { get: 0, list: 0 };
    server.use(
      http.get("https://www.wrike.com/api/v4/tasks/:taskIds", () => (requests.get++, new HttpResponse("busy", { status: 503 }))),
      http.get("https://www.wrike.com/api/v4/tasks", () => (requests.list++, new HttpResponse("busy", { status: 503 }))),
    );
    return requests;
  }

  it("setQueryDefaults([\"wrike\"], { retry }) is honoured by the query and infinite query hooks", async () => {
    const requests = busy();
    const { queryClient, wrapper } = setup(false);
    queryClient.setQueryDefaults(wrikeKeys.all, { retry: 1, retryDelay: 1 });
    const { result } = renderHook(() => ({ get: useTasksGet({ taskIds: ["T1"] }), pages: useTasksListInfinite() }), { wrapper });
    await waitFor(() => expect(result.current.get.isError && result.current.pages.isError).toBe(true), { timeout: 900 });
    expect(requests).toEqual({ get: 2, list: 2 });
  });

  it("a default for one read's key applies to that read only; the hook's own retry still wins", async () => {
    const requests = busy();
    const { queryClient, wrapper } = setup(false);
    queryClient.setQueryDefaults(tasksKeys.get.all, { retry: 2, retryDelay: 1 });
    const { result } = renderHook(() => ({ get: useTasksGet({ taskIds: ["T1"] }), list: useTasksList({}, { retry: 1, retryDelay: 1 }) }), { wrapper });
    await waitFor(() => expect(result.current.get.isError && result.current.list.isError).toBe(true), { timeout: 900 });
    expect(requests).toEqual({ get: 3, list: 2 });
  });

  it("the QueryClient's defaultOptions.queries.retry (meant for the app's own queries) is not", async () => {
    const requests = busy();
    const { wrapper } = setup(false, { queries: { retry: 2, retryDelay: 1 } });
    const { result } = renderHook(() => useTasksGet({ taskIds: ["T1"] }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 900 });
    expect(requests.get).toBe(1);
  });
});

describe("infinite queries keep every page (no maxPages)", () => {
  /** Three pages of one task each, tokens "1" and "2". */
  function threePages() {
    server.use(tasksListHandler(({ args }) => {
      const at = Number(args.nextPageToken ?? 0);
      return { data: [{ id: `T${at}`, title: `task ${at}` }], ...(at < 2 ? { nextPageToken: String(at + 1) } : {}) };
    }));
  }

  it("a maxPages in the QueryClient's defaults does not drop pages of a wrikekit infinite query", async () => {
    threePages();
    const { queryClient, wrapper } = setup(false, { queries: { maxPages: 1 } });
    queryClient.setQueryDefaults(wrikeKeys.all, { maxPages: 2 });
    const { result } = renderHook(() => useTasksListInfinite(), { wrapper });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    await act(() => result.current.fetchNextPage());
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages.map((page) => page.data[0]!.id)).toEqual(["T0", "T1", "T2"]));
    expect(result.current.hasNextPage).toBe(false);
  });

  it("maxPages is refused: a compile error, and from untyped code a TypeError naming it", () => {
    const { wrapper } = setup(false);
    // @ts-expect-error maxPages?: never (Wrike's page tokens only go forward)
    const withMaxPages = () => useTasksListInfinite({}, { maxPages: 2 });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() => renderHook(withMaxPages, { wrapper })).toThrow(new TypeError("GET /tasks: the infinite query hook does not take maxPages: Wrike's page tokens only go forward, so a page dropped from the front could never be fetched again. Leave maxPages out."));
    } finally {
      consoleError.mockRestore();
    }
    // maxPages: undefined is no maxPages.
    expect(() => renderHook(() => useTasksListInfinite({}, { maxPages: undefined }), { wrapper })).not.toThrow();
  });
});
