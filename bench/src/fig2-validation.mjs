/**
 * Figure 2, validation: the generated decoder (decodeTaskFilterResult) on a wrike.task.filter document of
 * 1,000 full tasks, against zod 4 and ajv 8 (compiled) schemas of the same shape and a hand-written check.
 *
 * Method: the generated decoder and the hand-written check normalise in place (numeric-string ids become
 * numbers), so a document can be used once. For EVERY contender, each timed operation gets its own
 * freshly JSON.parse'd copy, parsed before the round's timer starts (prepare, untimed). Parse cost is
 * thus excluded for all alike rather than subtracted; JSON.parse of the same text is reported alongside
 * for scale. A full GC runs before each round (untimed), so the copies do not bill their garbage to
 * whoever runs next.
 *
 * Each contender is timed alone, in a process of its own (this script run with --contender NAME): in
 * one process they change each other's speed (one invalid document slows ajv's compiled validator by
 * about 40% for the rest of the process; decoders that write into parsed documents change the shapes
 * the others see). The parent only checks, untimed, that all agree and all reject a broken document.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { decode } from "@wrikekit/core/runtime";
import { decodeTaskFilterResult } from "@wrikekit/client/server";
import { tasksListMethod } from "@wrikekit/client";
import { toolTable } from "@wrikekit/mcp";
import Ajv from "ajv";
import { compare, loop, printTable, ratioOfSeparate } from "./harness.mjs";
import { quick, report, rounds, target } from "./common.mjs";
import { taskFilterDocument, v4TasksDocument } from "./fixtures.mjs";
import { ajvValidateTaskFilterResult, handCheckTaskFilterResult, zodTaskFilterResult } from "./schemas.mjs";

const TASKS = 1000;
const text = JSON.stringify(taskFilterDocument(TASKS));
const fresh = () => JSON.parse(text);
// The same document with every id already a number: what is left when there is nothing to normalise.
const numericDocument = taskFilterDocument(TASKS);
for (const t of numericDocument.filteredList.list) for (const k of ["parents", "predecessor", "successor"]) t[k] = t[k].map(Number);
const numericText = JSON.stringify(numericDocument);

// v4: a GET /tasks answer of 1,000 full tasks, against ajv compiled from the JSON Schema of the same answer
// (tasks_list's output schema in @wrikekit/mcp, emitted from the same spec/v4 model).
const v4Text = JSON.stringify(v4TasksDocument(TASKS));
const freshV4 = () => JSON.parse(v4Text);
const v4Schema = toolTable.tools.find((t) => t.name === "tasks_list").outputSchema;
const ajvV4Validate = new Ajv({ strict: false }).compile(v4Schema);
function oursV4(doc) {
  const ctx = decode.newContext(false);
  const result = tasksListMethod.decodeResult(doc, ctx);
  if (ctx.issues.length > 0) throw new Error("v4: unexpected issues");
  return result;
}
function ajvV4(doc) {
  if (!ajvV4Validate(doc)) throw new Error("ajv v4: invalid");
  return doc;
}

function ours(doc) {
  const ctx = decode.newContext(false);
  const result = decodeTaskFilterResult(doc, ctx);
  if (ctx.issues.length > 0) throw new Error("unexpected issues");
  return result;
}
function zod(doc) {
  return zodTaskFilterResult.parse(doc);
}
function ajv(doc) {
  if (!ajvValidateTaskFilterResult(doc)) throw new Error("ajv: invalid");
  return doc;
}
function hand(doc) {
  if (!handCheckTaskFilterResult(doc)) throw new Error("hand: invalid");
  return doc;
}

/** All accept the document, ours, zod and the hand-written check produce the same value, and all reject a broken task. */
function checkAgreementAndRejection() {
  const a = ours(fresh());
  const z = zod(fresh());
  const h = hand(fresh()).filteredList;
  ajv(fresh());
  if (!isDeepStrictEqual(a, z.filteredList) || !isDeepStrictEqual(a, h)) throw new Error("contenders disagree on the decoded value");
  const bad = fresh();
  bad.filteredList.list[500].parents = ["x1"];
  const ctx = decode.newContext(false);
  decodeTaskFilterResult(JSON.parse(JSON.stringify(bad)), ctx);
  if (ctx.issues.length !== 1 || zodTaskFilterResult.safeParse(JSON.parse(JSON.stringify(bad))).success || ajvValidateTaskFilterResult(bad) || handCheckTaskFilterResult(bad))
    throw new Error("a contender accepted an invalid document");
  oursV4(freshV4());
  ajvV4(freshV4());
  const badV4 = freshV4();
  badV4.data[500].dates.duration = "2400";
  const ctxV4 = decode.newContext(false);
  tasksListMethod.decodeResult(badV4, ctxV4);
  if (ctxV4.issues.length !== 1 || ctxV4.issues[0].path !== "data[500].dates.duration" || ajvV4Validate(badV4)) throw new Error("a v4 contender accepted an invalid document");
}

const prepare = (n) => Array.from({ length: n }, fresh);
const prepareNumeric = (n) => Array.from({ length: n }, () => JSON.parse(numericText));
const withDocs = (fn) => {
  const run = loop((i) => fn(docs[i]));
  let docs;
  return (n, prepared) => {
    docs = prepared;
    const r = run(n);
    docs = undefined;
    return r;
  };
};

const OURS = "generated decoder (decodeTaskFilterResult)";
const AJV = "ajv 8 compiled (validate)";
const V4_OURS = "v4: generated decoder (tasksListMethod.decodeResult)";
const V4_AJV = "v4: ajv 8 compiled (tasks_list's output schema)";

const contenders = [
  { name: "generated decoder (decodeTaskFilterResult)", prepare, run: withDocs(ours) },
  { name: "zod 4 (parse)", prepare, run: withDocs(zod) },
  { name: "ajv 8 compiled (validate)", prepare, run: withDocs(ajv) },
  { name: "hand-written check", prepare, run: withDocs(hand) },
  { name: "(for scale) JSON.parse of the document", run: loop(fresh) },
  { name: "(ids already numbers) generated decoder", prepare: prepareNumeric, run: withDocs(ours) },
  { name: "(ids already numbers) ajv 8 compiled", prepare: prepareNumeric, run: withDocs(ajv) },
  { name: V4_OURS, prepare: (n) => Array.from({ length: n }, freshV4), run: withDocs(oursV4) },
  { name: V4_AJV, prepare: (n) => Array.from({ length: n }, freshV4), run: withDocs(ajvV4) },
];

const contenderArg = process.argv.indexOf("--contender");
if (contenderArg !== -1) {
  // A child: time one contender, untouched by any other, and hand its result to the parent.
  const name = process.argv[contenderArg + 1];
  // Two fresh documents per round for every contender: a round's documents are parsed before it, so with
  // batches sized by time (2 to 12 at 4f66e95) the larger batch decoded documents long out of the CPU's
  // caches, and the time per document grew with the batch (measured: 345 µs at 3, 1,104 µs at 11), which
  // billed whoever calibrated to a larger batch. Two, as an app decodes a document right after parsing it.
  const result = await compare(name, contenders.filter((c) => c.name === name), { rounds: rounds(60), fixedN: 2, warmupRounds: 25, quiet: true });
  process.stdout.write(JSON.stringify(result[name]));
  process.exit(0);
}

/** Each contender alone in a fresh process (same flags as this one), sequentially. */
function timeAlone(name) {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--contender", name], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`figure 2: timing ${name} failed (${child.signal ?? `exit ${child.status}`})`);
  return JSON.parse(child.stdout);
}

/**
 * ours against ajv in PAIRS pairs of processes, the order alternating pair by pair: one process's median
 * moves by up to 3x from the next one's on this kind of machine (memory placement, JIT), so the ratio is
 * the median of the pairs' ratios, and the tables show each contender's median process.
 */
const PAIRS = quick ? 1 : 5;
function timePairs(a, b) {
  const pairs = [];
  for (let k = 0; k < PAIRS; k++) {
    const [first, second] = k % 2 === 0 ? [a, b] : [b, a];
    const pair = { [first]: timeAlone(first), [second]: timeAlone(second) };
    pairs.push({ ...pair, ratio: pair[a].median / pair[b].median });
  }
  const medianOf = (name) => [...pairs].sort((x, y) => x[name].median - y[name].median)[Math.floor(PAIRS / 2)][name];
  const ratios = pairs.map((p) => p.ratio).sort((x, y) => x - y);
  return { pairs: pairs.map((p) => p.ratio), [a]: medianOf(a), [b]: medianOf(b), ratio: { value: ratios[Math.floor(PAIRS / 2)], p25: ratios[Math.floor((PAIRS - 1) / 4)], p75: ratios[Math.ceil((3 * (PAIRS - 1)) / 4)], ofMedians: medianOf(a).median / medianOf(b).median } };
}

console.log(`Figure 2: validating a wrike.task.filter document of ${TASKS} tasks (${(text.length / 1024).toFixed(0)} KiB JSON), each contender alone in its own process`);
checkAgreementAndRejection();
const results = {};
const pairedRun = (a, b) => {
  process.stdout.write(`  ${a} and ${b}: ${PAIRS} pairs of processes...`);
  const run = timePairs(a, b);
  process.stdout.write(` done (per pair: ${run.pairs.map((r) => r.toFixed(2)).join(", ")})\n`);
  Object.assign(results, { [a]: run[a], [b]: run[b] });
  return run;
};
const paired = pairedRun(OURS, AJV);
const pairedV4 = pairedRun(V4_OURS, V4_AJV);
for (const c of contenders) {
  if (c.name in results) continue;
  process.stdout.write(`  ${c.name}: measuring...`);
  results[c.name] = timeAlone(c.name);
  process.stdout.write(" done\n");
}
printTable(results, OURS, { separate: true });
const vsAjv = paired.ratio;
const v4VsAjv = pairedV4.ratio;
const vsZod = ratioOfSeparate(results, "zod 4 (parse)", OURS);
const numericVsAjv = ratioOfSeparate(results, "(ids already numbers) generated decoder", "(ids already numbers) ajv 8 compiled");
const vsHand = ratioOfSeparate(results, OURS, "hand-written check");
console.log(`  ours / ajv = ${vsAjv.value.toFixed(2)}x   zod / ours = ${vsZod.value.toFixed(2)}x   ours / hand-written = ${vsHand.value.toFixed(2)}x   (ids already numbers) ours / ajv = ${numericVsAjv.value.toFixed(2)}x`);

report({
  figure: 2,
  title: `Validation of a wrike.task.filter document (${TASKS} full tasks, ${(text.length / 1024).toFixed(0)} KiB)`,
  results,
  baseline: OURS,
  separateProcesses: true,
  ratios: { "ours / ajv": vsAjv, "zod / ours": vsZod, "ours / hand-written": vsHand, "ours / ajv, ids already numbers": numericVsAjv, "v4 ours / ajv": v4VsAjv },
  targets: [
    target("2. validation: at least as fast as ajv compiled", vsAjv.value, "<=", 1.0, `${vsAjv.value.toFixed(2)}x ajv's time (median of ${PAIRS} process pairs: ${paired.pairs.map((r) => r.toFixed(2)).join(", ")})`),
    target("2. validation: at least 5x faster than zod", vsZod.value, ">=", 5, `${vsZod.value.toFixed(2)}x faster`),
    target("2. validation v4: at least as fast as ajv compiled (GET /tasks, 1,000 tasks)", v4VsAjv.value, "<=", 1.0, `${v4VsAjv.value.toFixed(2)}x ajv's time (median of ${PAIRS} process pairs: ${pairedV4.pairs.map((r) => r.toFixed(2)).join(", ")})`),
  ],
  notes: [
    `Each contender is timed alone in a fresh process; ratios are ratios of medians (the range is a's quartiles over b's), except ours / ajv: the median of ${PAIRS} pairs of processes (ours then ajv, ajv then ours, alternating), whose quartiles are the range. The check that all agree and all reject a broken document runs in the parent, never in a timing process: one invalid document fed to ajv slows its compiled validator for the rest of the process.`,
    "Every contender gets a fresh JSON.parse'd copy per operation, parsed before the timer starts (so parse cost is excluded for all alike, not subtracted), two per round for every contender: with batches sized by time, a larger batch decodes documents parsed long before, out of the CPU's caches, and its time per document grows with the batch.",
    `v4: a GET /tasks answer of ${TASKS} tasks with every field (${(v4Text.length / 1024).toFixed(0)} KiB; one id in seven in the 2025 long form, metadata with null values, one task in ten with a field the spec does not list), decoded by tasksListMethod.decodeResult against ajv compiled from the JSON Schema of the same answer (the output schema of the MCP tool tasks_list, emitted from the same spec model); paired like ours / ajv.`,
    "ours, zod and the hand-written check normalise numeric-string ids to numbers (checked deep-equal); ajv only validates. The document carries ids as the reference sends them (task ids numbers, parent/predecessor/successor ids numeric strings); the '(ids already numbers)' rows use the same document with every id a number.",
  ],
});
