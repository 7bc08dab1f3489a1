/**
 * The receiver under Deno, from its TypeScript sources (no node: module on its path): a handshake, a signed
 * delivery with the independently computed vector of test/fixtures.ts, and a tampered one. Run by `pnpm test:deno`.
 */
import { assertEquals } from "../../../scripts/deno/assert.ts";
import { createWebhookReceiver } from "../src/index.ts";
import { HANDSHAKE_ANSWER, HANDSHAKE_VALUE, post, SECRET, TASK_CREATED_BODY, TASK_CREATED_SIGNATURE } from "../test/fixtures.ts";

Deno.test("the Fetch receiver on Deno: handshake, verified event, tampered body", async () => {
  const seen: string[] = [];
  const receive = createWebhookReceiver({ secret: SECRET, handler: (event) => void seen.push(event.eventType) });
  const handshake = await receive(post(JSON.stringify({ requestType: "WebHook secret verification" }), { "X-Hook-Secret": HANDSHAKE_VALUE }));
  assertEquals(handshake.headers.get("X-Hook-Secret"), HANDSHAKE_ANSWER);
  assertEquals((await receive(post(TASK_CREATED_BODY, { "X-Hook-Secret": TASK_CREATED_SIGNATURE }))).status, 200);
  assertEquals((await receive(post(TASK_CREATED_BODY.replace("KUAAAAHK", "KUAAAAHX"), { "X-Hook-Secret": TASK_CREATED_SIGNATURE }))).status, 401);
  assertEquals(seen, ["TaskCreated"]);
});
