/**
 * An answer's bytes become text in the charset they are in: the Content-Type's charset, else a UTF-16
 * byte-order mark or the XML declaration's encoding, else UTF-8. Bytes that are not valid text in it are a
 * WrikeDecodeError, never U+FFFD in a decoded field; an HTML page (a proxy's) is refused by name.
 */
import { describe, expect, it } from "vitest";
import { xmlSupport } from "../src/xml.js";
import { createWrikeClient, WrikeDecodeError, WrikeTransportError } from "../src/v2/index.js";
import { caught } from "./caught.js";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff));
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);

function clientAnswering(body: Uint8Array | Uint8Array[], contentType: string, format: "json" | "xml", status = 200) {
  const chunks = Array.isArray(body) ? body : [body];
  const stream = () => new ReadableStream<Uint8Array>({ start: (c) => (chunks.forEach((chunk) => c.enqueue(chunk)), c.close()) });
  const fetch = async () => new Response(stream(), { status, headers: { "content-type": contentType } });
  return createWrikeClient({ auth: { kind: "bearer", token: "t" }, format, xml: xmlSupport, fetch: fetch as typeof globalThis.fetch, retry: { maxAttempts: 1 } });
}

const getTask = (body: Uint8Array | Uint8Array[], contentType: string, format: "json" | "xml" = "xml", status = 200) => clientAnswering(body, contentType, format, status).task.get({ id: 7 });

const title = "café ÿ";
const xmlTask = (declaration = "") => `${declaration}<task><id>7</id><title>${title}</title></task>`;

describe("the answer's charset", () => {
  it("the Content-Type's charset is read, in XML and JSON", async () => {
    expect((await getTask(latin1(xmlTask()), "application/xml; charset=ISO-8859-1")).title).toBe(title);
    expect((await getTask(latin1(JSON.stringify({ task: { id: 7, title } })), 'application/json; charset="windows-1252"', "json")).title).toBe(title);
  });

  it("without one, the XML declaration's encoding is read, after a byte-order mark too", async () => {
    expect((await getTask(latin1(xmlTask('<?xml version="1.0" encoding="ISO-8859-1"?>')), "application/xml")).title).toBe(title);
    expect((await getTask(latin1(xmlTask("<?xml version='1.0' encoding='latin1' standalone='yes'?>")), "text/xml")).title).toBe(title);
  });

  it("a UTF-16 document with its byte-order mark is read", async () => {
    expect((await getTask(utf16le(xmlTask('<?xml version="1.0" encoding="UTF-16"?>')), "application/xml")).title).toBe(title);
  });

  it("a character split between chunks arrives whole", async () => {
    const bytes = new TextEncoder().encode(xmlTask());
    const split = bytes.indexOf(0xc3) + 1;
    expect((await getTask([bytes.subarray(0, split), bytes.subarray(split)], "application/xml")).title).toBe(title);
  });

  it("bytes that are not UTF-8, and nothing names their charset, are a WrikeDecodeError (never U+FFFD)", async () => {
    for (const [body, format] of [[latin1(xmlTask()), "xml"], [latin1(JSON.stringify({ task: { id: 7, title } })), "json"]] as const) {
      const error = await caught(getTask(body, `application/${format}`, format));
      expect(error).toBeInstanceOf(WrikeDecodeError);
      expect(error.message).toContain("not valid UTF-8 text");
    }
  });

  it("an unknown charset is a WrikeDecodeError naming it", async () => {
    const error = await caught(getTask(new Uint8Array(ascii(xmlTask())), "application/xml; charset=x-klingon"));
    expect(error).toBeInstanceOf(WrikeDecodeError);
    expect(error.message).toContain('unknown charset "x-klingon"');
  });
});

describe("an HTML page instead of an answer", () => {
  const page = new TextEncoder().encode("<html><head><title>Sign in</title></head><body><p>Proxy login</p></body></html>");

  it("with a successful status is a WrikeDecodeError: XML support says it is HTML, JSON that it is no JSON", async () => {
    const error = await caught(getTask(page, "text/html; charset=utf-8", "xml"));
    expect(error).toBeInstanceOf(WrikeDecodeError);
    expect(error.message).toContain("an HTML page (text/html; charset=utf-8), not an API answer");
    const json = await caught(getTask(page, "text/html; charset=utf-8", "json"));
    expect(json).toBeInstanceOf(WrikeDecodeError);
    expect(json.message).toMatch(/unreadable JSON .*<html>/);
  });

  it("with a failed status is the status", async () => {
    const error = await caught(getTask(page, "text/html", "xml", 502));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "http-status", httpStatus: 502 });
  });
});
