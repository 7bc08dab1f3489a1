/**
 * A quick first reading of a spec file: js-yaml with a schema that resolves plain scalars exactly as the
 * `yaml` package's YAML 1.2 core schema does (the same patterns for null, bool, int, float), several times
 * faster than building a `yaml` Document. load.ts uses it when the file is well-formed and matches the
 * schema; anything it rejects is read again with `yaml`, whose Document gives the messages and lines.
 * test/spec-yaml.test.ts checks that both readings of every spec file are equal.
 */
import { FAILSAFE_SCHEMA, Type, load } from "js-yaml";

const nullPattern = /^(?:~|[Nn]ull|NULL)?$/;
const boolPattern = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const intPatterns = { oct: /^0o[0-7]+$/, dec: /^[-+]?[0-9]+$/, hex: /^0x[0-9a-fA-F]+$/ };
const floatPatterns = { special: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, exp: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, plain: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/ };

const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", { kind: "scalar", resolve: (s: string | null) => s === null || nullPattern.test(s), construct: () => null }),
    new Type("tag:yaml.org,2002:bool", { kind: "scalar", resolve: (s: string | null) => s !== null && boolPattern.test(s), construct: (s: string) => s[0] === "t" || s[0] === "T" }),
    new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (s: string | null) => s !== null && (intPatterns.oct.test(s) || intPatterns.dec.test(s) || intPatterns.hex.test(s)),
      construct: (s: string) => (intPatterns.oct.test(s) ? parseInt(s.slice(2), 8) : intPatterns.hex.test(s) ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (s: string | null) => s !== null && (floatPatterns.special.test(s) || floatPatterns.exp.test(s) || floatPatterns.plain.test(s)),
      construct: (s: string) => (floatPatterns.special.test(s) ? (s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity) : parseFloat(s)),
    }),
  ],
});

/** The file's value, or undefined when js-yaml does not read it (load.ts then asks `yaml` why). */
export function readYamlQuickly(source: string): { value: unknown } | undefined {
  try {
    return { value: load(source, { schema: coreSchema }) };
  } catch {
    return undefined;
  }
}
