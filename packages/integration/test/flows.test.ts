/** Paging while the data changes, incremental sync across a crash, streamed downloads and the OAuth 1.0a flow, against the emulator. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { createMemoryCursorStore, createOAuth1Flow } from "@wrikekit/core";
import { createWrikeClient, oauth1Endpoints, type TaskUpdates } from "@wrikekit/client/v2";

function connect(emulator = createEmulator()) {
  const { consumerKey, consumerSecret, user } = emulator.credentials;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => emulator.handle(new Request(input, init));
  const client = createWrikeClient({ baseUrl: "http://localhost", auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret }, fetch });
  return { emulator, client, fetch };
}

const tick = () => new Promise((r) => setTimeout(r, 3));

describe("paging wrike.task.filter while the data changes", () => {
  it("neither skips nor repeats an item", async () => {
    const { client } = connect();
    const folder = await client.folder.add({ title: "paged" });
    const initial: number[] = [];
    for (let i = 0; i < 23; i++) initial.push((await client.task.add({ title: `t${i}`, parents: [folder.id] })).id);

    const seen: number[] = [];
    const deleted = new Set<number>();
    const added: number[] = [];
    let page = 0;
    for await (const items of client.task.filterPages({ parents: [folder.id] }, { pageSize: 5 }).pages()) {
      seen.push(...items.map((t) => t.id));
      page++;
      if (page === 1) {
        // Delete two items already handed out and two not yet reached: the list shifts left under the pager.
        const gone = [seen[0]!, seen[3]!, initial[12]!, initial[13]!];
        await client.task.delete({ ids: gone });
        gone.forEach((id) => deleted.add(id));
      }
      if (page === 2) for (let i = 0; i < 3; i++) added.push((await client.task.add({ title: `late${i}`, parents: [folder.id] })).id);
      if (page === 3) {
        await client.task.delete({ ids: [seen.at(-1)!] });
        deleted.add(seen.at(-1)!);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const presentThroughout = initial.filter((id) => !deleted.has(id));
    for (const id of presentThroughout) expect(seen).toContain(id);
    for (const id of [initial[12]!, initial[13]!]) expect(seen).not.toContain(id);
    for (const id of added) expect(seen).toContain(id);
  });
});

describe("incremental sync", () => {
  it("saves tLast only after the batch was handled, so a crash loses nothing", async () => {
    const { client } = connect();
    const { tLast: start } = (await client.task.filter({ count: true })) as { tLast: number };
    await tick();
    const task = await client.task.add({ title: "synced" });
    const store = createMemoryCursorStore();

    await expect(client.task.updatesSync({ store, start, handle: () => Promise.reject(new Error("crash while handling")) })).rejects.toThrow("crash while handling");
    expect(await store.load()).toBeUndefined();

    const received: TaskUpdates[] = [];
    await client.task.updatesSync({ store, start, handle: (batch) => void received.push(batch) });
    expect(received[0]!.newTasks.map((t) => t.id)).toContain(task.id);
    const saved = await store.load();
    expect(saved).toBe(received[0]!.tLast);

    await tick();
    await client.task.update({ id: task.id, title: "synced", status: 1 });
    await client.task.updatesSync({ store, start, handle: (batch) => void received.push(batch) });
    expect(received[1]!.newTasks).toEqual([]);
    expect(received[1]!.updatedTasks.map((t) => [t.id, t.status])).toEqual([[task.id, 1]]);
  });
});

describe("attachments", () => {
  it("downloads as a stream of chunks with the right bytes", async () => {
    const { client, emulator } = connect();
    const task = await client.task.add({ title: "with a file" });
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const attachment = emulator.addAttachment({ taskId: task.id, fileName: "data.bin", contentType: "application/octet-stream", bytes });
    const download = await client.attachment.download({ id: attachment.id });
    expect(download.contentType).toBe("application/octet-stream");
    const reader = download.body.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((offset, c) => (joined.set(c, offset), offset + c.length), 0);
    expect(joined).toEqual(bytes);
  });
});

describe("OAuth 1.0a three-legged flow", () => {
  it("request token, approval, access token, then a signed call as the user", async () => {
    const emulator = createEmulator();
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => emulator.handle(new Request(input, init));
    const onEmulator = (url: string) => `http://localhost${new URL(url).pathname}`;
    const endpoints = oauth1Endpoints.endpoints;
    const flow = createOAuth1Flow({
      consumerKey: emulator.credentials.consumerKey,
      consumerSecret: emulator.credentials.consumerSecret,
      endpoints: { requestToken: onEmulator(endpoints.requestToken.url), authorize: onEmulator(endpoints.authorize.url), accessToken: onEmulator(endpoints.accessToken.url) },
      fetch,
    });
    const requestToken = await flow.requestToken("http://localhost:9999/callback");
    expect(requestToken.callbackConfirmed).toBe(true);
    const approval = await fetch(flow.authorizeUrl(requestToken.token), { redirect: "manual" });
    const callback = new URL(approval.headers.get("location")!);
    expect(callback.searchParams.get("oauth_token")).toBe(requestToken.token);
    const access = await flow.accessToken(requestToken, callback.searchParams.get("oauth_verifier")!);
    const client = createWrikeClient({
      baseUrl: "http://localhost",
      auth: { kind: "oauth1", consumerKey: emulator.credentials.consumerKey, consumerSecret: emulator.credentials.consumerSecret, ...access },
      fetch,
    });
    expect((await client.profile.get()).uid).toBe(emulator.credentials.user.uid);
    await expect(flow.accessToken(requestToken, callback.searchParams.get("oauth_verifier")!)).rejects.toMatchObject({ name: "WrikeOAuth1FlowError" });
  });
});
