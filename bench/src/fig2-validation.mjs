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
 */
import { isDeepStrictEqual } from "node:util";
import { decode } from "@wrikekit/core/runtime";
import { decodeTaskFilterResult } from "@wrikekit/client/server";
import { compare, loop, printTable, ratio } from "./harness.mjs";
import { report, rounds, target } from "./common.mjs";
import { taskFilterDocument } from "./fixtures.mjs";
import { ajvValidateTaskFilterResult, handCheckTaskFilterResult, zodTaskFilterResult } from "./schemas.mjs";

const TASKS = 1000;
const text = JSON.stringify(taskFilterDocument(TASKS));
const fresh = () => JSON.parse(text);
// The same document with every id already a number: what is left when there is nothing to normalise.
const numericDocument = taskFilterDocument(TASKS);
for (const t of numericDocument.filteredList.list) for (const k of ["parents", "predecessor", "successor"]) t[k] = t[k].map(Number);
const numericText = JSON.stringify(numericDocument);

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

// Sanity: all accept the document; ours, zod and the hand-written check produce the same normalised value.
{
  const a = ours(fresh());
  const z = zod(fresh());
  const h = hand(fresh()).filteredList;
  ajv(fresh());
  if (!isDeepStrictEqual(a, z.filteredList) || !isDeepStrictEqual(a, h)) throw new Error("contenders disagree on the decoded value");
  // And all reject a broken task.
  const bad = fresh();
  bad.filteredList.list[500].parents = ["x1"];
  const ctx = decode.newContext(false);
  decodeTaskFilterResult(bad, ctx);
  if (ctx.issues.length !== 1 || zodTaskFilterResult.safeParse(JSON.parse(JSON.stringify(bad))).success || ajvValidateTaskFilterResult(bad) || handCheckTaskFilterResult(bad))
    throw new Error("a contender accepted an invalid document");
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

const contenders = [
  { name: "generated decoder (decodeTaskFilterResult)", prepare, run: withDocs(ours) },
  { name: "zod 4 (parse)", prepare, run: withDocs(zod) },
  { name: "ajv 8 compiled (validate)", prepare, run: withDocs(ajv) },
  { name: "hand-written check", prepare, run: withDocs(hand) },
  { name: "(for scale) JSON.parse of the document", run: loop(fresh) },
  { name: "(ids already numbers) generated decoder", prepare: prepareNumeric, run: withDocs(ours) },
  { name: "(ids already numbers) ajv 8 compiled", prepare: prepareNumeric, run: withDocs(ajv) },
];

console.log(`Figure 2: validating a wrike.task.filter document of ${TASKS} tasks (${(text.length / 1024).toFixed(0)} KiB JSON)`);
const results = await compare("validation", contenders, { rounds: rounds(60), roundMs: 8, minN: 2, maxN: 12 });
printTable(results, "generated decoder (decodeTaskFilterResult)");
const vsAjv = ratio(results, "generated decoder (decodeTaskFilterResult)", "ajv 8 compiled (validate)");
const vsZod = ratio(results, "zod 4 (parse)", "generated decoder (decodeTaskFilterResult)");
const numericVsAjv = ratio(results, "(ids already numbers) generated decoder", "(ids already numbers) ajv 8 compiled");
const vsHand = ratio(results, "generated decoder (decodeTaskFilterResult)", "hand-written check");
console.log(`  ours / ajv = ${vsAjv.value.toFixed(2)}x   zod / ours = ${vsZod.value.toFixed(2)}x   ours / hand-written = ${vsHand.value.toFixed(2)}x`);

report({
  figure: 2,
  title: `Validation of a wrike.task.filter document (${TASKS} full tasks, ${(text.length / 1024).toFixed(0)} KiB)`,
  results,
  baseline: "generated decoder (decodeTaskFilterResult)",
  ratios: { "ours / ajv": vsAjv, "zod / ours": vsZod, "ours / hand-written": vsHand, "ours / ajv, ids already numbers": numericVsAjv },
  targets: [
    target("2. validation: at least as fast as ajv compiled", vsAjv.value, "<=", 1.0, `${vsAjv.value.toFixed(2)}x ajv's time`),
    target("2. validation: at least 5x faster than zod", vsZod.value, ">=", 5, `${vsZod.value.toFixed(2)}x faster`),
  ],
  notes: [
    "Every contender gets a fresh JSON.parse'd copy per operation, parsed before the timer starts (so parse cost is excluded for all alike, not subtracted).",
    "ours, zod and the hand-written check normalise numeric-string ids to numbers (checked deep-equal); ajv only validates. The document carries ids as the reference sends them (task ids numbers, parent/predecessor/successor ids numeric strings); the '(ids already numbers)' rows use the same document with every id a number.",
  ],
});
