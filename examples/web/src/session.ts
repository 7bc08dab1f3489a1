/**
 * The app's own session token: what the browser holds instead of any Wrike secret. In production the
 * app's origin serves /api/json/v2/* through the signing proxy, which checks this token and signs with
 * OAuth 1.0a; here the mock layer (mocks.ts) plays that part.
 */
export const DEMO_SESSION_TOKEN = "demo-session";
