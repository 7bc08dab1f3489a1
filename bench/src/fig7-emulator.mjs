/**
 * Figure 7, the emulator's throughput on loopback: requests per second for wrike.task.get (OAuth 1.0a
 * signed, and with the seeded OAuth 2.0 permanent token for comparison) and wrike.task.filter over 10,000
 * and 100,000 tasks. The emulator runs in its own process (emulator-server.mjs); this process is the load
 * generator: C concurrent keep-alive clients (node:http Agent), each sending its next request as soon as
 * the previous answer is read, every request freshly signed. After a warm-up, `rounds` windows of
 * `seconds` each; req/s per window and the median. With C clients keeping the single-threaded emulator
 * busy, its time per answer is 1 / req/s: the page time of wrike.task.filter at 10,000 and 100,000 tasks
 * comes from that, and its ratio is this figure's target (issue 16: a page costs what it holds). v4: GET
 * /api/v4/tasks with the permanent token over 10,000 and 100,000 v4 tasks, the first page (which counts
 * responseSize) and a page from a token halfway through the walk (which reads only its own page).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { Agent, request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { signRequestSync } from "@wrikekit/core/oauth1";
import { stats } from "./harness.mjs";
import { quick, report, target } from "./common.mjs";

async function startServer(tasks, flags = []) {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./emulator-server.mjs", import.meta.url)), String(tasks), ...flags], { stdio: ["pipe", "pipe", "inherit"] });
  let line = "";
  for await (const chunk of child.stdout) {
    line += chunk;
    if (line.includes("\n")) break;
  }
  return { child, ...JSON.parse(line) };
}

async function stopServer(server) {
  server.child.stdin.end();
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 5000);
  await once(server.child, "exit");
  clearTimeout(timer);
}

function send(agent, url, body, authorization) {
  const headers = body === undefined ? { accept: "application/json", authorization } : { "content-type": "application/x-www-form-urlencoded; charset=UTF-8", accept: "application/json", authorization, "content-length": Buffer.byteLength(body) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: body === undefined ? "GET" : "POST", agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs `concurrency` client loops; returns req/s for each window. v4 (`v4Path`): a GET with the permanent token. */
async function load(server, { method, pairs, auth, concurrency, warmupS, rounds, seconds, v4Path }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = v4Path === undefined ? `${server.url}/api/json/v2/${method}` : `${server.url}/api/v4${v4Path}`;
  const body = v4Path === undefined ? new URLSearchParams(pairs).toString() : undefined;
  const { consumerKey, consumerSecret, user, permanentToken } = server.credentials;
  const credentials = { consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret };
  const authorization = () => (auth === "bearer" || v4Path !== undefined ? `Bearer ${permanentToken}` : signRequestSync({ method: "POST", url, bodyParams: pairs }, credentials).authorizationHeader);
  let completed = 0;
  let failed = 0;
  let bytes = 0;
  let stop = false;
  let firstFailure;
  const worker = async () => {
    while (!stop) {
      const r = await send(agent, url, body, authorization());
      if (r.status === 200) completed++;
      else {
        failed++;
        firstFailure ??= r.status;
      }
      bytes += r.bytes;
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((r) => setTimeout(r, warmupS * 1000));
  const windows = [];
  for (let i = 0; i < rounds; i++) {
    const [c0, t0] = [completed, performance.now()];
    await new Promise((r) => setTimeout(r, seconds * 1000));
    windows.push(((completed - c0) * 1000) / (performance.now() - t0));
  }
  const bytesPerResponse = bytes / Math.max(1, completed + failed);
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  if (failed > 0) throw new Error(`${method}: ${failed} requests failed (first status ${firstFailure})`);
  return { windows, median: stats(windows).median, bytesPerResponse, concurrency };
}

const rounds = quick ? 2 : 3;
const PAGE_LABEL = (tasks) => `wrike.task.filter over ${tasks} tasks: statuses=0, limit=100`;
// 1.5 s windows: the spread between windows is machine noise, not window length (pnpm bench stays under 10 min).
const seconds = quick ? 1 : 1.5;
const results = [];
console.log("Figure 7: emulator requests per second on loopback (emulator in its own process; this process generates the load)");

const print = (label, r) => {
  results.push({ label, ...r });
  console.log(`    ${label.padEnd(66)} ${r.median.toFixed(0).padStart(6)} req/s  (windows: ${r.windows.map((w) => w.toFixed(0)).join(", ")}; ${(r.bytesPerResponse / 1024).toFixed(1)} KiB/answer, ${r.concurrency} clients)`);
};

{
  const server = await startServer(0);
  try {
    const pairs = [["id", String(server.taskId)]];
    print("wrike.task.get, OAuth 1.0a HMAC-SHA1", await load(server, { method: "wrike.task.get", pairs, auth: "oauth1", concurrency: 32, warmupS: 1, rounds, seconds }));
    print("wrike.task.get, OAuth 2.0 bearer token", await load(server, { method: "wrike.task.get", pairs, auth: "bearer", concurrency: 32, warmupS: 1, rounds, seconds }));
  } finally {
    await stopServer(server);
  }
}
{
  const server = await startServer(0, ["--nonce-front-eviction"]);
  try {
    const pairs = [["id", String(server.taskId)]];
    print("(what-if) wrike.task.get, OAuth 1.0a, nonces evicted oldest-first", await load(server, { method: "wrike.task.get", pairs, auth: "oauth1", concurrency: 32, warmupS: 1, rounds, seconds }));
  } finally {
    await stopServer(server);
  }
}
for (const tasks of [10_000, 100_000]) {
  const server = await startServer(tasks);
  console.log(`    (seeded ${server.tasks} tasks in ${(server.seedMs / 1000).toFixed(1)} s)`);
  try {
    const page = [["statuses", "0"], ["limit", "100"]];
    // A longer warm-up than task.get's: the first seconds after seeding still carry the seed's garbage and JIT.
    print(PAGE_LABEL(tasks), await load(server, { method: "wrike.task.filter", pairs: page, auth: "oauth1", concurrency: 8, warmupS: 3, rounds, seconds }));
    print(`wrike.task.filter over ${tasks} tasks: count=true`, await load(server, { method: "wrike.task.filter", pairs: [["count", "true"]], auth: "oauth1", concurrency: 8, warmupS: 1, rounds, seconds }));
  } finally {
    await stopServer(server);
  }
}

// What --state costs a write: wrike.task.update on one task (the state keeps its size), in memory and with
// the state file saved as writes happen, with the seed alone and with 10,000 tasks.
const persistence = {};
for (const tasks of [0, 10_000]) {
  const dir = mkdtempSync(join(tmpdir(), "wrikekit-bench-state-"));
  try {
    const perMode = {};
    for (const mode of ["in memory", "--state"]) {
      const server = await startServer(tasks, mode === "--state" ? ["--state", join(dir, "state.json")] : []);
      try {
        const pairs = [["id", String(server.taskId)], ["title", "renamed by the benchmark"]];
        const label = `wrike.task.update, ${server.tasks} tasks, ${mode}`;
        print(label, await load(server, { method: "wrike.task.update", pairs, auth: "oauth1", concurrency: 8, warmupS: tasks === 0 ? 1 : 3, rounds, seconds }));
        perMode[mode] = results.at(-1).median;
      } finally {
        await stopServer(server);
      }
    }
    const bytes = statSync(join(dir, "state.json")).size;
    const costMs = 1000 / perMode["--state"] - 1000 / perMode["in memory"];
    persistence[tasks] = { costMsPerWrite: costMs, ratio: perMode["in memory"] / perMode["--state"], stateBytes: bytes };
    console.log(`    --state costs ${(costMs * 1000).toFixed(0)} µs per write at ${tasks} extra tasks (${(persistence[tasks].ratio).toFixed(2)}x the in-memory time; state file ${(bytes / 1024).toFixed(0)} KiB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The token of the page halfway through a walk of GET /tasks in pages of `pageSize`. */
async function middleToken(server, query, pageSize) {
  const headers = { authorization: `Bearer ${server.credentials.permanentToken}` };
  const page = async (token) => (await fetch(`${server.url}/api/v4/tasks?${new URLSearchParams({ ...query, pageSize: String(pageSize), ...(token === undefined ? {} : { nextPageToken: token }) })}`, { headers })).json();
  let answer = await page(undefined);
  for (let i = 1; i < Math.floor(answer.responseSize / pageSize / 2); i++) answer = await page(answer.nextPageToken);
  return answer.nextPageToken;
}

const V4_PAGE_LABEL = (tasks) => `v4 GET /tasks over ${tasks} tasks: page from a token, pageSize=100`;
for (const tasks of [10_000, 100_000]) {
  const server = await startServer(tasks, ["--v4"]);
  console.log(`    (seeded ${server.tasks} v4 tasks in ${(server.seedMs / 1000).toFixed(1)} s)`);
  try {
    const query = { status: JSON.stringify(["Active"]) };
    const first = `/tasks?${new URLSearchParams({ ...query, pageSize: "100" })}`;
    print(`v4 GET /tasks over ${tasks} tasks: first page (total cached), pageSize=100`, await load(server, { v4Path: first, concurrency: 8, warmupS: 3, rounds, seconds }));
    const token = await middleToken(server, query, 100);
    const middle = `/tasks?${new URLSearchParams({ ...query, pageSize: "100", nextPageToken: token })}`;
    print(V4_PAGE_LABEL(tasks), await load(server, { v4Path: middle, concurrency: 8, warmupS: 1, rounds, seconds }));
  } finally {
    await stopServer(server);
  }
}

const pageMs = (tasks) => 1000 / results.find((r) => r.label === PAGE_LABEL(tasks)).median;
const [page10k, page100k] = [pageMs(10_000), pageMs(100_000)];
const pageRatio = page100k / page10k;
const v4PageMs = (tasks) => 1000 / results.find((r) => r.label === V4_PAGE_LABEL(tasks)).median;
const [v4Page10k, v4Page100k] = [v4PageMs(10_000), v4PageMs(100_000)];
const v4Ratio = v4Page100k / v4Page10k;
console.log(`    v4 page time from a token: ${v4Page10k.toFixed(2)} ms at 10,000 tasks, ${v4Page100k.toFixed(2)} ms at 100,000: ${v4Ratio.toFixed(2)}x`);
console.log(`    page time (1 / req/s): ${page10k.toFixed(2)} ms at 10,000 tasks, ${page100k.toFixed(2)} ms at 100,000: ${pageRatio.toFixed(2)}x`);

report({
  figure: 7,
  title: "Emulator throughput on loopback (requests per second)",
  rows: results,
  pageTime: { "10000": page10k, "100000": page100k, ratio: pageRatio },
  persistence,
  v4PageTime: { "10000": v4Page10k, "100000": v4Page100k, ratio: v4Ratio },
  targets: [
    target(
      "16.1 emulator: a task.filter page at 100,000 tasks within 1.5x of the page at 10,000",
      pageRatio,
      "<=",
      1.5,
      `${pageRatio.toFixed(2)}x (${page100k.toFixed(2)} ms vs ${page10k.toFixed(2)} ms per page)`,
    ),
    target(
      "11 v4 emulator: a GET /tasks page from a token at 100,000 tasks within 1.5x of the page at 10,000",
      v4Ratio,
      "<=",
      1.5,
      `${v4Ratio.toFixed(2)}x (${v4Page100k.toFixed(2)} ms vs ${v4Page10k.toFixed(2)} ms per page)`,
    ),
  ],
  notes: [
    "The emulator (startEmulatorServer) and the load generator are separate node processes on the same 2-core machine, so they share its CPU.",
    "Page time is the emulator's time per answer, 1 / req/s with 8 clients keeping it busy (it serves one request at a time). A page in id order (no orderBy) walks the tasks from the first and stops when the page is full, so it costs offset + limit tasks; count=true and an orderBy still visit every task.",
    `--state (saved as writes happen, coalesced, at most one save at a time): ${Object.entries(persistence).map(([tasks, p]) => `${(p.costMsPerWrite * 1000).toFixed(0)} µs per write (${p.ratio.toFixed(2)}x) with ${tasks} extra tasks and a ${(p.stateBytes / 1024).toFixed(0)} KiB state file`).join("; ")}.`,
    "v4: tasks are kept in id order; a page from a token starts at a binary search for the last id the token names and reads only as far as its page, so it costs what it holds; the first page of a walk also counts every match for responseSize (one pass), later pages carry that total in the token. The figure repeats one first page on unchanged data, so after the first answer its total comes from the cache (valid until any write); a first page after a change pays the one pass.",
    "Each window's req/s is listed: a decline from window to window under OAuth 1.0a signals per-request work that grows with the number of requests already served.",
  ],
});
