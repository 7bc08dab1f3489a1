/**
 * Text XML 1.0 cannot carry (U+0001, U+FFFE, lone surrogates): refused at input, naming the argument, in
 * both formats (what is stored must be answerable in XML, the API's default); stored some other way, the
 * XML answer is a 407 envelope, never a malformed document the client would reject.
 */
import { describe, expect, it } from "vitest";
import { expectApiError, FORMATS, harness, seededIds } from "./harness.js";

describe.each(FORMATS)("text XML cannot carry, in %s", (format) => {
  it.each([
    ["U+0001", "a\u0001b", /^Invalid argument title: holds U\+0001 at index 1, a character XML 1\.0 cannot carry/],
    ["U+001F", "\u001f", /^Invalid argument title: holds U\+001F at index 0/],
    ["U+FFFF", "x\uffff", /^Invalid argument title: holds U\+FFFF at index 1/],
  ])("task.add refuses a title with %s (407), and stores nothing", async (_, title, message) => {
    const h = harness();
    const ids = seededIds(h.emulator);
    const before = h.emulator.state.tasks.size;
    await expectApiError(h.client({ format }).task.add({ title, parents: [ids.test] }), 407, message);
    expect(h.emulator.state.tasks.size).toBe(before);
  });

  it("names the list item and the argument: sharedUsers[1], text, asyncKey", async () => {
    const h = harness();
    const ids = seededIds(h.emulator);
    const client = h.client({ format });
    await expectApiError(client.folder.add({ title: "ok", sharedUsers: ["t3acIwjcblNN", "x\u0002"] }), 407, /^Invalid argument sharedUsers\[1\]: holds U\+0002/);
    await expectApiError(client.comment.add({ taskId: ids.report, text: "\u000b" }), 407, /^Invalid argument text: holds U\+000B/);
    await expectApiError(client.folder.get({ id: ids.spool, asyncKey: "k\u0000" }), 407, /^Invalid argument asyncKey: holds U\+0000/);
  });

  it("a malformed argument quoted in the 407 message is shown as \\uXXXX, so the envelope stays well-formed", async () => {
    const h = harness();
    const ids = seededIds(h.emulator);
    const client = h.client({ format, rewrite: (p) => p.set("id", "\uffff") });
    await expectApiError(client.folder.get({ id: ids.spool }), 407, /^Invalid argument id: expected an id, got "\\uFFFF"$/);
  });

  it("keeps tab, LF and CR, which XML carries", async () => {
    const h = harness();
    const ids = seededIds(h.emulator);
    const task = await h.client({ format }).task.add({ title: "a\tb\nc\rd", parents: [ids.test] });
    expect(task.title).toBe("a\tb\nc\rd");
  });

  it("refuses such a file name in emulator.addAttachment", () => {
    const h = harness();
    const ids = seededIds(h.emulator);
    expect(() => h.emulator.addAttachment({ taskId: ids.report, fileName: "a\u0007.txt", bytes: new Uint8Array([1]) })).toThrow(/Invalid argument fileName: holds U\+0007/);
  });
});

describe("stored text XML cannot carry", () => {
  it("answers 407 naming the element in XML, and the text itself in JSON", async () => {
    const h = harness();
    const ids = seededIds(h.emulator);
    h.emulator.state.tasks.get(ids.report)!.title = "bad\u0001title";
    await expectApiError(h.client({ format: "xml" }).task.get({ id: ids.report }), 407, /^The answer cannot be written in XML: <title> holds U\+0001 at index 3/);
    expect((await h.client({ format: "json" }).task.get({ id: ids.report })).title).toBe("bad\u0001title");
  });
});
