// @vitest-environment happy-dom
/** The v4 hooks against the MSW v4 handlers: infinite paging, a mutation invalidating a list, typed errors and results. */
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, WrikeApiError, type Task } from "@wrikekit/client";
import type { WrikeError } from "@wrikekit/core";
import { spacesListHandler, tasksCreateInFolderHandler, tasksGetHandler, tasksListHandler } from "@wrikekit/msw";
import { WrikeProvider, tasksKeys, useSpacesList, useTasksCreateInFolder, useTasksGet, useTasksList, useTasksListInfinite, useWrikeClient } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();

function setup() {
  const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  return { client, queryClient, wrapper };
}

describe("keys", () => {
  it("a paged read's pages have their own key under the read's", () => {
    expect(tasksKeys.list({ status: ["Active"] })).toEqual(["wrike", "GET /tasks", { status: ["Active"] }]);
    expect(tasksKeys.list.infinite({ status: ["Active"] })).toEqual(["wrike", "GET /tasks", { status: ["Active"] }, "infinite"]);
    expect(tasksKeys.list.all).toEqual(["wrike", "GET /tasks"]);
  });
});

describe("useTasksListInfinite", () => {
  it("pages by nextPageToken, re-sending every filter with each token, until the last page", async () => {
    const requests: { status: unknown; pageSize: unknown; token: unknown }[] = [];
    server.use(
      tasksListHandler(({ args }) => {
        requests.push({ status: args.status, pageSize: args.pageSize, token: args.nextPageToken });
        const page = Number(args.nextPageToken ?? "0");
        return { data: [{ id: `T${page}a`, title: `task ${page}a` }, { id: `T${page}b`, title: `task ${page}b` }], ...(page < 2 ? { nextPageToken: String(page + 1) } : {}) };
      }),
    );
    const { wrapper } = setup();
    function Tasks() {
      const pages = useTasksListInfinite({ status: ["Active"], pageSize: 2 });
      if (pages.isPending) return <p>loading</p>;
      if (pages.isError) return <p>error: {pages.error.message}</p>;
      return (
        <>
          <ul>{pages.data.pages.flatMap((p) => p.data).map((t) => <li key={t.id}>{t.title}</li>)}</ul>
          {pages.hasNextPage ? <button onClick={() => void pages.fetchNextPage()}>more</button> : <p>all loaded</p>}
        </>
      );
    }
    render(<Tasks />, { wrapper });
    for (let i = 0; i < 2; i++) {
      await screen.findByText("more");
      await act(async () => screen.getByText("more").click());
    }
    await screen.findByText("all loaded");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["task 0a", "task 0b", "task 1a", "task 1b", "task 2a", "task 2b"]);
    expect(requests).toEqual([
      { status: ["Active"], pageSize: 2, token: undefined },
      { status: ["Active"], pageSize: 2, token: "1" },
      { status: ["Active"], pageSize: 2, token: "2" },
    ]);
  });
});

describe("mutations invalidate the spec's reads", () => {
  it("creating a task refetches the task list (spaces stay cached)", async () => {
    const titles = ["Existing"];
    let spaceRequests = 0;
    server.use(
      tasksListHandler(() => ({ data: titles.map((title, i) => ({ id: `T${i}`, title })) })),
      tasksCreateInFolderHandler(({ args }) => (titles.push(args.title), { data: [{ id: `T${titles.length - 1}`, title: args.title }] })),
      spacesListHandler(() => (spaceRequests++, {})),
    );
    const { wrapper } = setup();
    function Board() {
      const tasks = useTasksList();
      const spaces = useSpacesList();
      const create = useTasksCreateInFolder();
      if (tasks.isPending || spaces.isPending) return <p>loading</p>;
      return (
        <>
          <ul>{tasks.isSuccess ? tasks.data.data.map((t) => <li key={t.id}>{t.title}</li>) : null}</ul>
          <button onClick={() => create.mutate({ folderId: "IEAGKVLFI4AAAAAB", title: "Added" })}>add</button>
          {create.isSuccess ? <p>created</p> : null}
        </>
      );
    }
    render(<Board />, { wrapper });
    await screen.findByText("Existing");
    await act(async () => screen.getByText("add").click());
    await screen.findByText("created");
    // The mutation settles only after the invalidated list is refetched: the new task is on screen already.
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Existing", "Added"]);
    expect(spaceRequests).toBe(1);
  });
});

describe("types and errors", () => {
  it("an API error reaches the hook as a typed WrikeApiError", async () => {
    server.use(tasksGetHandler.error(404, "resource_not_found", { description: "Task not found" }));
    const { wrapper } = setup();
    const { result } = renderHook(() => useTasksGet({ taskIds: ["nope"] }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expectTypeOf(result.current.error).toEqualTypeOf<WrikeError | null>();
    expect(result.current.error).toBeInstanceOf(WrikeApiError);
    expect(result.current.error).toMatchObject({ httpStatus: 404, errorName: "resource_not_found" });
  });

  it("`fields` makes the selected optional fields present in the hook's data type and answer", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useTasksGet({ taskIds: ["IEAGKVLFKQ7WMVOE"], fields: ["effortAllocation"] }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const [task] = result.current.data!.data;
    expectTypeOf(task!.effortAllocation).not.toBeUndefined();
    expectTypeOf(task!).toMatchTypeOf<Task>();
    expect(task!.effortAllocation).toBeDefined();
  });

  it("useWrikeClient is typed as the v4 client", () => {
    const { wrapper, client } = setup();
    const { result } = renderHook(() => useWrikeClient(), { wrapper });
    expectTypeOf(result.current).toEqualTypeOf<typeof client>();
    expect(result.current).toBe(client);
  });
});
