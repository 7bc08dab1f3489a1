// @vitest-environment happy-dom
import { act, cleanup, render, renderHook, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskStatus } from "@wrikekit/client/v2";
import {
  WrikeProvider,
  taskFilterQueryOptions,
  taskKeys,
  useAttachmentDownload,
  useFolderTree,
  useTaskAdd,
  useTaskFilter,
  useTaskGet,
  useTaskUpdate,
  useWrikeClient,
} from "../src/v2/index.js";
import { fakeWrike } from "./fake-wrike.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

function setup() {
  const wrike = fakeWrike();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={wrike.client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  return { wrike, queryClient, wrapper };
}

describe("query keys and options", () => {
  it("builds [\"wrike\", methodId, args] keys with a per-method prefix", () => {
    expect(taskKeys.filter({ limit: 5 })).toEqual(["wrike", "wrike.task.filter", { limit: 5 }]);
    expect(taskKeys.filter()).toEqual(["wrike", "wrike.task.filter", {}]);
    expect(taskKeys.filter.all).toEqual(["wrike", "wrike.task.filter"]);
    expect(taskKeys.get({ id: 3 })).toEqual(["wrike", "wrike.task.get", { id: 3 }]);
  });

  it("queryOptions work outside React (prefetch, ensureQueryData)", async () => {
    const { wrike, queryClient } = setup();
    const data = await queryClient.ensureQueryData(taskFilterQueryOptions(wrike.client, {}));
    expect(data).toMatchObject({ list: [{ id: 1, title: "Existing" }] });
    expect(queryClient.getQueryData(taskKeys.filter({}))).toBe(data);
  });
});

describe("query hooks", () => {
  it("load through the provider's client", async () => {
    const { wrapper } = setup();
    function Tasks() {
      const tasks = useTaskFilter({ statuses: [TaskStatus.active] });
      if (tasks.isPending) return <p>loading</p>;
      if (tasks.isError) return <p>error: {tasks.error.message}</p>;
      return <ul>{"list" in tasks.data ? tasks.data.list.map((t) => <li key={t.id}>{t.title}</li>) : null}</ul>;
    }
    render(<Tasks />, { wrapper });
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("Existing")).toBeTruthy();
  });

  it("pass select and other useQuery options through", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useTaskGet({ id: 1 }, { select: (task) => task.title }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe("Existing");
  });

  it("surface typed Wrike errors", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useTaskGet({ id: 999 }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: "WrikeApiError", code: 406 });
  });

  it("read a download whole into a Blob", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useAttachmentDownload({ id: 7 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.contentType).toBe("text/plain");
    expect(result.current.data!.size).toBe(10);
    expect(await result.current.data!.blob.text()).toBe("file bytes");
  });

  it("fail clearly without a WrikeProvider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useWrikeClient())).toThrow(/no WrikeProvider/);
  });
});

describe("mutation hooks", () => {
  it("invalidate the reads the spec lists, refetch those in use, leave the others alone, then call onSuccess", async () => {
    const { wrike, wrapper } = setup();
    const order: string[] = [];
    const onSuccess = vi.fn(() => {
      order.push(`onSuccess after ${wrike.calls["wrike.task.filter"]} filter calls`);
    });
    const { result } = renderHook(
      () => ({
        filter: useTaskFilter(), // wrike.task.add invalidates wrike.task.filter
        get: useTaskGet({ id: 1 }), // ... but not wrike.task.get
        tree: useFolderTree(), // ... nor wrike.folder.tree
        add: useTaskAdd({ onSuccess }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.filter.isSuccess && result.current.get.isSuccess && result.current.tree.isSuccess).toBe(true));
    expect(wrike.calls).toEqual({ "wrike.task.filter": 1, "wrike.task.get": 1, "wrike.folder.tree": 1 });

    await act(() => result.current.add.mutateAsync({ title: "New task" }));

    expect(wrike.calls).toEqual({ "wrike.task.filter": 2, "wrike.task.get": 1, "wrike.folder.tree": 1, "wrike.task.add": 1 });
    expect(onSuccess).toHaveBeenCalledOnce();
    expect((onSuccess.mock.calls[0] as unknown[])[1]).toEqual({ title: "New task" });
    expect(order).toEqual(["onSuccess after 2 filter calls"]);
    // The refetch has been answered; its data reaches the hook on the next render.
    await waitFor(() => {
      const data = result.current.filter.data!;
      expect("list" in data && data.list.map((t) => t.title)).toEqual(["Existing", "New task"]);
    });
  });

  it("moves a task between filtered lists when an update completes it", async () => {
    const { wrike, wrapper } = setup();
    const { result } = renderHook(
      () => ({
        active: useTaskFilter({ statuses: [TaskStatus.active] }),
        completed: useTaskFilter({ statuses: [TaskStatus.completed] }),
        update: useTaskUpdate(),
      }),
      { wrapper },
    );
    const titles = (q: typeof result.current.active) => (q.data && "list" in q.data ? q.data.list.map((t) => t.title) : undefined);
    // Both queries settle on renders of their own; wait for each rather than for one of them.
    await waitFor(() => expect([titles(result.current.active), titles(result.current.completed)]).toEqual([["Existing"], []]));
    await act(() => result.current.update.mutateAsync({ id: 1, title: "Existing", status: TaskStatus.completed }));
    await waitFor(() => expect([titles(result.current.active), titles(result.current.completed)]).toEqual([[], ["Existing"]]));
    expect(wrike.calls["wrike.task.filter"]).toBe(4);
  });

  it("do not invalidate anything when the call fails", async () => {
    const { wrike, wrapper } = setup();
    const { result } = renderHook(() => ({ filter: useTaskFilter(), update: useTaskUpdate() }), { wrapper });
    await waitFor(() => expect(result.current.filter.isSuccess).toBe(true));
    await act(async () => {
      await expect(result.current.update.mutateAsync({ id: -1 } as never)).rejects.toThrow();
    });
    expect(wrike.calls["wrike.task.filter"]).toBe(1);
  });
});
