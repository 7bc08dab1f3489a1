/** The MSW handler of one route, for both APIs' runtimes (v2 and v4). */
import { http, HttpHandler, type HttpResponseResolver, type PathParams } from "msw";
import type { Route } from "@wrikekit/core/server";

const verbs = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete, PATCH: http.patch } as const;

/**
 * The path parameters of a request the route matches (its named groups, URI-decoded), else undefined.
 * The URL is matched without its query and fragment, as MSW matches a path.
 */
function matchRoute(pattern: RegExp, url: string): PathParams | undefined {
  const end = url.search(/[?#]/);
  const match = pattern.exec(end === -1 ? url : url.slice(0, end));
  if (match === null) return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined) params[name] = decodeURIComponent(value);
  return params;
}

type CustomPredicate = (args: { request: Request }) => boolean | { matches: boolean; params: PathParams };

export interface RouteHandlerOptions {
  /** Answer only the first matching request (MSW's `once`). */
  once: boolean;
  /** The verb a request asks for, when it may differ from its method (v4: a GET's `?method=`); default its method. */
  verbOf?: (request: Request) => string;
}

/**
 * An ordinary MSW handler (server.use() overrides it like any other) whose predicate runs the route's
 * compiled pattern once per request. Given the RegExp as its path, MSW hands it to path-to-regexp's
 * match(), which rescans the pattern's source for its groups and builds a matcher on every request, for
 * every handler of the list it walks.
 */
export function routeHandler(verb: keyof typeof verbs, route: Route, resolver: HttpResponseResolver, options: RouteHandlerOptions): HttpHandler {
  const { verbOf, ...handlerOptions } = options;
  const predicate: CustomPredicate = ({ request }) => {
    // MSW runs every handler's predicate before its method check: a request of another verb skips the pattern.
    // (fetch upper-cases the standard verbs but leaves "patch" as given, and MSW compares verbs case-blind.)
    const asked = verbOf === undefined ? request.method : verbOf(request);
    if (asked !== verb && asked.toUpperCase() !== verb) return false;
    const params = matchRoute(route.pattern, request.url);
    return params === undefined ? false : { matches: true, params };
  };
  // A verb asked for by a GET (`verbOf`) must also pass MSW's own method check, which reads the request's.
  const handler = verbOf === undefined || verb === "GET" ? verbs[verb](predicate, resolver, handlerOptions) : new HttpHandler(new RegExp(`^(?:${verb}|GET)$`, "i"), predicate, resolver, handlerOptions);
  // MSW's logs and errors name a handler by its header, "[custom predicate]" for a predicate: name the pattern.
  handler.info.header = `${verb} ${route.pattern}`;
  return handler;
}
