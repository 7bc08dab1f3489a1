/**
 * Matching REST requests to operations of the generated table: one pattern per operation from its path
 * template (`/tasks/{taskId}` under `/api/v4`), the verb (or `?method=` on a GET, as Wrike allows), and
 * for paths that two operations share (`PUT /tasks/{taskId}` and `PUT /tasks/{taskIds}`) the one whose
 * placeholder takes a list when the segment lists several ids.
 */
import type { RestApi, RestOperation } from "./rest-table.js";

export interface RestMatch {
  operation: RestOperation;
  /** Decoded path placeholders. */
  path: Record<string, string>;
}

export interface RestRouter {
  /** The operation for a path and verb; undefined when no path matches, `wrongVerb` with the verbs that do. */
  match(pathname: string, verb: string): RestMatch | { wrongVerb: string[] } | undefined;
  /** True when the path is under the API's prefix (/api/v4/). */
  owns(pathname: string): boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

interface CompiledRoute {
  operation: RestOperation;
  pattern: RegExp;
  /** Placeholders that take a comma-separated list. */
  listParams: string[];
}

export function createRestRouter(api: RestApi, operations: Readonly<Record<string, RestOperation>>): RestRouter {
  const [prefix] = api.pathTemplate.split("{method}") as [string];
  const routes: CompiledRoute[] = Object.values(operations).map((operation) => {
    const source = `${prefix}${operation.path}`
      .split(/\{([A-Za-z_][A-Za-z0-9_]*)\}/)
      .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : `(?<${part}>[^/]+)`))
      .join("");
    const listParams = Object.values(operation.args).filter((a) => a.in === "path" && a.type.list).map((a) => a.wireName);
    return { operation, pattern: new RegExp(`^${source}/?$`), listParams };
  });
  return {
    owns: (pathname) => pathname.startsWith(`${prefix}/`) || pathname === prefix,
    match(pathname, verb) {
      const candidates: { route: CompiledRoute; groups: Record<string, string> }[] = [];
      for (const route of routes) {
        const found = route.pattern.exec(pathname);
        if (found !== null) candidates.push({ route, groups: { ...found.groups } });
      }
      if (candidates.length === 0) return undefined;
      const sameVerb = candidates.filter((c) => c.route.operation.verb === verb);
      if (sameVerb.length === 0) return { wrongVerb: [...new Set(candidates.map((c) => c.route.operation.verb))] };
      // A literal segment beats a placeholder (/tasks/{taskId}/comments is not /tasks/{taskIds}); then list-ness decides.
      const literalLength = (c: CompiledRoute) => c.operation.path.replace(/\{[^}]+\}/g, "").length;
      const best = sameVerb.sort((a, b) => literalLength(b.route) - literalLength(a.route) || listScore(b) - listScore(a))[0]!;
      const path: Record<string, string> = {};
      for (const [name, value] of Object.entries(best.groups)) path[name] = decodeComponent(value);
      return { operation: best.route.operation, path };
    },
  };
}

/**
 * The verb a request asks for: its own, upper-cased, or on a GET the one `?method=` names (Wrike's override
 * for clients that cannot send PUT or DELETE), so a GET ?method=DELETE is the delete, never the read.
 */
export function requestVerb(request: Request): string {
  const own = request.method.toUpperCase();
  // Most requests carry no override: skip parsing their URL.
  if (own !== "GET" || !request.url.includes("method=")) return own;
  return new URL(request.url).searchParams.get("method")?.toUpperCase() ?? own;
}

/** Prefers the list operation when a segment lists several ids, the single one otherwise. */
function listScore(c: { route: CompiledRoute; groups: Record<string, string> }): number {
  const several = Object.values(c.groups).some((v) => decodeComponent(v).includes(","));
  return c.route.listParams.length > 0 === several ? 1 : 0;
}

/** Percent-decoding that keeps text it cannot decode as it is (a path segment, a header value). */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
