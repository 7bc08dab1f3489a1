/** @wrikekit/core/oauth1: OAuth 1.0a signing as a transport Authorizer, and the signer itself; opt-in so bearer-token bundles leave it out. */
export { oauth1Auth, type OAuth1Auth } from "./oauth1-auth.js";
export * from "./oauth1/index.js";
