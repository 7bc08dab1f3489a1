// @vitest-environment happy-dom
/**
 * A webhook's signing secret (the spec's `sensitive: true`) reaches Wrike but never TanStack's mutation
 * state: not the hook's `variables`, not the mutation cache, not a callback, not `dehydrate`.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, dehydrate, useMutationState } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createWrikeClient } from "@wrikekit/client";
import { webhooksCreateInFolderHandler } from "@wrikekit/msw";
import { WrikeProvider, useTasksCreateInFolder, useWebhooksCreateInFolder } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();
const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });
const SECRET = "whsec-0123456789abcdef";

function setup() {
  const queryClient = new QueryClient({ mutations: { gcTime: Infinity } } as never);
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WrikeProvider client={client} queryClient={queryClient}>
      {children}
    </WrikeProvider>
  );
  const sent: { secret?: string }[] = [];
  server.use(webhooksCreateInFolderHandler(({ args }) => (sent.push(args), { data: [{ id: "W1", hookUrl: args.hookUrl, status: "Active" }] })));
  return { queryClient, wrapper, sent };
}

describe("sensitive arguments in mutation hooks", () => {
  it("sends the secret and keeps it out of variables, the cache, callbacks and dehydrate", async () => {
    const { queryClient, wrapper, sent } = setup();
    const seen: unknown[] = [];
    const { result } = renderHook(
      () => ({
        create: useWebhooksCreateInFolder({ onMutate: (v) => void seen.push(v), onSuccess: (_d, v) => void seen.push(v) }),
        states: useMutationState({ select: (m) => m.state.variables }),
      }),
      { wrapper },
    );
    await act(() => result.current.create.mutateAsync({ folderId: "F", hookUrl: "https://hooks.example.com/wrike", secret: SECRET }));
    expect(sent).toEqual([expect.objectContaining({ folderId: "F", hookUrl: "https://hooks.example.com/wrike", secret: SECRET })]);
    await waitFor(() => expect(result.current.create.isSuccess).toBe(true));
    expect(result.current.create.variables).toEqual({ folderId: "F", hookUrl: "https://hooks.example.com/wrike" });
    const everywhere = JSON.stringify([result.current.create.variables, result.current.states, seen, queryClient.getMutationCache().getAll().map((m) => m.state), dehydrate(queryClient, { shouldDehydrateMutation: () => true })]);
    expect(everywhere).toContain("hooks.example.com");
    expect(everywhere).not.toContain(SECRET);
  });

  it("keeps the secret and the token out of the mutation's error when the server refuses quoting what it was sent", async () => {
    const token = "CANARY-react-token-0001";
    // A server that quotes the request it refuses: the Authorization header and the form body, secret and all.
    const echoing = createWrikeClient({
      auth: { kind: "bearer", token },
      rateLimit: false,
      retry: false,
      fetch: (async (_url: string, init: RequestInit) => {
        const text = `${new Headers(init.headers).get("authorization")} ${decodeURIComponent(String(init.body))}`;
        return Response.json({ error: "invalid_parameter", errorDescription: `refused: ${text}` }, { status: 400 });
      }) as typeof fetch,
    });
    const queryClient = new QueryClient({ mutations: { gcTime: Infinity } } as never);
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <WrikeProvider client={echoing} queryClient={queryClient}>
        {children}
      </WrikeProvider>
    );
    const { result } = renderHook(() => ({ create: useWebhooksCreateInFolder(), states: useMutationState({ select: (m) => m.state }) }), { wrapper });
    await act(() => result.current.create.mutateAsync({ folderId: "F", hookUrl: "https://hooks.example.com/wrike", secret: SECRET }).catch(() => {}));
    await waitFor(() => expect(result.current.create.isError).toBe(true));
    const error = result.current.create.error as Error;
    expect(error.message).toContain("refused: Bearer [redacted]");
    const states = queryClient.getMutationCache().getAll().map((m) => m.state);
    const everywhere = [error.message, error.stack, inspect(error, { depth: 10 }), inspect(states, { depth: 10 }), inspect(result.current.states, { depth: 10 }), JSON.stringify(dehydrate(queryClient, { shouldDehydrateMutation: () => true }))].join("\n");
    expect(everywhere).not.toContain(SECRET);
    expect(everywhere).not.toContain(token);
  });

  it("sends the secret again when the stored variables are mutated once more", async () => {
    const { wrapper, sent } = setup();
    const { result } = renderHook(() => useWebhooksCreateInFolder(), { wrapper });
    await act(() => result.current.mutateAsync({ folderId: "F", hookUrl: "https://hooks.example.com/a", secret: SECRET }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(() => result.current.mutateAsync(result.current.variables!));
    expect(sent.map((args) => args.secret)).toEqual([SECRET, SECRET]);
  });

  it("keeps mutate and mutateAsync stable across renders, and leaves hooks without credentials alone", async () => {
    const { wrapper } = setup();
    const { result, rerender } = renderHook(() => ({ webhook: useWebhooksCreateInFolder(), task: useTasksCreateInFolder() }), { wrapper });
    const first = result.current;
    rerender();
    expect(result.current.webhook.mutate).toBe(first.webhook.mutate);
    expect(result.current.webhook.mutateAsync).toBe(first.webhook.mutateAsync);
    expect(result.current.task.mutate).toBe(first.task.mutate);
  });
});
