/**
 * Writes a synthetic spec of exactly N methods to a temporary directory (`<dir>/spec/v2`): spec/v2/api.yaml
 * copied as is, and spec/v2/methods/*.yaml made of copies of the real groups. Copy k of group `task` is group
 * `task<k>` with method ids `wrike.task<k>.<key>`; inline response models are renamed `<Name><k>`, and
 * invalidations point at the same copy's methods. The last copy is cut to reach N exactly.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";

export function realGroups(specDir) {
  return readdirSync(join(specDir, "methods"))
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((n) => parse(readFileSync(join(specDir, "methods", n), "utf8")));
}

export function countMethods(groups) {
  return groups.reduce((n, g) => n + Object.keys(g.methods).length, 0);
}

function copyGroup(group, k, keep) {
  const suffix = String(k);
  const rename = (id) => id.replace(/^wrike\.([a-z]+)\./, (_, g) => `wrike.${g}${suffix}.`);
  const methods = {};
  for (const [key, m] of Object.entries(group.methods)) {
    if (!keep(`wrike.${group.group}${suffix}.${key}`)) continue;
    const copy = structuredClone(m);
    copy.id = rename(m.id);
    copy.http = { ...m.http, path: copy.id };
    if (copy.invalidates) copy.invalidates = copy.invalidates.map(rename);
    if (copy.response?.variants)
      for (const v of copy.response.variants) if (typeof v.body === "object") v.body = { ...v.body, name: `${v.body.name}${suffix}` };
    methods[key] = copy;
  }
  return { ...group, group: `${group.group}${suffix}`, methods };
}

/** Returns the temporary root (pass it to generateAll). */
export function writeSyntheticSpec(repoRoot, count) {
  const specDir = join(repoRoot, "spec", "v2");
  const groups = realGroups(specDir);
  const perCopy = countMethods(groups);
  const root = mkdtempSync(join(tmpdir(), `wrikekit-spec-${count}-`));
  const outDir = join(root, "spec", "v2"); // where tools/codegen/src/apis.ts looks for v2
  mkdirSync(join(outDir, "methods"), { recursive: true });
  copyFileSync(join(specDir, "api.yaml"), join(outDir, "api.yaml"));
  // Which method ids exist, in order, so that the last copy can be cut and invalidations kept valid.
  const ids = [];
  for (let k = 0; ids.length < count; k++)
    for (const g of groups) for (const key of Object.keys(g.methods)) if (ids.length < count) ids.push(`wrike.${g.group}${k}.${key}`);
  const wanted = new Set(ids);
  const copies = Math.ceil(count / perCopy);
  for (let k = 0; k < copies; k++)
    for (const g of groups) {
      const copy = copyGroup(g, k, (id) => wanted.has(id));
      if (Object.keys(copy.methods).length === 0) continue;
      for (const m of Object.values(copy.methods)) if (m.invalidates) m.invalidates = m.invalidates.filter((id) => wanted.has(id));
      writeFileSync(join(outDir, "methods", `${copy.group}.yaml`), stringify(copy, { lineWidth: 0 }));
    }
  return root;
}
