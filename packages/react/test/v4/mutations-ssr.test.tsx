// @vitest-environment happy-dom
/**
 * A write's hook against live queries: the folder's paged task list (two pages loaded) and the account-wide
 * list are refetched before the mutation settles, a failed write's onError gets the typed error, and an
 * optimistic update written by hand rolls back. Then SSR: prefetched pages survive dehydrate/JSON/hydrate
 * and render without a request.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, dehydrate, hydrate } from "@tanstack/react-query";
import { HttpResponse } from "msw";
import type { ReactNode } from "react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, WrikeApiError, type TasksListResult } from "@wrikekit/client";
import type { WrikeError } from "@wrikekit/core";
import { tasksCreateInFolderHandler, tasksListHandler, tasksListInFolderHandler } from "@wrikekit/msw";
import { WrikeProvider, tasksKeys, tasksListInfiniteQueryOptions, tasksListQueryOptions, useTasksCreateInFolder, useTasksList, useTasksListInFolderInfinite, useTasksListInfinite } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();

const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });

function wrapperOf(queryClient: QueryClient) {
  return ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
}

/** Tasks of folder F, one a page: the page token is the index of the page's task. */
function folderBackend() {
  const titles = ["first", "second"];
  const requests: string[] = [];
  const page = (token: string | undefined) => {
    const at = Number(token ?? "0");
    return { data: [{ id: `T${at}`, title: titles[at]! }], ...(at + 1 < titles.length ? { nextPageToken: String(at + 1) } : {}) };
  };
  server.use(
    tasksListInFolderHandler(({ args }) => (requests.push(`folder ${args.folderId} ${args.nextPageToken ?? "first"}`), page(args.nextPageToken))),
    tasksListHandler(({ args }) => (requests.push(`account ${args.nextPageToken ?? "first"}`), page(args.nextPageToken))),
    tasksCreateInFolderHandler(({ args }) => (titles.push(args.title), { data: [{ id: `T${titles.length - 1}`, title: args.title }] })),
  );
  return { requests };
}

describe("useTasksCreateInFolder", () => {
  it("refetches the folder's loaded pages and the account-wide list before it settles", async () => {
    const { requests } = folderBackend();
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const { result } = renderHook(
      () => ({ folder: useTasksListInFolderInfinite({ folderId: "F" }), account: useTasksList(), create: useTasksCreateInFolder() }),
      { wrapper: wrapperOf(queryClient) },
    );
    await waitFor(() => expect(result.current.folder.hasNextPage).toBe(true));
    await act(() => result.current.folder.fetchNextPage());
    await waitFor(() => expect(result.current.folder.hasNextPage).toBe(false));
    requests.length = 0;
    await act(() => result.current.create.mutateAsync({ folderId: "F", title: "third" }));
    // Every page loaded is fetched again from the first, and the next page the new task made appears.
    expect([...requests].sort()).toEqual(["account first", "folder F 1", "folder F first"]);
    expect(result.current.folder.hasNextPage).toBe(true);
  });

  it("onError gets the WrikeApiError, and a hand-written optimistic update rolls back", async () => {
    folderBackend();
    server.use(tasksCreateInFolderHandler.error(403, "access_forbidden", { description: "No access" }));
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const errors: WrikeError[] = [];
    const { result } = renderHook(
      () => ({
        list: useTasksList(),
        create: useTasksCreateInFolder({
          onMutate: async (variables, { client: qc }) => {
            await qc.cancelQueries({ queryKey: tasksKeys.list() });
            const previous = qc.getQueryData<TasksListResult>(tasksKeys.list());
            qc.setQueryData<TasksListResult>(tasksKeys.list(), (old) => old && { ...old, data: [...old.data, { id: "optimistic", title: variables.title } as never] });
            return { previous };
          },
          onError: (error, _variables, onMutateResult, { client: qc }) => {
            expectTypeOf(error).toEqualTypeOf<WrikeError>();
            errors.push(error);
            qc.setQueryData(tasksKeys.list(), onMutateResult?.previous);
          },
        }),
      }),
      { wrapper: wrapperOf(queryClient) },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(async () => result.current.create.mutate({ folderId: "F", title: "third" }));
    await waitFor(() => expect(result.current.create.isError).toBe(true));
    expect(errors[0]).toBeInstanceOf(WrikeApiError);
    expect(errors[0]).toMatchObject({ httpStatus: 403, errorName: "access_forbidden" });
    expect(result.current.list.data?.data.map((t) => t.title)).toEqual(["first"]);
  });

  it("is not retried by TanStack even when the QueryClient's defaults retry mutations (a write may have landed)", async () => {
    let requests = 0;
    server.use(tasksCreateInFolderHandler(() => (requests++, HttpResponse.json({ error: "server_error", errorDescription: "Gateway gave up" }, { status: 500 }))));
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 1 } } });
    const { result } = renderHook(() => useTasksCreateInFolder(), { wrapper: wrapperOf(queryClient) });
    await act(async () => result.current.mutate({ folderId: "F", title: "once" }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(WrikeApiError);
    expect(requests).toBe(1);
  });
});

describe("server-side rendering round trip", () => {
  it("prefetched queries and pages hydrate and render without a request", async () => {
    const { requests } = folderBackend();
    const onServer = new QueryClient();
    await onServer.prefetchQuery(tasksListQueryOptions(client, { status: ["Active"] }));
    await onServer.prefetchInfiniteQuery(tasksListInfiniteQueryOptions(client, { status: ["Active"] }));
    const state = JSON.parse(JSON.stringify(dehydrate(onServer)));
    expect(JSON.stringify(state)).not.toContain("test-token");
    requests.length = 0;
    const inBrowser = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    hydrate(inBrowser, state);
    const { result } = renderHook(
      () => ({ first: useTasksList({ status: ["Active"] }), pages: useTasksListInfinite({ status: ["Active"] }) }),
      { wrapper: wrapperOf(inBrowser) },
    );
    expect(result.current.first.data?.data.map((t) => t.title)).toEqual(["first"]);
    expect(result.current.pages.data?.pages).toHaveLength(1);
    expect(result.current.pages.hasNextPage).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toEqual([]);
  });

  it("a hydrated infinite query refetches from its first page (JSON wrote its undefined first page param as null)", async () => {
    const { requests } = folderBackend();
    const onServer = new QueryClient();
    await onServer.prefetchInfiniteQuery({ ...tasksListInfiniteQueryOptions(client, { status: ["Active"] }), pages: 2 });
    const state = JSON.parse(JSON.stringify(dehydrate(onServer)));
    requests.length = 0;
    const inBrowser = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    hydrate(inBrowser, state);
    const { result } = renderHook(() => useTasksListInfinite({ status: ["Active"] }), { wrapper: wrapperOf(inBrowser) });
    expect(result.current.data?.pages).toHaveLength(2);
    const refetched = await act(() => result.current.refetch());
    expect(refetched.error).toBeNull();
    expect(requests).toEqual(["account first", "account 1"]);
    expect(result.current.data?.pages.map((page) => page.data[0]?.title)).toEqual(["first", "second"]);
  });
});
