/**
 * Every v4 operation answers a valid document: each handler is asked through MSW (getResponse) at its
 * own URL, and the answer is decoded by the client's generated decoder, which must report no issue.
 */
import { getResponse, type HttpHandler } from "msw";
import { describe, expect, it } from "vitest";
import * as client from "@wrikekit/client";
import { wrikeV4Operations } from "@wrikekit/client/server/v4";
import { decode } from "@wrikekit/core/runtime";
import type { MethodDescriptor } from "@wrikekit/core";
import * as msw from "../../src/index.js";

type Factory = ((override?: undefined, options?: { checkArguments?: boolean }) => HttpHandler) & { method: string };
type AnyDescriptor = MethodDescriptor<never, unknown>;
const descriptors = (Object.values(client) as unknown[]).filter((v): v is AnyDescriptor => typeof v === "object" && v !== null && "http" in v && "encodeArgs" in v);
const factories = new Map((Object.values(msw) as unknown[]).filter((v): v is Factory => typeof v === "function" && typeof (v as Partial<Factory>).method === "string").map((f) => [f.method, f]));

/** A URL of the operation, each placeholder an opaque id (two, comma-separated, for a list). */
const urlOf = (d: AnyDescriptor) => `https://www.wrike.com/api/v4${d.http.path.replace(/\{(\w+)\}/g, (_, name: string) => (name.endsWith("Ids") ? "IEAGKVLFAAAAAAA1,IEAGKVLFAAAAAAA2" : "IEAGKVLFAAAAAAA1"))}`;

async function answer(d: AnyDescriptor, query: Record<string, string> = {}): Promise<Response> {
  const handler = factories.get(d.id)!(undefined, { checkArguments: false });
  const url = `${urlOf(d)}${Object.keys(query).length === 0 ? "" : `?${new URLSearchParams(query)}`}`;
  const response = await getResponse([handler], new Request(url, { method: d.http.method }));
  if (response === undefined) throw new Error(`${d.id}: the handler did not answer ${urlOf(d)}`);
  return response;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("the v4 handlers' default documents", () => {
  it("cover all 206 operations, one handler each", () => {
    expect(descriptors).toHaveLength(206);
    expect(descriptors.filter((d) => !factories.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  it.each(descriptors.map((d) => [d.id, d] as const))("%s answers a document the client decodes without an issue", async (_, d) => {
    const response = await answer(d);
    expect(response.status).toBe(200);
    if (d.id.endsWith("/download") || d.id.endsWith("/preview")) {
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(msw.defaultDownloadBody);
      return;
    }
    const document = (await response.json()) as { kind: unknown; data: unknown[] };
    const ctx = decode.newContext(false);
    d.decodeResult!(document as never, ctx);
    expect(ctx.issues).toEqual([]);
    expect(typeof document.kind).toBe("string");
    expect(document.data.length).toBeGreaterThan(0);
    // Not empty objects: every item has fields.
    for (const item of document.data) if (typeof item === "object" && item !== null) expect(Object.keys(item).length).toBeGreaterThan(0);
  });

  const paged = descriptors.filter((d) => wrikeV4Operations[d.id as keyof typeof wrikeV4Operations]?.paging !== undefined);
  it.each(paged.map((d) => [d.id, d] as const))("%s answers two pages by default: a first with a next-page token, the last for a request with it", async (_, d) => {
    // A paged walk's first request gives a page size (which makes the folder lists answer folders, not the tree).
    const { tokenArg, pageSizeArg } = wrikeV4Operations[d.id as keyof typeof wrikeV4Operations].paging!;
    const first = (await (await answer(d, { [pageSizeArg]: "10" })).json()) as { nextPageToken?: unknown };
    expect(first.nextPageToken).toEqual(expect.any(String));
    const last = (await (await answer(d, { [tokenArg]: first.nextPageToken as string })).json()) as { nextPageToken?: unknown; data: unknown[] };
    expect(last.nextPageToken).toBeUndefined();
    expect(last.data.length).toBeGreaterThan(0);
  });

  it("generated items have realistic values: opaque ids, UTC timestamps, an enum's first value, names from the model", async () => {
    const [webhook] = ((await (await answer(client.webhooksGetMethod)).json()) as { data: Record<string, unknown>[] }).data;
    expect(webhook).toMatchObject({ id: expect.stringMatching(/^IEAGKVLF[A-Z2-7]{8}$/), status: "Active", hookUrl: expect.stringMatching(/^https:\/\//) });
    const [approval] = ((await (await answer(client.approvalsGetMethod)).json()) as { data: Record<string, unknown>[] }).data;
    expect(approval).toMatchObject({ title: "Sample approval", updatedDate: expect.stringMatching(TIMESTAMP), finished: false });
  });

  it("a generated folder has values Wrike answers: a tree scope, a project status, the reference's Folder fields", async () => {
    const [folder] = ((await (await answer(client.foldersGetMethod)).json()) as { data: Record<string, any>[] }).data;
    expect(["WsRoot", "RbRoot", "WsFolder", "RbFolder"]).toContain(folder!.scope);
    expect(["Green", "Yellow", "Red", "Completed", "OnHold", "Cancelled", "Custom"]).toContain(folder!.project.status);
    expect(folder).toMatchObject({ parentIds: [expect.any(String)], createdDate: expect.stringMatching(TIMESTAMP), hasAttachments: expect.any(Boolean), metadata: expect.any(Array) });
  });

  it("the same spec gives the same documents (deterministic)", async () => {
    const a = await (await answer(client.bookingsListMethod)).text();
    const b = await (await answer(client.bookingsListMethod)).text();
    expect(a).toBe(b);
  });
});
