/**
 * Figure 3, decoding: XML → typed objects (parseXml + the generated decoder in XML mode) against the path
 * it replaced (fast-xml-parser 5.3.9 with the previous options and checks, same decoder), against parseXml
 * alone, and JSON → typed against JSON.parse. Then the XML parsers one could pick instead, on the raw parse
 * of the same document, each named with how many of a set of malformed documents it refuses (issue 15:
 * a body that is not well-formed must fail), and MB/s for each.
 */
import { isDeepStrictEqual } from "node:util";
import { XMLParser as XMLParser53, XMLValidator } from "fast-xml-parser";
import { XMLParser as XMLParser512 } from "fxp-5-12";
import { parse as txmlParse } from "txml";
import { SaxesParser } from "saxes";
import { parseXml as rgroveParseXml } from "@rgrove/parse-xml";
import { parseXml } from "@wrikekit/core/xml";
import { decode } from "@wrikekit/core/runtime";
import { decodeTaskFilterResult, renderTaskFilterXml } from "@wrikekit/client/server";
import { compare, loop, printTable, ratio } from "./harness.mjs";
import { report, rounds, target } from "./common.mjs";
import { taskFilterDocument } from "./fixtures.mjs";

const TASKS = 1000;
const document = taskFilterDocument(TASKS);
const jsonText = JSON.stringify(document);
const xmlText = renderTaskFilterXml(JSON.parse(jsonText));
const megabytes = (text) => Buffer.byteLength(text) / 1e6;

/** The previous parseXml (before issue 15): fast-xml-parser 5.3.9, trimming values, with its two checks. */
const PREVIOUS_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  tagValueProcessor: (_name, value) => (value.indexOf("&") === -1 ? null : decodeEntities(value)),
  attributeValueProcessor: (_name, value) => (value.indexOf("&") === -1 ? null : decodeEntities(value)),
};
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name) =>
    name[0] !== "#" ? ENTITIES[name] : String.fromCodePoint(name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
  );
}
const previousParser = new XMLParser53(PREVIOUS_OPTIONS);
function previousParseXml(text) {
  const tree = previousParser.parse(text);
  const roots = Object.keys(tree);
  if (roots.length !== 1) throw new Error("one root");
  if (!text.trimEnd().endsWith(`</${roots[0]}>`) && !text.trimEnd().endsWith("/>")) throw new Error("root not closed");
  return tree;
}

const typed = (tree, xml) => {
  const ctx = decode.newContext(xml);
  const r = decodeTaskFilterResult(tree, ctx);
  if (ctx.issues.length > 0) throw new Error(`${ctx.issues.length} issues, first ${JSON.stringify(ctx.issues[0])}`);
  return r;
};
const xmlTyped = () => typed(parseXml(xmlText), true);
const previousXmlTyped = () => typed(previousParseXml(xmlText), true);
const jsonTyped = () => typed(JSON.parse(jsonText), false);

// Sanity: XML and JSON decode to the same objects (but for the field the spec does not know, which the
// XML renderer does not write), and so does the previous path on this document.
{
  const fromJson = jsonTyped();
  for (const t of fromJson.list) delete t.hasDescendants;
  if (!isDeepStrictEqual(xmlTyped(), fromJson)) throw new Error("XML and JSON decode differently");
  if (!isDeepStrictEqual(previousXmlTyped(), fromJson)) throw new Error("the previous XML path decodes differently");
}

/** Documents that are not well-formed XML; a parser fit for issue 15 refuses every one. */
const MALFORMED = [
  "<task><title>x</titl></task>",
  "<task><title>x</task></title>",
  "<task><title>x</title>",
  "<task/><task/>",
  "<task/>junk",
  "<t>&nbsp;</t>",
  "<t>a & b</t>",
  "<t>&#0;</t>",
  '<c uid="a<b"/>',
  '<c uid="a" uid="b"/>',
  "<c uid=abc/>",
  "<1task/>",
  '<!DOCTYPE t [<!ENTITY a "aaaa">]><t>&a;</t>',
  "<t>\u0001</t>",
];

function saxesParse(text) {
  const parser = new SaxesParser();
  let elements = 0;
  parser.on("opentag", () => elements++);
  parser.write(text).close();
  return elements;
}
const fxp512 = new XMLParser512(PREVIOUS_OPTIONS);
const parsers = {
  "wrikekit parseXml (strict, hand-written)": (text) => parseXml(text),
  "fast-xml-parser 5.3.9, previous options (the path before)": (text) => previousParseXml(text),
  "fast-xml-parser 5.3.9 XMLValidator.validate, then parse": (text) => {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(valid.err.msg);
    return previousParser.parse(text);
  },
  "fast-xml-parser 5.12.1, previous options": (text) => fxp512.parse(text),
  "txml 6.0.3 parse": (text) => txmlParse(text),
  "saxes 6.0.0 (events only, no tree built)": (text) => saxesParse(text),
  "@rgrove/parse-xml 5.0.0": (text) => rgroveParseXml(text),
};
function refused(parse) {
  let n = 0;
  for (const text of MALFORMED) {
    try {
      parse(text);
    } catch {
      n++;
    }
  }
  return n;
}

console.log(`Figure 3: decoding a wrike.task.filter document of ${TASKS} tasks (XML ${(xmlText.length / 1024).toFixed(0)} KiB, JSON ${(jsonText.length / 1024).toFixed(0)} KiB)`);
const NAMES = {
  xml: "XML → typed (parseXml + generated decoder)",
  previous: "before: XML → typed through fast-xml-parser 5.3.9 (previous parseXml)",
  parseOnly: "parseXml alone",
  json: "JSON → typed (JSON.parse + generated decoder)",
  jsonParse: "JSON.parse",
};
const main = await compare(
  "decoding",
  [
    { name: NAMES.xml, run: loop(xmlTyped) },
    { name: NAMES.previous, run: loop(previousXmlTyped) },
    { name: NAMES.parseOnly, run: loop(() => parseXml(xmlText)) },
    { name: NAMES.json, run: loop(jsonTyped) },
    { name: NAMES.jsonParse, run: loop(() => JSON.parse(jsonText)) },
  ],
  { rounds: rounds(20), roundMs: 60 },
);
printTable(main);
const xmlMBs = megabytes(xmlText) / (main[NAMES.xml].median / 1000);
const previousMBs = megabytes(xmlText) / (main[NAMES.previous].median / 1000);
const decoderShare = ratio(main, NAMES.xml, NAMES.parseOnly);
const speedup = ratio(main, NAMES.previous, NAMES.xml);
const xmlVsJson = ratio(main, NAMES.xml, NAMES.json);
console.log(`  XML → typed: ${xmlMBs.toFixed(1)} MB/s (before: ${previousMBs.toFixed(1)} MB/s, ${speedup.value.toFixed(2)}x faster); XML / JSON path = ${xmlVsJson.value.toFixed(1)}x`);

const contenders = [];
const failures = {};
for (const [label, parse] of Object.entries(parsers)) {
  const name = `${label}: refuses ${refused(parse)} of ${MALFORMED.length} malformed`;
  try {
    parse(xmlText);
  } catch (e) {
    failures[name] = e.message;
    continue;
  }
  contenders.push({ name, run: loop(() => parse(xmlText)) });
}
const matrix = await compare("XML parsers, raw parse of the same document", contenders, { rounds: rounds(10), roundMs: 50 });
const baseline = contenders[0].name;
printTable(matrix, baseline);
const mbPerSecond = Object.fromEntries(Object.entries(matrix).map(([name, s]) => [name.split(":")[0], +(megabytes(xmlText) / (s.median / 1000)).toFixed(1)]));
console.log("  MB/s:", mbPerSecond);

report({
  figure: 3,
  title: `Decoding a wrike.task.filter document of ${TASKS} tasks (XML ${(xmlText.length / 1024).toFixed(0)} KiB, JSON ${(jsonText.length / 1024).toFixed(0)} KiB)`,
  results: main,
  ratios: { "XML typed / parseXml alone": decoderShare, "before / now (XML typed)": speedup, "XML typed / JSON typed": xmlVsJson },
  extra: { title: "XML parsers on the raw parse of the same XML, with how many of the malformed documents each refuses", results: matrix, baseline, failures },
  targets: [
    target("3. decoding: XML decode ≤1.25x the raw parse", decoderShare.value, "<=", 1.25, `${decoderShare.value.toFixed(2)}x parseXml alone`),
    target("3. decoding: XML → typed ≥3x faster than before (issue 15)", speedup.value, ">=", 3, `${speedup.value.toFixed(2)}x: ${xmlMBs.toFixed(1)} MB/s, before ${previousMBs.toFixed(1)} MB/s`),
  ],
  notes: [
    `XML → typed reads ${xmlMBs.toFixed(1)} MB/s; the previous path (fast-xml-parser 5.3.9) ${previousMBs.toFixed(1)} MB/s; the XML path is ${xmlVsJson.value.toFixed(1)}x the JSON path (JSON.parse is native code).`,
    `Raw parse MB/s: ${Object.entries(mbPerSecond).map(([k, v]) => `${k} ${v}`).join("; ")}.`,
    `The malformed set (${MALFORMED.length} documents): mismatched and unclosed tags, two roots, junk after the root, undeclared and bare entities, a NUL reference, '<' in and duplicate attributes, an unquoted attribute, a bad name, a DOCTYPE with an entity, a control character.`,
    "XML → typed includes parseXml's well-formedness checks and the decoder's normalisation (strings to numbers and booleans, list wrappers to arrays).",
  ],
});
