// @vitest-environment happy-dom
/**
 * Another user signs in: the WrikeProvider gets another client while the QueryClient stays. No render
 * with the new client may show what the previous one fetched or wrote (query keys do not carry credentials).
 */
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, useMutation, useMutationState } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createWrikeClient, type WrikeClient } from "@wrikekit/client";
import { tasksCreateInFolderHandler, tasksListHandler } from "@wrikekit/msw";
import { WrikeProvider, useTasksCreateInFolder, useTasksList, useWrikeClient } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();
const clientOf = (token: string) => createWrikeClient({ auth: { kind: "bearer", token }, rateLimit: false, retry: false });

/** A wrapper whose provider has Alice's client until `signIn(bob)`, over one QueryClient; writes are echoed. */
function aliceThenBob() {
  server.use(tasksCreateInFolderHandler(({ args }) => ({ data: [{ id: "T9", title: args.title }] })));
  const alice = clientOf("alice-token-0001");
  const bob = clientOf("bob-token-00001");
  const queryClient = new QueryClient();
  let client = alice;
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  return { bob, wrapper, signIn: (next: WrikeClient) => void (client = next) };
}

describe("WrikeProvider with another client", () => {
  it("drops the previous client's cached queries before anything renders with the new one", async () => {
    server.use(tasksListHandler(({ request }) => ({ data: [{ id: "T", title: `task of ${request.headers.get("authorization")}` }] })));
    const alice = clientOf("alice-token-0001");
    const bob = clientOf("bob-token-00001");
    const owner = new Map<unknown, string>([[alice, "Bearer alice-token-0001"], [bob, "Bearer bob-token-00001"]]);
    const renders: { client: string; title: string | undefined }[] = [];
    function Titles() {
      const client = useWrikeClient();
      const { data } = useTasksList();
      renders.push({ client: owner.get(client)!, title: data?.data[0]?.title });
      return null;
    }
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const app = (client: WrikeClient) => (
      <WrikeProvider client={client} queryClient={queryClient}>
        <Titles />
      </WrikeProvider>
    );
    const { rerender } = render(app(alice));
    await waitFor(() => expect(renders.at(-1)?.title).toBe("task of Bearer alice-token-0001"));
    rerender(app(bob));
    await waitFor(() => expect(renders.at(-1)?.title).toBe("task of Bearer bob-token-00001"));
    const shownTo = (client: string) => renders.filter((r) => r.client === client && r.title !== undefined).map((r) => r.title);
    expect(new Set(shownTo("Bearer bob-token-00001"))).toEqual(new Set(["task of Bearer bob-token-00001"]));
  });

  it("keeps the cache when the same client renders again", async () => {
    let requests = 0;
    server.use(tasksListHandler(() => (requests++, { data: [{ id: "T", title: "same" }] })));
    const client = clientOf("alice-token-0001");
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    function Title() {
      return <p>{useTasksList().data?.data[0]?.title ?? "…"}</p>;
    }
    const app = () => (
      <WrikeProvider client={client} queryClient={queryClient}>
        <Title />
      </WrikeProvider>
    );
    const view = render(app());
    await waitFor(() => expect(view.container.textContent).toBe("same"));
    view.rerender(app());
    expect(view.container.textContent).toBe("same");
    expect(requests).toBe(1);
  });

  it("drops the previous client's wrikekit mutations (their variables and answers), and keeps the app's own", async () => {
    const { bob, wrapper, signIn } = aliceThenBob();
    const { result, rerender } = renderHook(
      () => ({
        create: useTasksCreateInFolder(),
        own: useMutation({ mutationFn: async (note: string) => note }),
        seen: useMutationState({ select: (m) => JSON.stringify([m.state.variables, m.state.data]) }),
      }),
      { wrapper },
    );
    await act(() => result.current.create.mutateAsync({ folderId: "F", title: "alice's secret plan" }));
    await act(() => result.current.own.mutateAsync("the app's own note"));
    await waitFor(() => expect(result.current.seen.join()).toContain("alice's secret plan"));
    signIn(bob);
    rerender();
    await waitFor(() => expect(result.current.seen.join()).not.toContain("alice's secret plan"));
    expect(result.current.seen.join()).toContain("the app's own note");
  });

  it("resets a mounted mutation hook: no render with the new client shows the previous one's data, variables or error", async () => {
    const { bob, wrapper, signIn } = aliceThenBob();
    const seenByBob: unknown[] = [];
    const { result, rerender } = renderHook(
      () => {
        const create = useTasksCreateInFolder();
        const current = useWrikeClient();
        // What each committed render showed (React throws away a render that sets state while rendering).
        useEffect(() => void (current === bob && seenByBob.push([create.status, create.data, create.variables, create.error])));
        return create;
      },
      { wrapper },
    );
    await act(() => result.current.mutateAsync({ folderId: "F", title: "alice's secret plan" }));
    await waitFor(() => expect(result.current.data?.data[0]?.title).toBe("alice's secret plan"));
    signIn(bob);
    rerender();
    expect(seenByBob.length).toBeGreaterThan(0);
    expect(seenByBob.every((seen) => JSON.stringify(seen) === JSON.stringify(["idle", undefined, undefined, null]))).toBe(true);
    // The hook still works for the new client.
    await act(() => result.current.mutateAsync({ folderId: "F", title: "bob's" }));
    await waitFor(() => expect(result.current.variables).toEqual({ folderId: "F", title: "bob's" }));
  });
});
