/**
 * Runs generateAll on the specs under `root` in a fresh process and prints the timings as JSON: importing
 * the code generator, the first run (what `pnpm generate` pays) and any later runs (JIT warm). Each run
 * generates the APIs one after another, as generateAll does, timing each (`perApi`, ms by API id).
 *   node codegen-worker.mjs <root> [repeat] [api ids, comma-separated: v2,v4; default every API]
 */
const [root, repeatArg, apiArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 1);
const t0 = performance.now();
const { apis, generateAll } = await import("@wrikekit/codegen");
const t1 = performance.now();
const wanted = apiArg ? apiArg.split(",") : apis.map((a) => a.id);
const selected = apis.filter((a) => wanted.includes(a.id));
if (selected.length !== wanted.length) throw new Error(`unknown API id in ${apiArg} (known: ${apis.map((a) => a.id).join(", ")})`);
const runs = [];
const perApi = [];
let files;
for (let i = 0; i < repeat; i++) {
  const times = {};
  files = [];
  for (const api of selected) {
    const s = performance.now();
    files.push(...generateAll(root, [api]));
    times[api.id] = performance.now() - s;
  }
  runs.push(Object.values(times).reduce((a, b) => a + b, 0));
  perApi.push(times);
}
const bytes = files.reduce((n, f) => n + f.text.length, 0);
process.stdout.write(JSON.stringify({ importMs: t1 - t0, runs, perApi, files: files.length, bytes }) + "\n");
