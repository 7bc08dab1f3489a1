#!/usr/bin/env node
/**
 * `pnpm test:pack`: what npm users get. For every published package (packages/* not marked private):
 *   1. `pnpm pack` (workspace:* becomes the real version);
 *   2. publint --strict on the tarball, and @arethetypeswrong/cli (profile node16: TypeScript 7 has no
 *      node10 resolution) on the tarball;
 *   3. a scratch project outside the workspace installs all the tarballs with npm (our packages come only
 *      from the tarballs; third-party dependencies from the npm registry), then
 *   4. require()s and import()s each package and calls the client against a fake fetch, the emulator and
 *      the MSW handlers, checks a newcomer's first mistakes (a blank token, a baseUrl with the API path, a v2
 *      id, a Date inside a structured argument), renders a React hook on the server, and type-checks an ESM
 *      and a CJS consumer (nodenext, and bundler for ESM) as strictly as TypeScript goes, without skipLibCheck;
 *   5. a pnpm consumer of @wrikekit/client alone emits declarations for its OAuth, paging and error code;
 *   6. the bins as npm installed them: a bad flag, a state file in no folder, a blank WRIKE_TOKEN exit non-zero
 *      saying what to do; `wrikekit-emulator` answers v4 with the token it prints, and `wrikekit-mcp`
 *      (offline) lists its tools and calls one over stdio.
 * `--lint-only` stops after step 2 (`pnpm lint:pack`). Build first (`pnpm test:pack` at the root does).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lintOnly = process.argv.includes("--lint-only");
const bin = (name) => join(root, "node_modules/.bin", name);
const run = (cmd, args, cwd, extra = {}) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20, ...extra });
const step = (text) => console.log(`::: ${text}`);

const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir: join(root, "packages", dir), manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter((p) => p.manifest.private !== true)
  .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));

const work = mkdtempSync(join(tmpdir(), "wrikekit-pack-"));
const tarballs = join(work, "tarballs");
mkdirSync(tarballs);
let failures = 0;
const fail = (text) => {
  failures++;
  console.error(`  ✗ ${text}`);
};

try {
  for (const p of packages) {
    const before = new Set(readdirSync(tarballs));
    run("pnpm", ["pack", "--pack-destination", tarballs], p.dir);
    const file = readdirSync(tarballs).find((f) => !before.has(f));
    p.tarball = join(tarballs, file);
    const files = run("tar", ["-tzf", p.tarball], work).split("\n").filter(Boolean);
    step(`${p.manifest.name}@${p.manifest.version}: ${file}, ${files.length} files`);
    for (const required of ["package/package.json", "package/README.md", "package/LICENSE"]) if (!files.includes(required)) fail(`${p.manifest.name}: ${required.slice(8)} is not in the tarball`);
    const packed = JSON.parse(run("tar", ["-xzOf", p.tarball, "package/package.json"], work));
    if (JSON.stringify(packed).includes("workspace:")) fail(`${p.manifest.name}: a workspace: range survived packing`);
    if (packed.sideEffects === undefined) fail(`${p.manifest.name}: no sideEffects field`);
    try {
      const out = run(bin("publint"), ["run", p.tarball, "--strict"], work);
      console.log(`  publint: ${out.trim().split("\n").pop()}`);
    } catch (e) {
      fail(`${p.manifest.name}: publint\n${e.stdout}${e.stderr}`);
    }
    try {
      run(bin("attw"), [p.tarball, "--profile", "node16", "--format", "table-flipped"], work);
      console.log("  attw (node16): no problems");
    } catch (e) {
      fail(`${p.manifest.name}: attw\n${e.stdout}${e.stderr}`);
    }
  }
  if (lintOnly) throw new Error("stop");

  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "wrikekit-pack-scratch", version: "0.0.0", private: true }, null, 2));
  const thirdParty = ["react@19.3.1", "react-dom@19.3.1", "@tanstack/react-query@5.108.0", "msw@2.15.0", "@types/react@19.3.0", "@types/node@20"];
  step(`npm install ${packages.length} tarballs + ${thirdParty.join(" ")} in ${app}`);
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts", ...packages.map((p) => p.tarball), ...thirdParty], app);
  const installed = JSON.parse(run("npm", ["ls", "--all", "--json"], app, { stdio: ["ignore", "pipe", "ignore"] }));
  const resolvedFrom = (name, tree = installed) =>
    Object.entries(tree.dependencies ?? {}).flatMap(([n, d]) => [...(n === name ? [d.resolved ?? ""] : []), ...resolvedFrom(name, d)]);
  for (const p of packages)
    for (const r of resolvedFrom(p.manifest.name)) if (r && !r.startsWith("file:")) fail(`${p.manifest.name} was installed from ${r}, not from its tarball`);

  const names = packages.map((p) => p.manifest.name);
  const has = (name) => names.includes(name);
  const smoke = (kind) => `
${kind === "cjs" ? "" : "import { createRequire } from 'node:module';"}
const load = ${kind === "cjs" ? "(name) => Promise.resolve(require(name))" : "(name) => import(name)"};
(async () => {
  const results = {};
  const core = await load("@wrikekit/core/oauth1");
  const { createWrikeClient, TaskStatus, WrikeApiError } = await load("@wrikekit/client/v2");
  const v4 = await load("@wrikekit/client");
  const server = await load("@wrikekit/client/server");
  const serverV4 = await load("@wrikekit/client/server/v4");
  const coreServer = await load("@wrikekit/core/server");
  const { xmlSupport } = await load("@wrikekit/core/xml");
  if (typeof core.signRequest !== "function" || typeof server.methodDescriptors !== "object" || typeof coreServer.errorResponse !== "function" || serverV4.wrikeV4Operations["GET /tasks"]?.verb !== "GET") throw new Error("missing exports");
  if (typeof v4.createWrikeClient !== "function" || typeof v4.tasksList !== "function" || v4.createWrikeClient === createWrikeClient) throw new Error("@wrikekit/client is not the v4 client");
  // The client against a fake fetch, signed with OAuth 1.0a and verified by core.
  const fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = await request.text();
    const ok = await core.verifySignature(
      { method: request.method, url: request.url, authorization: request.headers.get("authorization"), bodyParams: core.parseFormUrlEncoded(body) },
      { lookupSecrets: () => ({ consumerSecret: "cs", tokenSecret: "ts" }) },
    );
    if (!ok.ok) return new Response(JSON.stringify({ error: { code: 402, name: "CREDENTIALS_ERROR", message: ok.message } }), { status: 401, headers: { "content-type": "application/json" } });
    return new Response(JSON.stringify({ task: { id: 7, title: new URLSearchParams(body).get("title") ?? "fetched", status: 0 } }), { headers: { "content-type": "application/json" } });
  };
  const client = createWrikeClient({ auth: { kind: "oauth1", consumerKey: "ck", consumerSecret: "cs", token: "tk", tokenSecret: "ts" }, fetch });
  results.client = (await client.task.add({ title: "packed" })).title;
  const bad = createWrikeClient({ auth: { kind: "oauth1", consumerKey: "ck", consumerSecret: "cs", token: "tk", tokenSecret: "nope" }, fetch });
  results.error = await bad.task.add({ title: "x" }).then(() => "no error", (e) => e instanceof WrikeApiError ? e.code : String(e));
  // A newcomer's first mistakes, from the built code: refused before anything is sent, naming what is wrong.
  const refused = (f) => Promise.resolve().then(f).then(() => "no error", (e) => e instanceof v4.WrikeValidationError ? e.issues.map((i) => i.path).join() : e.message);
  const never = () => { throw new Error("sent"); };
  const v4Client = v4.createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: never });
  results.mistakes = [
    await refused(() => v4.createWrikeClient({ auth: { kind: "bearer", token: " " } })),
    await refused(() => v4.createWrikeClient({ auth: { kind: "bearer", token: "t" }, baseUrl: "https://www.wrike.com/api/v4" })),
    await refused(() => v4Client.tasks.get({ taskIds: [12345] })),
    await refused(() => v4Client.tasks.createInFolder({ folderId: "F", title: "x", dates: { due: new Date() } })),
  ];
  void xmlSupport; void TaskStatus;
  ${has("@wrikekit/emulator") ? `
  const { createEmulator } = await load("@wrikekit/emulator");
  const emulator = createEmulator();
  const c = emulator.credentials;
  const emu = createWrikeClient({ baseUrl: "http://localhost", auth: { kind: "oauth1", consumerKey: c.consumerKey, consumerSecret: c.consumerSecret, token: c.user.token, tokenSecret: c.user.tokenSecret }, fetch: (i, init) => emulator.handle(new Request(i, init)) });
  results.emulator = (await emu.task.add({ title: "emulated" })).title;
  // v4 routes and arguments come from the client's server table (@wrikekit/client/server/v4).
  const emuV4 = v4.createWrikeClient({ baseUrl: "http://localhost", auth: { kind: "bearer", token: c.permanentToken }, fetch: (i, init) => emulator.handle(new Request(i, init)) });
  results.emulatorV4 = (await emuV4.account.get()).data.length > 0;` : ""}
  ${has("@wrikekit/msw") ? `
  const { setupServer } = await load("msw/node");
  const mswHandlers = await load("@wrikekit/msw/v2");
  const mswServer = setupServer(...mswHandlers.createWrikeHandlers());
  mswServer.listen({ onUnhandledRequest: "error" });
  try {
    const mocked = createWrikeClient({ auth: { kind: "bearer", token: "t" } });
    results.msw = typeof (await mocked.task.get({ id: 1 })).id;
  } finally { mswServer.close(); }
  // v4's handlers read the client's server table (@wrikekit/client/server/v4), as the emulator does.
  const mswV4Server = setupServer(...(await load("@wrikekit/msw")).createWrikeHandlers());
  mswV4Server.listen({ onUnhandledRequest: "error" });
  try {
    const mocked = v4.createWrikeClient({ auth: { kind: "bearer", token: "t" } });
    results.mswV4 = typeof (await mocked.tasks.get({ taskIds: ["IEAGKVLFI4AAAAAA"] })).data[0].id;
  } finally { mswV4Server.close(); }` : ""}
  ${has("@wrikekit/webhooks") ? `
  const { createWebhookReceiver } = await load("@wrikekit/webhooks");
  const { signWebhookRequest } = await load("@wrikekit/webhooks/testing");
  const { toNodeListener } = await load("@wrikekit/webhooks/node");
  const hooked = [];
  const receive = createWebhookReceiver({ secret: "hook-secret", handler: (event) => void hooked.push(event.eventType) });
  const delivery = () => signWebhookRequest({ secret: "hook-secret", url: "http://localhost/wrike", events: [{ eventType: "TaskCreated", webhookId: "W1", taskId: "T1", lastUpdatedDate: "2026-12-01T10:00:00Z" }] });
  results.webhooks = [(await receive(await delivery())).status, (await receive(await delivery())).status, hooked.length, typeof toNodeListener(receive)];` : ""}
  ${has("@wrikekit/react") ? `
  const React = await load("react");
  const { renderToString } = await load("react-dom/server");
  const { QueryClient } = await load("@tanstack/react-query");
  const hooks = await load("@wrikekit/react/v2");
  function Tasks() { const q = hooks.useTaskFilter(); return React.createElement("p", null, q.isPending ? "pending" : "done"); }
  results.react = renderToString(React.createElement(hooks.WrikeProvider, { client, queryClient: new QueryClient() }, React.createElement(Tasks)));
  const qc = new QueryClient();
  results.queryOptions = (await qc.fetchQuery(hooks.taskGetQueryOptions(client, { id: 7 }))).id;
  results.key = hooks.taskKeys.filter({ limit: 1 });
  ${has("@wrikekit/emulator") ? `
  // v4's hooks on the emulator: pending on a cold cache, the task from a prefetched one.
  const v4Hooks = await load("@wrikekit/react");
  function V4Task() { const q = v4Hooks.useTasksList({ pageSize: 1 }); return React.createElement("b", null, q.isSuccess ? q.data.data[0].title : "pending"); }
  const v4Cache = new QueryClient();
  const render = (queryClient) => renderToString(React.createElement(v4Hooks.WrikeProvider, { client: emuV4, queryClient }, React.createElement(V4Task)));
  const cold = render(new QueryClient());
  await v4Cache.prefetchQuery(v4Hooks.tasksListQueryOptions(emuV4, { pageSize: 1 }));
  results.reactV4 = [cold, render(v4Cache) === "<b>" + (await emuV4.tasks.list({ pageSize: 1 })).data[0].title + "</b>"];` : ""}` : ""}
  console.log(JSON.stringify(results));
})().catch((e) => { console.error(e); process.exit(1); });
`;
  writeFileSync(join(app, "smoke.cjs"), smoke("cjs"));
  writeFileSync(join(app, "smoke.mjs"), smoke("esm"));
  const mistakes = [
    "createWrikeClient: auth.token is empty: pass a permanent token (Wrike: Apps & Integrations, API) or an OAuth 2.0 access token; an empty one would be sent and refused",
    'baseUrl ends in the API path /api/v4, which the client adds itself: pass "https://www.wrike.com"',
    "taskIds[0]",
    "dates.due",
  ];
  for (const file of ["smoke.cjs", "smoke.mjs"]) {
    try {
      const out = JSON.parse(run(process.execPath, [file], app).trim().split("\n").pop());
      const expected = { client: "packed", error: 402, mistakes, ...(has("@wrikekit/emulator") ? { emulator: "emulated", emulatorV4: true } : {}), ...(has("@wrikekit/msw") ? { msw: "number", mswV4: "string" } : {}), ...(has("@wrikekit/webhooks") ? { webhooks: [200, 200, 1, "function"] } : {}), ...(has("@wrikekit/react") ? { react: "<p>pending</p>", queryOptions: 7, key: ["wrike", "wrike.task.filter", { limit: 1 }], ...(has("@wrikekit/emulator") ? { reactV4: ["<b>pending</b>", true] } : {}) } : {}) };
      if (JSON.stringify(out) !== JSON.stringify(expected)) fail(`${file}: ${JSON.stringify(out)} (expected ${JSON.stringify(expected)})`);
      else step(`node ${file}: ${JSON.stringify(out)}`);
    } catch (e) {
      fail(`${file}\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
    }
  }

  // Types as a consumer sees them, from an ES module and from a CommonJS module.
  const typed = (kind) => `
import { createWrikeClient, type TaskAddResult } from "@wrikekit/client/v2";
import { createWrikeClient as createV4Client, type Task } from "@wrikekit/client";
import { signRequest } from "@wrikekit/core/oauth1";
${has("@wrikekit/react") ? 'import { useTaskFilter, taskKeys, type WrikeQueryKey } from "@wrikekit/react/v2";' : ""}
const client = createWrikeClient({ auth: { kind: "bearer", token: "t" } });
export const added: Promise<TaskAddResult> = client.task.add({ title: "typed" });
export const described: Promise<Array<Task & { description: string }>> = createV4Client({ auth: { kind: "bearer", token: "t" } }).tasks.get({ taskIds: ["IEAG"], fields: ["description"] }).then((answer) => answer.data);
export const signed: Promise<{ authorizationHeader: string }> = signRequest({ method: "GET", url: "https://x.example/" }, { consumerKey: "k", consumerSecret: "s" });
${has("@wrikekit/react") ? 'export const key: WrikeQueryKey<"wrike.task.filter", object> = taskKeys.filter({ limit: 1 });\nexport const hook: typeof useTaskFilter = useTaskFilter;' : ""}
${has("@wrikekit/webhooks") ? 'import { createWebhookReceiver, type WebhookReceiver } from "@wrikekit/webhooks";\nimport { toNodeListener } from "@wrikekit/webhooks/node";\nexport const receiver: WebhookReceiver = createWebhookReceiver({ secret: "s", handler: (event) => void event.webhookId });\nexport const listener = toNodeListener(receiver);' : ""}
// @ts-expect-error: title is required
client.task.add({});
export const kind = "${kind}";
`;
  writeFileSync(join(app, "typed.mts"), typed("esm"));
  writeFileSync(join(app, "typed.cts"), typed("cjs"));
  // The strictest consumer: our .d.ts must compile without skipLibCheck, under Node's resolution and a bundler's.
  const strictest = { target: "es2022", lib: ["es2022", "dom"], strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: false, types: ["node"] };
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...strictest, module: "nodenext", moduleResolution: "nodenext" }, files: ["typed.mts", "typed.cts"] }));
  writeFileSync(join(app, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...strictest, module: "esnext", moduleResolution: "bundler" }, files: ["typed.mts"] }));
  for (const [config, what] of [["tsconfig.json", "nodenext, ESM and CJS consumers"], ["tsconfig.bundler.json", "bundler, ESM consumer"]]) {
    try {
      run(bin("tsc"), ["-p", config], app);
      step(`tsc (${what}; strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false): ok`);
    } catch (e) {
      fail(`tsc -p ${config} in the scratch project\n${e.stdout}${e.stderr}`);
    }
  }

  await checkBins(app, has);
  await pnpmConsumer(packages);
} catch (e) {
  if (e.message !== "stop") {
    failures++;
    console.error(e.stdout ?? "", e.stderr ?? "", e.message);
  }
} finally {
  if (failures === 0) rmSync(work, { recursive: true, force: true });
  else console.error(`(kept ${work} for inspection)`);
}
/** Starts an installed bin; resolves with the child and what it printed once `ready` matches its output. */
function startBin(app, name, args, ready) {
  const child = spawn(join(app, "node_modules/.bin", name), args, { cwd: app, env: { PATH: process.env.PATH, HOME: app }, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill(), reject(new Error(`${name} did not start in 20 s:\n${out}`))), 20_000);
    const read = (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) (clearTimeout(timer), resolve({ child, match, output: () => out }));
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`${name} exited (${code}):\n${out}`))));
  });
}

/** A bin run to its end: its exit code and what it printed on stderr. */
function runBin(app, name, args, env = {}) {
  const result = spawnSync(join(app, "node_modules/.bin", name), args, { cwd: app, env: { PATH: process.env.PATH, HOME: app, ...env }, encoding: "utf8", input: "", timeout: 20_000 });
  return { status: result.status, stderr: result.stderr };
}

/** A newcomer's first mistakes with a bin: each exits non-zero at once, saying what to do. */
function checkBinMistakes(app, has) {
  const mistakes = [
    ...(has("@wrikekit/emulator")
      ? [
          ["wrikekit-emulator", ["--prot", "8080"], {}, 2, "wrikekit-emulator: Unknown option '--prot'"],
          ["wrikekit-emulator", ["--state", join(app, "no-such-folder", "state.json")], {}, 1, `state file ${join(app, "no-such-folder", "state.json")}: its folder ${join(app, "no-such-folder")} does not exist`],
        ]
      : []),
    ...(has("@wrikekit/mcp")
      ? [
          ["wrikekit-mcp", ["--tools", "everything"], {}, 2, 'wrikekit-mcp: --tools must be default, all or dynamic, got "everything"'],
          ["wrikekit-mcp", [], { WRIKE_TOKEN: " " }, 2, "wrikekit-mcp: WRIKE_TOKEN is set but blank"],
        ]
      : []),
  ];
  for (const [name, args, env, status, says] of mistakes) {
    const result = runBin(app, name, args, env);
    if (result.status !== status || !result.stderr.includes(says)) fail(`${name} ${args.join(" ")}: exit ${result.status}, expected ${status} and ${JSON.stringify(says)} on stderr:\n${result.stderr}`);
  }
  step(`bins: ${mistakes.length} start-up mistakes exit non-zero at once, saying what to do`);
}

/** The bins a user runs after `npm install`: the emulator's CLI and the MCP server over stdio. */
async function checkBins(app, has) {
  checkBinMistakes(app, has);
  if (has("@wrikekit/emulator")) {
    try {
      const { child, match, output } = await startBin(app, "wrikekit-emulator", ["--port", "0"], /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*permanent token +(\S+)/);
      try {
        const answer = await fetch(`${match[1]}/api/v4/account`, { headers: { authorization: `Bearer ${match[2]}` } });
        const body = await answer.json();
        if (answer.status !== 200 || body.kind !== "accounts") fail(`wrikekit-emulator: GET /api/v4/account with the printed token answered ${answer.status} ${JSON.stringify(body)}\n${output()}`);
        else step(`wrikekit-emulator: ${match[1]} answers v4 with the token it prints`);
      } finally {
        child.kill();
      }
    } catch (e) {
      fail(`wrikekit-emulator: ${e.message}`);
    }
  }
  if (has("@wrikekit/mcp")) {
    try {
      const { child, output } = await startBin(app, "wrikekit-mcp", [], /serving \d+ tools/);
      try {
        const answers = new Map();
        let buffered = "";
        child.stdout.on("data", (chunk) => {
          buffered += chunk;
          for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
            const message = JSON.parse(buffered.slice(0, end));
            buffered = buffered.slice(end + 1);
            if (message.id !== undefined) answers.get(message.id)?.(message);
          }
        });
        let id = 0;
        const request = (method, params) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no answer to ${method}:\n${output()}`)), 20_000);
            answers.set(++id, (message) => (clearTimeout(timer), message.error ? reject(new Error(`${method}: ${JSON.stringify(message.error)}`)) : resolve(message.result)));
            child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
          });
        await request("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test-pack", version: "0" } });
        child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
        const { tools } = await request("tools/list", {});
        const called = await request("tools/call", { name: "tasks_list", arguments: { pageSize: 1 } });
        if (!tools.some((t) => t.name === "tasks_list") || called.isError || called.structuredContent?.kind !== "tasks") fail(`wrikekit-mcp: ${tools.length} tools, tasks_list answered ${JSON.stringify(called).slice(0, 400)}`);
        else step(`wrikekit-mcp (stdio, offline): ${tools.length} tools listed, tasks_list answered ${called.structuredContent.data.length} task`);
      } finally {
        child.kill();
      }
    } catch (e) {
      fail(`wrikekit-mcp: ${e.message}`);
    }
  }
}

/**
 * A pnpm consumer (pnpm keeps @wrikekit/core out of the app's reach) that depends on @wrikekit/client alone,
 * uses it for the OAuth flows, paging and errors, and emits declarations: every type the client's API
 * names must be reachable from @wrikekit/client, or tsc fails with TS2883 (a type it cannot name).
 */
async function pnpmConsumer(packages) {
  const consumer = join(work, "pnpm-consumer");
  mkdirSync(consumer);
  const tarball = (name) => `file:${packages.find((p) => p.manifest.name === name).tarball}`;
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "wrikekit-pnpm-consumer", version: "0.0.0", private: true, type: "module", dependencies: { "@wrikekit/client": tarball("@wrikekit/client") }, pnpm: { overrides: { "@wrikekit/core": tarball("@wrikekit/core") } } }, null, 2),
  );
  step("pnpm install @wrikekit/client (and its core) from the tarballs in a consumer of its own");
  run("pnpm", ["install", "--ignore-scripts", "--config.confirmModulesPurge=false"], consumer);
  writeFileSync(
    join(consumer, "consumer.ts"),
    `import { authorizationUrl, createMemoryTokenStore, createOAuth2Session, createWrikeClient, exchangeCode, WrikeApiError, WrikeTransportError, type TransportAuth } from "@wrikekit/client";
import { createOAuth1Flow, createWrikeClient as createV2Client, WrikeApiError as V2ApiError } from "@wrikekit/client/v2";

const oauthClient = { clientId: "id", clientSecret: "secret" };
export const auth: TransportAuth = { kind: "bearer", token: "t" };
export const wrike = createWrikeClient({ auth });
export const active = wrike.tasks.list({ status: ["Active"], fields: ["description"] });
export const activePages = active.pages();
export const consent = authorizationUrl(oauthClient, { state: "0123456789abcdef", scope: ["wsReadWrite"] });
export const signIn = (code: string) => exchangeCode(oauthClient, { code });
export const session = (store = createMemoryTokenStore()) => createOAuth2Session({ client: oauthClient, store });
export const notFound = (e: unknown) => e instanceof WrikeApiError && e.error === "resource_not_found";
export const retried = (e: unknown) => (e instanceof WrikeTransportError ? e.attempts : 0);
export const v2 = createV2Client({ auth });
export const everyTask = v2.task.filterPages({ statuses: [0] }, { pageSize: 50 });
export const overdue = () => v2.task.filter({ template: "overdue:resp" });
export const counted = () => v2.task.filter({ count: true });
export const sync = (store: Parameters<typeof v2.task.updatesSync>[0]["store"]) => v2.task.updatesSync({ store, start: 0, handle: () => {} });
export const flow = createOAuth1Flow({ consumerKey: "k", consumerSecret: "s" });
export const limited = (e: unknown) => e instanceof V2ApiError && e.errorName === "LIMITATION_ERROR";
`,
  );
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], strict: true, exactOptionalPropertyTypes: true, declaration: true, emitDeclarationOnly: true, outDir: "types", skipLibCheck: false, types: [] }, files: ["consumer.ts"] }),
  );
  try {
    run(bin("tsc"), ["-p", "tsconfig.json"], consumer);
    const emitted = readFileSync(join(consumer, "types/consumer.d.ts"), "utf8");
    if (emitted.includes("@wrikekit/core")) fail(`pnpm consumer: its declarations name @wrikekit/core, which it does not depend on:\n${emitted}`);
    else step("tsc --declaration in a pnpm consumer of @wrikekit/client alone (OAuth, paging, errors; exactOptionalPropertyTypes): ok");
  } catch (e) {
    fail(`tsc --declaration in the pnpm consumer\n${e.stdout}${e.stderr}`);
  }
}

const total = packages.length;
console.log(failures === 0 ? `test:pack: ${total} packages ok` : `test:pack: ${failures} problem(s)`);
process.exit(failures === 0 ? 0 : 1);
