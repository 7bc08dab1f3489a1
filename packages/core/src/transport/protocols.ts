/**
 * How each API's calls travel. Each API names its protocol in its generated descriptor (`protocol`), so a
 * bundle carries only the one its API needs: v2 (rpc) posts every argument as a form to the method's URL in
 * the format asked for and is answered JSON or XML; v4 (REST) fills the path's placeholders, sends argument
 * headers, and a form or raw body only when there is one or the verb takes one, and is answered JSON.
 */
import type { Protocol } from "../descriptors.js";
import { WrikeValidationError } from "../errors.js";
import { bodyText } from "./body-text.js";

/** What to do without XML support; both messages that need it say so. */
const XML_HINT = 'pass `xml: xmlSupport` from "@wrikekit/client/xml"';

const FORM = "application/x-www-form-urlencoded; charset=UTF-8";

/** v2: every call a form POST to the format's path with `{method}` replaced by the method's name. */
export const rpcProtocol: Protocol = {
  requested(api, { format = "json", xml }) {
    if (api.formats[format] === undefined) throw new TypeError(`format must be one of ${Object.keys(api.formats).join(", ")}`);
    if (format === "xml" && !xml) throw new TypeError(`format "xml": ${XML_HINT}`);
    return format;
  },
  request: (api, method, request, format) => ({
    path: api.formats[format]!.replace("{method}", method.http.path),
    headers: { "content-type": FORM, accept: `application/${format}` },
    body: new URLSearchParams(request.pairs).toString(),
  }),
  format: (contentType, requested) => (contentType.includes("json") ? "json" : contentType.includes("xml") ? "xml" : requested),
  // XML only when the caller brought XML support (it is opt-in to keep bundles small), with its conversions for the decoders.
  parse(chunks, contentType, format, xml, ctx) {
    if (format === "json") return JSON.parse(bodyText(chunks, contentType));
    if (!xml) throw new TypeError(`needs XML support: ${XML_HINT}`);
    ctx.fromXml = xml.fromXml;
    return xml.parse((xml.text ?? bodyText)(chunks, contentType));
  },
};

/**
 * v4 (the REST request contract): the format's path with `{method}` replaced by the method's path and each
 * `{name}` in it by the encoded path value (each comma-separated item percent-encoded); a placeholder
 * without a value is an argument error, never sent literally. Answers are JSON, whatever their Content-Type.
 */
/** Per method (v4 answers one format), its path split into literals and placeholder names. */
const pathParts = new WeakMap<object, string[]>();

export const restProtocol: Protocol = {
  // v4 answers JSON only.
  requested(_, { format = "json" }) {
    if (format !== "json") throw new TypeError(`format must be json, not ${JSON.stringify(format)}`);
    return format;
  },
  request(api, method, request, format) {
    const verb = method.http.method;
    let parts = pathParts.get(method);
    if (!parts) pathParts.set(method, (parts = api.formats[format]!.replace("{method}", method.http.path).split(/\{([^}]+)\}/)));
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = request.path.find(([wireName]) => wireName === parts[i])?.[1];
      // Only an empty list of ids leaves its placeholder empty (an empty id is refused by its encoder). A
      // segment of . or .. would be resolved by the URL parser (percent-encoded too) to another endpoint:
      // /tasks/../comments is the account's comments.
      if (!value || value === "." || value === "..") {
        request.issues.push(value ? { path: parts[i]!, expected: "an id other than . and ..", received: `string "${value}"` } : { path: parts[i]!, expected: "at least one id", received: "an empty list" });
        throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: request.issues });
      }
      // Each comma-separated item percent-encoded, the commas between them kept.
      path += encodeURIComponent(value).replace(/%2C/g, ",") + parts[i + 1];
    }
    // Argument headers (X-File-Name) first, so that none of them can replace the accept, the content type or the authorization.
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name.toLowerCase()] = value;
    headers.accept = `application/${format}`;
    // A raw upload (its encoder names the content type), else a form body; GET and DELETE carry none. A
    // POST or PUT without body arguments still sends an empty form (servers read it as no arguments).
    let body: BodyInit | undefined = request.body as BodyInit | undefined;
    if (body === undefined && (request.pairs.length > 0 || (verb !== "GET" && verb !== "DELETE"))) {
      body = new URLSearchParams(request.pairs).toString();
      headers["content-type"] ??= FORM;
    }
    return { path, query: request.query.length > 0 ? `?${new URLSearchParams(request.query)}` : "", headers, body };
  },
  format: () => "json",
  parse: (chunks, contentType) => JSON.parse(bodyText(chunks, contentType)),
  wrongHost: "(wrong host): pass the account's `host`",
};
