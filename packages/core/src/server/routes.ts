/**
 * Matching request URLs from the ApiDescriptor's path templates, for servers and mocks. Templates that
 * name their format as a segment (/api/json/v2/{method}, /api/xml/v2/{method}) are matched by one pattern
 * whose format segment is optional: a URL without it (/api/v2/{method}) names no format. REST paths'
 * {placeholders} become named groups.
 */
import type { ApiDescriptor, ResponseFormat } from "../descriptors.js";

export interface Route {
  /** Matches a URL without its query (origin and path, or the path alone); path parameters are its named groups. */
  pattern: RegExp;
  /** Named groups that are the route's own (format, method), not a method's arguments. */
  own: ReadonlySet<string>;
  /** The format the URL names; undefined when it names none and the server's default (or a parameter) decides. */
  formatOf(params: Readonly<Record<string, unknown>>): ResponseFormat | undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export interface RouteOptions {
  /** Default: the API's. A path after the host is kept as a prefix. */
  baseUrl?: string;
  /** The method's `http.path`; without it the route matches every method, whose path is the named group `method`. */
  methodPath?: string;
  /** Match the URL's path alone, on any host (a server's view); default: origin and path (a mock's). */
  pathOnly?: boolean;
}

/** The route of one method, or of every method of the API. */
export function compileRoute(api: ApiDescriptor, options: RouteOptions = {}): Route {
  const url = new URL(options.baseUrl ?? api.baseUrl);
  const base = `${options.pathOnly ? "" : url.origin}${url.pathname}`.replace(/\/+$/, "");
  const formats = Object.entries(api.formats) as [ResponseFormat, string][];
  const shared = formats.map(([f, template]) => template.replace(`/${f}/`, "/{format}/"));
  const segmented = formats.every(([f, template]) => template.includes(`/${f}/`)) && shared.every((s) => s === shared[0]);
  if (!segmented && formats.length !== 1) throw new TypeError(`${api.name}: cannot match several formats whose paths differ other than by a format segment`);
  const template = segmented ? shared[0]! : formats[0]![1];
  let source = `^${escapeRegExp(base)}`;
  let skipSlash = false;
  template
    .replace("{method}", options.methodPath ?? "{method}")
    .split(/\{([A-Za-z_][A-Za-z0-9_]*)\}/)
    .forEach((part, i) => {
      if (i % 2 === 0) {
        source += escapeRegExp(skipSlash ? part.replace(/^\//, "") : part);
        skipSlash = false;
      } else if (segmented && part === "format") {
        source += `(?:(?<format>${formats.map(([f]) => escapeRegExp(f)).join("|")})/)?`;
        skipSlash = true;
      } else source += `(?<${part}>[^/]+)`;
    });
  const own = new Set([...(segmented ? ["format"] : []), ...(options.methodPath === undefined ? ["method"] : [])]);
  return {
    pattern: new RegExp(`${source}$`),
    own,
    formatOf: (params) => (!segmented ? formats[0]![0] : typeof params.format === "string" ? (params.format as ResponseFormat) : undefined),
  };
}
