/**
 * @wrikekit/react/v2 (also the main entry, for now): TanStack Query v5 hooks for every Wrike API v2 method, generated from the wrikekit spec.
 *
 *   const client = createWrikeClient({ auth: { kind: "bearer", token } });
 *   <QueryClientProvider client={queryClient}><WrikeProvider client={client}><App /></WrikeProvider></QueryClientProvider>
 *   const tasks = useTaskFilter({ statuses: [TaskStatus.active] });
 *   const addTask = useTaskAdd(); // on success, invalidates wrike.task.filter and wrike.task.updates
 */
export { WrikeProvider, useWrikeClient, type WrikeProviderProps, type WrikeClientLike } from "../provider.js";
export {
  WRIKE_QUERY_KEY_ROOT,
  wrikeKeys,
  methodKeys,
  invalidateWrikeQueries,
  type MethodKeys,
  type WrikeQueryKey,
  type WrikeQueryOptions,
  type WrikeQueryHookOptions,
  type WrikeMutationHookOptions,
  type WrikeDownloadBlob,
} from "../runtime.js";
export * from "./generated/hooks.js";
