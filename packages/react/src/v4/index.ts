/**
 * TanStack Query v5 hooks for every Wrike API v4 operation, generated from the spec; the package's main entry
 * (`@wrikekit/react`). v2 is at `@wrikekit/react/v2`.
 *
 *   const client = createWrikeClient({ auth: { kind: "bearer", token } });
 *   <WrikeProvider client={client} queryClient={queryClient}><App /></WrikeProvider>
 *   const tasks = useTasksList({ status: ["Active"] });             // the first page
 *   const pages = useTasksListInfinite({ status: ["Active"] });     // every page, fetchNextPage()
 *   const create = useTasksCreateInFolder();                        // on success, invalidates every task read
 */
import type { WrikeClient } from "@wrikekit/client";
import { useWrikeClient as useProvidedClient } from "../provider.js";

export * from "../entry.js";
/** The v4 client of the nearest WrikeProvider (give it a client from `createWrikeClient` of @wrikekit/client); throws when there is none. */
export const useWrikeClient: () => WrikeClient = useProvidedClient as () => WrikeClient;
export {
  type WrikeInfiniteQueryKey,
  type WrikeInfiniteQueryOptions,
  type WrikeInfiniteQueryHookOptions,
  type WrikePages,
  type WrikeSkippedInfiniteQueryKey,
  type WrikeSkippableInfiniteQueryKey,
  type WrikeSkippableInfiniteQueryOptions,
} from "../runtime.js";
export * from "./generated/hooks.js";
