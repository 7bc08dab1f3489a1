/**
 * What the cache holds for the provider's client, and its removal when the client changes: the wrikekit
 * queries (keys under WRIKE_QUERY_KEY_ROOT) and the mutations the generated hooks ran, whose variables and
 * answers `useMutationState`, devtools and `dehydrate` show. The app's own queries and mutations stay.
 */
import type { QueryClient } from "@tanstack/react-query";
import { WRIKE_QUERY_KEY_ROOT } from "./key-root.js";

/** The mutation functions of the generated hooks: a mutation is wrikekit's when its mutationFn is one of them, whatever key the caller gave it. */
const wrikeMutationFns = new WeakSet<object>();

/** Marks a mutation hook's mutation function as wrikekit's. */
export function markWrikeMutationFn<F extends object>(mutationFn: F): F {
  wrikeMutationFns.add(mutationFn);
  return mutationFn;
}

/** Removes every wrikekit query and mutation from the cache (idempotent). */
export function removeClientCache(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: [WRIKE_QUERY_KEY_ROOT] });
  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ predicate: (m) => m.options.mutationFn !== undefined && wrikeMutationFns.has(m.options.mutationFn) })) mutations.remove(mutation);
}
