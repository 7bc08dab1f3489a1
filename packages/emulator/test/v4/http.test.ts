/**
 * v4 over real HTTP: the Node server on 127.0.0.1, called with plain fetch for every stateful group and
 * with the v4 client (@wrikekit/client), the OAuth 2.0 v4 flow, the per-token budget (429), and curl
 * with the permanent token the command line prints.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createWrikeClient, WrikeApiError } from "@wrikekit/client";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { startEmulatorServer, type EmulatorServer } from "../../src/server.js";

const running: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer({ v4RateLimit: false, ...options });
  running.push(server);
  return server;
}

/** Plain fetch: query for reads, a form body with JSON text for structured values for writes. */
function plain(server: EmulatorServer, token: string = SEED_CREDENTIALS.permanentToken) {
  return async (method: string, path: string, params: Record<string, unknown> = {}, raw?: { body: Uint8Array<ArrayBuffer>; fileName: string }) => {
    const pairs = Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)] as [string, string]);
    const read = method === "GET" || method === "DELETE";
    const url = `${server.url}/api/v4${path}${read && pairs.length > 0 ? `?${new URLSearchParams(pairs)}` : ""}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: BodyInit | undefined;
    if (raw !== undefined) {
      body = raw.body;
      headers["x-file-name"] = encodeURIComponent(raw.fileName);
      headers["content-type"] = "application/octet-stream";
    } else if (!read && pairs.length > 0) {
      body = new URLSearchParams(pairs);
    }
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const json = response.headers.get("content-type")?.startsWith("application/json") ? await response.json() : undefined;
    return { status: response.status, json, response };
  };
}

describe("v4 over HTTP with plain fetch", () => {
  it("serves every stateful group", async () => {
    const server = await start();
    const api = plain(server);
    const ok = async (...args: Parameters<typeof api>) => {
      const answer = await api(...args);
      expect(answer.status, `${args[0]} ${args[1]}: ${JSON.stringify(answer.json)}`).toBe(200);
      return answer.json.data as Array<Record<string, any>>;
    };
    expect((await ok("GET", "/account"))[0]!.rootFolderId).toEqual(expect.any(String));
    expect((await ok("GET", "/contacts")).length).toBe(4);
    expect((await ok("GET", `/users/${SEED_CREDENTIALS.user.uid}`))[0]!.profiles[0].admin).toBe(true);
    const [group] = await ok("POST", "/groups", { title: "Team", members: [SEED_CREDENTIALS.user.uid] });
    expect((await ok("GET", `/groups/${group!.id}`))[0]!.memberIds).toEqual([SEED_CREDENTIALS.user.uid]);
    const [space] = await ok("POST", "/spaces", { title: "HTTP space", accessType: "Public" });
    const [project] = await ok("POST", `/folders/${space!.id}/folders`, { title: "Project", project: { status: "Green" } });
    expect((await ok("GET", `/spaces/${space!.id}/folders`)).map((f) => f.id)).toContain(project!.id);
    const [field] = await ok("POST", "/customfields", { title: "Points", type: "Numeric" });
    const [task] = await ok("POST", `/folders/${project!.id}/tasks`, { title: "Over HTTP", dates: { due: "2026-12-24" }, customFields: [{ id: field!.id, value: "3" }] });
    expect(task!.dates.type).toBe("Milestone");
    const [subtask] = await ok("POST", `/folders/${project!.id}/tasks`, { title: "Sub", superTasks: [task!.id] });
    expect((await ok("GET", `/tasks/${task!.id}`))[0]!.subTaskIds).toEqual([subtask!.id]);
    await ok("POST", `/tasks/${subtask!.id}/dependencies`, { predecessorId: task!.id, successorId: subtask!.id, relationType: "FinishToStart" });
    await ok("POST", `/tasks/${task!.id}/comments`, { text: "hi" });
    expect((await ok("GET", `/tasks/${task!.id}/comments`))[0]!.text).toBe("hi");
    const [file] = await ok("POST", `/tasks/${task!.id}/attachments`, {}, { body: new TextEncoder().encode("bytes over http"), fileName: "notes.txt" });
    const download = await api("GET", `/attachments/${file!.id}/download`);
    expect(download.response.headers.get("content-type")).toBe("text/plain");
    expect(await download.response.text()).toBe("bytes over http");
    await ok("POST", `/tasks/${task!.id}/timelogs`, { hours: 1, comment: "c", trackedDate: "2026-12-01" });
    expect((await ok("GET", `/tasks/${task!.id}/timelogs`)).length).toBe(1);
    expect((await ok("GET", "/workflows"))[0]!.customStatuses.length).toBeGreaterThan(3);
    await ok("POST", `/tasks/${task!.id}/approvals`, { approvers: [SEED_CREDENTIALS.user.uid] });
    expect((await ok("GET", `/tasks/${task!.id}/approvals`)).length).toBe(1);
    const [job] = await ok("POST", "/batch", { operations: [{ method: "POST", url: `/folders/${project!.id}/tasks`, params: { title: "batched" } }] });
    expect((await ok("GET", `/async_job/${job!.id}`))[0]!.status).toBe("Completed");
    const [v2] = [...server.emulator.state.folders.values()];
    expect((await ok("GET", "/ids", { type: "ApiV2Folder", ids: [String(v2!.id)] }))[0]!.apiV2Id).toBe(String(v2!.id));
    expect((await ok("GET", "/colors")).length).toBeGreaterThan(0);
    expect((await ok("GET", "/version"))[0]).toEqual({ major: 4, minor: 0 });
    // ?method=PUT on a GET, for clients that cannot send other verbs.
    expect((await ok("GET", `/tasks/${task!.id}`, { method: "PUT", title: "renamed by override" }))[0]!.title).toBe("renamed by override");
  });

  it("answers 429 with Retry-After once a token spends its per-second budget", async () => {
    let now = Date.UTC(2026, 11, 1, 10, 0, 0, 0);
    const server = await start({ now: () => now, v4RateLimit: { requestsPerSecond: 5 } });
    const api = plain(server);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api("GET", "/version")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await api("GET", "/version");
    expect(limited.json).toMatchObject({ error: "rate_limit_exceeded" });
    expect(limited.response.headers.get("retry-after")).toBe("1");
    // Another token has its own budget; the next second refills this one.
    expect((await plain(server, SEED_CREDENTIALS.readOnlyToken)("GET", "/version")).status).toBe(200);
    now += 1000;
    expect((await api("GET", "/version")).status).toBe(200);
  });
});

describe("v4 over HTTP with the v4 client", () => {
  it("recovers from the per-token budget's 429s by the client's own back-off (Retry-After), every call answered once", async () => {
    const server = await start({ v4RateLimit: { requestsPerSecond: 3 } });
    const retries: string[] = [];
    const wrike = createWrikeClient({
      baseUrl: server.url,
      auth: { kind: "bearer", token: SEED_CREDENTIALS.permanentToken },
      rateLimit: false, // only the server's budget applies, so the 429s come and the retry policy must absorb them
      hooks: { retry: (event) => void retries.push(event.reason) },
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => wrike.version.get()));
    expect(answers.every((a) => a.data[0]!.major === 4)).toBe(true);
    expect(retries.length).toBeGreaterThan(0);
    expect(new Set(retries)).toEqual(new Set(["rate-limited"]));
  });

  it("creates, reads, pages, uploads and downloads through @wrikekit/client", async () => {
    const server = await start();
    const wrike = createWrikeClient({ baseUrl: server.url, auth: { kind: "bearer", token: SEED_CREDENTIALS.permanentToken }, rateLimit: false, retry: false });
    const { data: spaces } = await wrike.spaces.list();
    const folderId = spaces[0]!.id;
    const created = await wrike.tasks.createInFolder({ folderId, title: "From the client", importance: "High", dates: { start: "2026-12-07", due: "2026-12-09" } });
    const task = created.data[0]!;
    expect(task.dates?.type).toBe("Planned");
    await wrike.tasks.update({ taskId: task.id, status: "Completed" });
    const read = await wrike.tasks.get({ taskIds: [task.id] });
    expect(read.data[0]!.status).toBe("Completed");
    for (let i = 0; i < 25; i++) await wrike.tasks.createInFolder({ folderId, title: `paged ${i}` });
    const titles: string[] = [];
    for await (const t of wrike.tasks.list({ pageSize: 7, fields: ["description"] })) titles.push(t.title ?? "");
    expect(titles.filter((t) => t.startsWith("paged "))).toHaveLength(25);
    expect(new Set(titles).size).toBe(titles.length);
    const upload = await wrike.attachments.createInTask({ taskId: task.id, fileName: "c.bin", file: new Uint8Array([9, 8, 7]) });
    const download = await wrike.attachments.download({ attachmentId: upload.data[0]!.id });
    expect([...new Uint8Array(await new Response(download.body).arrayBuffer())]).toEqual([9, 8, 7]);
    const comment = await wrike.comments.createInTask({ taskId: task.id, text: "client comment" });
    expect(comment.data[0]!.text).toBe("client comment");
    const log = await wrike.timelogs.createInTask({ taskId: task.id, hours: 2, comment: "c", trackedDate: "2026-12-01" });
    expect(log.data[0]!.hours).toBe(2);
    const job = await wrike.batch.run({ operations: [{ method: "POST", url: `/folders/${folderId}/tasks`, params: { title: "via batch" } }] });
    expect((await wrike.waitForJob(job.data[0]!.id, { intervalMs: 1 })).status).toBe("Completed");
    const error = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQNOTHERE"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect(error).toMatchObject({ httpStatus: 404 });
  });

  it("covers every other stateful group through @wrikekit/client, each answer decoded by its generated decoder", async () => {
    const server = await start();
    const wrike = createWrikeClient({ baseUrl: server.url, auth: { kind: "bearer", token: SEED_CREDENTIALS.permanentToken }, rateLimit: false, retry: false });
    const owner = SEED_CREDENTIALS.user.uid;
    expect((await wrike.account.get({ fields: ["metadata"] })).data[0]!.rootFolderId).toEqual(expect.any(String));
    await wrike.account.update({ metadata: [{ key: "env", value: "ci" }] });
    expect((await wrike.contacts.list({ me: true })).data[0]!.id).toBe(owner);
    expect((await wrike.contacts.get({ contactIds: [owner] })).data[0]!.id).toBe(owner);
    expect((await wrike.users.get({ userId: owner })).data[0]!.id).toBe(owner);
    const group = (await wrike.groups.create({ title: "Client group", members: [owner] })).data[0]!;
    await wrike.groups.update({ groupId: group.id, title: "Renamed group" });
    expect((await wrike.groups.list()).data.map((g) => g.title)).toContain("Renamed group");
    await wrike.groups.delete({ groupId: group.id });
    const space = (await wrike.spaces.create({ title: "Client space", accessType: "Private" })).data[0]!;
    await wrike.spaces.update({ spaceId: space.id, description: "changed" });
    expect((await wrike.spaces.get({ spaceId: space.id })).data[0]!.description).toBe("changed");
    const project = (await wrike.folders.createInFolder({ folderId: space.id, title: "Client project", project: { status: "Red" } })).data[0]!;
    expect(project.project?.status).toBe("Red");
    const sub = (await wrike.folders.createInFolder({ folderId: project.id, title: "Sub" })).data[0]!;
    await wrike.folders.update({ folderId: sub.id, title: "Sub renamed" });
    expect((await wrike.folders.listInFolder({ folderId: project.id })).data.map((f) => f.title)).toContain("Sub renamed");
    expect((await wrike.folders.listInSpace({ spaceId: space.id })).data.length).toBe(2);
    expect((await wrike.folders.get({ folderIds: [project.id, sub.id] })).data).toHaveLength(2);
    const field = (await wrike.customFields.create({ title: "Client field", type: "Text" })).data[0]!;
    await wrike.customFields.update({ customfieldId: field.id!, title: "Client field 2" });
    expect((await wrike.customFields.get({ customfieldIds: [field.id!] })).data[0]!.title).toBe("Client field 2");
    const a = (await wrike.tasks.createInFolder({ folderId: project.id, title: "a", customFields: [{ id: field.id, value: "x" }] })).data[0]!;
    const b = (await wrike.tasks.createInFolder({ folderId: project.id, title: "b", superTasks: [a.id] })).data[0]!;
    expect((await wrike.tasks.listInFolder({ folderId: project.id, subTasks: true })).data.map((t) => t.id)).toEqual([a.id, b.id]);
    expect((await wrike.tasks.listInSpace({ spaceId: space.id })).data.map((t) => t.id)).toEqual([a.id]);
    await wrike.tasks.updateMany({ taskIds: [a.id, b.id], addResponsibles: [owner] });
    const dep = (await wrike.dependencies.createInTask({ taskId: b.id, predecessorId: a.id, successorId: b.id, relationType: "FinishToStart" })).data[0]!;
    await wrike.dependencies.update({ dependencyId: dep.id, relationType: "StartToStart" });
    expect((await wrike.dependencies.get({ dependencyIds: [dep.id] })).data[0]!.relationType).toBe("StartToStart");
    await wrike.dependencies.delete({ dependencyId: dep.id });
    const approval = (await wrike.approvals.createInTask({ taskId: a.id, approvers: [owner], description: "ok?" })).data[0]!;
    await wrike.approvals.update({ approvalId: approval.id, description: "ok now?" });
    expect((await wrike.approvals.get({ approvalIds: [approval.id] })).data[0]!.description).toBe("ok now?");
    expect((await wrike.approvals.cancel({ approvalId: approval.id })).data[0]!.status).toBe("Cancelled");
    const workflow = (await wrike.workflows.create({ name: "Client flow" })).data[0]!;
    await wrike.workflows.update({ workflowId: workflow.id, customStatus: { name: "Review", group: "Active" } });
    expect((await wrike.workflows.list()).data.find((w) => w.id === workflow.id)!.customStatuses!.map((c) => c.name)).toContain("Review");
    const [category] = (await wrike.timelogCategories.list()).data;
    const log = (await wrike.timelogs.createInTask({ taskId: a.id, hours: 1, comment: "c", trackedDate: "2026-12-01", categoryId: category!.id })).data[0]!;
    await wrike.timelogs.update({ timelogId: log.id, hours: 3 });
    expect((await wrike.timelogs.listInFolder({ folderId: project.id })).data.map((l) => l.hours)).toEqual([3]);
    await wrike.timelogs.delete({ timelogId: log.id });
    const comment = (await wrike.comments.createInFolder({ folderId: project.id, text: "on the project" })).data[0]!;
    await wrike.comments.update({ commentId: comment.id, text: "edited" });
    expect((await wrike.comments.listInFolder({ folderId: project.id })).data[0]!.text).toBe("edited");
    await wrike.comments.delete({ commentId: comment.id });
    const copy = await wrike.folders.copyAsync({ folderId: project.id, parent: space.id, title: "Copy" });
    expect((await wrike.waitForJob(copy.data[0]!.id, { intervalMs: 1 })).status).toBe("Completed");
    const v2Task = [...server.emulator.state.tasks.values()][0]!;
    expect((await wrike.ids.convert({ type: "ApiV2Task", ids: [String(v2Task.id)] })).data).toHaveLength(1);
    expect((await wrike.colors.list()).data.length).toBeGreaterThan(0);
    expect((await wrike.version.get()).data[0]).toEqual({ major: 4, minor: 0 });
    await wrike.tasks.delete({ taskId: b.id });
    await wrike.folders.delete({ folderId: sub.id });
    await wrike.spaces.delete({ spaceId: space.id });
  });

  it("the token endpoint takes the client's credentials by HTTP Basic too (RFC 6749 2.3.1), as independent OAuth clients send them", async () => {
    const server = await start();
    const { consumerKey, consumerSecret } = server.credentials;
    const code = async () => {
      const authorize = new URL(`${server.url}/oauth2/authorize/v4`);
      authorize.search = new URLSearchParams({ client_id: consumerKey, response_type: "code", redirect_uri: "http://localhost/callback", state: "state-123" }).toString();
      return new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location")!).searchParams.get("code")!;
    };
    // Each part form-encoded, then base64: a secret with reserved characters survives.
    const basic = (id: string, secret: string) => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
    const token = (authorization: string, params: Record<string, string>) =>
      fetch(`${server.url}/oauth2/token`, { method: "POST", headers: { authorization }, body: new URLSearchParams({ grant_type: "authorization_code", redirect_uri: "http://localhost/callback", ...params }) });

    const issued = await token(basic(consumerKey, consumerSecret), { code: await code() });
    expect(issued.status).toBe(200);
    expect(await issued.json()).toMatchObject({ token_type: "bearer", expires_in: 3600 });

    const wrong = await token(basic(consumerKey, "wrong"), { code: await code() });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    expect((await token("Basic !!not-base64!!", { code: await code() })).status).toBe(401);
    // One way at a time.
    const both = await token(basic(consumerKey, consumerSecret), { code: await code(), client_id: consumerKey, client_secret: consumerSecret });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: "invalid_request" });
  });

  it("runs the OAuth 2.0 v4 flow: authorize with scopes, code exchange with the host, rotating refresh, scope checks", async () => {
    const server = await start();
    const { consumerKey, consumerSecret } = server.credentials;
    const authorize = new URL(`${server.url}/oauth2/authorize/v4`);
    authorize.search = new URLSearchParams({ client_id: consumerKey, response_type: "code", redirect_uri: "http://localhost/callback", state: "s1", scope: "wsReadOnly" }).toString();
    const redirect = await fetch(authorize, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("s1");
    const token = async (params: Record<string, string>) =>
      (await fetch(`${server.url}/oauth2/token`, { method: "POST", body: new URLSearchParams({ client_id: consumerKey, client_secret: consumerSecret, ...params }) })).json();
    const first = await token({ grant_type: "authorization_code", code: location.searchParams.get("code")!, redirect_uri: "http://localhost/callback" });
    expect(first).toMatchObject({ token_type: "bearer", expires_in: 3600, host: new URL(server.url).host, scope: "wsReadOnly" });
    const api = plain(server, first.access_token);
    expect((await api("GET", "/tasks")).status).toBe(200);
    expect((await api("POST", "/spaces", { title: "no", accessType: "Public" })).status).toBe(403);
    const second = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await token({ grant_type: "refresh_token", refresh_token: first.refresh_token })).error).toBe("invalid_grant");
    expect((await plain(server, second.access_token)("GET", "/tasks")).status).toBe(200);
    // The access token expires after an hour.
    server.emulator.state.oauth.bearerTokens.get(second.access_token)!.expiresAt = Date.now() - 1;
    const expired = await plain(server, second.access_token)("GET", "/tasks");
    expect([expired.status, expired.json.error]).toEqual([401, "not_authorized"]);
    authorize.searchParams.set("scope", "notAScope");
    const refused = await fetch(authorize, { redirect: "manual" });
    expect([refused.status, await refused.text()]).toEqual([400, expect.stringMatching(/Unknown scope notAScope/)]);
  });

  it("shows an account selection page without auto-approval and signs in as the chosen user", async () => {
    const server = await start({ autoApprove: false });
    const params = { client_id: server.credentials.consumerKey, response_type: "code", redirect_uri: "http://localhost/cb" };
    const page = await fetch(`${server.url}/oauth2/authorize/v4?${new URLSearchParams(params)}`);
    expect(await page.text()).toContain(`value="${SEED_CREDENTIALS.viewer.uid}"`);
    const chosen = await fetch(`${server.url}/oauth2/authorize/v4`, { method: "POST", body: new URLSearchParams({ ...params, uid: SEED_CREDENTIALS.viewer.uid }), redirect: "manual" });
    const code = new URL(chosen.headers.get("location")!).searchParams.get("code")!;
    const issued = await (await fetch(`${server.url}/oauth2/token`, { method: "POST", body: new URLSearchParams({ client_id: params.client_id, client_secret: server.credentials.consumerSecret, grant_type: "authorization_code", code }) })).json();
    const me = await plain(server, issued.access_token)("GET", "/contacts", { me: true });
    expect(me.json.data[0].id).toBe(SEED_CREDENTIALS.viewer.uid);
  });
});

const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
describe("the command line", () => {
  it.skipIf(!existsSync(bin))(`prints the v4 base URL and a permanent token that curl lists tasks with${existsSync(bin) ? "" : " (skipped: build first)"}`, async () => {
    const child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let output = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Try:")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
      });
      const curlLine = /curl -H "Authorization: Bearer (\S+)" (http:\/\/127\.0\.0\.1:\d+\/api\/v4\/tasks)/.exec(output);
      expect(curlLine, output).not.toBeNull();
      expect(output).toMatch(/API v4 +http:\/\/127\.0\.0\.1:\d+\/api\/v4/);
      const curl = spawn("curl", ["-s", "-H", `Authorization: Bearer ${curlLine![1]}`, curlLine![2]!], { stdio: ["ignore", "pipe", "pipe"] });
      let body = "";
      curl.stdout.on("data", (chunk: Buffer) => (body += chunk.toString()));
      expect(await new Promise((resolve) => curl.once("exit", resolve))).toBe(0);
      const answer = JSON.parse(body);
      expect(answer.kind).toBe("tasks");
      expect(answer.data.length).toBeGreaterThan(0);
    } finally {
      child.kill("SIGTERM");
    }
  }, 30_000);
});
