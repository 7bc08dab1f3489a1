/**
 * Page tokens as Wrike's behave: `pageSize` starts paging, the answer carries `nextPageToken` while more
 * remain, and the filters must be sent again with every token. A token names the last item it handed
 * out (its id, and its sort key when sorted), never an offset: the next page starts right after that
 * item, so items added or deleted meanwhile shift nothing, and no item is skipped or repeated. A token
 * sent with other filters than those it was issued for is refused (400), not silently re-scoped.
 */
import { bytesToBase64, base64ToBytes } from "../../engine/base64.js";
import { invalidParameter } from "./errors.js";

/** Without pageSize, a list answers up to this many items, as GET /tasks does. */
export const DEFAULT_LIMIT = 1000;

interface TokenBody {
  /** The operation path and a digest of its filters. */
  scope: string;
  /** Id of the last item handed out. */
  after: string;
  /** Its sort key, when the list is sorted by something other than id. */
  key?: string | number;
  pageSize: number;
  /** Items still allowed by `limit`, if one was given. */
  left?: number;
  /** The total of the first page's answer, carried so later pages need not count. */
  total: number;
}

export interface PageRequest {
  pageSize?: number;
  nextPageToken?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
  responseSize?: number;
}

/** A stable text of the filters (arguments other than paging and fields), so a token is bound to them. */
export function filterScope(path: string, args: Record<string, unknown>, ignore: ReadonlySet<string>): string {
  const filters = Object.keys(args)
    .filter((k) => !ignore.has(k))
    .sort()
    .map((k) => [k, args[k]]);
  return `${path} ${JSON.stringify(filters)}`;
}

function encodeToken(body: TokenBody): string {
  return bytesToBase64(new TextEncoder().encode(JSON.stringify(body))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function readToken(token: string, tokenArg: string): TokenBody {
  const bytes = base64ToBytes(token.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (token.length % 4)) % 4));
  let body: TokenBody | undefined;
  try {
    body = bytes === undefined ? undefined : (JSON.parse(new TextDecoder().decode(bytes)) as TokenBody);
  } catch {
    body = undefined;
  }
  if (body === null || typeof body !== "object" || typeof body.scope !== "string" || typeof body.after !== "string" || typeof body.pageSize !== "number") throw invalidParameter(tokenArg, "is not a token this API issued");
  return body;
}

function decodeToken(token: string, scope: string, tokenArg: string): TokenBody {
  const body = readToken(token, tokenArg);
  if (body.scope !== scope) {
    throw invalidParameter(tokenArg, "was issued for another list or other filters; send the same filters with every page token (they are not kept across pages)");
  }
  return body;
}

/**
 * For a list whose page token "overrides any other parameters in request" (the reference, for approvals
 * and groups): the arguments a page is read with, the filters the token was issued for (filterScope's)
 * in place of the request's own, and the request's arguments named in `notFilters`.
 */
export function argsWithTokenFilters(args: Record<string, unknown>, path: string, tokenArg: string, notFilters: ReadonlySet<string>): Record<string, unknown> {
  const token = args[tokenArg];
  if (typeof token !== "string") return args;
  const { scope } = readToken(token, tokenArg);
  if (!scope.startsWith(`${path} `)) throw invalidParameter(tokenArg, "was issued for another list");
  let filters: Record<string, unknown>;
  try {
    filters = Object.fromEntries(JSON.parse(scope.slice(path.length + 1)) as Array<[string, unknown]>);
  } catch {
    throw invalidParameter(tokenArg, "is not a token this API issued");
  }
  return { ...filters, ...Object.fromEntries(Object.entries(args).filter(([name]) => notFilters.has(name))) };
}

/** Visits items in id order after an id (from the start when undefined) until `visit` returns false. */
export type IdOrderScan<T> = (afterId: string | undefined, visit: (item: T) => boolean) => void;

/** The scan of a small list (sorted here), for sets that are not kept in an OrderedStore. */
export function scanOf<T extends { id: string }>(items: readonly T[]): IdOrderScan<T> {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (afterId, visit) => {
    for (const item of sorted) if ((afterId === undefined || item.id > afterId) && !visit(item)) return;
  };
}

/** Totals counted before, valid while nothing changed (V4State.revision and listTotals). */
export interface TotalsCache {
  get(scope: string): number | undefined;
  set(scope: string, total: number): void;
}

/**
 * A page of items in id order: `scan` walks the source from just after an id, `matches` filters.
 * Only the first page counts the total (one pass, unless `totals` knows it); later pages read no further
 * than they hand out.
 */
export function pageInIdOrder<T extends { id: string }>(
  request: PageRequest,
  scope: string,
  scan: IdOrderScan<T>,
  matches: (item: T) => boolean,
  totals?: TotalsCache,
  /** The argument the request sends the token in, for its errors (groups say pageToken). */
  tokenArg = "nextPageToken",
): Page<T> {
  const token = request.nextPageToken === undefined ? undefined : decodeToken(request.nextPageToken, scope, tokenArg);
  const pageSize = request.pageSize ?? token?.pageSize;
  const cap = token?.left ?? request.limit;
  const want = Math.min(pageSize ?? DEFAULT_LIMIT, cap ?? Infinity);
  // The first page of a paged walk counts every match for responseSize; otherwise stop at the first extra match.
  const known = token === undefined && pageSize !== undefined ? totals?.get(scope) : undefined;
  const counting = token === undefined && pageSize !== undefined && known === undefined;
  const items: T[] = [];
  let more = false;
  let total = 0;
  scan(token?.after, (item) => {
    if (!matches(item)) return true;
    total++;
    if (items.length < want) items.push(item);
    else {
      more = true;
      if (!counting) return false;
    }
    return true;
  });
  if (pageSize === undefined) return { items };
  if (counting) totals?.set(scope, total);
  const left = cap === undefined ? undefined : cap - items.length;
  const last = items[items.length - 1];
  const hasNext = more && (left === undefined || left > 0) && last !== undefined;
  const responseSize = token?.total ?? Math.min(known ?? total, cap ?? Infinity);
  return {
    items,
    responseSize,
    ...(hasNext ? { nextPageToken: encodeToken({ scope, after: last.id, pageSize, total: responseSize, ...(left === undefined ? {} : { left }) }) } : {}),
  };
}

/**
 * A page of items sorted by a key, then by id: the token names the last (key, id), and the next page
 * starts at the first item after it in that order. Sorting costs a pass over the matches per page.
 */
export function pageSorted<T extends { id: string }>(
  request: PageRequest,
  scope: string,
  all: Iterable<T>,
  matches: (item: T) => boolean,
  keyOf: (item: T) => string | number,
  descending: boolean,
): Page<T> {
  const token = request.nextPageToken === undefined ? undefined : decodeToken(request.nextPageToken, scope, "nextPageToken");
  const sign = descending ? -1 : 1;
  const compare = (ka: string | number, ia: string, kb: string | number, ib: string) => (ka < kb ? -sign : ka > kb ? sign : ia < ib ? -1 : ia > ib ? 1 : 0);
  const matching: Array<{ item: T; key: string | number }> = [];
  for (const item of all) if (matches(item)) matching.push({ item, key: keyOf(item) });
  matching.sort((a, b) => compare(a.key, a.item.id, b.key, b.item.id));
  const start = token === undefined ? 0 : matching.findIndex((m) => compare(m.key, m.item.id, token.key!, token.after) > 0);
  const rest = start < 0 ? [] : matching.slice(start);
  const pageSize = request.pageSize ?? token?.pageSize;
  const cap = token?.left ?? request.limit;
  const want = Math.min(pageSize ?? DEFAULT_LIMIT, cap ?? Infinity);
  const page = rest.slice(0, want);
  if (pageSize === undefined) return { items: page.map((m) => m.item) };
  const left = cap === undefined ? undefined : cap - page.length;
  const total = token?.total ?? Math.min(matching.length, cap ?? Infinity);
  const last = page[page.length - 1];
  const hasNext = rest.length > page.length && (left === undefined || left > 0) && last !== undefined;
  return {
    items: page.map((m) => m.item),
    responseSize: total,
    ...(hasNext ? { nextPageToken: encodeToken({ scope, after: last.item.id, key: last.key, pageSize, total, ...(left === undefined ? {} : { left }) }) } : {}),
  };
}
