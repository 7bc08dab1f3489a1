/**
 * A small benchmark harness: contenders of one figure run side by side in ONE process, interleaved
 * round by round (ABC, BCA, CAB, ...) so that machine noise hits all of them alike.
 *
 * - Each contender brings `run(n, state)`, which does n operations in its own loop (use `loop()` to get
 *   a loop with its own call-site feedback, so that contenders do not make each other's call sites
 *   polymorphic). `prepare(n)` (optional, untimed) builds per-round inputs, e.g. fresh parsed documents.
 * - Warm-up: calibration rounds find the batch size n giving about `roundMs` per round, then `warmupRounds`
 *   more rounds are run and thrown away.
 * - With --expose-gc, a full GC runs (untimed) before every timed round, so no contender pays for
 *   another's garbage. (For loopback calls see alternate(): the first fetch after a full GC takes several
 *   times a steady one, and spread over batches sized by time it billed the slower contender more.)
 * - Result per contender: median time per operation over `rounds` rounds, with min, max and the
 *   inter-quartile range. Ratios are taken between medians; the spread of a ratio is the IQR of the
 *   per-round ratios (rounds of two contenders that ran next to each other).
 */
import { performance } from "node:perf_hooks";

export const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

/** A fresh loop function (own feedback vector) calling fn(i) n times; returns the last result. */
export function loop(fn) {
  return new Function("fn", "return function run(n) { let r; for (let i = 0; i < n; i++) r = fn(i); return r; }")(fn);
}

/** Same for async operations run one after another. */
export function asyncLoop(fn) {
  return new Function("fn", "return async function run(n) { let r; for (let i = 0; i < n; i++) r = await fn(i); return r; }")(fn);
}

export let sink;

function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

/** Wall time of one round in ms; also records the process's CPU time (user + system) in lastCpuMs. */
let lastCpuMs = 0;
async function timeOnce(c, n) {
  const state = c.prepare ? await c.prepare(n) : undefined;
  gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  sink = await c.run(n, state);
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  lastCpuMs = (cpu.user + cpu.system) / 1000;
  if (c.cleanup) await c.cleanup(state);
  return t1 - t0;
}

/**
 * Runs contenders side by side. options: rounds (timed rounds per contender), roundMs (target time of
 * one round), warmupRounds, minN/maxN (batch size bounds), fixedN (skip calibration).
 * Returns { [name]: { msPerOp, nsPerOp stats..., n, rounds: [msPerOp...] } }.
 */
export async function compare(title, contenders, options = {}) {
  const rounds = options.rounds ?? 15;
  const roundMs = options.roundMs ?? 40;
  const warmupRounds = options.warmupRounds ?? 2;
  const minN = options.minN ?? 1;
  const maxN = options.maxN ?? 1e7;
  const quiet = options.quiet ?? false;
  if (!quiet) process.stdout.write(`  ${title}: calibrating`);
  const ns = new Map();
  for (const c of contenders) {
    let n = c.n ?? options.fixedN;
    if (n === undefined) {
      // Grow n until one round takes at least a quarter of roundMs (this also warms up), then size n
      // from the median of three rounds at that size.
      n = minN;
      for (let i = 0; i < 30; i++) {
        const ms = await timeOnce(c, n);
        if (ms >= roundMs / 4 || n >= maxN) break;
        n = Math.min(maxN, n * 4);
      }
      const probe = [await timeOnce(c, n), await timeOnce(c, n), await timeOnce(c, n)].sort((a, b) => a - b)[1];
      n = Math.max(minN, Math.min(maxN, Math.round((n * roundMs) / Math.max(probe, 0.001))));
    }
    ns.set(c.name, n);
    for (let i = 0; i < warmupRounds; i++) await timeOnce(c, n);
  }
  const perRound = new Map(contenders.map((c) => [c.name, []]));
  const cpuPerRound = new Map(contenders.map((c) => [c.name, []]));
  if (!quiet) process.stdout.write(", measuring");
  for (let r = 0; r < rounds; r++) {
    // Rotate the order every round so no contender always runs first (or right after another).
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(r + k) % contenders.length];
      const n = ns.get(c.name);
      const ms = await timeOnce(c, n);
      perRound.get(c.name).push(ms / n);
      cpuPerRound.get(c.name).push(lastCpuMs / n);
    }
    if (!quiet && r % 5 === 4) process.stdout.write(".");
  }
  if (!quiet) process.stdout.write(" done\n");
  const out = {};
  for (const c of contenders) {
    const samples = perRound.get(c.name);
    out[c.name] = { ...stats(samples), n: ns.get(c.name), rounds: samples, cpu: { median: stats(cpuPerRound.get(c.name)).median, rounds: cpuPerRound.get(c.name) } };
  }
  return out;
}

/** Fisher-Yates over 0..m-1 with a fixed-seed generator (xorshift32): the same orders in every run. */
let orderSeed = 0x9e3779b9;
function shuffledOrder(m) {
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    orderSeed ^= orderSeed << 13;
    orderSeed ^= orderSeed >>> 17;
    orderSeed ^= orderSeed << 5;
    const j = (orderSeed >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * For operations of a millisecond or more (loopback calls): the contenders take turns call by call within
 * each round, in a shuffled order for every turn, each call timed on its own, so a burst of machine noise
 * hits the calls on both sides of it rather than one contender's whole round. The order is shuffled, not
 * rotated: work a call leaves behind (timers, finalisers) runs during the next call, and with a rotation
 * the same contender follows the same one almost every time (with four, the second follows the fourth
 * three times in four), which billed one contender another's leftovers. A full GC (untimed) and one untimed call of
 * each precede every round. A contender's optional `before()` runs untimed before each of its calls (e.g. to
 * install its own MSW handlers when contenders share one server). options: rounds, n (calls per contender
 * per round), warmupRounds, warmupCalls (untimed calls of each contender, in turn, before the first round).
 * Returns the shape of compare(): per contender the median of its per-round ms per call, wall and CPU,
 * plus firstAfterGc, the median time of that untimed first call.
 */
export async function alternate(title, contenders, options = {}) {
  const rounds = options.rounds ?? 30;
  const n = options.n ?? 20;
  const warmupRounds = options.warmupRounds ?? 3;
  const quiet = options.quiet ?? false;
  if (!quiet) process.stdout.write(`  ${title}: warming up`);
  const perRound = new Map(contenders.map((c) => [c.name, []]));
  const cpuPerRound = new Map(contenders.map((c) => [c.name, []]));
  const afterGc = new Map(contenders.map((c) => [c.name, []]));
  // Steady state first: a loopback call's own code and fetch's take thousands of calls to be optimised, and
  // timing before that measures the JIT's warm-up (several times a steady call) more than the contenders.
  for (let i = 0; i < (options.warmupCalls ?? 0); i++)
    for (const c of contenders) {
      await c.before?.();
      sink = await c.run(1);
    }
  for (let r = 0; r < warmupRounds + rounds; r++) {
    if (r === warmupRounds && !quiet) process.stdout.write(", measuring");
    gc();
    for (const c of contenders) {
      await c.before?.();
      const t0 = performance.now();
      await c.run(1);
      if (r >= warmupRounds) afterGc.get(c.name).push(performance.now() - t0);
    }
    const wall = contenders.map(() => 0);
    const cpu = contenders.map(() => 0);
    for (let i = 0; i < n; i++)
      for (const j of shuffledOrder(contenders.length)) {
        await contenders[j].before?.();
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        sink = await contenders[j].run(1);
        wall[j] += performance.now() - t0;
        const used = process.cpuUsage(cpu0);
        cpu[j] += (used.user + used.system) / 1000;
      }
    if (r < warmupRounds) continue;
    contenders.forEach((c, j) => {
      perRound.get(c.name).push(wall[j] / n);
      cpuPerRound.get(c.name).push(cpu[j] / n);
    });
    if (!quiet && (r - warmupRounds) % 5 === 4) process.stdout.write(".");
  }
  if (!quiet) process.stdout.write(" done\n");
  const out = {};
  for (const c of contenders) {
    const samples = perRound.get(c.name);
    out[c.name] = {
      ...stats(samples),
      n,
      rounds: samples,
      cpu: { median: stats(cpuPerRound.get(c.name)).median, rounds: cpuPerRound.get(c.name) },
      // The untimed call right after each round's full GC, for the record.
      firstAfterGc: stats(afterGc.get(c.name)).median,
    };
  }
  return out;
}

/**
 * Ratio a/b: the median of the per-round ratios (round r of a and round r of b ran next to each other,
 * so bursts of machine noise cancel), with their IQR as spread, and the plain ratio of medians.
 */
export function ratio(results, a, b, { cpu = false } = {}) {
  const ra = cpu ? results[a].cpu.rounds : results[a].rounds;
  const rb = cpu ? results[b].cpu.rounds : results[b].rounds;
  const paired = ra.map((x, i) => x / rb[i]);
  const s = stats(paired);
  const ofMedians = cpu ? results[a].cpu.median / results[b].cpu.median : results[a].median / results[b].median;
  return { value: s.median, p25: s.p25, p75: s.p75, ofMedians };
}

export function formatTime(ms) {
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(0)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
  const us = ms * 1000;
  if (us >= 1) return `${us.toFixed(us >= 100 ? 0 : us >= 10 ? 1 : 2)} µs`;
  return `${(us * 1000).toFixed(0)} ns`;
}

/** "1.23 µs (IQR ±3%)" */
export function formatStat(s) {
  const spread = s.median > 0 ? Math.max(s.median - s.p25, s.p75 - s.median) / s.median : 0;
  return `${formatTime(s.median)} ±${(spread * 100).toFixed(spread < 0.1 ? 1 : 0)}%`;
}

/**
 * a/b for contenders timed in processes of their own (no round of a ran next to a round of b): the
 * ratio of medians, with a's quartiles over b's as its range.
 */
export function ratioOfSeparate(results, a, b) {
  const [x, y] = [results[a], results[b]];
  return { value: x.median / y.median, p25: x.p25 / y.p75, p75: x.p75 / y.p25, ofMedians: x.median / y.median };
}

/** The table of a comparison; `separate` when each contender ran in its own process. */
export function printTable(results, baselineName, { separate = false } = {}) {
  const relative = separate ? ratioOfSeparate : ratio;
  const rows = Object.entries(results).map(([name, s]) => {
    const rel = baselineName ? ` ${relative(results, name, baselineName).value.toFixed(2)}x` : "";
    return `    ${name.padEnd(64)} ${formatStat(s).padStart(16)} ${rel}`;
  });
  console.log(rows.join("\n"));
}
