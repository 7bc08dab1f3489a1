/**
 * `wrikekit-mcp login`: the OAuth 2.0 authorisation-code flow with a loopback redirect. It listens on
 * http://127.0.0.1:<port>/callback, sends the user to Wrike's consent page, checks the returned state,
 * exchanges the code through core's `exchangeCode` and saves the tokens with `writeLogin`.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { authorizationUrl, exchangeCode, type OAuth2Client } from "@wrikekit/core";
import { writeLogin } from "./token-file.js";

/** v4's consent page and token endpoint (the reference's figures). */
export const V4_AUTHORIZE_URL = "https://login.wrike.com/oauth2/authorize/v4";
export const V4_TOKEN_URL = "https://login.wrike.com/oauth2/token";

export interface LoginOptions {
  client: OAuth2Client;
  /** The redirect URI registered for the app must be http://127.0.0.1:<port>/callback. */
  port: number;
  file: string;
  scope?: string;
  /** Tells the user where to go (default: prints to stderr). */
  show(url: string): void;
  signal?: AbortSignal;
}

const page = (text: string) => `<!doctype html><meta charset="utf-8"><title>wrikekit-mcp</title><p>${text}</p>`;

export async function login(options: LoginOptions): Promise<{ host: string | undefined }> {
  const state = randomBytes(24).toString("base64url");
  // Known once listening: port 0 (tests) picks a free one.
  let redirectUri = `http://127.0.0.1:${options.port}/callback`;
  const client: OAuth2Client = { authorizeUrl: V4_AUTHORIZE_URL, tokenUrl: V4_TOKEN_URL, ...options.client };

  const code = await new Promise<string>((resolve, reject) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", redirectUri);
      if (url.pathname !== "/callback") return void res.writeHead(404).end();
      const finish = (status: number, text: string, outcome: () => void) => {
        res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(page(text));
        server.close();
        outcome();
      };
      // A callback without our state may come from another page: ignore it and keep waiting.
      if (url.searchParams.get("state") !== state) return void res.writeHead(400, { "content-type": "text/html; charset=utf-8" }).end(page("This sign-in link is not the one wrikekit-mcp started."));
      const error = url.searchParams.get("error");
      if (error !== null) return finish(400, "Wrike did not grant access. You can close this tab.", () => reject(new Error(`Wrike did not grant access (${error})`)));
      const received = url.searchParams.get("code");
      if (received === null) return finish(400, "The answer carried no code.", () => reject(new Error("the redirect carried no authorisation code")));
      finish(200, "Signed in to Wrike. You can close this tab.", () => resolve(received));
    });
    options.signal?.addEventListener("abort", () => {
      server.close();
      reject(new Error("login cancelled"));
    }, { once: true });
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${options.port} is in use: pass --port with the port of your app's redirect URI` : error.message)),
    );
    server.listen(options.port, "127.0.0.1", () => {
      redirectUri = `http://127.0.0.1:${(server.address() as { port: number }).port}/callback`;
      options.show(authorizationUrl(client, { state, redirectUri, scope: options.scope }));
    });
  });

  const tokens = await exchangeCode(client, { code, redirectUri });
  await writeLogin(options.file, { client: { clientId: client.clientId, clientSecret: client.clientSecret, authorizeUrl: client.authorizeUrl, tokenUrl: client.tokenUrl }, tokens });
  return { host: tokens.host };
}
