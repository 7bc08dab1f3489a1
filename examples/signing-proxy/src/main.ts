#!/usr/bin/env node
/**
 * Runs the signing proxy. Configuration comes from the environment, never from the browser:
 *   WRIKE_CONSUMER_KEY, WRIKE_CONSUMER_SECRET, WRIKE_TOKEN, WRIKE_TOKEN_SECRET  the OAuth 1.0a credentials
 *   PROXY_SESSION_TOKEN  the bearer token the browser app must present (stand-in for your own session check)
 *   PROXY_ALLOWED_ORIGINS  comma-separated origins allowed by CORS (e.g. http://localhost:5173)
 *   PORT (default 8787), WRIKE_UPSTREAM (default https://www.wrike.com)
 */
import { timingSafeEqual } from "node:crypto";
import { createSigningProxy } from "./proxy.js";
import { serve } from "./server.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`missing environment variable ${name}`);
    process.exit(2);
  }
  return value;
}

const sessionToken = Buffer.from(`Bearer ${required("PROXY_SESSION_TOKEN")}`);
const proxy = createSigningProxy({
  credentials: {
    consumerKey: required("WRIKE_CONSUMER_KEY"),
    consumerSecret: required("WRIKE_CONSUMER_SECRET"),
    token: required("WRIKE_TOKEN"),
    tokenSecret: required("WRIKE_TOKEN_SECRET"),
  },
  upstream: process.env.WRIKE_UPSTREAM,
  allowedOrigins: (process.env.PROXY_ALLOWED_ORIGINS ?? "").split(",").filter(Boolean),
  authorize: (request) => {
    const given = Buffer.from(request.headers.get("authorization") ?? "");
    return given.length === sessionToken.length && timingSafeEqual(given, sessionToken);
  },
});
const port = Number(process.env.PORT ?? 8787);
await serve(proxy, port);
console.log(`signing proxy on http://127.0.0.1:${port}/api/json/v2/{method}`);
