/**
 * Every reference example (after its recorded repairs) passes its method's decoder as JSON and as an XML
 * rendering of it, and the two decode to deep-equal objects.
 */
import { describe, expect, it } from "vitest";
import { parseXml } from "@wrikekit/core/xml";
import { decode } from "@wrikekit/core/runtime";
import { methodDescriptors, xmlRenderers, type MethodId } from "../src/server.js";
import { examples } from "./spec-examples.js";

function decodeDocument(methodId: string, document: unknown, xml: boolean) {
  const ctx = decode.newContext(xml);
  const result = methodDescriptors[methodId as MethodId].decodeResult!(document, ctx);
  return { result, issues: ctx.issues };
}

/** The root key a decoded body came under, so it can be rendered back. */
function rootOf(document: unknown): string {
  return Object.keys(document as object)[0]!;
}

describe("reference examples", () => {
  it("covers every method that has a document response", () => {
    const withExamples = new Set(examples.map((e) => e.method.id));
    const documentMethods = Object.keys(methodDescriptors).filter((id) => id !== "wrike.attachment.download");
    expect([...withExamples].sort()).toEqual(documentMethods.sort());
  });

  for (const ex of examples) {
    describe(`${ex.method.id} (${ex.name})`, () => {
      it("the recorded repairs are needed: the text as printed does not parse, the repaired text does", () => {
        if (ex.format !== "json") return;
        const needsRepair = ex.method.examples.find((e) => e.name === ex.name)!.repairs.length > 0;
        if (needsRepair) expect(() => JSON.parse(ex.raw)).toThrow();
        expect(() => JSON.parse(ex.repaired)).not.toThrow();
      });

      it("decodes without issues in its own format, and identically from the other format", () => {
        const native = ex.format === "json" ? JSON.parse(ex.repaired) : parseXml(ex.repaired);
        const root = rootOf(native);
        const first = decodeDocument(ex.method.id, native, ex.format === "xml");
        expect(first.issues).toEqual([]);

        // Render the decoded value in the other format and decode it again.
        const otherText =
          ex.format === "json" ? xmlRenderers[ex.method.id as MethodId]!({ [root]: structuredClone(first.result) }) : JSON.stringify({ [root]: first.result });
        const otherDocument = ex.format === "json" ? parseXml(otherText) : JSON.parse(otherText);
        const second = decodeDocument(ex.method.id, otherDocument, ex.format === "json");
        expect(second.issues).toEqual([]);
        expect(second.result).toEqual(first.result);
      });
    });
  }

  it("normalises the quirks the spec records", () => {
    const deleteExample = examples.find((e) => e.method.id === "wrike.folder.delete")!;
    const { result } = decodeDocument("wrike.folder.delete", JSON.parse(deleteExample.repaired), false);
    expect(result).toEqual({ asyncKey: "123456", list: [{ id: 373879, title: "test_new_folder1290129095442", deleted: true, deletedElements: [373879] }] });

    const tree = examples.find((e) => e.method.id === "wrike.folder.tree")!;
    const decodedTree = decodeDocument("wrike.folder.tree", JSON.parse(tree.repaired), false).result as { folders: { id: number; parentId: number }[] };
    expect(decodedTree.folders.map((f) => [f.id, f.parentId])).toEqual([
      [0, 0],
      [284064, 0],
      [368196, 284064],
    ]);
  });

  it("reads XML attributes, empty lists and one-item lists", () => {
    const contacts = examples.find((e) => e.method.id === "wrike.contacts.list")!;
    const { result } = decodeDocument("wrike.contacts.list", parseXml(contacts.repaired), true);
    expect(result).toEqual({
      list: [
        { uid: "GCG7DDZ4Q1ic", firstName: "Alexey", lastName: "Koryak", email: "Alexey.Koryak@team.wrike.com" },
        { uid: "t3acIwjcblNN", firstName: "Dmitry", lastName: "Simochkin", email: "Dmitry.Simochkin@team.wrike.com" },
      ],
    });
    const profile = examples.find((e) => e.method.id === "wrike.profile.get")!;
    const decodedProfile = decodeDocument("wrike.profile.get", parseXml(profile.repaired), true).result as Record<string, unknown>;
    expect(decodedProfile.secondaryEmails).toEqual([]);
    expect(decodedProfile.timezoneOffset).toBe(10800000);

    const oneItem = parseXml("<task><id>7</id><parents><id>12</id></parents><responsibleUsers/></task>");
    expect(decodeDocument("wrike.task.get", oneItem, true).result).toEqual({ id: 7, parents: [12], responsibleUsers: [] });
  });
});
