#!/usr/bin/env node
/**
 * After `changeset version` (which bumps package.json files only): each Deno workspace member's deno.json
 * gets its package.json's version, so that JSR publishes what npm does (test:deno fails when they differ).
 * `pnpm version-packages` runs both.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const readJson = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));

for (const member of readJson("deno.json").workspace) {
  const dir = member.replace(/^\.\//, "");
  const denoPath = `${dir}/deno.json`;
  const denoJson = readJson(denoPath);
  const { version } = readJson(`${dir}/package.json`);
  if (denoJson.version === version) continue;
  console.log(`${denoPath}: ${denoJson.version} -> ${version}`);
  writeFileSync(join(root, denoPath), `${JSON.stringify({ ...denoJson, version }, null, 2)}\n`);
}
