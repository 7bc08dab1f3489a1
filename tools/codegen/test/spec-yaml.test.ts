import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { readYamlQuickly } from "../src/spec/fast-yaml.js";

const repoRoot = join(import.meta.dirname, "../../..");
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : []));

/** What load.ts read every file with before: a `yaml` Document. */
const readWithYaml = (source: string) => parseDocument(source, { uniqueKeys: true }).toJS();

describe("the quick YAML reading agrees with the yaml package", () => {
  const files = [...yamlFiles(join(repoRoot, "spec")), ...yamlFiles(join(import.meta.dirname, "fixtures"))];

  it("on every spec file", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(readYamlQuickly(source)?.value, file).toEqual(readWithYaml(source));
    }
    // The yaml package reads the v4 spec in seconds alone, but several times that on a loaded CI machine.
  }, 180_000);

  it("on each kind of plain scalar of the YAML 1.2 core schema, and on what is a string there", () => {
    const scalars = ["~", "null", "Null", "NULL", "", "true", "True", "FALSE", "yes", "on", "0o17", "017", "0x1F", "0b101", "1_000", "+12", "-0", "12345678901234567890",
      ".5", "1.", "-2.50", "1e3", "2.5E-4", ".inf", "-.Inf", ".NaN", "2026-12-01", "12:30", "0.1.2", "1,000", "'7'", "\"8\"", "!!str 9"];
    const source = scalars.map((s, i) => `k${i}: ${s}`).join("\n");
    const quick = readYamlQuickly(source)?.value;
    expect(quick).toEqual(readWithYaml(source));
    expect(quick).toMatchObject({ k8: "yes", k9: "on", k10: 15, k11: 17, k12: 31, k13: "0b101", k14: "1_000", k26: "2026-12-01" });
  });

  it("leaves what it cannot read to the yaml package (which says where it is broken)", () => {
    expect(readYamlQuickly("a: 1\na: 2")).toBeUndefined();
    expect(readYamlQuickly("a: [1, 2")).toBeUndefined();
    expect(readYamlQuickly("a: 1\n---\nb: 2")).toBeUndefined();
  });
});
