/**
 * A signing proxy for browser apps: the browser calls this server with the app's own session credential;
 * the server checks it, signs the call with OAuth 1.0a (RFC 5849) using @wrikekit/core's signer and the
 * secrets only it holds, and forwards it to Wrike. The consumer secret and token secret never leave the
 * server, and nothing the browser sends can reach anything but Wrike's API methods.
 *
 * It is a fetch-style handler, `(request: Request) => Promise<Response>`, so it runs unchanged on Node
 * (see server.ts), Deno, Bun, Cloudflare Workers or any framework's route handler.
 */
import { parseFormUrlEncoded, signRequest, type OAuth1Credentials, type SignatureMethod } from "@wrikekit/core/oauth1";

export interface SigningProxyOptions {
  /** Consumer key and secret, access token and token secret. Keep them in the server's environment. */
  credentials: Required<OAuth1Credentials>;
  /** Wrike's origin. Default https://www.wrike.com. */
  upstream?: string;
  /**
   * Decides whether a browser request may act as the account behind `credentials`: check your own session
   * (cookie, bearer token, ...). Requests it refuses get a CREDENTIALS_ERROR envelope with HTTP 401.
   */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /** Origins allowed to call the proxy from a browser (CORS). Default: none, i.e. same-origin use only. */
  allowedOrigins?: readonly string[];
  /** Default HMAC-SHA1. */
  signatureMethod?: SignatureMethod;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/** Only Wrike API v2 method calls pass: /api/json/v2/wrike.<group>.<method> or /api/xml/v2/... */
const METHOD_PATH = /^\/api\/(json|xml)\/v2\/wrike\.[a-z]+\.[a-zA-Z]+$/;
/**
 * Response headers worth passing back; nothing that sets cookies or leaks upstream details. Not
 * content-length: fetch has already decoded a gzip answer, so the upstream length would cut the body short.
 */
const PASSED_RESPONSE_HEADERS = ["content-type", "content-disposition", "retry-after"];

function errorResponse(status: number, code: number, name: string, message: string, extra: HeadersInit = {}): Response {
  return new Response(JSON.stringify({ error: { code, name, message } }), { status, headers: { "content-type": "application/json", ...Object.fromEntries(new Headers(extra)) } });
}

export function createSigningProxy(options: SigningProxyOptions): (request: Request) => Promise<Response> {
  const upstream = new URL(options.upstream ?? "https://www.wrike.com");
  if (upstream.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(upstream.hostname)) throw new TypeError("upstream must use https");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);

  function cors(request: Request): Record<string, string> {
    const origin = request.headers.get("origin");
    if (origin === null || !allowedOrigins.has(origin)) return {};
    return { "access-control-allow-origin": origin, vary: "origin", "access-control-expose-headers": "content-disposition, retry-after" };
  }

  return async function signingProxy(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const corsHeaders = cors(request);
    if (request.method === "OPTIONS") {
      if (!("access-control-allow-origin" in corsHeaders)) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: { ...corsHeaders, "access-control-allow-methods": "POST", "access-control-allow-headers": "authorization, content-type, accept", "access-control-max-age": "600" },
      });
    }
    if (request.method !== "POST" || !METHOD_PATH.test(url.pathname) || url.search !== "") return errorResponse(404, 407, "APPLICATION_ERROR", "Not a Wrike API v2 method call.", corsHeaders);
    if (!(await options.authorize(request))) return errorResponse(401, 402, "CREDENTIALS_ERROR", "Not signed in to the app.", corsHeaders);

    const body = await request.text();
    const bodyParams = parseFormUrlEncoded(body);
    const target = new URL(url.pathname, upstream).href;
    const signed = await signRequest({ method: "POST", url: target, bodyParams }, options.credentials, { signatureMethod: options.signatureMethod ?? "HMAC-SHA1" });
    let answer: Response;
    try {
      answer = await fetchImpl(target, {
        method: "POST",
        // Only what Wrike needs: the browser's cookies and Authorization header stay here.
        headers: {
          authorization: signed.authorizationHeader,
          "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
          accept: request.headers.get("accept") ?? "application/json",
        },
        body,
        signal: request.signal,
        // A redirect would carry the signed call somewhere else: it is refused, never followed.
        redirect: "manual",
      });
    } catch {
      return errorResponse(502, 407, "APPLICATION_ERROR", "Wrike could not be reached.", corsHeaders);
    }
    if (answer.status >= 300 && answer.status < 400) {
      await answer.body?.cancel();
      return errorResponse(502, 407, "APPLICATION_ERROR", `Wrike answered a redirect (HTTP ${answer.status}); it was not followed.`, corsHeaders);
    }
    const headers = new Headers(corsHeaders);
    for (const name of PASSED_RESPONSE_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return new Response(answer.body, { status: answer.status, headers });
  };
}
