// @vitest-environment happy-dom
/**
 * The queryOptions and infiniteQueryOptions factories with TanStack's own hooks, as the README offers them:
 * useSuspenseQuery, useSuspenseInfiniteQuery, useQueries and the QueryClient's typed getQueryData. The type
 * assertions are checked by `tsc -p tsconfig.test.json` (the package's typecheck), the rest by running them.
 */
import { render, screen } from "@testing-library/react";
import { QueryClient, useQueries, useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, type Task } from "@wrikekit/client";
import { tasksListHandler } from "@wrikekit/msw";
import { WrikeProvider, tasksListInfiniteQueryOptions, tasksListQueryOptions, useTasksList, useTasksListInfinite, useWrikeClient } from "../../src/index.js";
import { useMswServer } from "./msw-server.js";

const server = useMswServer();

const client = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });

function renderWithProvider(node: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  render(
    <WrikeProvider client={client} queryClient={queryClient}>
      <Suspense fallback={<p>loading</p>}>{node}</Suspense>
    </WrikeProvider>,
  );
  return queryClient;
}

describe("factories with TanStack's hooks", () => {
  it("useSuspenseQuery and useSuspenseInfiniteQuery take them, `fields` typing kept", async () => {
    server.use(tasksListHandler(({ args }) => ({ data: [{ id: "T1", title: "one", description: `described, token ${args.nextPageToken ?? "none"}` }] })));
    function Tasks() {
      const wrike = useWrikeClient();
      const first = useSuspenseQuery(tasksListQueryOptions(wrike, { fields: ["description"] }));
      const pages = useSuspenseInfiniteQuery(tasksListInfiniteQueryOptions(wrike, { fields: ["description"] }));
      expectTypeOf(first.data.data[0]!.description).toEqualTypeOf<string>();
      expectTypeOf(pages.data.pages[0]!.data[0]!.description).toEqualTypeOf<string>();
      return (
        <p>
          {first.data.data[0]!.description} / {pages.data.pages[0]!.data[0]!.description}
        </p>
      );
    }
    const queryClient = renderWithProvider(<Tasks />);
    expect(await screen.findByText("described, token none / described, token none")).toBeTruthy();
    const cached = queryClient.getQueryData(tasksListQueryOptions(client, { fields: ["description"] }).queryKey);
    expectTypeOf(cached!.data[0]!.description).toEqualTypeOf<string>();
    expect(cached!.data[0]!.description).toBe("described, token none");
  });

  it("useQueries takes them; `select` types the hooks' data", async () => {
    function Tasks() {
      const [list] = useQueries({ queries: [tasksListQueryOptions(useWrikeClient(), { fields: ["description"] })] });
      const titles = useTasksList({}, { select: (answer) => answer.data.map((task) => task.title) });
      const count = useTasksListInfinite({ fields: ["description"] }, { select: (pages) => pages.pages.flatMap((page) => page.data.map((task) => task.description)) });
      expectTypeOf<NonNullable<typeof list.data>["data"][number]["description"]>().toEqualTypeOf<string>();
      expectTypeOf(titles.data).toEqualTypeOf<Task["title"][] | undefined>();
      expectTypeOf(count.data).toEqualTypeOf<string[] | undefined>();
      return <p>{list.isSuccess && titles.isSuccess && count.isSuccess ? `${titles.data.length} titles, ${count.data.length} descriptions` : "loading"}</p>;
    }
    renderWithProvider(<Tasks />);
    expect(await screen.findByText(/\d+ titles, \d+ descriptions/)).toBeTruthy();
  });
});
