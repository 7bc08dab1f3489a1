/** The operations without state answer documents the v4 client's generated decoders accept, and the README lists exactly them. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as client from "@wrikekit/client";
import { wrikeV4Enums, wrikeV4Models, wrikeV4Operations, wrikeV4RestApi } from "@wrikekit/client/server/v4";
import { newContext } from "@wrikekit/core/runtime/decode";
import { generatedData } from "../../src/v4/engine/generated-document.js";
import { statefulOperations } from "../../src/v4/engine/methods.js";

interface Descriptor {
  id: string;
  decodeResult?: (document: unknown, ctx: ReturnType<typeof newContext>) => unknown;
}
const isDescriptor = (v: unknown): v is Descriptor => typeof v === "object" && v !== null && "encodeArgs" in v && "id" in v;
const descriptors = new Map((Object.values(client) as unknown[]).filter(isDescriptor).map((d) => [d.id, d]));
const notStateful = Object.values(wrikeV4Operations).filter((op) => !(op.id in statefulOperations));

describe("generated documents", () => {
  it("every stateful operation is an operation of the spec", () => {
    expect(Object.keys(statefulOperations).filter((id) => !(id in wrikeV4Operations))).toEqual([]);
    expect(notStateful.length + Object.keys(statefulOperations).length).toBe(Object.keys(wrikeV4Operations).length);
  });

  it.each(notStateful.filter((op) => op.response !== undefined).map((op) => [op.id, op] as const))("%s decodes with the client's decoder", (id, op) => {
    const document = { [wrikeV4RestApi.envelope.kindField]: op.response!.kind, [wrikeV4RestApi.envelope.dataField]: generatedData(op.response!, wrikeV4Models, wrikeV4Enums) };
    const decode = descriptors.get(id)?.decodeResult;
    expect(decode, `no client descriptor for ${id}`).toBeDefined();
    const ctx = newContext(false);
    decode!(document, ctx);
    expect(ctx.issues).toEqual([]);
  });

  it("the README lists exactly the operations that are not stateful", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("### Not stateful"), readme.indexOf("###", readme.indexOf("### Not stateful") + 4));
    const listed = [...section.matchAll(/`((?:GET|POST|PUT|DELETE|PATCH) [^`]+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(notStateful.map((op) => op.id).sort());
  });
});
