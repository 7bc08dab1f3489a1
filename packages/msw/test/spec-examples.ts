/**
 * Test helper: the spec's methods and reference examples, read independently of the generated handlers,
 * and the value each example decodes to when the client's decoder reads its text directly.
 */
import { join } from "node:path";
import { buildIr, loadSpec, type Method } from "@wrikekit/codegen";
import { parseXml, xmlSupport } from "@wrikekit/core/xml";
import { decode } from "@wrikekit/core/runtime";
import { methodDescriptors, type MethodId } from "@wrikekit/client/server";
import { createWrikeClient, type WrikeClient } from "@wrikekit/client/v2";

export const ir = buildIr(loadSpec(join(import.meta.dirname, "../../../spec/v2")));

export interface SpecExample {
  method: Method;
  name: string;
  args: Record<string, unknown>;
  /** The example's text after its recorded repairs, decoded by the client's decoder. */
  expected: unknown;
}

export const specExamples: SpecExample[] = ir.methods.flatMap((method) =>
  method.examples.map((ex) => {
    const text = ex.repaired;
    const ctx = decode.newContext(ex.format === "xml");
    const expected = methodDescriptors[method.id as MethodId].decodeResult!(ex.format === "json" ? JSON.parse(text) : parseXml(text), ctx);
    if (ctx.issues.length > 0) throw new Error(`${method.id} ${ex.name}: ${JSON.stringify(ctx.issues)}`);
    return { method, name: ex.name, args: ex.args ?? {}, expected };
  }),
);

export const auth = { kind: "oauth1", consumerKey: "k", consumerSecret: "s", token: "t", tokenSecret: "ts" } as const;

/** A JSON and an XML client; no client-side rate limit or retries, so a test's calls go straight through. */
export function clients(baseUrl = "https://www.wrike.com") {
  const common = { auth, baseUrl, rateLimit: false, retry: { maxAttempts: 1 } } as const;
  return { json: createWrikeClient(common), xml: createWrikeClient({ ...common, format: "xml", xml: xmlSupport }) };
}

/** Calls a method through the typed client by its spec group and key. */
export function callMethod(client: WrikeClient, method: Method, args: Record<string, unknown>): Promise<unknown> {
  const group = client[method.group as keyof WrikeClient] as unknown as Record<string, (args: unknown) => Promise<unknown>>;
  return group[method.key]!(args);
}
