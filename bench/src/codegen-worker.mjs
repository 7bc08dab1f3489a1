/**
 * Runs generateAll on the spec under `root`/spec in a fresh process and prints the timings as JSON:
 * importing the code generator, the first run (what `pnpm generate` pays) and any later runs (JIT warm).
 *   node codegen-worker.mjs <root> [repeat]
 */
const [root, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 1);
const t0 = performance.now();
const { generateAll } = await import("@wrikekit/codegen");
const t1 = performance.now();
const runs = [];
let files;
for (let i = 0; i < repeat; i++) {
  const s = performance.now();
  files = generateAll(root);
  runs.push(performance.now() - s);
}
const bytes = files.reduce((n, f) => n + f.text.length, 0);
process.stdout.write(JSON.stringify({ importMs: t1 - t0, runs, files: files.length, bytes }) + "\n");
