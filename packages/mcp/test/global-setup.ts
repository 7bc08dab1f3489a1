/** Compiles the fixture tool table for the child-process tests, which run the built bin with --table. */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export default function setup(): void {
  const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.fixtures.json"], { stdio: "inherit" });
}
