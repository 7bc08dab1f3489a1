#!/usr/bin/env node
// Marks a CommonJS build output directory (default dist/cjs) with {"type": "commonjs"}, so that Node and
// TypeScript read its .js and .d.ts files as CommonJS inside a "type": "module" package.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist/cjs";
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "package.json"), '{ "type": "commonjs" }\n');
