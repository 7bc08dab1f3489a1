/**
 * The credentials file of `wrikekit-mcp login`: the OAuth 2.0 client and its tokens, in a file only the
 * user can read (0600, in a 0700 directory), written atomically so that a rotated refresh token is never
 * half-saved. A file others can read is refused, as ssh refuses a readable key.
 */
import { chmod, mkdir, open, readFile, rename, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { OAuth2Client, TokenSet, TokenStore } from "@wrikekit/core";

export interface StoredLogin {
  client: Pick<OAuth2Client, "clientId" | "clientSecret" | "authorizeUrl" | "tokenUrl">;
  tokens: TokenSet;
}

/** $XDG_CONFIG_HOME/wrikekit/mcp-login.json, or ~/.config/wrikekit/mcp-login.json. */
export function defaultLoginFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== "" ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(config, "wrikekit", "mcp-login.json");
}

const checksModes = process.platform !== "win32";

export async function readLogin(path: string): Promise<StoredLogin | undefined> {
  let text: string;
  try {
    if (checksModes && ((await stat(path)).mode & 0o077) !== 0) throw new Error(`${path} can be read by other users: run \`chmod 600 ${path}\` or \`wrikekit-mcp login\` again`);
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: Partial<StoredLogin> | null;
  try {
    parsed = JSON.parse(text) as Partial<StoredLogin> | null;
  } catch {
    // Not JSON.parse's message: it quotes the text around the fault, a token or the client secret.
    parsed = null;
  }
  if (typeof parsed?.client?.clientId !== "string" || typeof parsed?.tokens?.accessToken !== "string") throw new Error(`${path} is not a wrikekit-mcp login file: run \`wrikekit-mcp login\` again`);
  return parsed as StoredLogin;
}

export async function writeLogin(path: string, login: StoredLogin): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w", 0o600);
  try {
    await file.writeFile(`${JSON.stringify(login, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  if (checksModes) await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/** A core TokenStore over the file; `secrets` lists every token it has seen, for scrubbing. */
export function fileTokenStore(path: string, login: StoredLogin): TokenStore & { secrets(): readonly string[] } {
  let current = login;
  const seen = new Set<string>();
  const remember = (tokens: TokenSet) => {
    seen.add(tokens.accessToken);
    if (tokens.refreshToken !== undefined) seen.add(tokens.refreshToken);
  };
  remember(login.tokens);
  if (login.client.clientSecret) seen.add(login.client.clientSecret);
  return {
    load: async () => current.tokens,
    save: async (tokens) => {
      remember(tokens);
      current = { ...current, tokens };
      await writeLogin(path, current);
    },
    secrets: () => [...seen],
  };
}
