/**
 * Figure 6, code generation: generateAll on the real specs (every API, what `pnpm generate` pays, with each
 * API's share), and on synthetic v2 specs of 100, 1,000 and 5,000 methods (copies of the real v2 groups,
 * synthetic-spec.mjs), each run in a fresh process (codegen-worker.mjs), reporting ms per method. A size
 * whose time, extrapolated from the smaller ones, would exceed the budget is not run and is reported with
 * the extrapolated time instead (so neither a slow generator nor a regression to quadratic generation
 * can make `pnpm bench` take hours).
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { quick, report, target } from "./common.mjs";
import { stats } from "./harness.mjs";
import { countMethods, realGroups, writeSyntheticSpec } from "./synthetic-spec.mjs";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
const worker = fileURLToPath(new URL("./codegen-worker.mjs", import.meta.url));
const { apis } = await import("@wrikekit/codegen");
const methodsOf = Object.fromEntries(apis.map((a) => [a.id, countMethods(realGroups(`${repoRoot}/${a.specDir}`))]));
const realMethods = Object.values(methodsOf).reduce((a, b) => a + b, 0);
const budgetMs = 120_000;

/** One fresh process generating `apiIds` (comma-separated; default every API); undefined when it ran past budgetMs. */
async function generate(root, repeat = 1, apiIds) {
  const started = performance.now();
  try {
    const { stdout } = await run(process.execPath, [worker, root, String(repeat), ...(apiIds ? [apiIds] : [])], { timeout: budgetMs, killSignal: "SIGKILL", maxBuffer: 1 << 20 });
    return { ...JSON.parse(stdout), wallMs: performance.now() - started };
  } catch (e) {
    if (e.killed) return undefined;
    throw e;
  }
}

/**
 * What a size would take, from the measured ones: the larger of the straight line through the two largest
 * and the least-squares fit t = a·n + b·n² (which catches quadratic growth). It only decides whether a size
 * is worth running within the budget.
 */
function predict(points, n) {
  const [[xa, ta], [xb, tb]] = points.slice(-2);
  const linear = tb + ((tb - ta) / (xb - xa)) * (n - xb);
  let s11 = 0, s12 = 0, s22 = 0, t1 = 0, t2 = 0;
  for (const [x, t] of points) {
    s11 += x * x;
    s12 += x ** 3;
    s22 += x ** 4;
    t1 += x * t;
    t2 += x * x * t;
  }
  const det = s11 * s22 - s12 * s12;
  const a = (t1 * s22 - t2 * s12) / det;
  const b = (s11 * t2 - s12 * t1) / det;
  return Math.max(linear, a * n + b * n * n);
}

console.log(`Figure 6: code generation (real specs: ${Object.entries(methodsOf).map(([id, n]) => `${id} ${n}`).join(", ")} methods)`);

// The real specs in a fresh process, the first run: what `pnpm generate` pays. One process: generation takes
// seconds per API, and the spread between fresh processes is small next to it.
const real = [await generate(repoRoot)];
if (real.includes(undefined)) throw new Error(`generateAll on the real specs ran past ${budgetMs / 1000} s`);
const realFirst = stats(real.map((r) => r.runs[0]));
const realWithImport = stats(real.map((r) => r.importMs + r.runs[0]));
const apiFirst = Object.fromEntries(apis.map((a) => [a.id, stats(real.map((r) => r.perApi[0][a.id])).median]));
console.log(
  `    real specs: import + first run ${realWithImport.median.toFixed(0)} ms (first run ${realFirst.median.toFixed(0)} ms: ${Object.entries(apiFirst).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(", ")})`,
);

// Synthetic specs are copies of the v2 groups (their ids and paths are easy to copy), generated for v2 alone.
// 2,500 methods is twelve times v4; 5,000 doubled the figure's time (107 s) for no more information on growth.
const sizes = [100, 1000, 2500];
const rows = [
  ...apis.map((a) => ({ methods: methodsOf[a.id], label: `real spec, ${a.id} (first run, after the APIs before it)`, ms: apiFirst[a.id] })),
  { methods: realMethods, label: "real specs, every API (pnpm generate)", ms: realFirst.median, bytes: real[0].bytes },
];
// 100 and 1,000 always run (the growth needs two sizes); larger ones when the extrapolation fits the budget.
const measured = [];
for (const n of sizes) {
  const root = writeSyntheticSpec(repoRoot, n);
  try {
    const predicted = measured.length >= 2 ? predict(measured, n) : undefined;
    const r = predicted !== undefined && predicted > budgetMs ? undefined : await generate(root, 1, "v2");
    if (r) {
      measured.push([n, r.runs[0]]);
      rows.push({ methods: n, label: `synthetic v2, ${n}`, ms: r.runs[0], bytes: r.bytes });
      console.log(`    ${n} methods: ${r.runs[0].toFixed(0)} ms (${(r.runs[0] / n).toFixed(1)} ms/method, ${(r.bytes / 1e6).toFixed(1)} MB of code)`);
    } else {
      const extrapolated = predict(measured, n);
      rows.push({ methods: n, label: `synthetic v2, ${n}`, stoppedAtMs: budgetMs, predictedMs: extrapolated });
      console.log(`    ${n} methods: not run or stopped at ${budgetMs / 1000} s; extrapolated from the smaller sizes: ${(extrapolated / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Growth: ms per method at the largest synthetic size that ran, against 100 methods.
const perMethod = (row) => row.ms / row.methods;
const synthetic = rows.filter((r) => r.label.startsWith("synthetic") && r.ms !== undefined);
const small = synthetic[0];
const largest = synthetic[synthetic.length - 1];
// Fewer than two sizes (the budget stopped one) is no measurement of growth.
const growth = synthetic.length >= 2 ? perMethod(largest) / perMethod(small) : Infinity;

report({
  figure: 6,
  title: "Code generation (generateAll, fresh process per run)",
  rows,
  realSpec: { methods: realMethods, firstRun: realFirst, withImport: realWithImport },
  targets: [
    target(
      "6. codegen: real specs under 3 s (import + first run, every API)",
      realWithImport.median,
      "<=",
      3000,
      `${(realWithImport.median / 1000).toFixed(2)} s (${Object.entries(apiFirst).map(([id, ms]) => `${id} ${(ms / 1000).toFixed(2)} s`).join(", ")}, import ${((realWithImport.median - realFirst.median) / 1000).toFixed(2)} s)`,
    ),
    target(
      "6. codegen: linear growth (ms/method at the largest synthetic size run ≤ 1.5x at 100)",
      growth,
      "<=",
      1.5,
      `${Number.isFinite(growth) ? `${growth.toFixed(2)}x at ${largest.methods} methods` : "not measured: fewer than two synthetic sizes ran within the budget"}${rows.some((r) => r.predictedMs !== undefined) ? ` (${rows.filter((r) => r.predictedMs !== undefined).map((r) => r.methods).join(", ")}: not run or stopped, over the ${budgetMs / 1000} s budget)` : ""}`,
    ),
  ],
  notes: [
    "Each run is a fresh node process: the first generateAll call is what `pnpm generate` pays; the import of the code generator (ts-morph, TypeScript) is reported apart and included in the target.",
    "Real specs: every API of tools/codegen/src/apis.ts in one process, one after another (as `pnpm generate`); an API's row is its share of that first run.",
    "Synthetic specs: spec/v2/api.yaml as is, and the real v2 method groups copied (group task → task0, task1, ...; inline response models renamed; invalidations kept within a copy) up to exactly N methods.",
  ],
});
