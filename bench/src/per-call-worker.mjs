/**
 * Figure 4's process-isolated runs: one contender per process, so that each has the JIT feedback, heap
 * and connection pool of a real app with one client (several client configurations in one process make
 * the shared SDK code polymorphic and bill each other's garbage). Sequential wrike.task.get calls; prints
 * {wallUs, cpuUs} per call as JSON.
 *
 *   node per-call-worker.mjs <baseUrl> <mode> <calls>
 *
 * Modes: hand (fetch + signRequestSync + JSON.parse), hand-timeout (the same with the client's kind of
 * 60 s timeout: an AbortController whose timer is cleared after the answer), client (createWrikeClient,
 * rateLimit: false), client-timeout0 (timeoutMs: 0), client-limiter (the default rate limiter on, at 10^9
 * a minute so that it never waits); hand-inproc and client-inproc answer from an in-process fetch (a new
 * Response of the same body at once), which leaves only the two sides' own CPU. bearer-raw, bearer-client,
 * bearer-openapi-fetch and bearer-ky make the same call with a bearer token (no signature). v4-raw,
 * v4-client and v4-client-timeout0 make Wrike API v4's GET /tasks/{id} with a bearer token: raw fetch +
 * JSON.parse, the v4 client's tasks.get (its 60 s per-attempt timeout on), and the same with timeoutMs: 0;
 * v4-raw-inproc and v4-client-inproc the same pair against an in-process fetch, and v4-raw-cold and
 * v4-client-cold that pair with the CPU's caches evicted before every call.
 */
import { createWrikeClient } from "@wrikekit/client/v2";
import { createWrikeClient as createWrikeV4Client } from "@wrikekit/client";
import createOpenApiClient from "openapi-fetch";
import ky from "ky";
import { signRequestSync } from "@wrikekit/core/oauth1";
import { credentials } from "./common.mjs";

const [baseUrl, mode, callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? 5000);
const url = `${baseUrl}/api/json/v2/wrike.task.get`;

let fetchImpl = fetch;
if (mode.endsWith("-inproc")) {
  const body = await (await fetch(url, { method: "POST", body: "" })).text();
  fetchImpl = async () => new Response(body, { status: 200, headers: { "content-type": "application/json; charset=UTF-8" } });
}

const clientOptions = {
  client: { rateLimit: false },
  "client-inproc": { rateLimit: false, fetch: fetchImpl },
  "client-timeout0": { rateLimit: false, timeoutMs: 0 },
  "client-limiter": { rateLimit: { requestsPerMinute: 1e9 } },
}[mode];
const client = clientOptions && createWrikeClient({ auth: { kind: "oauth1", ...credentials }, baseUrl, ...clientOptions });

async function hand() {
  const pairs = [["id", "369812"]];
  const signed = signRequestSync({ method: "POST", url, bodyParams: pairs }, credentials);
  let controller;
  let timer;
  if (mode === "hand-timeout") {
    controller = new AbortController();
    timer = setTimeout(() => controller.abort(), 60_000);
  }
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8", accept: "application/json", authorization: signed.authorizationHeader },
      body: new URLSearchParams(pairs).toString(),
      signal: controller?.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await response.text()).task;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
const token = "Bearer PERMANENT-TOKEN";
const formType = "application/x-www-form-urlencoded; charset=UTF-8";
const bearerCalls = {
  "bearer-raw": () => {
    const headers = { "content-type": formType, accept: "application/json", authorization: token };
    return async () => {
      const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams([["id", "369812"]]).toString() });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return JSON.parse(await response.text()).task;
    };
  },
  "bearer-client": () => {
    const wrike = createWrikeClient({ auth: { kind: "bearer", token: "PERMANENT-TOKEN" }, baseUrl, rateLimit: false });
    return () => wrike.task.get({ id: 369812 });
  },
  "bearer-openapi-fetch": () => {
    const api = createOpenApiClient({ baseUrl, headers: { authorization: token } });
    return async () => (await api.POST("/api/json/v2/wrike.task.get", { body: { id: "369812" }, bodySerializer: (b) => new URLSearchParams(b).toString(), headers: { "content-type": formType } })).data.task;
  },
  "bearer-ky": () => {
    const api = ky.create({ prefixUrl: baseUrl, headers: { authorization: token } });
    return async () => (await api.post("api/json/v2/wrike.task.get", { body: new URLSearchParams([["id", "369812"]]) }).json()).task;
  },
};
const V4_TASK_ID = "IEAGKVLFKQ7WMVOE";
const v4Calls = {
  "v4-raw": () => {
    const v4Url = `${baseUrl}/api/v4/tasks/${V4_TASK_ID}`;
    const headers = { accept: "application/json", authorization: token };
    return async () => {
      const response = await fetch(v4Url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return JSON.parse(await response.text()).data[0];
    };
  },
  "v4-client": (timeout = {}) => {
    const wrike = createWrikeV4Client({ auth: { kind: "bearer", token: "PERMANENT-TOKEN" }, baseUrl, rateLimit: false, ...timeout });
    return async () => (await wrike.tasks.get({ taskIds: [V4_TASK_ID] })).data[0];
  },
  "v4-client-timeout0": () => v4Calls["v4-client"]({ timeoutMs: 0 }),
};
// The v4 pair against an in-process fetch (a new Response of the loopback answer's body at once): their own
// CPU per call. The -cold variants evict the CPU's caches before every call (untimed), as the network, the
// kernel and undici do between two real calls; a hot loop of the same code measures it warm in cache.
const V4_INPROC = /^v4-(raw|client)-(inproc|cold)$/.exec(mode);
if (V4_INPROC) {
  const body = await (await fetch(`${baseUrl}/api/v4/tasks/${V4_TASK_ID}`, { headers: { authorization: token } })).text();
  const answer = async () => new Response(body, { status: 200, headers: { "content-type": "application/json; charset=UTF-8" } });
  if (V4_INPROC[1] === "raw") {
    const headers = { accept: "application/json", authorization: token };
    v4Calls[mode] = () => async () => {
      const response = await answer(`${baseUrl}/api/v4/tasks/${V4_TASK_ID}`, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return JSON.parse(await response.text()).data[0];
    };
  } else {
    const wrike = createWrikeV4Client({ auth: { kind: "bearer", token: "PERMANENT-TOKEN" }, baseUrl, rateLimit: false, fetch: answer });
    v4Calls[mode] = () => async () => (await wrike.tasks.get({ taskIds: [V4_TASK_ID] })).data[0];
  }
}
/** Touches 8 MiB of data and 2,000 small compiled functions: afterwards neither our code nor our data is in cache. */
const evictCaches = (() => {
  const data = new Uint8Array(8 << 20);
  const code = Array.from({ length: 2000 }, (_, i) => new Function("x", `return (x * ${i + 1}) ^ ${i};`));
  return (round) => {
    for (let j = 0; j < data.length; j += 64) data[j]++;
    let sum = 0;
    for (const f of code) sum += f(round);
    return sum;
  };
})();
const call = bearerCalls[mode]?.() ?? v4Calls[mode]?.() ?? (client ? () => client.task.get({ id: 369812 }) : hand);
if ((await call()).id !== (mode.startsWith("v4-") ? V4_TASK_ID : 369812)) throw new Error("unexpected answer");

// Untimed warm-up to a steady state: fewer calls leave fetch's code and the client's partly unoptimised.
for (let i = 0; i < Math.max(2000, calls); i++) await call();
if (mode.endsWith("-cold")) {
  // Each call timed on its own after the untimed eviction (in process, its wall time is its CPU time).
  let us = 0;
  for (let i = 0; i < calls; i++) {
    evictCaches(i);
    const t0 = performance.now();
    await call();
    us += (performance.now() - t0) * 1000;
  }
  process.stdout.write(JSON.stringify({ wallUs: us / calls, cpuUs: us / calls }) + "\n");
} else {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ wallUs: ((performance.now() - t0) * 1000) / calls, cpuUs: (cpu.user + cpu.system) / calls }) + "\n");
}
