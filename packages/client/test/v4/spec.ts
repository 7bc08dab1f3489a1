/** Test helper: the v4 spec resolved, as the generator sees it. */
import { join } from "node:path";
import { buildIr, loadSpec } from "@wrikekit/codegen";

export const ir = buildIr(loadSpec(join(import.meta.dirname, "../../../../spec/v4")));

/** A recording stub of fetch: every request, and the answer `answer` gives (default: an empty envelope). */
export function recordingFetch(answer: (request: Request, body: Uint8Array) => Response | Promise<Response> = () => envelope([])) {
  const requests: { request: Request; body: Uint8Array }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = new Uint8Array(await request.clone().arrayBuffer());
    requests.push({ request, body });
    return answer(request, body);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function envelope(data: unknown[], extra: Record<string, unknown> = {}, kind = "tasks"): Response {
  return new Response(JSON.stringify({ kind, data, ...extra }), { headers: { "content-type": "application/json", "x-request-id": "r-1" } });
}
