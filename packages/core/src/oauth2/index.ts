export { checkRedirectUri } from "./redirect-uri.js";
export { authorizationUrl, exchangeCode, refreshTokens, WrikeAuthError, DEFAULT_AUTHORIZE_URL, DEFAULT_TOKEN_URL, type OAuth2Client, type TokenSet } from "./tokens.js";
export { createOAuth2Session, createMemoryTokenStore, type OAuth2Session, type OAuth2SessionOptions, type TokenStore } from "./session.js";
