/**
 * The real-Wrike mode when things go wrong: a refused token, a server that rate-limits, a write that fails
 * half-way, a run interrupted (Ctrl-C). It says what happened in one readable line, never shows the token,
 * and with --write leaves the account as it found it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runDemo } from "../src/demo.js";
import { startRecordingWrike, type Intercept, type RecordingWrike } from "./recording-wrike.js";

const FAKE_TOKEN = "fake-permanent-token-0123456789";
let wrike: RecordingWrike | undefined;
afterEach(async () => {
  await wrike?.stop();
  wrike = undefined;
});

const v4Error = (status: number, error: string, errorDescription: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error, errorDescription }), { status, headers: { "content-type": "application/json", ...headers } });

/** The folders outside the recycle bin, with their titles and update times: what --write must leave as it found. */
function folders(server: RecordingWrike): string {
  return JSON.stringify([...server.emulator.v4.folders.values()].filter((f) => f.scope !== "RbFolder" && f.scope !== "RbRoot").map((f) => [f.id, f.title, f.updatedAt]));
}

async function standIn(intercept?: Intercept): Promise<RecordingWrike> {
  wrike = await startRecordingWrike(FAKE_TOKEN, intercept);
  return wrike;
}

describe("the v4 demo against real Wrike when things go wrong", () => {
  it("a refused token: one line saying so and what to do, without the token", async () => {
    const server = await standIn();
    const printed: string[] = [];
    const token = "nonsense-token-that-wrike-refuses";
    const failure = await runDemo({ env: { WRIKE_TOKEN: token, WRIKE_BASE_URL: server.url }, print: (line) => printed.push(line) }).catch((e: unknown) => e as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Wrike refused the token in WRIKE_TOKEN \(401 not_authorized[^)]*\)\. Make a new permanent token/);
    expect((failure as Error).message).not.toContain("\n");
    expect(`${(failure as Error).message}\n${(failure as Error).stack}\n${printed.join("\n")}`).not.toContain(token);
  });

  it("a token that cannot go in a header is refused naming WRIKE_TOKEN, without its value, before anything is printed", async () => {
    const printed: string[] = [];
    const failure = await runDemo({ env: { WRIKE_TOKEN: "two words-secret-part" }, print: (line) => printed.push(line) }).catch((e: unknown) => e as Error);
    expect((failure as Error).message).toMatch(/^WRIKE_TOKEN cannot be sent: .*contains a space/);
    expect((failure as Error).message).not.toContain("secret-part");
    expect(printed).toEqual([]);
  });

  it("a token pasted with a line break around it is used as the token", async () => {
    const server = await standIn();
    const summary = await runDemo({ env: { WRIKE_TOKEN: `  ${FAKE_TOKEN}\n`, WRIKE_BASE_URL: server.url }, print: () => {} });
    expect(summary.lines.at(-1)).toContain("Done:");
    expect(new Set(server.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${FAKE_TOKEN}`]));
  });

  it("WRIKE_HOST given as a URL is refused naming the variable and what to pass", async () => {
    await expect(runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_HOST: "https://app-eu.wrike.com" }, print: () => {} })).rejects.toThrow(/WRIKE_HOST must be a host name such as app-eu\.wrike\.com, got "https:\/\/app-eu\.wrike\.com": pass WRIKE_HOST=app-eu\.wrike\.com/);
  });

  it("WRIKE_HOST and WRIKE_BASE_URL both set: refused naming both, before anything is sent or printed", async () => {
    const server = await standIn();
    const printed: string[] = [];
    await expect(runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_HOST: "app-eu.wrike.com", WRIKE_BASE_URL: server.url }, print: (line) => printed.push(line) })).rejects.toThrow(/WRIKE_HOST and WRIKE_BASE_URL are both set.*unset one/);
    expect(printed).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("WRIKE_HOST on loopback is reached over http, and the story says so", async () => {
    const server = await standIn();
    const host = new URL(server.url).host;
    const summary = await runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_HOST: host }, print: () => {} });
    expect(summary.lines.join("\n")).toContain(`Connecting to real Wrike at http://${host} `);
  });

  it("backs off on 429 with Retry-After and completes", { timeout: 60_000 }, async () => {
    let limited = 0;
    const server = await standIn(({ method }) => (method === "GET" && limited++ < 2 ? v4Error(429, "rate_limit_exceeded", "Rate limit exceeded, try later", { "retry-after": "1" }) : undefined));
    const summary = await runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} });
    expect(limited).toBeGreaterThan(2);
    expect(summary.lines.at(-1)).toContain("Done:");
  });

  it("a server that keeps answering 429 stops the run with a message saying so, not a crash", { timeout: 60_000 }, async () => {
    const server = await standIn(({ url }) => (url.startsWith("/api/v4/contacts") ? v4Error(429, "rate_limit_exceeded", "Rate limit exceeded, try later", { "retry-after": "1" }) : undefined));
    const failure = await runDemo({ env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} }).catch((e: unknown) => e as Error);
    expect((failure as Error).message).toMatch(/^Wrike kept answering 429 \(rate limited\)/);
    expect((failure as Error).message).not.toContain(FAKE_TOKEN);
  });

  it("a write that fails half-way: the error is told, the scratch folder is deleted, nothing else changed", { timeout: 60_000 }, async () => {
    const server = await standIn(({ method, url }) => (method === "POST" && url.includes("/attachments") ? v4Error(500, "server_error", "Upload store unavailable") : undefined));
    const before = folders(server);
    await expect(runDemo({ write: true, env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} })).rejects.toThrow(/Upload store unavailable/);
    const writes = server.requests.filter((r) => r.method !== "GET");
    expect(writes.at(-1)!.method).toBe("DELETE");
    expect(folders(server)).toBe(before);
  });

  it("a write that fails, then a cleanup that fails: both are told, with the folder to delete by hand", { timeout: 60_000 }, async () => {
    const server = await standIn(({ method, url }) =>
      method === "POST" && url.includes("/attachments") ? v4Error(500, "server_error", "Upload store unavailable") : method === "DELETE" ? v4Error(500, "server_error", "Deletes are paused") : undefined,
    );
    const failure = await runDemo({ write: true, env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} }).catch((e: unknown) => e as Error);
    const scratchId = server.requests.find((r) => r.method === "POST")!.answeredIds[0]!;
    expect((failure as Error).message).toMatch(new RegExp(`could not delete the scratch folder "wrikekit demo scratch [^"]+" \\(${scratchId}\\): .*Deletes are paused.*delete it in Wrike by hand`));
    // What went wrong first is not lost behind the cleanup's failure.
    expect((failure as Error).message).toContain("Upload store unavailable");
  });

  it("a scratch folder answered as some other folder is never deleted: the run stops, nothing more is written", { timeout: 60_000 }, async () => {
    let existing: { id: string; title: string } | undefined;
    const server = await standIn(({ method, url }, emulator) => {
      if (method !== "POST" || !url.endsWith("/folders")) return undefined;
      const folder = [...emulator.v4.folders.values()].find((f) => f.scope === "WsFolder")!;
      existing = { id: folder.id, title: folder.title };
      // A confused proxy, or a server with a bug: the answer names a folder this run did not make.
      return new Response(JSON.stringify({ kind: "folders", data: [{ id: folder.id, title: folder.title, scope: "WsFolder" }] }), { headers: { "content-type": "application/json" } });
    });
    const before = folders(server);
    const failure = await runDemo({ write: true, env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url }, print: () => {} }).catch((e: unknown) => e as Error);
    expect((failure as Error).message).toMatch(/answered the scratch folder's creation with a folder titled .* not "wrikekit demo scratch [^"]+"/);
    expect(server.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.url}`)).toEqual([expect.stringMatching(/^POST \/api\/v4\/folders\/\w+\/folders$/)]);
    expect(existing).toBeDefined();
    expect(folders(server)).toBe(before);
  });

  it("a run interrupted mid-way (the signal main.ts aborts on SIGINT) deletes its scratch folder, then stops", { timeout: 60_000 }, async () => {
    const server = await standIn();
    const before = folders(server);
    const interrupt = new AbortController();
    const failure = await runDemo({
      write: true,
      signal: interrupt.signal,
      env: { WRIKE_TOKEN: FAKE_TOKEN, WRIKE_BASE_URL: server.url },
      print: (line) => {
        if (line.includes("Comments")) interrupt.abort();
      },
    }).catch((e: unknown) => e as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/interrupted/);
    const writes = server.requests.filter((r) => r.method !== "GET");
    const scratchId = writes[0]!.answeredIds[0]!;
    expect(writes.some((w) => w.method === "DELETE" && w.url === `/api/v4/folders/${scratchId}`)).toBe(true);
    // Nothing was sent after the scratch folder was deleted.
    expect(`${writes.at(-1)!.method} ${writes.at(-1)!.url}`).toBe(`DELETE /api/v4/folders/${scratchId}`);
    expect(folders(server)).toBe(before);
  });
});
