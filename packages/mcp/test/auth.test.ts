/** The login flow with a loopback redirect, the 0600 token file, and the refresh through the core session. */
import { mkdtemp, readFile, stat, chmod, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOAuth2Session } from "@wrikekit/core";
import { describe, expect, it } from "vitest";
import { checkToolTable, defaultLoginFile, fileTokenStore, login, readLogin, SERVER_VERSION, writeLogin } from "../src/index.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";

const tokenEndpoint = (answers: Array<Record<string, unknown>>, seen: URLSearchParams[]): typeof fetch => async (_url, init) => {
  seen.push(new URLSearchParams(String(init?.body)));
  return new Response(JSON.stringify(answers.shift()), { headers: { "content-type": "application/json" } });
};

describe("login", () => {
  it("runs the browser flow on 127.0.0.1, checks state, and saves the tokens in a 0600 file", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "wrikekit-mcp-")), "wrikekit", "mcp-login.json");
    const seen: URLSearchParams[] = [];
    const fetchTokens = tokenEndpoint([{ access_token: "access-1", refresh_token: "refresh-1", token_type: "bearer", expires_in: 3600, host: "app-eu.wrike.com" }], seen);
    let shown!: URL;
    const done = login({ client: { clientId: "client-id", clientSecret: "client-secret", fetch: fetchTokens }, port: 0, file, show: (url) => (shown = new URL(url)) });
    while (shown === undefined) await new Promise((r) => setTimeout(r, 10));
    expect(shown.origin + shown.pathname).toBe("https://login.wrike.com/oauth2/authorize/v4");
    const redirect = new URL(shown.searchParams.get("redirect_uri")!);
    expect(redirect.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const forged = await fetch(`${redirect.href}?code=evil&state=not-ours`);
    expect(forged.status).toBe(400);
    const answer = await fetch(`${redirect.href}?code=the-code&state=${shown.searchParams.get("state")}`);
    expect(answer.status).toBe(200);
    expect(await done).toEqual({ host: "app-eu.wrike.com" });
    expect(seen[0]?.get("code")).toBe("the-code");
    expect(seen[0]?.get("redirect_uri")).toBe(redirect.href);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(file, ".."))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8")).tokens).toMatchObject({ accessToken: "access-1", refreshToken: "refresh-1", host: "app-eu.wrike.com" });
  });
});

describe("token file", () => {
  it("is refused when others can read it", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "wrikekit-mcp-")), "login.json");
    await writeLogin(file, { client: { clientId: "c", clientSecret: "s" }, tokens: { accessToken: "a", refreshToken: "r", tokenType: "bearer", expiresAt: undefined, host: undefined } });
    await chmod(file, 0o644);
    await expect(readLogin(file)).rejects.toThrow(/can be read by other users: run `chmod 600/);
  });

  it("that is not JSON is refused as not a login file, quoting none of it (JSON.parse's message quotes the text around the fault)", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "wrikekit-mcp-")), "login.json");
    await writeLogin(file, { client: { clientId: "c", clientSecret: "CANARY-client-secret" }, tokens: { accessToken: "CANARY-access-token", refreshToken: "CANARY-refresh-token", tokenType: "bearer", expiresAt: undefined, host: undefined } });
    const whole = await readFile(file, "utf8");
    for (const canary of ["CANARY-client-secret", "CANARY-access-token", "CANARY-refresh-token"]) {
      // The value's opening quote lost: JSON.parse's message quotes the value's first characters.
      await writeFile(file, whole.replace(`"${canary}`, canary), { mode: 0o600 });
      const error = await readLogin(file).then(() => undefined, (e: Error) => e);
      expect(error?.message).toBe(`${file} is not a wrikekit-mcp login file: run \`wrikekit-mcp login\` again`);
      expect(`${error?.stack} ${String(error?.cause)}`).not.toContain("CANARY");
    }
  });

  it("saves a rotated refresh token before the new access token is used, refreshing once for concurrent calls", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "wrikekit-mcp-")), "login.json");
    const seen: URLSearchParams[] = [];
    const expired = { accessToken: "old-access", refreshToken: "old-refresh", tokenType: "bearer", expiresAt: 0, host: "www.wrike.com" };
    await writeLogin(file, { client: { clientId: "c", clientSecret: "s" }, tokens: expired });
    const stored = (await readLogin(file))!;
    const store = fileTokenStore(file, stored);
    const session = createOAuth2Session({ client: { ...stored.client, fetch: tokenEndpoint([{ access_token: "new-access", refresh_token: "new-refresh", expires_in: 3600 }], seen) }, store });
    expect(await Promise.all([session.accessToken(), session.accessToken()])).toEqual(["new-access", "new-access"]);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, "utf8")).tokens.refreshToken).toBe("new-refresh");
    expect(store.secrets()).toEqual(expect.arrayContaining(["old-access", "old-refresh", "new-access", "new-refresh", "s"]));
  });

  it("lives under $XDG_CONFIG_HOME, else ~/.config", () => {
    expect(defaultLoginFile({ XDG_CONFIG_HOME: "/cfg" })).toBe("/cfg/wrikekit/mcp-login.json");
    expect(defaultLoginFile({})).toMatch(/\/\.config\/wrikekit\/mcp-login\.json$/);
  });
});

describe("tool table", () => {
  it("a table that breaks an invariant fails at start-up naming the tool", () => {
    const [first] = fixtureToolTable.tools;
    expect(() => checkToolTable({ ...fixtureToolTable, tools: [first!, first!] })).toThrow('tool table: "list_tasks": the name is used twice');
    expect(() => checkToolTable({ ...fixtureToolTable, tools: [{ ...first!, writes: true }] })).toThrow("readOnlyHint must be the opposite of writes");
    expect(() => checkToolTable({ ...fixtureToolTable, tools: [{ ...first!, fieldsArgument: "field" }] })).toThrow('inputSchema has no argument "field"');
  });

  it("the announced version is package.json's", () => {
    expect(SERVER_VERSION).toBe(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
  });
});
