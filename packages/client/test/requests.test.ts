/**
 * For each method, the request carries exactly the documented parameter names, with the documented
 * encodings, to the documented URL: checked by sending every argument through the real client and a
 * recording fetch.
 */
import { describe, expect, it } from "vitest";
import type { Method } from "@wrikekit/codegen";
import { createWrikeClient, WrikeValidationError, type WrikeClient } from "../src/v2/index.js";
import { xmlSupport } from "../src/xml.js";
import { ir } from "./spec-examples.js";

type Recorded = { url: string; method: string; headers: Headers; params: URLSearchParams };

function recordingClient(format: "json" | "xml" = "json") {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, method: request.method, headers: request.headers, params: new URLSearchParams(await request.text()) });
    return new Response(JSON.stringify({ error: { code: 407, name: "APPLICATION_ERROR", message: "recorded only" } }), { status: 500, headers: { "content-type": "application/json" } });
  };
  const client = createWrikeClient({
    auth: { kind: "oauth1", consumerKey: "ck", consumerSecret: "cs-secret", token: "tk", tokenSecret: "ts-secret" },
    format,
    xml: xmlSupport,
    fetch: fetch as typeof globalThis.fetch,
  });
  return { client, requests };
}

/** A valid value for every argument, chosen per type so that the encodings are visible on the wire. */
function sampleValue(arg: Method["args"][number]): unknown {
  const scalar = (): unknown => {
    const t = arg.type;
    // template is an open enum that still has to match its pattern.
    if (t.kind === "enum") return t.valueType === "integer" ? 1 : arg.name === "template" ? "today:resp" : "x";
    switch (t.name) {
      case "id":
        return 42;
      case "integer":
      case "long":
        return 7;
      case "double":
        return 1.5;
      case "boolean":
        return true;
      case "date":
        return new Date(Date.UTC(2024, 0, 31, 23, 30));
      case "localDateTime":
        return new Date(Date.UTC(2024, 0, 31, 8, 5, 9));
      default:
        if (arg.name === "template") return "today:resp";
        if (arg.name === "orderBy") return "dueDate:asc";
        return `v-${arg.name} ü&=`;
    }
  };
  return arg.type.list ? [scalar(), scalar()] : scalar();
}

function callMethod(client: WrikeClient, m: Method, args: Record<string, unknown>) {
  const group = client[m.group as keyof WrikeClient] as Record<string, (a: unknown) => Promise<unknown>>;
  return group[m.key]!(args);
}

describe("every method sends exactly its documented parameters", () => {
  for (const m of ir.methods) {
    it(`${m.id}`, async () => {
      const { client, requests } = recordingClient();
      const args = Object.fromEntries(m.args.map((a) => [a.name, sampleValue(a)]));
      await expect(callMethod(client, m, args)).rejects.toMatchObject({ code: 407 });
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request!.method).toBe("POST");
      expect(request!.url).toBe(`https://www.wrike.com/api/json/v2/${m.id}`);
      expect(request!.headers.get("content-type")).toBe("application/x-www-form-urlencoded; charset=UTF-8");
      expect(request!.headers.get("authorization")).toMatch(/^OAuth .*oauth_token="tk".*oauth_signature="/);
      expect([...request!.params.keys()].sort()).toEqual(m.args.map((a) => a.wireName).sort());
      for (const a of m.args) {
        const sent = request!.params.get(a.wireName)!;
        if (a.type.list) expect(sent.split(",")).toHaveLength(2);
        if (a.type.kind === "scalar" && a.type.name === "localDateTime") expect(sent).toMatch(/^2024-01-31T08:05:09(,2024-01-31T08:05:09)?$/);
        if (a.type.kind === "scalar" && a.type.name === "date") expect(sent).toBe("2024-01-31");
        if (a.type.kind === "scalar" && a.type.name === "boolean") expect(sent).toBe("true");
      }
    });
  }
});

describe("encodings", () => {
  it("joins lists with commas, keeps UTF-8 text and reserved characters intact", async () => {
    const { client, requests } = recordingClient();
    await client.task.add({ title: "Ünïcode & = + %", parents: [1, 22], responsibleUsers: ["A1", "B2"], startDate: "2010-11-05T09:00:00", status: 2 }).catch(() => {});
    const p = requests[0]!.params;
    expect(p.get("title")).toBe("Ünïcode & = + %");
    expect(p.get("parents")).toBe("1,22");
    expect(p.get("responsibleUsers")).toBe("A1,B2");
    expect(p.get("startDate")).toBe("2010-11-05T09:00:00");
    expect(p.get("status")).toBe("2");
  });

  it("keeps non-BMP text and control characters, and refuses a lone surrogate (it would arrive as U+FFFD) naming the argument", async () => {
    const { client, requests } = recordingClient();
    await client.task.add({ title: "😀 𝄞\u0001\t\r\n end " }).catch(() => {});
    expect(requests[0]!.params.get("title")).toBe("😀 𝄞\u0001\t\r\n end ");
    for (const args of [{ title: "a\uD800b" }, { title: "ok", responsibleUsers: ["A1", "\uDC00"] }]) {
      const error = (await client.task.add(args).catch((e: unknown) => e)) as WrikeValidationError;
      expect(error).toBeInstanceOf(WrikeValidationError);
      expect(error.issues.map((i) => i.path)).toEqual([args.title === "ok" ? "responsibleUsers[1]" : "title"]);
      expect(error.message).toContain("lone UTF-16 surrogate");
    }
    expect(requests).toHaveLength(1);
  });

  it("refuses a lone surrogate where String#isWellFormed is missing (browsers before 2023) too, and keeps a pair", async () => {
    const { client, requests } = recordingClient();
    const own = Object.getOwnPropertyDescriptor(String.prototype, "isWellFormed");
    delete (String.prototype as { isWellFormed?: unknown }).isWellFormed;
    try {
      const error = (await client.task.add({ title: "\uDC00 then \uD800" }).catch((e: unknown) => e)) as WrikeValidationError;
      expect(error.issues.map((i) => i.path)).toEqual(["title"]);
      await client.task.add({ title: "\uD834\uDD1E" }).catch(() => {});
    } finally {
      if (own) Object.defineProperty(String.prototype, "isWellFormed", own);
    }
    expect(requests.map((r) => r.params.get("title"))).toEqual(["\uD834\uDD1E"]);
  });

  it("sends nothing for arguments left out, and asks for XML at the XML path", async () => {
    const { client, requests } = recordingClient("xml");
    await client.folder.tree().catch(() => {});
    expect(requests[0]!.url).toBe("https://www.wrike.com/api/xml/v2/wrike.folder.tree");
    expect([...requests[0]!.params.keys()]).toEqual([]);
    expect(requests[0]!.headers.get("accept")).toBe("application/xml");
  });

  it("sends the count form of wrike.task.filter and a template", async () => {
    const { client, requests } = recordingClient();
    await client.task.filter({ count: true, template: "overdue", statuses: [0, 2], orderBy: ["importance:asc", "dueDate:desc"] }).catch(() => {});
    expect(Object.fromEntries(requests[0]!.params)).toEqual({ count: "true", template: "overdue", statuses: "0,2", orderBy: "importance:asc,dueDate:desc" });
  });
});
