/**
 * `pnpm bench`: runs every figure of issue #6, each in its own node process (fresh heap and JIT, with
 * --expose-gc), prints a summary table with the ratio and PASS/MISS per target, and writes
 * bench/RESULTS.md (a partial or quick run writes bench/RESULTS.partial.md instead).
 *
 *   pnpm bench                      everything
 *   pnpm bench -- --only 1,3        some figures
 *   BENCH_QUICK=1 pnpm bench        fewer rounds, for trying it out
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { quick } from "./common.mjs";
import { formatStat, formatTime, ratio, ratioOfSeparate } from "./harness.mjs";
import { diagnoses, findings } from "./diagnoses.mjs";

const FIGURES = {
  // Short figures whose ratios move between processes as much as between rounds: median of three.
  1: { file: "fig1-signing.mjs", processes: 3 },
  // One run: the decoders' speed against ajv varies more between processes than between rounds, so the
  // figure itself times ours and ajv in five alternating pairs of processes and takes the median pair.
  2: "fig2-validation.mjs",
  3: "fig3-decoding.mjs",
  4: "fig4-per-call.mjs",
  5: "fig5-bundle.mjs",
  6: "fig6-codegen.mjs",
  7: "fig7-emulator.mjs",
  8: { file: "fig8-msw.mjs", processes: 3 },
  9: "fig9-mcp.mjs",
};

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg === -1 ? Object.keys(FIGURES).map(Number) : process.argv[onlyArg + 1].split(",").map(Number);
const everyFigure = only.length === Object.keys(FIGURES).length && !quick;
const srcDir = fileURLToPath(new URL(".", import.meta.url));
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "wrikekit-bench-"));

function runFigureOnce(n, k) {
  const out = join(work, `fig${n}-${k}.json`);
  const file = typeof FIGURES[n] === "string" ? FIGURES[n] : FIGURES[n].file;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", join(srcDir, file), out], { stdio: "inherit", cwd: benchDir });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(JSON.parse(readFileSync(out, "utf8")));
      else reject(new Error(`figure ${n} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * Runs a figure in one process, or in several: then each target takes the median of the processes'
 * values (its text names them all), and the tables come from the process whose first target was the median.
 */
async function runFigure(n) {
  const processes = quick ? 1 : (FIGURES[n].processes ?? 1);
  const runs = [];
  for (let k = 0; k < processes; k++) runs.push(await runFigureOnce(n, k));
  if (runs.length === 1) return runs[0];
  const byFirst = [...runs].sort((a, b) => a.targets[0].value - b.targets[0].value);
  const chosen = structuredClone(byFirst[Math.floor(byFirst.length / 2)]);
  chosen.targets = chosen.targets.map((t, i) => {
    const values = runs.map((r) => r.targets[i]);
    const median = [...values].sort((a, b) => a.value - b.value)[Math.floor(values.length / 2)];
    return { ...median, shown: `${median.shown} (median of ${runs.length} processes: ${values.map((v) => v.value.toFixed(2)).join(", ")})` };
  });
  chosen.notes = [...(chosen.notes ?? []), `Run in ${runs.length} processes; each target is the median of the processes' values, the tables are from the process with the median first target.`];
  return chosen;
}

const started = Date.now();
const figures = {};
const failures = {};
const secondsOf = {};
try {
  for (const n of only) {
    console.log("");
    const figureStarted = Date.now();
    try {
      figures[n] = await runFigure(n);
    } catch (e) {
      failures[n] = e.message;
      console.error(`  ${e.message}`);
    }
    secondsOf[n] = (Date.now() - figureStarted) / 1000;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const totalS = (Date.now() - started) / 1000;
// A run in which a figure failed is not a full result: it never replaces RESULTS.md.
const complete = everyFigure && Object.keys(failures).length === 0;
const perFigure = only.map((n) => `${n}: ${secondsOf[n].toFixed(0)} s`).join(", ");

// ---------------------------------------------------------------- summary
const targets = Object.values(figures).flatMap((f) => f.targets);
const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
})();
const machine = `node ${process.version}, ${cpuModel}, ${cpus().length} cores, ${process.platform}/${process.arch}`;
const command = `pnpm bench${onlyArg === -1 ? "" : ` -- --only ${only.join(",")}`}${quick ? " (BENCH_QUICK=1)" : ""}`;

console.log(`\nSummary (${machine}; ${totalS.toFixed(0)} s; per figure ${perFigure})`);
const width = Math.max(...targets.map((t) => t.name.length), 10);
for (const t of targets) console.log(`  ${t.pass ? "PASS" : "MISS"}  ${t.name.padEnd(width)}  ${t.shown}`);
for (const [n, message] of Object.entries(failures)) console.log(`  FAIL  figure ${n}: ${message}`);

// ---------------------------------------------------------------- RESULTS.md
const md = [];
const table = (header, rows) => {
  md.push(`| ${header.join(" | ")} |`, `| ${header.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const r of rows) md.push(`| ${r.join(" | ")} |`);
  md.push("");
};
const opsPerSec = (ms) => {
  const v = 1000 / ms;
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k` : v.toFixed(v >= 100 ? 0 : 1);
};
const statsTable = (results, baseline, relative = ratio) =>
  table(
    ["contender", "median per op (± IQR)", "ops/s", ...(baseline ? ["× baseline (bold)"] : []), "rounds × n"],
    Object.entries(results).map(([name, s]) => [
      baseline === name ? `**${name}**` : name,
      formatStat(s),
      opsPerSec(s.median),
      ...(baseline ? [`${relative(results, name, baseline).value.toFixed(2)}x`] : []),
      `${s.rounds.length} × ${s.n}`,
    ]),
  );

md.push("# wrikekit benchmarks (issue #6)", "");
md.push(`- Measured at commit ${measuredCommit()}`);
md.push(`- Machine: ${machine}`);
md.push(`- Date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`);
md.push(`- Command: \`${command}\` (from the repository root; builds the packages it measures first)`);
md.push(`- Run time: ${totalS.toFixed(0)} s (per figure ${perFigure})`);
md.push("");
md.push(
  "Method: the contenders of a figure run side by side in one node process (each figure in its own), interleaved round by round " +
    "with the order rotated every round, after calibration and warm-up rounds; a full GC (untimed) precedes every round. " +
    "Times are medians over rounds with the inter-quartile range as spread. A ratio is the median of the per-round ratios " +
    "(rounds of two contenders that ran next to each other), so bursts of machine noise cancel. The machine is shared and noisy: " +
    "ratios near a threshold can land either side of it from run to run.",
  "",
);

md.push("## Targets", "");
table(
  ["target", "measured", "threshold", "result"],
  targets.map((t) => [t.name, t.shown, `${t.op === ">=" ? "≥" : "≤"} ${t.limit}${t.name.includes("bundle") ? " B" : t.name.includes("under 3 s") ? " ms" : "x"}`, t.pass ? "PASS" : "**MISS**"]),
);
for (const [n, message] of Object.entries(failures)) md.push(`- **FAIL: figure ${n} did not run** (${message}): its targets are missing from this table.`);

for (const n of only) {
  const f = figures[n];
  if (!f) continue;
  md.push(`## ${n}. ${f.title}`, "");
  if (n >= 1 && n <= 4) {
    statsTable(f.results, f.baseline, f.separateProcesses ? ratioOfSeparate : ratio);
    md.push(
      "Ratios: " +
        Object.entries(f.ratios)
          .map(([k, r]) => `${k} = **${r.value.toFixed(2)}x** (IQR ${r.p25.toFixed(2)}–${r.p75.toFixed(2)}; ratio of medians ${r.ofMedians.toFixed(2)}x)`)
          .join("; ") +
        ".",
      "",
    );
    if (f.isolated) {
      md.push("### One process per contender (as an app with one client), sequential calls, medians of alternating runs", "");
      table(
        ["contender", "CPU per call", "wall per call", "CPU × the raw call of its kind"],
        Object.entries(f.isolated).map(([mode, r]) => {
          const base = mode.startsWith("bearer-") ? f.isolated["bearer-raw"] : mode.startsWith("v4-") ? f.isolated["v4-raw"] : mode.endsWith("-inproc") ? f.isolated["hand-inproc"] : f.isolated.hand;
          return [r.label, `${r.cpuUs.toFixed(1)} µs`, `${r.wallUs.toFixed(0)} µs`, `${(r.cpuUs / base.cpuUs).toFixed(2)}x`];
        }),
      );
    }
    for (const extra of [f.extra, ...(f.extras ?? [])].filter(Boolean)) {
      md.push(`### ${extra.title}`, "");
      if (extra.results) statsTable(extra.results, extra.baseline);
      for (const [name, message] of Object.entries(extra.failures ?? {})) md.push(`- ${name}: **fails** on this document: \`${message}\``);
      md.push("");
    }
  } else if (n === 5) {
    table(
      ["bundle", "minified", "min+gzip"],
      Object.entries(f.bundles).map(([name, b]) => [name, `${b.minified.toLocaleString("en")} B`, `**${b.gzip.toLocaleString("en")} B** (${(b.gzip / 1024).toFixed(2)} KiB)`]),
    );
    const one = Object.values(f.bundles)[0];
    md.push("What the one-method bundle is made of (esbuild metafile, minified bytes per input):", "");
    table(["input", "bytes", "share"], one.inputs.slice(0, 16).map((i) => [i.path, String(i.bytes), `${((100 * i.bytes) / one.minified).toFixed(0)}%`]));
  } else if (n === 6) {
    table(
      ["spec", "methods", "generateAll, first run in a fresh process", "ms per method", "generated code"],
      f.rows.map((r) => [
        r.label,
        r.methods.toLocaleString("en"),
        r.ms !== undefined ? formatTime(r.ms) : `not run or stopped (budget ${r.stoppedAtMs / 1000} s); extrapolated ${formatTime(r.predictedMs)}`,
        r.ms !== undefined ? (r.ms / r.methods).toFixed(1) : `~${(r.predictedMs / r.methods).toFixed(0)} (extrapolated)`,
        r.bytes !== undefined ? `${(r.bytes / 1e6).toFixed(1)} MB` : "",
      ]),
    );
    md.push(
      `Real specs (every API): import of the code generator + first run **${formatTime(f.realSpec.withImport.median)}** (first run ${formatTime(f.realSpec.firstRun.median)}, in a fresh process).`,
      "",
    );
  } else if (n === 9) {
    table(
      ["tool list", "tools", "tools/list JSON", "≈ tokens (bytes/4)"],
      f.sizes.map((r) => [r.label, String(r.tools), `**${r.bytes.toLocaleString("en")} B**`, r.tokens.toLocaleString("en")]),
    );
    statsTable(f.results, f.baseline);
  } else if (n === 7) {
    table(
      ["load", "req/s (median of windows)", "per window", "clients", "answer size"],
      f.rows.map((r) => [r.label, `**${r.median.toFixed(0)}**`, r.windows.map((w) => w.toFixed(0)).join(", "), String(r.concurrency), `${(r.bytesPerResponse / 1024).toFixed(1)} KiB`]),
    );
  }
  for (const note of f.notes ?? []) md.push(`- ${note}`);
  md.push("");
}

const misses = targets.filter((t) => !t.pass);
md.push("## Misses: measured reasons and the changes that would reach the targets", "");
if (misses.length === 0) md.push("Every target was met in this run.", "");
for (const text of diagnoses(figures, misses)) md.push(text, "");
const other = findings(figures);
if (other.length > 0) md.push("## Other findings (no target)", "", ...other, "");

const file = join(benchDir, complete ? "RESULTS.md" : "RESULTS.partial.md");
writeFileSync(file, md.join("\n"));
console.log(`\nwrote ${file}`);
if (Object.keys(failures).length > 0) {
  console.error(`\npnpm bench FAILED: figure ${Object.keys(failures).join(", ")} did not run (see its output above)${everyFigure ? "; RESULTS.md was left as it was" : ""}.`);
  process.exitCode = 1;
}

/**
 * The commit whose code the figures describe, and whether the measured code (packages, tools, spec, bench)
 * differed from it in the working tree: a figure is only current while that commit's code is.
 */
function measuredCommit() {
  const measuredPaths = ["packages", "tools", "spec", "bench/src"];
  const git = (...args) => execFileSync("git", args, { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" }).trim();
  try {
    const head = git("rev-parse", "HEAD");
    const dirty = git("status", "--porcelain", "--", ...measuredPaths) !== "";
    return dirty ? `${head} (dirty: uncommitted changes to ${measuredPaths.join(", ")})` : head;
  } catch {
    return "unknown (not a git checkout)";
  }
}
