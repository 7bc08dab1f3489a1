/**
 * Figure 6, code generation: generateAll on the real spec, and on synthetic specs of 100, 1,000 and 5,000
 * methods (copies of the real groups, synthetic-spec.mjs), each run in a fresh process (codegen-worker.mjs),
 * reporting ms per method. A size whose time, fitted from the smaller ones, would exceed the budget is not
 * run and is reported with the fitted time instead (so a regression to quadratic generation cannot make
 * `pnpm bench` take hours).
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
const realMethods = countMethods(realGroups(`${repoRoot}/spec`));
const budgetMs = 150_000;

/** One fresh process; undefined when it ran past budgetMs. */
async function generate(root, repeat = 1) {
  const started = performance.now();
  try {
    const { stdout } = await run(process.execPath, [worker, root, String(repeat)], { timeout: budgetMs, killSignal: "SIGKILL", maxBuffer: 1 << 20 });
    return { ...JSON.parse(stdout), wallMs: performance.now() - started };
  } catch (e) {
    if (e.killed) return undefined;
    throw e;
  }
}

/** Least-squares fit t = a·n + b·n² through the measured points; undefined with fewer than two. */
function predict(points, n) {
  if (points.length < 2) return undefined;
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
  return a * n + b * n * n;
}

console.log(`Figure 6: code generation (real spec: ${realMethods} methods)`);

// The real spec: fresh processes; the first run is what `pnpm generate` pays, later runs are JIT-warm.
const real = [];
for (let i = 0; i < (quick ? 1 : 3); i++) real.push(await generate(repoRoot, 3));
const realFirst = stats(real.map((r) => r.runs[0]));
const realWithImport = stats(real.map((r) => r.importMs + r.runs[0]));
const realWarm = stats(real.flatMap((r) => r.runs.slice(1)));
console.log(`    real spec: import + first run ${realWithImport.median.toFixed(0)} ms (first run ${realFirst.median.toFixed(0)} ms, warm ${realWarm.median.toFixed(0)} ms)`);

const sizes = quick ? [100, 1000] : [100, 1000, 5000];
const rows = [{ methods: realMethods, label: "real spec", ms: realFirst.median, bytes: real[0].bytes }];
const measured = [[realMethods, realFirst.median]];
for (const n of sizes) {
  const root = writeSyntheticSpec(repoRoot, n);
  try {
    const predicted = predict(measured, n);
    const r = predicted !== undefined && predicted > budgetMs * 1.5 ? undefined : await generate(root);
    if (r) {
      measured.push([n, r.runs[0]]);
      rows.push({ methods: n, label: `synthetic ${n}`, ms: r.runs[0], bytes: r.bytes });
      console.log(`    ${n} methods: ${r.runs[0].toFixed(0)} ms (${(r.runs[0] / n).toFixed(1)} ms/method, ${(r.bytes / 1e6).toFixed(1)} MB of code)`);
    } else {
      const fitted = predict(measured, n);
      rows.push({ methods: n, label: `synthetic ${n}`, stoppedAtMs: budgetMs, predictedMs: fitted });
      console.log(`    ${n} methods: not run or stopped at ${budgetMs / 1000} s; the fit t = a·n + b·n² of the smaller sizes predicts ${(fitted / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const perMethod = (row) => (row.ms !== undefined ? row.ms / row.methods : undefined);
const small = rows.find((r) => r.methods === 100);
const largest = rows[rows.length - 1];
const growth = perMethod(largest) !== undefined ? perMethod(largest) / perMethod(small) : Infinity;

report({
  figure: 6,
  title: "Code generation (generateAll, fresh process per run)",
  rows,
  realSpec: { methods: realMethods, firstRun: realFirst, withImport: realWithImport, warm: realWarm },
  targets: [
    target("6. codegen: real spec under 3 s (import + first run)", realWithImport.median, "<=", 3000, `${(realWithImport.median / 1000).toFixed(2)} s`),
    target(
      `6. codegen: linear growth (ms/method at ${largest.methods} ≤ 1.5x at 100)`,
      growth,
      "<=",
      1.5,
      Number.isFinite(growth) ? `${growth.toFixed(2)}x` : `did not finish ${largest.methods} methods (fit: ${((largest.predictedMs ?? NaN) / 60000).toFixed(0)} min)`,
    ),
  ],
  notes: [
    "Each run is a fresh node process: the first generateAll call is what `pnpm generate` pays; the import of the code generator (ts-morph, TypeScript) is reported apart and included in the target.",
    "Synthetic specs: spec/api.yaml as is, and the real method groups copied (group task → task0, task1, ...; inline response models renamed; invalidations kept within a copy) up to exactly N methods.",
  ],
});
