/**
 * The hand-written half of @wrikekit/react: what every generated hook calls. Nothing here knows a
 * particular method; <api>/generated/hooks.ts brings the method functions, key factories and invalidation lists.
 * Every error a hook reports is a WrikeError (WrikeApiError, WrikeTransportError, ...): anything else a call
 * throws is wrapped in one, with the original as its cause.
 * No browser global is touched at import time, so the package can be imported during server-side rendering.
 */
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  skipToken,
  type DataTag,
  type InfiniteData,
  type QueryFunction,
  type QueryClient,
  type QueryKey,
  type SkipToken,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { WrikeError, type Download, type WrikeTransport } from "@wrikekit/core";
import { markWrikeMutationFn } from "./client-cache.js";
import { WRIKE_QUERY_KEY_ROOT } from "./key-root.js";
import { useWrikeClient, type WrikeClientLike } from "./provider.js";

export type { WrikeClientLike };
export { WRIKE_QUERY_KEY_ROOT };

export const wrikeKeys: { readonly all: readonly ["wrike"] } = { all: [WRIKE_QUERY_KEY_ROOT] };

/** The query key of one read with its arguments: `["wrike", methodId, args]`. */
export type WrikeQueryKey<Id extends string, A> = readonly ["wrike", Id, A];

/** The query key of a token-paged read's pages (useInfiniteQuery): `["wrike", methodId, args, "infinite"]`. */
export type WrikeInfiniteQueryKey<Id extends string, A> = readonly ["wrike", Id, A, "infinite"];

/**
 * The key of a read whose hook or factory was given `skipToken` instead of arguments: `null` where the
 * arguments go, which no arguments give (left-out ones count as `{}`), so a skipped query never shares an
 * entry with a real one, and the key stays JSON (a symbol in a key would hash as `null` next to real keys).
 */
export type WrikeSkippedQueryKey<Id extends string> = readonly ["wrike", Id, null];

/** The infinite query key of a token-paged read given `skipToken`: `["wrike", methodId, null, "infinite"]`. */
export type WrikeSkippedInfiniteQueryKey<Id extends string> = readonly ["wrike", Id, null, "infinite"];

type KeyArgs<A> = {} extends A ? [args?: A] : [args: A];

/** A read's key factory: call it with the arguments for one query's key; `.all` is the prefix of all of them. */
export interface MethodKeys<Id extends string, A> {
  (...args: KeyArgs<A>): WrikeQueryKey<Id, A>;
  /** The key of the pages of a token-paged read with these arguments (its plain key is a prefix of it). */
  readonly infinite: (...args: KeyArgs<A>) => WrikeInfiniteQueryKey<Id, A>;
  /** `["wrike", methodId]`: matches this read's queries whatever their arguments. */
  readonly all: readonly ["wrike", Id];
  readonly methodId: Id;
}

/**
 * Builds the key factory of one read. Left-out arguments count as `{}`, so `f()` and `f({})` share a cache
 * entry, and the arguments are put in canonical form (keys sorted, `undefined` left out): the same arguments
 * written in another order, or with an argument set to `undefined`, give a deep-equal key that serialises
 * to the same JSON (devtools, persisters, `dehydrate`).
 */
export function methodKeys<Id extends string, A>(methodId: Id): MethodKeys<Id, A> {
  const keys = (args?: A) => [WRIKE_QUERY_KEY_ROOT, methodId, canonical(args ?? {}) as A] as const;
  const infinite = (args?: A) => [...keys(args), "infinite"] as const;
  return Object.assign(keys, { infinite, all: [WRIKE_QUERY_KEY_ROOT, methodId] as const, methodId }) as MethodKeys<Id, A>;
}

/**
 * Plain objects with their keys sorted and `undefined` entries dropped, at every depth; anything else as it
 * is but a bigint, which JSON (and so TanStack's key hash) cannot hold: written `"10n"`, so that a wrong
 * argument such as `pageSize: 10n` reaches the client's validation (a WrikeValidationError as the query's
 * error) instead of throwing from the hook while it renders.
 */
function canonical(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => [key, canonical(value[key])]);
  return Object.fromEntries(entries);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The error of a failed call, as a WrikeError: the toolkit's own as they are, anything else wrapped (cause kept). */
export function asWrikeError(error: unknown, method: string): WrikeError {
  if (error instanceof WrikeError) return error;
  return new WrikeError({ message: `${method} failed: ${error instanceof Error ? error.message : String(error)}`, method, cause: error });
}

const wrikeErrors =
  <P extends unknown[], R>(method: string, call: (...args: P) => Promise<R>) =>
  async (...args: P): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      throw asWrikeError(error, method);
    }
  };

/**
 * What a queryOptions factory returns: `queryOptions(...)`'s shape, key tagged with the result type. Its
 * `queryFn` is always a function (never `skipToken`), which `useSuspenseQuery` and `useSuspenseInfiniteQuery` require.
 */
export type WrikeQueryOptions<Id extends string, A, R> = Omit<UseQueryOptions<R, WrikeError, R, WrikeQueryKey<Id, A>>, "queryFn"> & {
  queryKey: DataTag<WrikeQueryKey<Id, A>, R, WrikeError>;
  queryFn: QueryFunction<R, WrikeQueryKey<Id, A>>;
};

/** A query hook's key: its arguments', or the skipped key while it is given `skipToken`. */
export type WrikeSkippableQueryKey<Id extends string, A> = WrikeQueryKey<Id, A> | WrikeSkippedQueryKey<Id>;

/**
 * What a queryOptions factory returns when its arguments may be `skipToken`, TanStack's own `queryOptions`
 * shape for a skippable query: given `skipToken`, the skipped key and `queryFn: skipToken` (fetches nothing;
 * `refetch()` fails with TanStack's "Missing queryFn" error). `useQuery`, `useQueries` and `prefetchQuery`
 * take it; `useSuspenseQuery` does not (at compile time).
 */
export type WrikeSkippableQueryOptions<Id extends string, A, R> = Omit<UseQueryOptions<R, WrikeError, R, WrikeSkippableQueryKey<Id, A>>, "queryFn"> & {
  queryKey: DataTag<WrikeSkippableQueryKey<Id, A>, R, WrikeError>;
  queryFn: QueryFunction<R, WrikeSkippableQueryKey<Id, A>> | SkipToken;
};

/** Options of a generated query hook: everything useQuery takes but the key and the fetcher. */
export type WrikeQueryHookOptions<Id extends string, A, R, TData = R> = Omit<
  UseQueryOptions<R, WrikeError, TData, WrikeSkippableQueryKey<Id, A>>,
  "queryKey" | "queryFn"
>;

/** The pages of a token-paged read as useInfiniteQuery keeps them; each page param is the token that fetched it. */
export type WrikePages<R> = InfiniteData<R, string | undefined>;

/** What an infiniteQueryOptions factory returns: `infiniteQueryOptions(...)`'s shape, key tagged with the pages type. */
export type WrikeInfiniteQueryOptions<Id extends string, A, R> = Omit<UseInfiniteQueryOptions<R, WrikeError, WrikePages<R>, WrikeInfiniteQueryKey<Id, A>, string | undefined>, "queryFn"> & {
  queryKey: DataTag<WrikeInfiniteQueryKey<Id, A>, WrikePages<R>, WrikeError>;
  queryFn: QueryFunction<R, WrikeInfiniteQueryKey<Id, A>, string | undefined>;
};

/** An infinite query hook's key: its arguments', or the skipped key while it is given `skipToken`. */
export type WrikeSkippableInfiniteQueryKey<Id extends string, A> = WrikeInfiniteQueryKey<Id, A> | WrikeSkippedInfiniteQueryKey<Id>;

/** What an infiniteQueryOptions factory returns when its arguments may be `skipToken` (see WrikeSkippableQueryOptions). */
export type WrikeSkippableInfiniteQueryOptions<Id extends string, A, R> = Omit<
  UseInfiniteQueryOptions<R, WrikeError, WrikePages<R>, WrikeSkippableInfiniteQueryKey<Id, A>, string | undefined>,
  "queryFn"
> & {
  queryKey: DataTag<WrikeSkippableInfiniteQueryKey<Id, A>, WrikePages<R>, WrikeError>;
  queryFn: QueryFunction<R, WrikeSkippableInfiniteQueryKey<Id, A>, string | undefined> | SkipToken;
};

/** Options of a generated infinite query hook: everything useInfiniteQuery takes but the key, fetcher, paging and `maxPages`. */
export type WrikeInfiniteQueryHookOptions<Id extends string, A, R, TData = WrikePages<R>> = Omit<
  UseInfiniteQueryOptions<R, WrikeError, TData, WrikeSkippableInfiniteQueryKey<Id, A>, string | undefined>,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam" | "maxPages"
> & {
  /**
   * Not supported: Wrike's page tokens only go forward (an answer has a `nextPageToken`, never a previous
   * one), so a page TanStack dropped from the front to keep `maxPages` could never be fetched again.
   * Passing it throws a TypeError; to bound memory, page a narrower read or `remove` the query when done.
   */
  maxPages?: never;
};

/** Options of a generated mutation hook: everything useMutation takes but the mutation function. */
export type WrikeMutationHookOptions<A, R, TOnMutateResult = unknown> = Omit<UseMutationOptions<R, WrikeError, A, TOnMutateResult>, "mutationFn">;

/**
 * TanStack's retry for every wrikekit query: none. The client is the one layer that retries (429 with the
 * server's Retry-After, 503, refused or broken connections, gateway errors), with back-off and a time
 * budget (`createWrikeClient({ retry })`); TanStack's default of 3 more tries on top would send each request
 * up to 4 times the client's attempts, and hold a failure that no retry can mend (a 4xx, invalid
 * arguments) for 7 s before the hook shows it. A hook's or factory's own `retry` option still wins, and the
 * hooks honour a `retry` the app set with `queryClient.setQueryDefaults` for a key of theirs (see wrikeRetry).
 */
const WRIKE_QUERY_RETRY = false;

/**
 * The retry of a hook's query: its own option, else a `retry` the app set with `setQueryDefaults` for a key
 * that matches this query's (`["wrike"]`, `tasksKeys.list.all`, ...), a deliberate choice for these queries,
 * else none. The QueryClient's `defaultOptions.queries.retry` (TanStack's 3 when unset) is not honoured: it
 * is meant for the app's own queries, and would multiply the client's retries.
 */
function wrikeRetry<O extends { retry?: unknown }>(queryClient: QueryClient, queryKey: QueryKey, options: O | undefined): O["retry"] | false {
  return options?.retry ?? (queryClient.getQueryDefaults(queryKey).retry as O["retry"] | undefined) ?? WRIKE_QUERY_RETRY;
}

/** The key of a read's query for these arguments, or its skipped key for `skipToken`. */
function keyFor<Id extends string, K>(keys: MethodKeys<Id, K>, args: K | SkipToken): WrikeSkippableQueryKey<Id, K> {
  return args === skipToken ? [...keys.all, null] : (keys as (args: K) => WrikeQueryKey<Id, K>)(args);
}

/**
 * @internal Used by generated queryOptions factories: the read's options for `args`, or for `skipToken` its
 * skipped options (the skipped key, `queryFn: skipToken`: TanStack then fetches nothing).
 */
export function wrikeQueryOptions<Id extends string, K, A extends K, R>(
  keys: MethodKeys<Id, K>,
  args: A | SkipToken,
  fetch: (args: A, signal: AbortSignal) => Promise<R>,
): WrikeSkippableQueryOptions<Id, K, R> {
  const call = wrikeErrors(keys.methodId, fetch);
  const queryFn = args === skipToken ? skipToken : ({ signal }: { signal: AbortSignal }) => call(args, signal);
  return queryOptions({ queryKey: keyFor(keys, args), queryFn, retry: WRIKE_QUERY_RETRY }) as unknown as WrikeSkippableQueryOptions<Id, K, R>;
}

/** How a token-paged read pages: the argument that carries the token and the answer's field with the next one. */
export interface WrikeTokenPaging {
  tokenArg: string;
  nextTokenField: string;
}

/**
 * @internal Used by generated infiniteQueryOptions factories. Every page is fetched with the caller's
 * arguments unchanged (Wrike keeps neither filters nor `fields` across pages) plus the previous page's token;
 * for `skipToken`, the skipped options (see wrikeQueryOptions).
 */
export function wrikeInfiniteQueryOptions<Id extends string, K, A extends K & object, R>(
  keys: MethodKeys<Id, K>,
  args: A | SkipToken,
  paging: WrikeTokenPaging,
  fetch: (args: A, signal: AbortSignal) => PromiseLike<R>,
): WrikeSkippableInfiniteQueryOptions<Id, K, R> {
  const call = wrikeErrors(keys.methodId, async (pageArgs: A, signal: AbortSignal) => fetch(pageArgs, signal));
  const queryFn =
    args === skipToken
      ? skipToken
      : // The first page's param is undefined, but null after a JSON round trip (dehydrate on the server, hydrate
        // in the browser): either way the first page is fetched with the caller's arguments alone.
        ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) => call(pageParam == null ? args : { ...args, [paging.tokenArg]: pageParam }, signal);
  return infiniteQueryOptions({
    queryKey: [...keyFor(keys, args), "infinite"] as const,
    queryFn,
    retry: WRIKE_QUERY_RETRY,
    // Never a QueryClient default's maxPages: pages dropped from the front could not be fetched again (no previous-page token).
    maxPages: undefined,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: R) => {
      const token = (page as Record<string, unknown>)[paging.nextTokenField];
      return typeof token === "string" && token !== "" ? token : undefined;
    },
  }) as unknown as WrikeSkippableInfiniteQueryOptions<Id, K, R>;
}

/** @internal Used by generated query hooks: the options built with the provider's client, the caller's options over them. */
export function useWrikeQuery<Id extends string, A, R, TData>(
  build: (client: WrikeClientLike) => WrikeSkippableQueryOptions<Id, A, R>,
  options: WrikeQueryHookOptions<Id, A, R, TData> | undefined,
): UseQueryResult<TData, WrikeError> {
  const { queryKey, queryFn } = build(useWrikeClient());
  const retry = wrikeRetry(useQueryClient(), queryKey, options);
  return useQuery<R, WrikeError, TData, WrikeSkippableQueryKey<Id, A>>({ ...options, retry, queryKey, queryFn });
}

/** @internal Used by generated infinite query hooks. */
export function useWrikeInfiniteQuery<Id extends string, A, R, TData>(
  build: (client: WrikeClientLike) => WrikeSkippableInfiniteQueryOptions<Id, A, R>,
  options: WrikeInfiniteQueryHookOptions<Id, A, R, TData> | undefined,
): UseInfiniteQueryResult<TData, WrikeError> {
  const { queryKey, queryFn, initialPageParam, getNextPageParam, maxPages } = build(useWrikeClient());
  // Thrown rather than dropped: left out, the caller's bound on memory would silently not hold (see the option's doc).
  if ((options as { maxPages?: unknown } | undefined)?.maxPages !== undefined) {
    throw new TypeError(`${queryKey[1]}: the infinite query hook does not take maxPages: Wrike's page tokens only go forward, so a page dropped from the front could never be fetched again. Leave maxPages out.`);
  }
  const retry = wrikeRetry(useQueryClient(), queryKey, options);
  return useInfiniteQuery<R, WrikeError, TData, WrikeSkippableInfiniteQueryKey<Id, A>, string | undefined>({
    ...options,
    retry,
    queryKey,
    queryFn,
    initialPageParam,
    getNextPageParam,
    maxPages,
  });
}

/**
 * @internal Used by generated mutation hooks: calls the method with the provider's transport; on success
 * awaits the invalidation (so the mutation settles once the lists it changed are refetched), then the
 * caller's onSuccess. `sensitive` names the arguments that are credentials (the spec's `sensitive: true`):
 * TanStack keeps a mutation's variables in its cache, where devtools, `useMutationState` and every callback
 * read them, so those arguments are taken out of the variables before TanStack sees them (see concealed).
 */
export function useWrikeMutation<A, R, TOnMutateResult>(
  method: string,
  call: (transport: WrikeTransport, args: Exclude<A, void>) => Promise<R>,
  invalidate: (queryClient: QueryClient) => Promise<void>,
  options: WrikeMutationHookOptions<A, R, TOnMutateResult> | undefined,
  sensitive?: readonly string[],
): UseMutationResult<R, WrikeError, A, TOnMutateResult> {
  const client = useWrikeClient();
  const [resultClient, setResultClient] = useState(client);
  // A write whose arguments are all optional may be mutated with none: `mutate()`.
  // Marked so that WrikeProvider can drop this client's mutations when it gets another client.
  const mutate = markWrikeMutationFn(wrikeErrors(method, (args: A) => call(client.transport, revealed(args ?? {}) as Exclude<A, void>)));
  const result = useMutation<R, WrikeError, A, TOnMutateResult>({
    ...options,
    // Never TanStack's retries, even when a QueryClient's defaults ask for them: Wrike has no idempotency key,
    // so a write repeated after it may have landed is done twice. The client retries what was surely not applied.
    retry: options?.retry ?? false,
    mutationFn: mutate,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await invalidate(context.client);
      await options?.onSuccess?.(data, variables, onMutateResult, context);
    },
  });
  if (resultClient !== client) {
    // Another user signed in: WrikeProvider removed the previous client's mutations from the cache, but this
    // hook's own result still shows its last one (data, variables, error). Reset during render, not in an
    // effect, so that no render with the new client shows them; React then renders again with the new state.
    result.reset();
    setResultClient(client);
  }
  const { mutate: tanstackMutate, mutateAsync: tanstackMutateAsync } = result;
  // Stable across renders as TanStack's own are, so that they can sit in effect dependencies.
  const concealing = useMemo(
    () => sensitive && { mutate: concealingCall(tanstackMutate, sensitive), mutateAsync: concealingCall(tanstackMutateAsync, sensitive) },
    [sensitive?.join(), tanstackMutate, tanstackMutateAsync],
  );
  return concealing ? { ...result, ...concealing } : result;
}

/** Credentials taken out of mutation variables, kept where only the mutation function looks them up. */
const hiddenArguments = new WeakMap<object, Record<string, unknown>>();

/** The variables without their sensitive arguments (which a WeakMap keeps for `revealed`); others as they are. */
function concealed<A>(variables: A, sensitive: readonly string[]): A {
  if (!isPlainObject(variables) || !sensitive.some((name) => name in variables)) return variables;
  const visible: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) (sensitive.includes(name) ? hidden : visible)[name] = value;
  hiddenArguments.set(visible, hidden);
  return visible as A;
}

/** `mutate` or `mutateAsync` taking the variables through `concealed` first. */
function concealingCall<F extends (...args: never) => unknown>(call: F, sensitive: readonly string[]): F {
  const untyped = call as unknown as (...args: unknown[]) => unknown;
  return ((variables: unknown, ...rest: unknown[]) => untyped(concealed(variables, sensitive), ...rest)) as unknown as F;
}

/** The arguments a call needs: the variables with the sensitive arguments `concealed` took out put back. */
function revealed(variables: unknown): unknown {
  if (typeof variables !== "object" || variables === null) return variables;
  const hidden = hiddenArguments.get(variables);
  return hidden ? { ...variables, ...hidden } : variables;
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
