/**
 * Figure 4, per-call overhead: wrike.task.get through createWrikeClient against a loopback node:http
 * server (its own process) answering a fixed task, vs a hand-written fetch + signRequestSync + JSON.parse
 * doing the same request. Both use the global fetch (undici, keep-alive), calls one after another.
 *
 * Headline: the two side by side in one process, rounds of n sequential calls interleaved, median of
 * rounds (wall time, and this process's CPU time). The client runs with rateLimit: false: its default
 * limiter allows 100 calls a minute, which would be all this measures.
 *
 * Attribution, one contender per process (per-call-worker.mjs), alternating, medians: the client with
 * and without its default timeout, with its rate limiter, the hand-written call with the same kind of
 * timeout, and both sides against an in-process fetch (their own CPU only).
 */
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createWrikeClient } from "@wrikekit/client/v2";
import { signRequestSync } from "@wrikekit/core/oauth1";
import { asyncLoop, compare, printTable, ratio, stats } from "./harness.mjs";
import { credentials, quick, report, rounds, target } from "./common.mjs";

const CLIENT = "createWrikeClient task.get (rateLimit: false)";
const HAND = "hand-written fetch + signRequestSync + JSON.parse";

const server = spawn(process.execPath, [fileURLToPath(new URL("./task-server.mjs", import.meta.url))], { stdio: ["pipe", "pipe", "inherit"] });
const [portLine] = await once(server.stdout, "data");
const baseUrl = `http://127.0.0.1:${Number(String(portLine).trim())}`;

try {
  const client = createWrikeClient({ auth: { kind: "oauth1", ...credentials }, baseUrl, rateLimit: false });
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
  if ((await client.task.get({ id: 369812 })).id !== 369812 || (await handWritten()).id !== 369812) throw new Error("unexpected answer");

  console.log("Figure 4: per-call overhead, wrike.task.get over loopback HTTP (server in its own process)");
  const results = await compare(
    "per call",
    [
      { name: CLIENT, run: asyncLoop(() => client.task.get({ id: 369812 })) },
      { name: HAND, run: asyncLoop(handWritten) },
    ],
    { rounds: rounds(60), roundMs: 40, warmupRounds: 3 },
  );
  printTable(results, HAND);
  const overhead = ratio(results, CLIENT, HAND);
  const cpuOverhead = ratio(results, CLIENT, HAND, { cpu: true });
  console.log(`  client / hand-written: wall ${overhead.value.toFixed(3)}x, CPU of this process ${cpuOverhead.value.toFixed(3)}x`);

  // Attribution: one contender per process, alternating.
  const worker = fileURLToPath(new URL("./per-call-worker.mjs", import.meta.url));
  const modes = {
    hand: ["hand-written", quick ? 1500 : 5000],
    "hand-timeout": ["hand-written + the client's kind of 60 s timeout (AbortController, timer cleared)", quick ? 1500 : 5000],
    client: ["createWrikeClient (rateLimit: false)", quick ? 1500 : 5000],
    "client-timeout0": ["createWrikeClient, timeoutMs: 0", quick ? 1500 : 5000],
    "client-limiter": ["createWrikeClient, default rate limiter on (10^9/min)", quick ? 1500 : 5000],
    "hand-inproc": ["hand-written, in-process fetch (own CPU only)", quick ? 10000 : 30000],
    "client-inproc": ["createWrikeClient, in-process fetch (own CPU only)", quick ? 10000 : 30000],
  };
  const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  process.stdout.write("  one process per contender: ");
  for (let i = 0; i < (quick ? 1 : 3); i++)
    for (const [mode, [, calls]] of Object.entries(modes)) {
      const { stdout } = await promisify(execFile)(process.execPath, [worker, baseUrl, mode, String(calls)]);
      samples[mode].push(JSON.parse(stdout));
      process.stdout.write(".");
    }
  process.stdout.write(" done\n");
  const isolated = Object.fromEntries(
    Object.entries(samples).map(([mode, runs]) => [mode, { label: modes[mode][0], cpuUs: stats(runs.map((r) => r.cpuUs)).median, wallUs: stats(runs.map((r) => r.wallUs)).median, runs: runs.length }]),
  );
  for (const [mode, r] of Object.entries(isolated)) {
    const base = mode.endsWith("-inproc") ? isolated["hand-inproc"] : isolated.hand;
    console.log(`    ${r.label.padEnd(84)} CPU ${r.cpuUs.toFixed(1).padStart(6)} µs/call (${(r.cpuUs / base.cpuUs).toFixed(2)}x)  wall ${r.wallUs.toFixed(0)} µs`);
  }
  const isoRatio = isolated.client.cpuUs / isolated.hand.cpuUs;

  report({
    figure: 4,
    title: "Per-call overhead: wrike.task.get over loopback HTTP, sequential calls",
    results,
    baseline: HAND,
    ratios: { "client / hand-written (wall)": overhead, "client / hand-written (CPU of the calling process)": cpuOverhead },
    isolated,
    targets: [target("4. per-call overhead ≤1.10x hand-written", overhead.value, "<=", 1.1, `${overhead.value.toFixed(3)}x hand-written (one process per side: ${isoRatio.toFixed(2)}x CPU)`)],
    notes: [
      "Server: node:http in a separate process, keep-alive, fixed 600-byte task JSON. Both sides use the global fetch and its keep-alive pool.",
      "The client decodes and validates the task (the hand-written side only JSON.parses) and arms a 60 s per-attempt timeout by default; the hand-written baseline has no timeout, and a process-isolated row adds the same kind of timeout to it to price that feature alone.",
      "Process-isolated rows: each contender alone in its own node process (as in an app with one client), 3 alternating runs, medians; CPU is the calling process's user + system time per call.",
    ],
  });
} finally {
  server.stdin.end();
  server.kill();
}
