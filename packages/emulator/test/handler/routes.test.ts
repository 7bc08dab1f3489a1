/** The routes around the methods: paths and formats, envelopes on the wire, bytes, uploads, saved state. */
import { describe, expect, it } from "vitest";
import { encodeFormParameters, signRequest } from "@wrikekit/core/oauth1";
import { bytesToBase64 } from "../../src/engine/base64.js";
import { createEmulator, type Emulator } from "../../src/index.js";
import { BASE_URL, seededIds } from "./harness.js";

/** An HMAC-signed POST: form parameters in the body, or a multipart body with the signature in the header. */
async function post(emulator: Emulator, path: string, params: Array<[string, string]> | FormData, as: "user" | "viewer" = "user"): Promise<Response> {
  const { consumerKey, consumerSecret } = emulator.credentials;
  const holder = emulator.credentials[as];
  const url = `${BASE_URL}${path}`;
  const form = params instanceof FormData ? undefined : params;
  const s = await signRequest({ method: "POST", url, ...(form === undefined ? {} : { bodyParams: form }) }, { consumerKey, consumerSecret, token: holder.token, tokenSecret: holder.tokenSecret });
  const headers: Record<string, string> = { authorization: s.authorizationHeader };
  if (form !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  return emulator.handle(new Request(url, { method: "POST", headers, body: form === undefined ? (params as FormData) : encodeFormParameters(form) }));
}

describe("API paths and formats", () => {
  it("answers /api/v2/ in XML, the server default, unless format=json", async () => {
    const emulator = createEmulator();
    const xml = await post(emulator, "/api/v2/wrike.profile.get", []);
    expect(xml.headers.get("content-type")).toBe("application/xml; charset=UTF-8");
    expect(await xml.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><profile><uid>OYgzyijdAo5Q<\/uid>/);
    const json = await post(emulator, "/api/v2/wrike.profile.get", [["format", "json"]]);
    expect(await json.json()).toMatchObject({ profile: { uid: "OYgzyijdAo5Q" } });
  });

  it("writes the error envelope of spec/v2/api.yaml in both formats, with the code's HTTP status", async () => {
    const emulator = createEmulator();
    const json = await post(emulator, "/api/json/v2/wrike.folder.get", []);
    expect(json.status).toBe(400);
    expect(await json.text()).toBe('{"error":{"code":403,"name":"MISSING_REQUIRED_PARAMETER","message":"Missing required parameter: id"}}');
    const xml = await post(emulator, "/api/xml/v2/wrike.folder.get", [["id", "0"]]);
    expect(xml.status).toBe(403);
    expect(await xml.text()).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><error><code>405</code><name>LIMITATION_ERROR</name><message>&apos;Get&apos; operation is forbidden for &apos;RootFolder&apos; (id = 0)</message></error>`,
    );
  });

  it("reads arguments from the query too", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    const response = await post(emulator, `/api/json/v2/wrike.folder.get?id=${ids.spool}`, []);
    expect(await response.json()).toMatchObject({ folder: { id: ids.spool, title: "spool" } });
  });

  it("refuses GET, unknown methods and unknown paths without touching the state", async () => {
    const emulator = createEmulator();
    const get = await emulator.handle(new Request(`${BASE_URL}/api/json/v2/wrike.profile.get`));
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await emulator.handle(new Request(`${BASE_URL}/api/json/v2/wrike.task.copy`, { method: "POST" }))).status).toBe(404);
    expect((await emulator.handle(new Request(`${BASE_URL}/api/v3/tasks`))).status).toBe(404);
    expect((await emulator.handle(new Request(`${BASE_URL}/rest/auth/request_token`, { method: "PUT" }))).status).toBe(405);
  });
});

describe("download", () => {
  it("answers the bytes with the file's content type, length and name", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    const file = emulator.addAttachment({ taskId: ids.report, fileName: "rapport été.bin", contentType: "application/octet-stream", bytes: new Uint8Array([0, 255, 10, 13]) });
    const response = await post(emulator, "/api/json/v2/wrike.attachment.download", [["id", String(file.id)]]);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-length")).toBe("4");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.bin");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 255, 10, 13]);
  });
});

describe("POST /emulator/attachments", () => {
  it("uploads a multipart file signed in the Authorization header", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    const form = new FormData();
    form.set("taskId", String(ids.ideas));
    form.set("file", new File(["hello"], "hello.txt", { type: "text/plain" }));
    const response = await post(emulator, "/emulator/attachments", form);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ attachment: expect.objectContaining({ taskId: ids.ideas, fileName: "hello.txt", contentType: "text/plain", size: 5, version: 1 }) });
  });

  it("uploads base64 content in a signed form, as the next version of a file of the same name", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    const bytes = new TextEncoder().encode("Meeting notes, v2\n");
    const response = await post(emulator, "/emulator/attachments", [["taskId", String(ids.report)], ["fileName", "notes.txt"], ["contentType", "text/plain"], ["content", bytesToBase64(bytes)]]);
    const { attachment } = (await response.json()) as { attachment: { id: number; version: number; size: number } };
    expect(attachment).toMatchObject({ version: 2, size: bytes.length });
    const download = await post(emulator, "/api/json/v2/wrike.attachment.download", [["id", String(attachment.id)]]);
    expect(await download.text()).toBe("Meeting notes, v2\n");
  });

  it("answers the API's errors in the JSON envelope", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    const error = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: object }).error });
    expect(await error(await post(emulator, "/emulator/attachments", [["fileName", "a"], ["content", "YQ=="]]))).toMatchObject({ status: 400, code: 403, message: "Missing required parameter: taskId" });
    expect(await error(await post(emulator, "/emulator/attachments", [["taskId", String(ids.report)]]))).toMatchObject({ code: 403, message: "Missing required parameter: fileName, file or content" });
    expect(await error(await post(emulator, "/emulator/attachments", [["taskId", String(ids.report)], ["fileName", "a"], ["content", "@@@"]]))).toMatchObject({ code: 407, message: "Invalid argument content: is not base64" });
    expect(await error(await post(emulator, "/emulator/attachments", [["taskId", String(ids.report)], ["fileName", "a"], ["content", "YQ=="]], "viewer"))).toMatchObject({ code: 405 });
    expect(await error(await post(emulator, "/emulator/attachments", [["taskId", String(ids.privateTask)], ["fileName", "a"], ["content", "YQ=="]]))).toMatchObject({ code: 406 });
    expect(await error(await emulator.handle(new Request(`${BASE_URL}/emulator/attachments`, { method: "POST" })))).toMatchObject({ status: 401, code: 402 });
    expect((await emulator.handle(new Request(`${BASE_URL}/emulator/attachments`))).status).toBe(405);
  });
});

describe("save()", () => {
  it("round-trips the state into a new emulator, files and OAuth tokens included", async () => {
    const emulator = createEmulator();
    const ids = seededIds(emulator);
    emulator.addAttachment({ taskId: ids.report, fileName: "kept.bin", bytes: new Uint8Array([7, 8, 9]) });
    const restored = createEmulator({ state: emulator.save() });
    expect(restored.credentials).toEqual(emulator.credentials);
    const kept = [...restored.state.attachments.values()].find((a) => a.fileName === "kept.bin")!;
    const response = await post(restored, "/api/json/v2/wrike.attachment.download", [["id", String(kept.id)]]);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([7, 8, 9]);
  });
});

describe("unreadable bodies", () => {
  it("answer 407 in the API's envelope", async () => {
    const emulator = createEmulator();
    const broken = new Request(`${BASE_URL}/api/json/v2/wrike.profile.get`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "not multipart" });
    const response = await emulator.handle(broken);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 407, name: "APPLICATION_ERROR", message: "The request body is not valid multipart/form-data" } });
  });
});
