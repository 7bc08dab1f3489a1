/**
 * Figure 4, per-call overhead: wrike.task.get through createWrikeClient against a loopback node:http
 * server (its own process) answering a fixed task, vs a hand-written fetch + signRequestSync + JSON.parse
 * doing the same request. Both use the global fetch (undici, keep-alive, one shared pool), calls one
 * after another; each round is n sequential calls, rounds interleaved, median of rounds.
 *
 * The client runs with rateLimit: false (its default limiter allows 100 calls a minute, which would be
 * all this measures). Other rows take the client's defaults apart to show where its overhead goes.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createWrikeClient } from "@wrikekit/client";
import { signRequestSync } from "@wrikekit/core";
import { asyncLoop, compare, printTable, ratio } from "./harness.mjs";
import { credentials, report, rounds, target } from "./common.mjs";

const server = spawn(process.execPath, [fileURLToPath(new URL("./task-server.mjs", import.meta.url))], { stdio: ["pipe", "pipe", "inherit"] });
const [portLine] = await once(server.stdout, "data");
const port = Number(String(portLine).trim());
const baseUrl = `http://127.0.0.1:${port}`;

try {
  const auth = { kind: "oauth1", ...credentials };
  const client = createWrikeClient({ auth, baseUrl, rateLimit: false });
  const clientNoTimeout = createWrikeClient({ auth, baseUrl, rateLimit: false, timeoutMs: 0 });
  const clientLimiter = createWrikeClient({ auth, baseUrl, rateLimit: { requestsPerMinute: 1e9 } });

  const url = `${baseUrl}/api/json/v2/wrike.task.get`;
  async function handWritten() {
    const pairs = [["id", "369812"]];
    const signed = signRequestSync({ method: "POST", url, bodyParams: pairs }, credentials);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8", accept: "application/json", authorization: signed.authorizationHeader },
      body: new URLSearchParams(pairs).toString(),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await response.text()).task;
  }

  // Sanity: same task either way.
  const a = await client.task.get({ id: 369812 });
  const b = await handWritten();
  if (a.id !== 369812 || b.id !== 369812) throw new Error("unexpected answer");

  console.log("Figure 4: per-call overhead, wrike.task.get over loopback HTTP (server in its own process)");
  const results = await compare(
    "per call",
    [
      { name: "createWrikeClient task.get (rateLimit: false)", run: asyncLoop(() => client.task.get({ id: 369812 })) },
      { name: "hand-written fetch + signRequestSync + JSON.parse", run: asyncLoop(handWritten) },
      { name: "(diagnostic) client, timeoutMs: 0", run: asyncLoop(() => clientNoTimeout.task.get({ id: 369812 })) },
      { name: "(diagnostic) client, rate limiter on (10^9/min)", run: asyncLoop(() => clientLimiter.task.get({ id: 369812 })) },
    ],
    { rounds: rounds(40), roundMs: 60, warmupRounds: 3 },
  );
  printTable(results, "hand-written fetch + signRequestSync + JSON.parse");
  const overhead = ratio(results, "createWrikeClient task.get (rateLimit: false)", "hand-written fetch + signRequestSync + JSON.parse");
  const noTimeout = ratio(results, "(diagnostic) client, timeoutMs: 0", "hand-written fetch + signRequestSync + JSON.parse");
  const limiter = ratio(results, "(diagnostic) client, rate limiter on (10^9/min)", "hand-written fetch + signRequestSync + JSON.parse");
  console.log(`  client / hand-written = ${overhead.value.toFixed(3)}x   without timeout ${noTimeout.value.toFixed(3)}x   with limiter ${limiter.value.toFixed(3)}x`);

  // The client's own CPU per call, network taken out: both sides get an in-process fetch that answers
  // at once with a new Response of the same body.
  const taskBody = await (await fetch(url, { method: "POST", body: "" })).text();
  const fakeFetch = async () => new Response(taskBody, { status: 200, headers: { "content-type": "application/json; charset=UTF-8" } });
  const fakeClient = createWrikeClient({ auth, baseUrl, rateLimit: false, fetch: fakeFetch });
  async function fakeHandWritten() {
    const pairs = [["id", "369812"]];
    const signed = signRequestSync({ method: "POST", url, bodyParams: pairs }, credentials);
    const response = await fakeFetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8", accept: "application/json", authorization: signed.authorizationHeader },
      body: new URLSearchParams(pairs).toString(),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await response.text()).task;
  }
  const cpu = await compare(
    "client CPU (in-process fetch)",
    [
      { name: "createWrikeClient task.get, in-process fetch", run: asyncLoop(() => fakeClient.task.get({ id: 369812 })) },
      { name: "hand-written, in-process fetch", run: asyncLoop(fakeHandWritten) },
    ],
    { rounds: rounds(20), roundMs: 40 },
  );
  printTable(cpu, "hand-written, in-process fetch");
  const cpuExtraUs = (cpu["createWrikeClient task.get, in-process fetch"].median - cpu["hand-written, in-process fetch"].median) * 1000;
  console.log(`  the client's own extra CPU per call: ${cpuExtraUs.toFixed(1)} µs`);

  report({
    figure: 4,
    title: "Per-call overhead: wrike.task.get over loopback HTTP, sequential calls",
    results,
    baseline: "hand-written fetch + signRequestSync + JSON.parse",
    ratios: { "client / hand-written": overhead, "client timeoutMs:0 / hand-written": noTimeout, "client with limiter / hand-written": limiter },
    extra: { title: "The client's own CPU per call (in-process fetch, no network)", results: cpu, baseline: "hand-written, in-process fetch", extraUs: cpuExtraUs },
    targets: [target("4. per-call overhead ≤1.10x hand-written", overhead.value, "<=", 1.1, `${overhead.value.toFixed(3)}x hand-written`)],
    notes: [
      "Server: node:http in a separate process, keep-alive, fixed 600-byte task JSON. Both sides use the global fetch and its keep-alive pool.",
      "The client decodes and validates the task (the hand-written side only JSON.parses); it also signs with the async signRequest and sets a 60 s per-attempt timeout (AbortSignal.timeout) by default.",
    ],
  });
} finally {
  server.stdin.end();
  server.kill();
}
