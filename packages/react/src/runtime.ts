/**
 * The hand-written half of @wrikekit/react: what every generated hook calls. Nothing here knows a
 * particular method; v2/generated/hooks.ts brings the method functions, key factories and invalidation lists.
 * No browser global is touched at import time, so the package can be imported during server-side rendering.
 */
import {
  queryOptions,
  useMutation,
  useQuery,
  type DataTag,
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import type { Download, WrikeTransport } from "@wrikekit/core";
import { useWrikeClient, type WrikeClientLike } from "./provider.js";

export type { WrikeClientLike };

/** First element of every wrikekit query key: `invalidateQueries({ queryKey: wrikeKeys.all })` drops them all. */
export const WRIKE_QUERY_KEY_ROOT = "wrike";

export const wrikeKeys: { readonly all: readonly ["wrike"] } = { all: [WRIKE_QUERY_KEY_ROOT] };

/** The query key of one read with its arguments: `["wrike", methodId, args]`. */
export type WrikeQueryKey<Id extends string, A> = readonly ["wrike", Id, A];

/** A read's key factory: call it with the arguments for one query's key; `.all` is the prefix of all of them. */
export interface MethodKeys<Id extends string, A> {
  (...args: {} extends A ? [args?: A] : [args: A]): WrikeQueryKey<Id, A>;
  /** `["wrike", methodId]`: matches this read's queries whatever their arguments. */
  readonly all: readonly ["wrike", Id];
  readonly methodId: Id;
}

/** Builds the key factory of one read. Left-out arguments count as `{}`, so `f()` and `f({})` share a cache entry. */
export function methodKeys<Id extends string, A>(methodId: Id): MethodKeys<Id, A> {
  const keys = (args?: A) => [WRIKE_QUERY_KEY_ROOT, methodId, args ?? ({} as A)] as const;
  return Object.assign(keys, { all: [WRIKE_QUERY_KEY_ROOT, methodId] as const, methodId }) as MethodKeys<Id, A>;
}

/** What a queryOptions factory returns: `queryOptions(...)`'s shape, key tagged with the result type. */
export type WrikeQueryOptions<Id extends string, A, R> = UseQueryOptions<R, Error, R, WrikeQueryKey<Id, A>> & {
  queryKey: DataTag<WrikeQueryKey<Id, A>, R, Error>;
};

/** Options of a generated query hook: everything useQuery takes but the key and the fetcher. */
export type WrikeQueryHookOptions<Id extends string, A, R, TData = R> = Omit<UseQueryOptions<R, Error, TData, WrikeQueryKey<Id, A>>, "queryKey" | "queryFn">;

/** Options of a generated mutation hook: everything useMutation takes but the mutation function. */
export type WrikeMutationHookOptions<A, R, TOnMutateResult = unknown> = Omit<UseMutationOptions<R, Error, A, TOnMutateResult>, "mutationFn">;

/** @internal Used by generated queryOptions factories. */
export function wrikeQueryOptions<Id extends string, A, R>(queryKey: WrikeQueryKey<Id, A>, fetch: (signal: AbortSignal) => Promise<R>): WrikeQueryOptions<Id, A, R> {
  return queryOptions({ queryKey, queryFn: ({ signal }) => fetch(signal) }) as WrikeQueryOptions<Id, A, R>;
}

/** @internal Used by generated query hooks. */
export function useWrikeQuery<Id extends string, A, R, TData>(
  factory: (client: WrikeClientLike, args: A) => WrikeQueryOptions<Id, A, R>,
  args: A | undefined,
  options: WrikeQueryHookOptions<Id, A, R, TData> | undefined,
): UseQueryResult<TData, Error> {
  const client = useWrikeClient();
  const own = factory(client, args as A);
  return useQuery<R, Error, TData, WrikeQueryKey<Id, A>>({ ...options, queryKey: own.queryKey, queryFn: own.queryFn });
}

/**
 * @internal Used by generated mutation hooks: calls the method with the provider's transport; on success
 * awaits the invalidation (so the mutation settles once the lists it changed are refetched), then the
 * caller's onSuccess.
 */
export function useWrikeMutation<A, R, TOnMutateResult>(
  call: (transport: WrikeTransport, args: A) => Promise<R>,
  invalidate: (queryClient: QueryClient) => Promise<void>,
  options: WrikeMutationHookOptions<A, R, TOnMutateResult> | undefined,
): UseMutationResult<R, Error, A, TOnMutateResult> {
  const client = useWrikeClient();
  return useMutation<R, Error, A, TOnMutateResult>({
    ...options,
    mutationFn: (args) => call(client.transport, (args ?? {}) as A),
    onSuccess: async (data, variables, onMutateResult, context) => {
      await invalidate(context.client);
      await options?.onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}

/** Invalidates the queries under each key prefix, and resolves once the active ones are refetched. */
export async function invalidateWrikeQueries(queryClient: QueryClient, prefixes: readonly (readonly unknown[])[]): Promise<void> {
  await Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A downloaded file read whole, so that the query cache can keep it (a stream can be read only once). */
export interface WrikeDownloadBlob {
  contentType: string;
  size: number | undefined;
  blob: Blob;
}

/** @internal Reads a Download's stream into a Blob of its content type. */
export async function downloadToBlob(download: Download): Promise<WrikeDownloadBlob> {
  const bytes = await new Response(download.body).arrayBuffer();
  return { contentType: download.contentType, size: download.size ?? bytes.byteLength, blob: new Blob([bytes], { type: download.contentType }) };
}
