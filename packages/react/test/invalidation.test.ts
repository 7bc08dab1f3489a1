/**
 * Every write's invalidation function marks exactly the reads that spec/ lists in its `invalidates`,
 * whatever their arguments, and nothing else: checked against the spec for every method.
 */
import { join } from "node:path";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { buildIr, loadSpec } from "@wrikekit/codegen";
import * as v2Hooks from "../src/v2/index.js";
import * as v4Hooks from "../src/index.js";

const repoRoot = join(import.meta.dirname, "../../..");
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

for (const [api, hooks] of [["v2", v2Hooks], ["v4", v4Hooks]] as const) {
  const ir = buildIr(loadSpec(join(repoRoot, "spec", api), repoRoot));
  const reads = ir.methods.filter((m) => m.kind === "read");
  const writes = ir.methods.filter((m) => m.kind === "write");

  describe(`${api}: invalidation follows spec/ invalidates`, () => {
    it("covers every method with a hook", () => {
      for (const m of ir.methods) expect(typeof (hooks as Record<string, unknown>)[`use${m.typePrefix}`], m.id).toBe("function");
      for (const m of reads) expect(typeof (hooks as Record<string, unknown>)[`${m.functionName}QueryOptions`], m.id).toBe("function");
    });

    for (const w of writes)
      it(`invalidateAfter${w.typePrefix} invalidates ${w.invalidates.join(", ") || "nothing"}`, async () => {
        const queryClient = new QueryClient();
        for (const r of reads) {
          const keys = (hooks as unknown as Record<string, Record<string, ((a: unknown) => readonly unknown[]) & { infinite?: (a: unknown) => readonly unknown[] }>>)[`${r.group}Keys`]![r.key]!;
          queryClient.setQueryData(keys({ variant: 1 }), {});
          queryClient.setQueryData(keys({ variant: 2 }), {});
          // A token-paged read's pages (useInfiniteQuery) go stale with it.
          if (api === "v4" && r.paging?.kind === "pageToken") queryClient.setQueryData(keys.infinite!({ variant: 1 }), { pages: [], pageParams: [] });
        }
        const invalidate = (hooks as unknown as Record<string, (qc: QueryClient) => Promise<void>>)[`invalidateAfter${pascal(w.group)}${pascal(w.key)}`]!;
        await invalidate(queryClient);
        const invalidated = new Set(
          queryClient
            .getQueryCache()
            .getAll()
            .filter((q) => q.state.isInvalidated)
            .map((q) => q.queryKey[1] as string),
        );
        expect([...invalidated].sort()).toEqual([...w.invalidates].sort());
        for (const id of w.invalidates) expect(queryClient.getQueryCache().findAll({ queryKey: ["wrike", id] }).every((q) => q.state.isInvalidated)).toBe(true);
      });
  });
}
