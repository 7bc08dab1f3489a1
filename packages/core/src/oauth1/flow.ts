/**
 * The OAuth 1.0a three-legged flow (RFC 5849 section 2) as the v2 reference describes it: a request
 * token, the user's authorisation page, and the exchange for an access token. Endpoint URLs come from
 * the spec (the client package passes the generated ones). Every endpoint must be HTTPS (loopback
 * excepted): with PLAINTEXT the consumer secret travels in the header. Redirects are not followed.
 */
import { WrikeError, type WrikeErrorInit } from "../errors.js";
import { secureUrl } from "../base-url.js";
import { credentialForms, parseFormUrlEncoded } from "./encoding.js";
import { redactError } from "../redact.js";
import { signRequest, type SignatureMethod } from "./sign.js";

export interface OAuth1FlowOptions {
  consumerKey: string;
  consumerSecret: string;
  /** The three URLs, as strings or as the spec lists them (`oauth1Endpoints.endpoints` of @wrikekit/client/v2, `{ url, methods }`). */
  endpoints: { requestToken: FlowEndpoint; authorize: FlowEndpoint; accessToken: FlowEndpoint };
  /** Default HMAC-SHA1. */
  signatureMethod?: SignatureMethod;
  fetch?: typeof fetch;
}

export type FlowEndpoint = string | { readonly url: string };

export interface OAuth1TokenPair {
  token: string;
  tokenSecret: string;
}

/** A step of the flow failed; the message says which and the server's status, never a secret. */
export class WrikeOAuth1FlowError extends WrikeError<WrikeErrorInit & { httpStatus?: number }> {
  static override readonly "@wrikekit/error-class": string = "WrikeOAuth1FlowError";
  declare readonly httpStatus: number | undefined;
  constructor(message: string, httpStatus?: number, cause?: unknown) {
    super({ message, method: "oauth1.flow", httpStatus, cause });
  }
}

export interface OAuth1Flow {
  /** Step 1: a request token; `callback` is where Wrike sends the user back, or "oob" without a browser. */
  requestToken(callback?: string): Promise<OAuth1TokenPair & { callbackConfirmed: boolean }>;
  /** Step 2: the page where the user approves the application. */
  authorizeUrl(requestToken: string): string;
  /** Step 3: the approved request token (and the verifier from the callback) for an access token. */
  accessToken(requestToken: OAuth1TokenPair, verifier?: string): Promise<OAuth1TokenPair>;
}

export function createOAuth1Flow(options: OAuth1FlowOptions): OAuth1Flow {
  // Looked up per call, not once: test doubles such as MSW replace globalThis.fetch after clients exist.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (typeof options.endpoints !== "object" || options.endpoints === null) throw new TypeError("createOAuth1Flow: `endpoints` is missing: pass { requestToken, authorize, accessToken } URLs (createOAuth1Flow from @wrikekit/client/v2 fills in Wrike's)");
  const urlOf = (step: keyof OAuth1FlowOptions["endpoints"]): string => {
    const endpoint = options.endpoints[step];
    const url = typeof endpoint === "string" ? endpoint : endpoint?.url;
    if (typeof url !== "string") throw new TypeError(`createOAuth1Flow: endpoints.${step} must be a URL (or { url })`);
    secureUrl(url, `endpoints.${step}`);
    return url;
  };
  const endpoints = { requestToken: urlOf("requestToken"), authorize: urlOf("authorize"), accessToken: urlOf("accessToken") };

  /** A step's answer; its errors quote none of the credentials it was signed with, should the server echo them. */
  const post = (step: string, url: string, signing: { token?: OAuth1TokenPair; callback?: string; verifier?: string }): Promise<Map<string, string>> =>
    send(step, url, signing).catch((error: unknown) => {
      throw redactError(error, [...credentialForms({ consumerSecret: options.consumerSecret, token: signing.token?.token, tokenSecret: signing.token?.tokenSecret }), signing.verifier]);
    });

  async function send(step: string, url: string, signing: { token?: OAuth1TokenPair; callback?: string; verifier?: string }): Promise<Map<string, string>> {
    const signed = await signRequest(
      { method: "POST", url },
      { consumerKey: options.consumerKey, consumerSecret: options.consumerSecret, token: signing.token?.token, tokenSecret: signing.token?.tokenSecret },
      { signatureMethod: options.signatureMethod ?? "HMAC-SHA1", callback: signing.callback, verifier: signing.verifier },
    );
    let response: Response;
    try {
      response = await fetchImpl(url, { method: "POST", headers: { authorization: signed.authorizationHeader }, redirect: "manual" });
    } catch (cause) {
      throw new WrikeOAuth1FlowError(`${step}: network error calling ${new URL(url).origin}`, undefined, cause);
    }
    const text = await response.text();
    const fields = new Map(response.type === "opaqueredirect" ? [] : parseFormUrlEncoded(text));
    if (!response.ok) throw new WrikeOAuth1FlowError(`${step}: the server answered HTTP ${response.status || "redirect"}${response.status < 400 ? " (redirects are not followed)" : ""}${problemOf(fields)}`, response.status);
    if (!fields.get("oauth_token") || !fields.get("oauth_token_secret")) throw new WrikeOAuth1FlowError(`${step}: the answer has no oauth_token and oauth_token_secret`, response.status);
    return fields;
  }

  return {
    async requestToken(callback = "oob") {
      const fields = await post("request token", endpoints.requestToken, { callback });
      return { token: fields.get("oauth_token")!, tokenSecret: fields.get("oauth_token_secret")!, callbackConfirmed: fields.get("oauth_callback_confirmed") === "true" };
    },
    authorizeUrl(requestToken) {
      const url = new URL(endpoints.authorize);
      url.searchParams.set("oauth_token", requestToken);
      return url.href;
    },
    async accessToken(requestToken, verifier) {
      const fields = await post("access token", endpoints.accessToken, { token: requestToken, verifier });
      return { token: fields.get("oauth_token")!, tokenSecret: fields.get("oauth_token_secret")! };
    },
  };
}

/**
 * The server's own account of a refusal (the OAuth Problem Reporting extension: `oauth_problem`, and
 * `oauth_problem_advice` saying what to change), which names no secret.
 */
function problemOf(fields: Map<string, string>): string {
  const problem = fields.get("oauth_problem");
  const advice = fields.get("oauth_problem_advice");
  if (problem === undefined && advice === undefined) return "";
  return `: ${problem ?? "refused"}${advice === undefined ? "" : ` (${advice.slice(0, 300)})`}`;
}
