"use client";
/**
 * WrikeProvider hands a configured client (from createWrikeClient, v4 or v2) to the generated hooks. It holds
 * no credentials of its own: configure the client with a bearer token, or point it at a signing proxy
 * (see README: no consumer secret belongs in a browser bundle).
 */
import { createContext, createElement, useContext, useState, type ReactNode } from "react";
import { QueryClientContext, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { WrikeTransport } from "@wrikekit/core";
import { removeClientCache } from "./client-cache.js";

/** What the hooks need of a client: its transport. Any `createWrikeClient(...)` result fits (v4 or v2). */
export interface WrikeClientLike {
  readonly transport: WrikeTransport;
}

const WrikeClientContext = createContext<WrikeClientLike | null>(null);
WrikeClientContext.displayName = "WrikeClientContext";

export interface WrikeProviderProps {
  /** A client from `createWrikeClient(...)`. Create it once (outside render, or in useState/useMemo). */
  client: WrikeClientLike;
  /**
   * A TanStack QueryClient. When given, WrikeProvider also renders a QueryClientProvider with it;
   * otherwise the hooks use the QueryClientProvider already above.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * Makes `client` available to `useWrikeClient()` and every generated hook below it. When `client` changes
 * (another user signed in, another account), the wrikekit queries and mutations cached with the previous one
 * are removed before anything below renders with the new client: query keys name the method and its
 * arguments, not the credentials, so they would otherwise show one user's data to the next.
 */
export function WrikeProvider({ client, queryClient, children }: WrikeProviderProps): ReactNode {
  const cache = useContext(QueryClientContext);
  const [renderedClient, setRenderedClient] = useState(client);
  if (renderedClient !== client) {
    // During render, not in an effect, so that no child ever renders the new client with the old data.
    // Removing is idempotent, so a render React throws away and repeats does no harm.
    const target = queryClient ?? cache;
    if (target) removeClientCache(target);
    setRenderedClient(client);
  }
  const inner = createElement(WrikeClientContext.Provider, { value: client }, children);
  return queryClient === undefined ? inner : createElement(QueryClientProvider, { client: queryClient }, inner);
}

/**
 * The client of the nearest WrikeProvider; throws when there is none. Each API's entry exports it typed as
 * its own client (`@wrikekit/react`: the v4 WrikeClient, `@wrikekit/react/v2`: v2's).
 */
export function useWrikeClient(): WrikeClientLike {
  const client = useContext(WrikeClientContext);
  if (client === null) throw new Error("useWrikeClient: no WrikeProvider above this component. Wrap the tree in <WrikeProvider client={createWrikeClient(...)}>.");
  return client;
}
