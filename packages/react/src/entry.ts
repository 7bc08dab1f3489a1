/** What every API's entry (`@wrikekit/react`, `@wrikekit/react/v2`) exports besides its generated hooks. */
export { WrikeProvider, type WrikeProviderProps, type WrikeClientLike } from "./provider.js";
export {
  WRIKE_QUERY_KEY_ROOT,
  wrikeKeys,
  methodKeys,
  invalidateWrikeQueries,
  type MethodKeys,
  type WrikeQueryKey,
  type WrikeQueryOptions,
  type WrikeSkippedQueryKey,
  type WrikeSkippableQueryKey,
  type WrikeSkippableQueryOptions,
  type WrikeQueryHookOptions,
  type WrikeMutationHookOptions,
  type WrikeDownloadBlob,
} from "./runtime.js";
