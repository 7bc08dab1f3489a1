/**
 * @wrikekit/react/v2: TanStack Query v5 hooks for every Wrike API v2 method, generated from the wrikekit spec.
 *
 *   const client = createWrikeClient({ auth: { kind: "bearer", token } });
 *   <QueryClientProvider client={queryClient}><WrikeProvider client={client}><App /></WrikeProvider></QueryClientProvider>
 *   const tasks = useTaskFilter({ statuses: [TaskStatus.active] });
 *   const addTask = useTaskAdd(); // on success, invalidates wrike.task.filter and wrike.task.updates
 */
import type { WrikeClient } from "@wrikekit/client/v2";
import { useWrikeClient as useProvidedClient } from "../provider.js";

export * from "../entry.js";
/** The v2 client of the nearest WrikeProvider (give it a client from `createWrikeClient` of @wrikekit/client/v2); throws when there is none. */
export const useWrikeClient: () => WrikeClient = useProvidedClient as () => WrikeClient;
export * from "./generated/hooks.js";
