/** Uploads (the raw body, the name in X-File-Name) and downloads (bytes) through the v4 client. */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, type UploadBody } from "@wrikekit/client";
import { attachmentsCreateInTaskHandler, attachmentsDownloadHandler, createWrikeHandlers, defaultDownloadBody } from "../../src/index.js";

const server = setupServer(...createWrikeHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const wrike = createWrikeClient({ auth: { kind: "bearer", token: "t" }, rateLimit: false, retry: false });
const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());

describe("uploads", () => {
  it("the resolver gets the body's bytes and the decoded X-File-Name", async () => {
    let received: { file: number[]; fileName: string; taskId: string } | undefined;
    server.use(
      attachmentsCreateInTaskHandler(({ args }) => {
        expectTypeOf(args.file).toEqualTypeOf<UploadBody>();
        received = { file: [...(args.file as Uint8Array)], fileName: args.fileName, taskId: args.taskId };
        return { data: [{ name: args.fileName }] };
      }),
    );
    const created = await wrike.attachments.createInTask({ taskId: "IEAGKVLFKQ7WMVOE", fileName: "Plan ä b.txt", file: new Uint8Array([1, 2, 255]) });
    expect(received).toEqual({ file: [1, 2, 255], fileName: "Plan ä b.txt", taskId: "IEAGKVLFKQ7WMVOE" });
    expect(created.data[0]!.name).toBe("Plan ä b.txt");
  });

  it("an upload without a file name or without bytes is 400 parameter_required, naming it", async () => {
    const post = (headers: Record<string, string>, body?: Uint8Array<ArrayBuffer>) => fetch("https://www.wrike.com/api/v4/tasks/T/attachments", { method: "POST", headers: { authorization: "Bearer t", ...headers }, ...(body === undefined ? {} : { body }) });
    expect(await (await post({}, new Uint8Array([1]))).json()).toEqual({ error: "parameter_required", errorDescription: "Missing required parameter: fileName" });
    expect(await (await post({ "x-file-name": "a.txt" })).json()).toEqual({ error: "parameter_required", errorDescription: "Missing required parameter: file" });
  });
});

describe("downloads", () => {
  it("answer the default bytes, given bytes with their type, or a resolver's for the typed arguments", async () => {
    const plain = await wrike.attachments.download({ attachmentId: "A1" });
    expect({ type: plain.contentType, size: plain.size, bytes: await bytesOf(plain.body) }).toEqual({ type: "application/octet-stream", size: defaultDownloadBody.length, bytes: defaultDownloadBody });
    server.use(attachmentsDownloadHandler(new Uint8Array([9, 8, 7]), { contentType: "image/png" }));
    const png = await wrike.attachments.download({ attachmentId: "A1" });
    expect({ type: png.contentType, bytes: [...(await bytesOf(png.body))] }).toEqual({ type: "image/png", bytes: [9, 8, 7] });
    server.use(attachmentsDownloadHandler(({ args }) => ({ body: `file ${args.attachmentId}`, contentType: "text/plain" })));
    const text = await wrike.attachments.download({ attachmentId: "A2" });
    expect(new TextDecoder().decode(await bytesOf(text.body))).toBe("file A2");
  });

  it("answer their errors in the v4 envelope", async () => {
    server.use(attachmentsDownloadHandler.error(404, "resource_not_found", { description: "No such attachment" }));
    await expect(wrike.attachments.download({ attachmentId: "A1" })).rejects.toMatchObject({ httpStatus: 404, errorName: "resource_not_found", serverMessage: "No such attachment" });
  });
});
